import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { validateArgs } from "../provider/core/validate-args";
import { operations } from "../provider/operations";
import type { AnyReadOperation } from "../provider/operations/operation";
import { json, rawServer, RawServer } from "./helpers/hostile-servers";
import { emulatorStackConfig, FIXTURE, requestsTo, sources } from "./helpers/stack";

/**
 * A polluted `Object.prototype` (a gadget elsewhere in the program set `endpoint`, say) must not
 * become an argument or a setting: the read still goes to the configured host, with its
 * credentials, and the polluted host hears nothing.
 */

const proto = Object.prototype as Record<string, unknown>;

/** Runs `work` with `Object.prototype[key] = value`, restoring the prototype afterwards whatever happens. */
async function polluted<T>(key: string, value: unknown, work: () => Promise<T>): Promise<T> {
    assert.equal(Object.prototype.hasOwnProperty.call(proto, key), false, `Object.prototype.${key} is already set`);
    proto[key] = value;
    try {
        return await work();
    } finally {
        delete proto[key];
    }
}

const reads = [
    { key: "endpoint", op: operations["huaweicloud.sms.TaskPassphrase"], args: { taskId: FIXTURE.smsTaskId }, service: "sms", check: (r: Record<string, unknown>) => assert.equal(r.passphrase, FIXTURE.smsPassphrase) },
    { key: "endpoint", op: operations["huaweicloud.kps.KeypairTask"], args: { taskId: FIXTURE.kpsTaskId }, service: "kms", check: (r: Record<string, unknown>) => assert.equal(r.taskId, FIXTURE.kpsTaskId) },
    { key: "projectId", op: operations["huaweicloud.kps.KeypairTask"], args: { taskId: FIXTURE.kpsTaskId }, service: "kms", check: (r: Record<string, unknown>) => assert.equal(r.projectId, FIXTURE.projectId) },
    { key: "region", op: operations["huaweicloud.sms.TaskPassphrase"], args: { taskId: FIXTURE.smsTaskId }, service: "sms", check: (r: Record<string, unknown>) => assert.equal(r.passphrase, FIXTURE.smsPassphrase) },
    { key: "url", op: operations["astracontrol.Certificate"], args: { certificateId: FIXTURE.certificateId }, service: "astra", check: (r: Record<string, unknown>) => assert.equal(r.id, FIXTURE.certificateId) },
    { key: "accountId", op: operations["astracontrol.Certificate"], args: { certificateId: FIXTURE.certificateId }, service: "astra", check: (r: Record<string, unknown>) => assert.equal(r.accountId, FIXTURE.astraAccountId) },
] as const;

/** A value for `key` that would send the read to `hostile` (or elsewhere) if it were ever read. */
function hostileValue(key: string, hostile: RawServer): string {
    if (key === "endpoint" || key === "url") return hostile.url;
    if (key === "projectId") return "ffffffffffffffffffffffffffffffff";
    if (key === "accountId") return "ffffffff-ffff-ffff-ffff-ffffffffffff";
    return "ap-southeast-1";
}

describe("security: validated arguments and settings inherit nothing from Object.prototype", function () {
    this.timeout(15_000);
    let emu: Emulator;
    let hostile: RawServer;
    before(async () => {
        emu = await startEmulator({ port: 0 });
        hostile = await rawServer((_req, res) => json(res, 200, { passphrase: "from the polluted host", task_id: FIXTURE.smsTaskId }));
    });
    after(async () => {
        await hostile.close();
        await emu.close();
    });
    beforeEach(() => emu.reset());

    for (const r of reads) {
        it(`with Object.prototype.${r.key} set, ${r.op.token} still reads from the configured host`, async () => {
            const outcome = await polluted(r.key, hostileValue(r.key, hostile), async () => {
                const op: AnyReadOperation = r.op;
                const args = validateArgs(op.token, op.args, op.argNames, r.args) as Record<string, unknown>;
                assert.equal(Object.getPrototypeOf(args), null, "validated arguments have no prototype");
                assert.equal(args[r.key], undefined);
                return performRead(r.op, r.args, sources(emulatorStackConfig(emu)));
            });
            r.check(outcome.result);
            assert.equal(requestsTo(emu, r.service), 1);
            assert.equal(hostile.hits(), 0);
        });
    }

    it("the prototype is restored after each case", () => {
        for (const r of reads) assert.equal(Object.prototype.hasOwnProperty.call(proto, r.key), false);
    });
});
