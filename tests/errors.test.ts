import * as assert from "node:assert/strict";
import { Emulator, EmulatedService, Fault, startEmulator } from "../emulator";
import { inspect } from "node:util";
import { ApiError, AuthError, ConfigurationError, NotFoundError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import type { AnyReadOperation } from "../provider/operations/operation";
import { rejection } from "./helpers/rejection";
import { emulatorStackConfig, FIXTURE, requestsTo, sources } from "./helpers/stack";

interface Case {
    readonly op: AnyReadOperation;
    readonly service: EmulatedService;
    readonly args: Record<string, unknown>;
    readonly serviceName: string;
    readonly operation: string;
}

const CASES: readonly Case[] = [
    { op: operations["huaweicloud.sms.TaskPassphrase"], service: "sms", args: { taskId: FIXTURE.smsTaskId }, serviceName: "Huawei Cloud SMS", operation: "ShowPassphrase" },
    { op: operations["huaweicloud.roma.ProductAuthentication"], service: "roma", args: { instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaBigProductId }, serviceName: "Huawei Cloud ROMA Connect", operation: "ShowProductAuthentication" },
    { op: operations["huaweicloud.kps.KeypairTask"], service: "kms", args: { taskId: FIXTURE.kpsTaskId }, serviceName: "Huawei Cloud KPS", operation: "ListKeypairTask" },
    { op: operations["astracontrol.Certificate"], service: "astra", args: { certificateId: FIXTURE.certificateId }, serviceName: "NetApp Astra Control", operation: "Retrieve a certificate" },
];

const SECRETS = [FIXTURE.huaweiToken, FIXTURE.astraToken, FIXTURE.smsPassphrase, FIXTURE.romaPassword];

async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const e = await rejection(promise, ApiError);
    for (const s of SECRETS) assert.ok(!e.message.includes(s), "a secret reached the message");
    return e;
}

describe("error responses, per API and status", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    beforeEach(() => emu.reset());
    const s = (extra: Record<string, string> = {}) => sources(emulatorStackConfig(emu, { "huaweicloud:maxRetries": "2", "astracontrol:maxRetries": "2", ...extra }));

    for (const c of CASES) {
        describe(c.serviceName, () => {
            for (const status of [400, 401, 403, 404, 409, 500, 503] as const) {
                it(`turns a ${status} into an error naming service, operation, status, vendor code and request id`, async () => {
                    emu.inject(c.service, { kind: "status", status } as Fault, Infinity);
                    const e = await failure(performRead(c.op, c.args, s()));
                    assert.equal(e.service, c.serviceName);
                    assert.equal(e.operation, c.operation);
                    assert.equal(e.status, status);
                    assert.ok(e.vendorCode, "vendor code missing");
                    assert.ok(e.requestId, "request id missing");
                    assert.ok(e.message.includes(c.serviceName) && e.message.includes(c.operation), e.message);
                    assert.ok(e.message.includes(`HTTP ${status}`) && e.message.includes(e.vendorCode) && e.message.includes(e.requestId), e.message);
                    if (status === 401 || status === 403) assert.ok(e instanceof AuthError);
                    if (status === 404) assert.ok(e instanceof NotFoundError);
                    const transient = status === 503 || (status === 409 && c.service === "astra");
                    assert.equal(requestsTo(emu, c.service), transient ? 3 : 1, "attempts");
                    if (transient) assert.match(e.message, /Still failing after 3 attempts: retries stop at \w+:maxRetries \(2\)/);
                    else assert.doesNotMatch(e.message, /Still failing/);
                });
            }

            it("recovers when a 503 is followed by success", async () => {
                emu.inject(c.service, { kind: "status", status: 503 }, 2);
                const out = await performRead(c.op, c.args, s());
                assert.ok(out.result);
                assert.equal(requestsTo(emu, c.service), 3);
            });
        });
    }

    it("reports a missing KPS task as NotFoundError naming the project and task ids", async () => {
        const e = await failure(performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: "00000000-0000-0000-0000-00000000dead" }, s()));
        assert.ok(e instanceof NotFoundError);
        assert.match(e.message, /taskId "00000000-0000-0000-0000-00000000dead"/);
        assert.match(e.message, new RegExp(FIXTURE.projectId));
    });

    it("treats ROMA's documented 500 ROMA.00110002 as not found and does not retry it", async () => {
        const e = await failure(performRead(operations["huaweicloud.roma.ProductAuthentication"], { instanceId: "00000000-0000-0000-0000-000000000000", productId: "1" }, s()));
        assert.ok(e instanceof NotFoundError);
        assert.equal(e.status, 500);
        assert.equal(e.vendorCode, "ROMA.00110002");
        assert.equal(requestsTo(emu, "roma"), 1);
    });

    it("reports a wrong Huawei token as AuthError without echoing it", async () => {
        const e = await failure(performRead(operations["huaweicloud.sms.TaskPassphrase"], { taskId: FIXTURE.smsTaskId }, s({ "huaweicloud:token": "SENTINEL-WRONG-TOKEN-000000001" })));
        assert.ok(e instanceof AuthError);
        assert.equal(e.status, 401);
        assert.ok(!e.message.includes("SENTINEL-WRONG-TOKEN-000000001"));
    });

    it("reports a wrong Astra token as AuthError with the problem number", async () => {
        const e = await failure(performRead(operations["astracontrol.Certificate"], { certificateId: FIXTURE.certificateId }, s({ "astracontrol:apiToken": "SENTINEL-WRONG-ASTRA-000000001" })));
        assert.ok(e instanceof AuthError);
        assert.equal(e.vendorCode, "problem 4");
        assert.ok(!e.message.includes("SENTINEL-WRONG-ASTRA-000000001"));
    });

    it("reports an Astra body of the wrong shape as a ResponseDecodeError naming fields, never values", async () => {
        const cert = emu.data.astra.certificates.find((x) => x.resource.id === FIXTURE.certificateId);
        assert.ok(cert);
        cert.resource.isSelfSigned = "SENTINEL-MAYBE";
        cert.resource.cn = 42;
        const e = await failure(performRead(operations["astracontrol.Certificate"], { certificateId: FIXTURE.certificateId }, s()));
        assert.equal(e.code, "ERR_RESPONSE_DECODE");
        assert.match(e.message, /isSelfSigned: expected "true" or "false"/);
        assert.match(e.message, /cn: expected string, found a number/);
        assert.ok(!e.message.includes("SENTINEL-MAYBE"));
    });

    it("rejects a certificate field that is not base64 of PEM or DER", async () => {
        const cert = emu.data.astra.certificates.find((x) => x.resource.id === FIXTURE.certificateId);
        assert.ok(cert);
        cert.resource.cert = Buffer.from("not a certificate at all").toString("base64");
        const e = await failure(performRead(operations["astracontrol.Certificate"], { certificateId: FIXTURE.certificateId }, s()));
        assert.match(e.message, /cert: expected base64 of a PEM or DER certificate/);
    });
});

describe("how an error renders in Pulumi's report of a failed program (util.inspect)", () => {
    it("shows the class and the message, without node's stack rendering, and keeps the stack", () => {
        const e = new ConfigurationError("huaweicloud.kps.getKeypairTaskOutput: there is no connection named \"x\"");
        assert.equal(inspect(e), `ConfigurationError: huaweicloud.kps.getKeypairTaskOutput: there is no connection named "x"`);
        assert.equal(inspect(e, { colors: true }), inspect(e));
        assert.match(e.stack ?? "", /\n\s+at /);
    });
});
