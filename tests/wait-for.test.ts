import { strict as assert } from "node:assert";
import { startEmulator, type Emulator } from "../emulator";
import { ConditionError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const kps = operations["huaweicloud.kps.KeypairTask"];
const sms = operations["huaweicloud.sms.Task"];

/** `waitFor` on KPS key pair tasks and SMS migration tasks, against the emulator's scripted timelines. */
describe("waitFor: polling a task until it reaches a phase", () => {
    let emu: Emulator;
    const statuses: string[] = [];
    const warnings: string[] = [];
    const src = (extra: Record<string, string> = {}) => ({
        ...sources(emulatorStackConfig(emu, { "cloudreads:pollBaseDelayMs": "5", ...extra })),
        status: (m: string) => void statuses.push(m),
        warn: (m: string) => void warnings.push(m),
    });
    const kpsTask = () => emu.data.huawei.kps.tasks.find((t) => t.taskId === FIXTURE.kpsTaskId)!;
    const smsTask = () => emu.data.huawei.sms.tasks.find((t) => t.taskId === FIXTURE.smsTaskId)!;
    const gets = (service: string) => emu.requests.filter((r) => r.service === service).length;

    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu?.close());
    beforeEach(() => {
        emu.reset();
        statuses.length = 0;
        warnings.length = 0;
    });

    it("without waitFor, reads once whatever the phase", async () => {
        kpsTask().timeline = [{ status: "RUNNING_RESET", polls: 3 }];
        const r = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, src());
        assert.equal(r.result.taskStatus, "RUNNING_RESET");
        assert.equal(gets("kms"), 1);
    });

    it("waits for a final phase: RUNNING_RESET for 3 polls, then SUCCESS_RESET; says so at each poll", async () => {
        kpsTask().timeline = [{ status: "RUNNING_RESET", polls: 3 }, { status: "SUCCESS_RESET", polls: 1 }];
        const r = await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: {} }, src());
        assert.equal(r.result.taskStatus, "SUCCESS_RESET");
        assert.equal(gets("kms"), 4);
        assert.equal(statuses.length, 3);
        assert.match(statuses[0]!, /^huaweicloud\.kps\.KeypairTask: projectId "0123456789abcdef0123456789abcdef", taskId "aee8d2fe-5484-4753-9177-5a38dc15546c" is RUNNING_RESET; waiting for a final phase \(SUCCESS, FAILED\) \(poll 1, \d+ s of 600 s\)$/);
    });

    it("stops at the phase asked for, or at a full status named", async () => {
        kpsTask().timeline = [{ status: "READY_RESET", polls: 2 }, { status: "RUNNING_RESET", polls: 5 }];
        assert.equal((await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: { phase: ["RUNNING", "SUCCESS"] } }, src())).result.phase, "RUNNING");
        assert.equal(gets("kms"), 3);
        kpsTask().timeline = [{ status: "RUNNING_RESET", polls: 1 }];
        assert.equal((await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: { phase: "RUNNING_RESET" } }, src())).result.taskStatus, "RUNNING_RESET");
    });

    it("a task that ends FAILED fails the read with its status, unless FAILED was asked for", async () => {
        kpsTask().timeline = [{ status: "RUNNING_RESET", polls: 1 }, { status: "FAILED_RESET", polls: 5 }];
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: { phase: "SUCCESS" } }, src()).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /key pair task aee8d2fe-5484-4753-9177-5a38dc15546c ended FAILED_RESET on server c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006, while waiting for phase SUCCESS/);
        assert.equal((await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: { phase: "FAILED" } }, src())).result.phase, "FAILED");
    });

    it("a timeout fails the read naming the last status seen; the polls back off", async () => {
        kpsTask().timeline = [{ status: "RUNNING_RESET", polls: 1_000_000 }];
        const started = Date.now();
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, waitFor: { timeout: 1 } }, src({ "cloudreads:pollBaseDelayMs": "100" })).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /gave up after 1 s \(waitFor\.timeout 1 s\) and \d+ polls waiting for a final phase \(SUCCESS, FAILED\); the last status seen was RUNNING_RESET/);
        assert.ok(Date.now() - started >= 1000);
        // Backoff from 100 ms doubling: far fewer polls than one per 5 ms.
        assert.ok(gets("kms") < 20, `${gets("kms")} polls`);
    });

    it("SMS: waits for MIGRATE_SUCCESS, and a MIGRATE_FAIL fails with the task's error", async () => {
        smsTask().timeline = [{ status: "RUNNING", polls: 2 }, { status: "MIGRATE_SUCCESS", polls: 1 }];
        assert.equal((await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src())).result.state, "MIGRATE_SUCCESS");
        assert.equal(gets("sms"), 3);
        smsTask().timeline = [{ status: "MIGRATE_FAIL", polls: 1 }];
        const e = await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src()).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /migration task d7fa81b9-c174-4c0a-a475-51a54c8af8a4 \("migrate-erp-db-01"\) ended MIGRATE_FAIL/);
    });

    it("a failed task's vendor error reaches the message terminal-safe: no escape sequence, one line", async () => {
        smsTask().detail = { ...smsTask().detail, error_json: "disk \u001b[31mfull\u001b[0m\nline two" };
        smsTask().timeline = [{ status: "MIGRATE_FAIL", polls: 1 }];
        const e = await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src()).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.doesNotMatch(e.message, /[\u0000-\u001f]/);
        assert.match(e.message, /ended MIGRATE_FAIL: disk \[31mfull \[0m line two/);
    });

    describe("SMS states as Huawei's pages name them", () => {
        for (const state of ["MIGRATE_SUCCESS", "ABORT", "SYNC_F_ROLLBACK_SUCCESS"]) {
            it(`a task already ${state} returns at the first read`, async () => {
                smsTask().timeline = [{ status: state, polls: 1 }];
                assert.equal((await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src())).result.state, state);
                assert.equal(gets("sms"), 1);
            });
        }

        for (const state of ["READY", "RUNNING", "SYNCING", "ABORTING", "DELETING", "SYNC_F_ROLLBACKING"]) {
            it(`${state} is not final: the wait polls on, without a warning`, async () => {
                smsTask().timeline = [{ status: state, polls: 3 }, { status: "MIGRATE_SUCCESS", polls: 1 }];
                await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src());
                assert.equal(gets("sms"), 4);
                assert.deepEqual(warnings, []);
            });
        }

        it("odd case and padding compare on the trimmed, upper-cased value; the output keeps what SMS sent", async () => {
            for (const sent of ["migrate_success", " MIGRATE_SUCCESS", "Migrate_Success \t"]) {
                emu.reset();
                smsTask().timeline = [{ status: sent, polls: 1 }];
                const r = await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src());
                assert.equal(r.result.state, sent);
                assert.equal(gets("sms"), 1, JSON.stringify(sent));
            }
            smsTask().timeline = [{ status: "running", polls: 1 }, { status: "migrate_fail ", polls: 1 }];
            const e = await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: { phase: "migrate_success" } }, src()).catch((x: unknown) => x);
            assert.ok(e instanceof ConditionError, String(e));
            assert.deepEqual(warnings, []);
        });

        it("a state the pages do not list, seen twice in a row, is warned about once, by name and terminal-safe", async () => {
            smsTask().timeline = [{ status: "RUNNING", polls: 1 }, { status: "MIGRATE_SUCCEED\u001b[2J", polls: 4 }, { status: "MIGRATE_SUCCESS", polls: 1 }];
            await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src());
            assert.equal(warnings.length, 1, warnings.join("\n"));
            assert.match(warnings[0]!, /^huaweicloud\.sms\.Task: Huawei Cloud SMS reports the state MIGRATE_SUCCEED.*\[2J, which its API reference does not list \(READY, RUNNING, .*SYNC_F_ROLLBACK_SUCCESS\)/);
            assert.doesNotMatch(warnings[0]!, /\u001b/);
        });

        it("an unlisted state seen once, between listed ones, is not warned about", async () => {
            smsTask().timeline = [{ status: "RUNNING", polls: 1 }, { status: "QUEUED", polls: 1 }, { status: "RUNNING", polls: 1 }, { status: "MIGRATE_SUCCESS", polls: 1 }];
            await performRead(sms, { taskId: FIXTURE.smsTaskId, waitFor: {} }, src());
            assert.deepEqual(warnings, []);
        });
    });
});
