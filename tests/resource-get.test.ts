import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Emulator, startEmulator } from "../emulator";
import { runHarness } from "./harness";
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";

describe("X.get(name, id): adopting existing objects through the dynamic-provider host", function () {
    this.timeout(60_000);
    let emu: Emulator;
    let dir: string;
    before(async () => {
        emu = await startEmulator({ port: 0 });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-get-"));
    });
    after(async () => {
        await emu.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reads each object from its resource id alone, keeping the password secret", async () => {
        const result = await runHarness({
            mode: "up",
            programDir: path.join(__dirname, "harness", "fixtures", "get-program"),
            statePath: path.join(dir, "state.json"),
            config: emulatorStackConfig(emu),
        });
        assert.deepEqual(result.errors, [], `${result.errors.join("\n")}\n${result.hostStderr}`);
        assert.deepEqual(result.steps.filter((s) => s.custom).map((s) => s.op).sort(), ["read", "read", "read"]);
        assert.equal(result.outputs.taskStatus, "RUNNING_RESET");
        assert.equal(result.outputs.caCommonName, "vcenter.example.com");
        assert.equal(result.outputs.devicePassword, "[secret]");
        assert.equal(result.reveal.output("devicePassword"), FIXTURE.romaPassword);
        assert.ok(!fs.readFileSync(path.join(dir, "state.json"), "utf8").includes(FIXTURE.romaPassword));
        assert.ok(emu.requests.some((r) => r.path === `/kms/v3/${FIXTURE.projectId}/tasks/${FIXTURE.kpsTaskId}`));
    });
});
