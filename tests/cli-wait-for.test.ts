import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, diagnostics, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "wait-for");

/**
 * waitFor through the real CLI: what it shows while a function waits in preview (ephemeral status
 * messages from the program) and while a resource waits in up (the provider's stderr).
 */
describe("real Pulumi CLI: waitFor on a key pair task, with progress", function () {
    this.timeout(300_000);
    let emu: Emulator;
    let cli: PulumiCli;
    const stack = `cli-wait-${process.pid}`;
    const task = () => emu.data.huawei.kps.tasks.find((t) => t.taskId === FIXTURE.kpsTaskId)!;

    before(async function () {
        this.timeout(120_000);
        emu = await startEmulator({ port: 0 });
        cli = new PulumiCli(pulumiCliDir(), { cwd: PROJECT });
        await cli.ok(["stack", "init", stack]);
        const { plain, secret } = cliStackConfig(emu, { "cloudreads-wait:kpsTaskId": FIXTURE.kpsTaskId, "cloudreads-wait:resourceTaskId": FIXTURE.kpsOtherTaskId, "cloudreads:pollBaseDelayMs": "200" });
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
    });

    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["destroy", "--yes", "--skip-preview"]);
            await cli.run(["stack", "rm", "--yes", "--force", stack]);
            fs.rmSync(path.join(PROJECT, `Pulumi.${stack}.yaml`), { force: true });
            cli.dispose();
        }
        await emu?.close();
    });

    it("preview: the function waits through RUNNING_RESET to SUCCESS_RESET, and its progress is an ephemeral status message", async () => {
        task().timeline = [{ status: "RUNNING_RESET", polls: 3 }, { status: "SUCCESS_RESET", polls: 1 }];
        const events = await cli.events(["preview"]);
        const waiting = diagnostics(events).filter((d) => /is RUNNING_RESET; waiting for phase SUCCESS/.test(d.message));
        assert.equal(waiting.length, 3, JSON.stringify(diagnostics(events)));
        assert.ok(waiting.every((d) => d.ephemeral === true && d.severity === "info"));
        assert.equal(emu.requests.filter((r) => r.service === "kms").length, 4);
        // The text display shows each status on the stack's line as it comes, then clears it; the
        // summary's Diagnostics keep none of them (they are status, not log).
        task().timeline = [{ status: "RUNNING_RESET", polls: 1 }, { status: "SUCCESS_RESET", polls: 1 }];
        const text = await cli.ok(["preview"]);
        assert.match(text.stdout, /create huaweicloud\.kps\.getKeypairTaskOutput: .* is RUNNING_RESET; waiting for phase SUCCESS \(poll 1/);
        assert.doesNotMatch(text.stdout, /Diagnostics:[\s\S]*waiting for phase/);
        assert.match(text.stdout, /phaseSeenByFunction\s*: "SUCCESS"/);
    });

    it("up: the resource waits in the provider, whose progress shows under the resource", async () => {
        await cli.setConfig({ "cloudreads-wait:asResource": "true" });
        emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        // The resource waits on a task of its own.
        emu.data.huawei.kps.tasks.find((t) => t.taskId === FIXTURE.kpsOtherTaskId)!.timeline = [{ status: "RUNNING_BIND", polls: 2 }, { status: "SUCCESS_BIND", polls: 1 }];
        const events = await cli.events(["up", "--yes", "--skip-preview"]);
        const messages = diagnostics(events).map((d) => d.message);
        assert.ok(messages.some((m) => /huaweicloud\.kps\.KeypairTask: .* is RUNNING_BIND; waiting for phase SUCCESS/.test(m)), messages.join("\n"));
        const out = await stackOutputs(cli, false);
        assert.equal(out.phaseSeenByResource, "SUCCESS");
    });
});
