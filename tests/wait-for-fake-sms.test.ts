import { strict as assert } from "node:assert";
import { ConditionError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { json, rawServer, type RawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

const sms = operations["huaweicloud.sms.Task"];
const TASK_ID = "5c6a2ad7-0b1e-4a64-8d1e-3f6a9b2c7e10";

/**
 * `waitFor` on an SMS task against a fake SMS of its own, independent of the emulator and of the
 * read's description: a server on 127.0.0.1 that answers `GET /v3/tasks/{task_id}` (Huawei's
 * "Querying a Migration Task with a Specified ID", ShowTask) with one state per poll, each state
 * spelled here as Huawei's page "Listing Migration Tasks" (ListTasks, updated 2025-11-27, read
 * 2026-12-07) lists them: READY, RUNNING, SYNCING, MIGRATE_SUCCESS, MIGRATE_FAIL, ABORTING, ABORT,
 * DELETING, SYNC_F_ROLLBACKING, SYNC_F_ROLLBACK_SUCCESS. Neither the emulator's fixtures nor
 * SMS_TASK_STATES is read: a description that named other states fails these tests.
 */
describe("waitFor against a fake SMS serving Huawei's documented state names", function () {
    this.timeout(60_000);
    let server: RawServer;
    let script: string[] = [];
    let paths: string[] = [];
    const warnings: string[] = [];
    const src = () => ({
        ...sources({
            "huaweicloud:region": FIXTURE.region,
            "huaweicloud:token": "fake-sms-token",
            "huaweicloud:projectId": FIXTURE.projectId,
            "huaweicloud:endpoints": JSON.stringify({ sms: server.url }),
            "cloudreads:pollBaseDelayMs": "1",
        }),
        warn: (m: string) => void warnings.push(m),
    });
    /**
     * Reads the task with `waitFor` while the fake serves `states`, one per poll (the last one
     * repeats); a wait that misses its end fails in 10 s instead of the default 600.
     */
    const wait = (states: string[]) => {
        script = [...states];
        return performRead(sms, { taskId: TASK_ID, waitFor: { timeout: 10 } }, src());
    };

    before(async () => {
        server = await rawServer((req, res) => {
            paths.push(`${req.method} ${req.url}`);
            const state = script.length > 1 ? script.shift()! : script[0]!;
            // The ShowTask response fields the page documents, with this poll's state.
            json(res, 200, {
                id: TASK_ID,
                name: "fake-migration",
                type: "MIGRATE_BLOCK",
                os_type: "LINUX",
                state,
                create_date: 1764979200000,
                error_json: state === "MIGRATE_FAIL" ? '{"error_code":"SMS.6505","error_msg":"disk full"}' : "",
            });
        });
    });
    after(async () => server?.close());
    beforeEach(() => {
        paths = [];
        warnings.length = 0;
    });

    it("READY, RUNNING, SYNCING, then MIGRATE_SUCCESS: the wait ends at MIGRATE_SUCCESS, one request per poll", async () => {
        const r = await wait(["READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS"]);
        assert.equal(r.result.state, "MIGRATE_SUCCESS");
        assert.deepEqual(paths, Array(4).fill(`GET /v3/tasks/${TASK_ID}`));
        assert.deepEqual(warnings, []);
    });

    for (const final of ["MIGRATE_SUCCESS", "ABORT", "SYNC_F_ROLLBACK_SUCCESS"]) {
        it(`a task already ${final} returns at the first read`, async () => {
            assert.equal((await wait([final])).result.state, final);
            assert.equal(paths.length, 1);
        });
    }

    it("ABORTING, DELETING and SYNC_F_ROLLBACKING are not final, and no warning: they are the page's", async () => {
        assert.equal((await wait(["ABORTING", "ABORTING", "ABORT"])).result.state, "ABORT");
        assert.equal((await wait(["SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS"])).result.state, "SYNC_F_ROLLBACK_SUCCESS");
        assert.equal((await wait(["DELETING", "DELETING", "MIGRATE_SUCCESS"])).result.state, "MIGRATE_SUCCESS");
        assert.equal(paths.length, 9);
        assert.deepEqual(warnings, []);
    });

    it("MIGRATE_FAIL fails the wait with the task's error", async () => {
        const e = await wait(["RUNNING", "MIGRATE_FAIL"]).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /ended MIGRATE_FAIL: .*SMS\.6505.*disk full/);
        assert.equal(paths.length, 2);
    });

    it("odd case and padding (migrate_success, \" MIGRATE_SUCCESS\") end the wait at the first read; the output keeps what was sent", async () => {
        for (const sent of ["migrate_success", " MIGRATE_SUCCESS"]) {
            paths = [];
            assert.equal((await wait([sent])).result.state, sent);
            assert.equal(paths.length, 1, JSON.stringify(sent));
        }
    });

    it("a state the page does not list, served twice in a row, gets one warning naming it", async () => {
        await wait(["RUNNING", "MIGRATE_SUCCEED", "MIGRATE_SUCCEED", "MIGRATE_SUCCEED", "MIGRATE_SUCCESS"]);
        assert.equal(warnings.length, 1, warnings.join("\n"));
        assert.match(warnings[0]!, /reports the state MIGRATE_SUCCEED, which its API reference does not list/);
    });

    it("where the page lists no values (a wait without a known list), an unknown state passes through: no warning, the output as sent", async () => {
        const unlisted = { ...sms, wait: { ...sms.wait!, known: undefined } };
        script = ["QUEUED", "QUEUED", "QUEUED", "MIGRATE_SUCCESS"];
        assert.equal((await performRead(unlisted, { taskId: TASK_ID, waitFor: { timeout: 10 } }, src())).result.state, "MIGRATE_SUCCESS");
        assert.equal(paths.length, 4);
        assert.deepEqual(warnings, []);
        script = ["QUEUED"];
        assert.equal((await performRead(unlisted, { taskId: TASK_ID }, src())).result.state, "QUEUED");
    });
});
