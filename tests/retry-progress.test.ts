import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { FIXTURE } from "./helpers/stack";
import { runHarness, type HarnessResult, type HarnessRun } from "./harness";

// Retrying for more than 2 s is said once, where Pulumi shows it: in the program through
// `pulumi.log.info` (under the harness' mock runtime, which has no engine, @pulumi/pulumi prints
// such a message as "info: [runtime] ..."), in the provider host on its stderr, which the CLI
// shows under the resource (tests/cli-conventions.test.ts checks that with the real CLI).
const PROGRAM_DIR = path.join(__dirname, "harness", "fixtures", "quickstart-project");
const PROGRESS = /Huawei Cloud KPS ListKeypairTask: 127\.0\.0\.1:[0-9]+ is not answering usefully \(HTTP 503\); retrying, attempt 2 of at most 6, until huaweicloud:deadline \(300 s\)/;
const count = (text: string): number => text.split("\n").filter((line) => PROGRESS.test(line)).length;

describe("retry progress after 2 s reaches the program's Pulumi log and the provider's stderr", function () {
    this.timeout(60_000);
    let emulator: Emulator;
    let dir: string;

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "dist", "sdk", "index.js")), "dist/ is missing: run `npm run build`");
        emulator = await startEmulator({ port: 0 });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "retry-progress-"));
    });
    after(async () => {
        await emulator?.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => emulator.reset());

    function run(mode: HarnessRun["mode"]): Promise<HarnessResult> {
        return runHarness({
            mode,
            programDir: PROGRAM_DIR,
            statePath: path.join(dir, "state.json"),
            config: {
                "huaweicloud:region": "cn-north-4",
                "huaweicloud:projectId": FIXTURE.projectId,
                "huaweicloud:endpoints": JSON.stringify({ sms: emulator.endpoints.sms, roma: emulator.endpoints.roma, kms: emulator.endpoints.kms, iam: emulator.endpoints.iam }),
                "astracontrol:url": emulator.endpoints.astra,
                "astracontrol:accountId": FIXTURE.astraAccountId,
            },
            secretConfig: { "huaweicloud:token": FIXTURE.huaweiToken, "astracontrol:apiToken": FIXTURE.astraToken },
        });
    }

    it("a function in the program (preview) says it once through pulumi.log.info, and the read then succeeds", async () => {
        emulator.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const result = await run("preview");
        assert.deepEqual(result.errors, [], result.programStderr);
        assert.equal(result.outputs.previewKnownTaskStatus, "RUNNING_RESET");
        const said = result.programStdout.split("\n").filter((line) => PROGRESS.test(line));
        assert.equal(said.length, 1, result.programStdout);
        assert.match(said[0]!, /^info: \[runtime\] Huawei Cloud KPS ListKeypairTask/);
        assert.doesNotMatch(result.hostStderr, PROGRESS);
    });

    it("a resource read in the provider (refresh) says it once on the provider host's stderr", async () => {
        const up = await run("up");
        assert.deepEqual(up.errors, []);
        assert.doesNotMatch(up.hostStderr + up.programStdout, PROGRESS, "nothing is said when nothing is slow");
        emulator.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const refresh = await run("refresh");
        assert.deepEqual(refresh.errors, [], refresh.hostStderr);
        assert.equal(count(refresh.hostStderr), 1, refresh.hostStderr);
        assert.equal(refresh.reveal.resourceOutput("reset-task", "taskStatus"), "RUNNING_RESET");
    });
});
