import * as assert from "node:assert/strict";
import { ApiError, NotFoundError } from "../provider/core/errors";
import * as host from "../provider/runtime/host";
import { astraAt, huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE } from "./helpers/stack";

/**
 * A refresh drops a resource (read answers `{ id: "" }`) only when the vendor said the object does
 * not exist: the service's own not-found code. The API gateway's 404 `APIGW.0101` ("The API does
 * not exist": a wrong endpoint), a 404 without a code, a 404 with a code that means something
 * else, or Astra's problem 1 (any unknown URI) fail the refresh instead, and the resource stays.
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
    { label: "a 404 whose code means something else (SMS.2252)", token: KPS, status: 404, body: { error_code: "SMS.2252", error_msg: "The source server has no migration task." }, dropped: false },
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
            } finally {
                await server.close();
            }
        });
    }
});
