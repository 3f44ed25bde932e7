import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { ConfigurationError } from "../provider/core/errors";
import type { SettingSources } from "../provider/core/settings";
import { performRead } from "../provider/runtime/execute";
import { resetSaidOnce } from "../provider/core/said-once";
import { operations } from "../provider/operations";
import { pluginSources } from "../provider/plugin/config";
import { rejection } from "./helpers/rejection";
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";

const kps = operations["huaweicloud.kps.KeypairTask"];
const silent = { info: () => undefined, warn: () => undefined };

/** Sources over `config` that count how often each key is read, sharing one memo (as the plugin's do per Configure). */
function counted(config: Record<string, string | undefined>, memo: Map<string, unknown> | undefined): { sources: SettingSources; reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const sources: SettingSources = {
        config: (key) => {
            reads.set(key, (reads.get(key) ?? 0) + 1);
            return config[key];
        },
        env: { HOME: "/nonexistent-home-for-tests" },
        memo,
    };
    return { sources, reads };
}

describe("settings: what reads derive from config and env alone is resolved once per memo (the plugin's Configure)", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    beforeEach(() => {
        emu.reset();
        resetSaidOnce();
    });

    it("with a memo, a second read resolves the policy, TLS settings and endpoints from it, not from the config", async () => {
        const memo = new Map<string, unknown>();
        const { sources, reads } = counted(emulatorStackConfig(emu), memo);
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources);
        const first = new Map(reads);
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources);
        for (const key of ["huaweicloud:maxRetries", "huaweicloud:deadline", "huaweicloud:caCert", "huaweicloud:endpoints"]) {
            assert.ok((first.get(key) ?? 0) > 0, `${key} is read by the first read`);
        }
        assert.equal(reads.get("huaweicloud:maxRetries"), first.get("huaweicloud:maxRetries"), "the policy comes from the memo");
        assert.equal(reads.get("huaweicloud:caCert"), first.get("huaweicloud:caCert"), "the TLS settings come from the memo");
        // The endpoints' source is still looked up for messages (`from`), but their JSON is parsed from the memo.
        const endpointReads = first.get("huaweicloud:endpoints") ?? 0;
        assert.ok((reads.get("huaweicloud:endpoints") ?? 0) - endpointReads < endpointReads, "the second read parses no endpoints");
        assert.ok(memo.has("huaweicloud:endpoints"));
        assert.equal(emu.requests.length, 2);
    });

    it("without a memo, each read resolves them again (the dynamic form, whose config can change between reads)", async () => {
        const { sources, reads } = counted(emulatorStackConfig(emu), undefined);
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources);
        const first = reads.get("huaweicloud:maxRetries") ?? 0;
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources);
        assert.equal(reads.get("huaweicloud:maxRetries"), first * 2);
    });

    it("keeps no failure: a bad setting fails every read, each with its own subject, before any request", async () => {
        const memo = new Map<string, unknown>();
        const { sources } = counted({ ...emulatorStackConfig(emu), "huaweicloud:maxRetries": "many" }, memo);
        for (let i = 0; i < 2; i++) {
            const e = await rejection(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources), ConfigurationError);
            assert.match(e.message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:maxRetries must be a whole number from 0 to 20\./);
        }
        assert.equal(memo.size, 0);
        assert.equal(emu.requests.length, 0);
    });

    it("the plugin's sources: one memo for every read of a Configure, a new one for the next Configure", async () => {
        const config = emulatorStackConfig(emu);
        const settings = new Map([
            ["huaweicloudToken", config["huaweicloud:token"]!],
            ["huaweicloudProjectId", config["huaweicloud:projectId"]!],
            ["huaweicloudEndpoints", config["huaweicloud:endpoints"]!],
        ]);
        const configured = pluginSources(settings);
        const a = configured(silent);
        const b = configured(silent);
        assert.ok(a.memo && a.memo === b.memo, "reads of one Configure share the memo");
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, a);
        assert.equal(emu.requests.length, 1);
        // A later Configure pointing the KMS endpoint elsewhere is taken at the next read, not the memo's.
        const elsewhere = pluginSources(new Map([...settings, ["huaweicloudEndpoints", JSON.stringify({ kms: "http://127.0.0.1:9" })], ["huaweicloudMaxRetries", "0"]]))(silent);
        assert.notEqual(elsewhere.memo, a.memo);
        await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, elsewhere), /127\.0\.0\.1:9/);
        assert.equal(emu.requests.length, 1);
    });
});
