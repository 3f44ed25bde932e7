import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { InputError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { rejection } from "./helpers/rejection";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const inputError = (p: Promise<unknown>): Promise<InputError> => rejection(p, InputError);

describe("argument validation before any request", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    beforeEach(() => emu.reset());
    afterEach(() => assert.equal(emu.requests.length, 0, "a request was sent for bad input"));
    const s = () => sources(emulatorStackConfig(emu));

    it("names the property and the rule, not the value, for an SMS task id that is too long", async () => {
        const e = await inputError(performRead(operations["huaweicloud.sms.TaskPassphrase"], { taskId: "SENTINEL".repeat(5) }, s()));
        assert.deepEqual(e.failures.map((f) => f.property), ["taskId"]);
        assert.match(e.message, /taskId: expected a string of 1 to 36 characters/);
        assert.ok(!e.message.includes("SENTINEL"));
    });

    it("says a missing id is required", async () => {
        const e = await inputError(performRead(operations["huaweicloud.kps.KeypairTask"], {}, s()));
        assert.match(e.message, /taskId: expected .*\(required\), got nothing/);
    });

    it("rejects path tricks in ids", async () => {
        for (const taskId of ["..", "a/b", "a%2Fb", "a?b", "a#b", "a\nb", "tâche", " "]) {
            const e = await inputError(performRead(operations["huaweicloud.kps.KeypairTask"], { taskId }, s()));
            assert.equal(e.failures[0].property, "taskId", taskId);
        }
    });

    it("rejects a product id with 18 digits, a sign, a decimal point or an unsafe number", async () => {
        for (const productId of ["999999999999999999", "-1", "+1", "1.0", "01", 2 ** 53, 1.5, -3, ""]) {
            const e = await inputError(performRead(operations["huaweicloud.roma.ProductAuthentication"], { instanceId: FIXTURE.romaInstanceId, productId }, s()));
            assert.equal(e.failures[0].property, "productId", String(productId));
        }
    });

    it("requires a 32-character KPS project id and UUID Astra ids", async () => {
        let e = await inputError(performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId, projectId: "abc" }, s()));
        assert.equal(e.failures[0].property, "projectId");
        e = await inputError(performRead(operations["astracontrol.Certificate"], { certificateId: "not-a-uuid", accountId: "x" }, s()));
        assert.deepEqual(e.failures.map((f) => f.property).sort(), ["accountId", "certificateId"]);
    });

    it("rejects numbers where strings are expected and unknown properties", async () => {
        const e = await inputError(performRead(operations["huaweicloud.sms.TaskPassphrase"], { taskId: 12, taskID: "x" }, s()));
        assert.deepEqual(e.failures.map((f) => f.property).sort(), ["taskID", "taskId"]);
        assert.match(e.message, /taskID: unknown property; expected one of taskId, region, endpoint/);
        assert.match(e.message, /got a number/);
    });

    it("rejects malformed regions, endpoints and URLs as arguments", async () => {
        for (const [op, args, prop] of [
            ["huaweicloud.kps.KeypairTask", { taskId: FIXTURE.kpsTaskId, region: "CN North 4" }, "region"],
            ["huaweicloud.kps.KeypairTask", { taskId: FIXTURE.kpsTaskId, region: "cn-north-4.evil.com" }, "region"],
            ["huaweicloud.kps.KeypairTask", { taskId: FIXTURE.kpsTaskId, endpoint: "http://kms.example.com" }, "endpoint"],
            ["huaweicloud.kps.KeypairTask", { taskId: FIXTURE.kpsTaskId, endpoint: "https://user:SENTINEL@kms.example.com" }, "endpoint"],
            ["astracontrol.Certificate", { certificateId: FIXTURE.certificateId, url: "astra.example.com" }, "url"],
            ["astracontrol.Certificate", { certificateId: FIXTURE.certificateId, url: "https://astra.example.com/?q=1" }, "url"],
        ] as const) {
            const e = await inputError(performRead(operations[op], args, s()));
            assert.equal(e.failures[0].property, prop);
            assert.ok(!e.message.includes("SENTINEL"));
        }
    });
});
