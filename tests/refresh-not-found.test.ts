import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { Emulator } from "../emulator";
import { ApiError, NotFoundError } from "../provider/core/errors";
import { operationFor } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import * as host from "../provider/runtime/host";
import { useCliStack } from "./helpers/cli-stack";
import { astraAt, huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import type { PulumiCli } from "./helpers/pulumi-cli";
import { oneKeypairTaskYaml, usePluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

/**
 * A refresh drops a resource (read answers `{ id: "" }`) only when the service said the object
 * does not exist: a 404 whose code has the service's own prefix (`KPS.`, `SMS.`, `ROMA.`, any code
 * of it: `KPS.0404` as well as `KPS.0002`), ROMA's documented 500 `ROMA.00110002`, or Astra's 404
 * problem 2. The API gateway's 404 `APIGW.0101` ("The API does not exist": a wrong endpoint), a
 * 404 without a code, a 404 with another service's code, or Astra's problem 1 (any unknown URI)
 * fail the refresh instead, naming the endpoint, and the resource stays. A function never drops
 * anything: its missing object is a NotFoundError naming the ids.
 */

const KPS = "huaweicloud.kps.KeypairTask";
const ROMA = "huaweicloud.roma.ProductAuthentication";
const ASTRA = "astracontrol.Certificate";
const props: Record<string, Record<string, unknown>> = {
    [KPS]: { projectId: FIXTURE.projectId, taskId: FIXTURE.kpsTaskId },
    [ROMA]: { projectId: FIXTURE.projectId, instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaSmallProductId },
    [ASTRA]: { accountId: FIXTURE.astraAccountId, certificateId: FIXTURE.certificateId },
};
const ids: Record<string, string> = {
    [KPS]: `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`,
    [ROMA]: `${FIXTURE.projectId}/${FIXTURE.romaInstanceId}/${FIXTURE.romaSmallProductId}`,
    [ASTRA]: FIXTURE.certificateId,
};
const problem = (n: number): Record<string, unknown> => ({ type: `https://astra.netapp.io/problems/${n}`, title: "Not found", detail: "d", status: "404", correlationID: "c" });

const cases: readonly { label: string; token: string; status: number; body: unknown; dropped: boolean }[] = [
    { label: "the gateway's 404 APIGW.0101 (The API does not exist)", token: KPS, status: 404, body: { error_code: "APIGW.0101", error_msg: "The API does not exist or has not been published in the environment.", request_id: "r" }, dropped: false },
    { label: "a 404 without a body", token: KPS, status: 404, body: undefined, dropped: false },
    { label: "a 404 with another service's code (SMS.2252 on a KPS read)", token: KPS, status: 404, body: { error_code: "SMS.2252", error_msg: "The source server has no migration task." }, dropped: false },
    { label: "a 404 with a message and no code", token: KPS, status: 404, body: { error_msg: "Not Found" }, dropped: false },
    { label: "KPS's 404 with a code the emulator does not know (KPS.0404)", token: KPS, status: 404, body: { error_code: "KPS.0404", error_msg: "Task not found." }, dropped: true },
    { label: "ROMA's 404 with another code of its own (ROMA.00119999)", token: ROMA, status: 404, body: { error_code: "ROMA.00119999", error_msg: "The product does not exist." }, dropped: true },
    { label: "a 400 with the service's prefix (KPS.0001) is no not-found", token: KPS, status: 400, body: { error_code: "KPS.0001", error_msg: "Invalid request parameter." }, dropped: false },
    { label: "Astra's 404 problem 1 (an unknown URI)", token: ASTRA, status: 404, body: problem(1), dropped: false },
    { label: "KPS's 404 KPS.0002 (the task does not exist)", token: KPS, status: 404, body: { error_code: "KPS.0002", error_msg: "The key pair task does not exist." }, dropped: true },
    { label: "ROMA's 404 ROMA.00110006 (the product does not exist)", token: ROMA, status: 404, body: { error_code: "ROMA.00110006", error_msg: "The resource does not exist." }, dropped: true },
    { label: "ROMA's documented 500 ROMA.00110002 (the instance does not exist)", token: ROMA, status: 500, body: { error_code: "ROMA.00110002", error_msg: "The instance does not exist." }, dropped: true },
    { label: "Astra's 404 problem 2 (the certificate does not exist)", token: ASTRA, status: 404, body: problem(2), dropped: true },
];

describe("refresh drops a resource only for a real 'does not exist'", function () {
    this.timeout(15_000);
    for (const c of cases) {
        it(`${c.label}: ${c.dropped ? "dropped" : "an ApiError, the resource stays"}`, async () => {
            const server = await rawServer((_req, res) => {
                if (c.body === undefined) res.writeHead(c.status).end();
                else json(res, c.status, c.body);
            });
            try {
                const config: Record<string, string> = { ...huaweiAt(server.url), ...astraAt(server.url) };
                host.configure({ get: (key: string) => config[key] } as never);
                const outcome = await host.read(c.token, ids[c.token]!, props[c.token]).catch((e: unknown) => e);
                if (c.dropped) assert.deepEqual(outcome, { id: "" });
                else assert.ok(outcome instanceof ApiError && !(outcome instanceof NotFoundError), String(outcome));
                // A 404 that keeps the resource names the endpoint that answered it.
                if (!c.dropped && c.status === 404) assert.match(String(outcome), new RegExp(`the endpoint ${server.url.replace(/[.]/g, "\\.")} has no such API`));
            } finally {
                await server.close();
            }
        });
    }
});

describe("a function never drops anything: its missing object is a NotFoundError naming the ids", function () {
    this.timeout(15_000);
    it("huaweicloud.kps.getKeypairTask on a 404 KPS.0404", async () => {
        const server = await rawServer((_req, res) => json(res, 404, { error_code: "KPS.0404", error_msg: "Task not found." }));
        try {
            const config: Record<string, string> = huaweiAt(server.url);
            const sources = { config: (k: string) => config[k], env: {} };
            const e = await performRead(operationFor(KPS), { taskId: FIXTURE.kpsTaskId }, sources, "huaweicloud.kps.getKeypairTask").catch((x: unknown) => x);
            assert.ok(e instanceof NotFoundError, String(e));
            assert.match(e.message, new RegExp(`^huaweicloud\\.kps\\.getKeypairTask: .*taskId "${FIXTURE.kpsTaskId}".* found nothing: HTTP 404, error code KPS\\.0404`));
        } finally {
            await server.close();
        }
    });
});

/** The KPS resource's URNs in the stack's state. */
async function kpsResources(cli: PulumiCli, name: string): Promise<string[]> {
    const state = JSON.parse((await cli.ok(["stack", "export"])).stdout) as { deployment: { resources?: { urn: string }[] } };
    return (state.deployment.resources ?? []).map((r) => r.urn).filter((u) => u.endsWith(`::${name}`));
}

/**
 * Through the real CLI, against the emulator answering the KPS read with a code of our choosing:
 * the gateway's 404 and a 404 without a code fail the refresh, naming the endpoint, and keep the
 * resource; KPS's own 404 `KPS.0404` (a code the emulator otherwise never sends) drops it.
 */
function throughTheCli(cli: () => PulumiCli, emu: () => Emulator, name: string): void {
    const origin = (): string => new URL(emu().endpoints.kms).origin;
    for (const [label, code] of [["the gateway's 404 APIGW.0101", "APIGW.0101"], ["a 404 without an error code", ""]] as const) {
        it(`${label}: refresh fails naming the endpoint, and the resource stays`, async () => {
            emu().inject("kms", { kind: "status", status: 404, code, message: "The API does not exist or has not been published in the environment." }, Infinity);
            try {
                const r = await cli().run(["refresh", "--yes", "--skip-preview"]);
                assert.notEqual(r.code, 0, r.stdout);
                assert.ok(r.stdout.includes(`the endpoint ${origin()} has no such API`), r.stdout.slice(-3000));
            } finally {
                emu().clearFaults();
            }
            assert.equal((await kpsResources(cli(), name)).length, 1);
        });
    }
    it("KPS's own 404 KPS.0404: refresh succeeds and drops the resource", async () => {
        emu().inject("kms", { kind: "status", status: 404, code: "KPS.0404", message: "The task does not exist." }, Infinity);
        try {
            await cli().ok(["refresh", "--yes", "--skip-preview"]);
        } finally {
            emu().clearFaults();
        }
        assert.deepEqual(await kpsResources(cli(), name), []);
    });
}

describe("real Pulumi CLI, dynamic form (examples/quickstart): refresh and the three kinds of 404", function () {
    this.timeout(240_000);
    const stack = useCliStack(path.join(__dirname, ".."), "refresh-404");
    before(async function () {
        this.timeout(240_000);
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
    });
    throughTheCli(() => stack.cli, () => stack.emu, "reset-task");
});

const YAML = oneKeypairTaskYaml("refresh-404", "keypairTask");

describe("real Pulumi CLI, provider plugin from YAML: refresh and the three kinds of 404", function () {
    this.timeout(240_000);
    const suite = usePluginStack(YAML);
    before(async function () {
        this.timeout(240_000);
        await suite.stack.cli.ok(["up", "--yes", "--skip-preview"]);
    });
    throughTheCli(() => suite.stack.cli, () => suite.emulator, "keypairTask");
});
