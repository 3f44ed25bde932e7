import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { TransportError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { akskLookups, failure } from "./helpers/hostile-servers";
import { emulatorStackConfig, FIXTURE, requestsTo, sources } from "./helpers/stack";

/**
 * One deadline ends the whole read, whatever the transport or the IAM look-ups do. The emulator's
 * `delay` and `upgrade` faults make a slow IAM and a service that answers a GET with
 * `101 Switching Protocols`.
 */

const sms = operations["huaweicloud.sms.TaskPassphrase"];
const kps = operations["huaweicloud.kps.KeypairTask"];

/** Every read below uses AK/SK without project or domain id, so it starts with an IAM look-up. */
const lookups = [
    { name: "KPS after the project id look-up", op: kps, args: { taskId: FIXTURE.kpsTaskId }, service: "kms" },
    { name: "SMS after the domain id look-up", op: sms, args: { taskId: FIXTURE.smsTaskId }, service: "sms" },
] as const;

describe("security: one deadline ends the whole read", function () {
    this.timeout(20_000);
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => {
        emu.reset();
        clearIamCache();
    });

    const config = (extra: Record<string, string>): Record<string, string> => emulatorStackConfig(emu, { ...akskLookups(), "huaweicloud:maxRetries": "0", ...extra });

    for (const l of lookups) {
        // IAM takes 2 s and the service 2 s: each fits in a 3 s deadline, both together do not.
        // A deadline that restarted after the look-up would let this read succeed.
        it(`${l.name}: the look-up's time counts against the deadline`, async () => {
            emu.inject("iam", { kind: "delay", ms: 2000 });
            emu.inject(l.service, { kind: "delay", ms: 2000 });
            const e = await failure(performRead(l.op, l.args, sources(config({ "huaweicloud:deadline": "3", "huaweicloud:requestTimeout": "30" }))));
            assert.ok(e instanceof TransportError, String(e));
            assert.match(e.message, /deadline of 3000 ms/);
            assert.match(e.message, /huaweicloud:deadline/);
            assert.equal(requestsTo(emu, "iam"), 1);
            assert.equal(requestsTo(emu, l.service), 1, "the look-up finished and the read itself was sent");
        });

        it(`${l.name}: without the slow look-up the same read succeeds (control)`, async () => {
            emu.inject(l.service, { kind: "delay", ms: 2000 });
            const r = await performRead(l.op, l.args, sources(config({ "huaweicloud:deadline": "3", "huaweicloud:requestTimeout": "30" })));
            assert.equal(r.args.taskId, l.args.taskId);
        });
    }

    it("a 101 Switching Protocols answer from the service ends the read (requestTimeout 1 s, deadline 3 s)", async () => {
        emu.inject("sms", { kind: "upgrade" });
        const token = emulatorStackConfig(emu, { "huaweicloud:maxRetries": "0", "huaweicloud:requestTimeout": "1", "huaweicloud:deadline": "3" });
        const e = await failure(performRead(sms, { taskId: FIXTURE.smsTaskId }, sources(token)));
        assert.ok(e instanceof TransportError, String(e));
        assert.match(e.message, /Huawei Cloud SMS ShowPassphrase/);
        assert.match(e.message, /101 Switching Protocols/);
    });

    it("a 101 Switching Protocols answer from the IAM look-up ends the read", async () => {
        emu.inject("iam", { kind: "upgrade" });
        const e = await failure(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config({ "huaweicloud:requestTimeout": "1", "huaweicloud:deadline": "3" }))));
        assert.ok(e instanceof TransportError, String(e));
        assert.match(e.message, /Huawei Cloud IAM KeystoneListProjects/);
        assert.match(e.message, /101 Switching Protocols/);
        assert.equal(requestsTo(emu, "kms"), 0);
    });
});
