import * as assert from "node:assert/strict";
import type * as http from "node:http";
import { loadDefaultFixtures } from "../emulator/fixtures";
import type { SettingSources } from "../provider/core/settings";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * Every message source a read has (the error it fails with, the `warn` warnings, the `status`
 * lines of a `waitFor`, the `progress` line of retries) is walked with a server that puts
 * terminal escapes into each vendor field that reaches one: an OSC 52 clipboard write, a line
 * erase, a carriage return starting a fake "succeeded" line, C1 controls and bidi overrides.
 * Nothing unsafe may come out; the visible letters around the escapes must.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ESCAPES = "\u001b]52;c;ZXZpbA==\u0007\u001b[2K\r\nupdate succeeded\u009b31m\u202e";
/** A status with the escapes inside; still RUNNING to the wait, so it polls, reports and times out. */
const STATUS = `RUNNING_${ESCAPES}`;
const certificate = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;

interface Case {
    readonly source: string;
    readonly respond: (req: http.IncomingMessage, res: http.ServerResponse) => void;
    readonly read: (config: (url: string) => SettingSources) => Promise<unknown>;
    readonly config: (url: string) => Record<string, string>;
    /** Which messages must have appeared (so the case cannot pass by printing nothing). */
    readonly expects: readonly ("error" | "warn" | "status" | "progress")[];
}

const waitConfig = (url: string): Record<string, string> => huaweiAt(url, { "cloudreads:pollBaseDelayMs": "5" });

const CASES: readonly Case[] = [
    {
        source: "waitFor on a KPS task_status: status lines and the timeout error",
        respond: (_req, res) => json(res, 200, { task_id: FIXTURE.kpsTaskId, task_status: STATUS }),
        read: (src) => performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId, waitFor: { timeout: 1 } }, src("")),
        config: waitConfig,
        expects: ["status", "error"],
    },
    {
        source: "waitFor on an SMS state: status lines and the timeout error",
        respond: (_req, res) => json(res, 200, { id: FIXTURE.smsTaskId, name: "t", state: ESCAPES }),
        read: (src) => performRead(operations["huaweicloud.sms.Task"], { taskId: FIXTURE.smsTaskId, waitFor: { timeout: 1 } }, src("")),
        config: waitConfig,
        expects: ["status", "error"],
    },
    {
        source: "waitFor on an SMS task that fails: its name and error_json in the error",
        respond: (_req, res) => json(res, 200, { id: FIXTURE.smsTaskId, name: ESCAPES, state: "MIGRATE_FAIL", error_json: ESCAPES }),
        read: (src) => performRead(operations["huaweicloud.sms.Task"], { taskId: FIXTURE.smsTaskId, waitFor: {} }, src("")),
        config: waitConfig,
        expects: ["error"],
    },
    {
        source: "an Astra cn that disagrees with the certificate: the warning",
        respond: (_req, res) => json(res, 200, { ...certificate, cn: ESCAPES }),
        read: (src) => performRead(operations["astracontrol.Certificate"], { certificateId: FIXTURE.certificateId }, src("")),
        config: (url) => astraAt(url),
        expects: ["warn"],
    },
    {
        source: "ROMA product names in a by-name look-up that finds none: the error",
        respond: (_req, res) => json(res, 200, { items: [{ id: "1024", name: ESCAPES }], total: 1 }),
        read: (src) => performRead(operations["huaweicloud.roma.ProductAuthentication"], { instanceId: FIXTURE.romaInstanceId, productName: "meter" }, src("")),
        config: (url) => huaweiAt(url),
        expects: ["error"],
    },
    {
        source: "a Huawei error body: the error",
        respond: (_req, res) => json(res, 400, { error_code: ESCAPES, error_msg: ESCAPES, request_id: ESCAPES }),
        read: (src) => performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId }, src("")),
        config: (url) => huaweiAt(url),
        expects: ["error"],
    },
    {
        source: "retries of a 503 with a hostile body: the progress line and the error",
        respond: (_req, res) => json(res, 503, { error_code: ESCAPES, error_msg: ESCAPES }, { "Retry-After": "1" }),
        read: (src) => performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId }, src("")),
        config: (url) => huaweiAt(url, { "huaweicloud:maxRetries": "3", "cloudreads:retryBaseDelayMs": "1000" }),
        expects: ["progress", "error"],
    },
];

describe("security: every message source is terminal-safe, waitFor included", function () {
    this.timeout(30_000);
    for (const c of CASES) {
        it(c.source, async () => {
            const seen: Record<string, string[]> = { error: [], warn: [], status: [], progress: [] };
            const server = await rawServer(c.respond);
            try {
                const src = (): SettingSources => ({
                    ...sources(c.config(server.url)),
                    warn: (m) => void seen.warn!.push(m),
                    status: (m) => void seen.status!.push(m),
                    progress: (m) => void seen.progress!.push(m),
                });
                try {
                    await c.read(src);
                } catch (e) {
                    seen.error!.push((e as Error).message);
                    for (const v of Object.values(e as object)) if (typeof v === "string") seen.error!.push(v);
                }
            } finally {
                await server.close();
            }
            for (const kind of c.expects) assert.ok(seen[kind]!.length > 0, `no ${kind} message: ${JSON.stringify(seen)}`);
            for (const [kind, messages] of Object.entries(seen)) {
                for (const m of messages) assert.doesNotMatch(m, UNSAFE, `${kind}: ${JSON.stringify(m)}`);
            }
            // The letters around the escapes survive (flattened onto one line, or quoted as JSON).
            assert.match(Object.values(seen).flat().join("\n"), /ZXZpbA==.*update succeeded/);
        });
    }
});
