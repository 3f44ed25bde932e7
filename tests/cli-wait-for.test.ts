import { strict as assert } from "node:assert";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics, stackOutputs } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "wait-for");

/**
 * waitFor through the real CLI: what it shows while a function waits in preview (ephemeral status
 * messages from the program) and while a resource waits in up (the provider's stderr).
 */
describe("real Pulumi CLI: waitFor on a key pair task, with progress", function () {
    this.timeout(300_000);
    const task = () => stack.emu.data.huawei.kps.tasks.find((t) => t.taskId === FIXTURE.kpsTaskId)!;

    const stack = useCliStack(PROJECT, "cli-wait", () => ({ "cloudreads-wait:kpsTaskId": FIXTURE.kpsTaskId, "cloudreads-wait:resourceTaskId": FIXTURE.kpsOtherTaskId, "cloudreads:pollBaseDelayMs": "200" }));

    it("preview: the function waits through RUNNING_RESET to SUCCESS_RESET, and its progress is an ephemeral status message", async () => {
        task().timeline = [{ status: "RUNNING_RESET", polls: 3 }, { status: "SUCCESS_RESET", polls: 1 }];
        const events = await stack.cli.events(["preview"]);
        const waiting = diagnostics(events).filter((d) => /is RUNNING_RESET; waiting for phase SUCCESS/.test(d.message));
        assert.equal(waiting.length, 3, JSON.stringify(diagnostics(events)));
        assert.ok(waiting.every((d) => d.ephemeral === true && d.severity === "info"));
        assert.equal(stack.emu.requests.filter((r) => r.service === "kms").length, 4);
        // The text display shows each status on the stack's line as it comes, then clears it; the
        // summary's Diagnostics keep none of them (they are status, not log).
        task().timeline = [{ status: "RUNNING_RESET", polls: 1 }, { status: "SUCCESS_RESET", polls: 1 }];
        const text = await stack.cli.ok(["preview"]);
        assert.match(text.stdout, /create huaweicloud\.kps\.getKeypairTaskOutput: .* is RUNNING_RESET; waiting for phase SUCCESS \(poll 1/);
        assert.doesNotMatch(text.stdout, /Diagnostics:[\s\S]*waiting for phase/);
        assert.match(text.stdout, /phaseSeenByFunction\s*: "SUCCESS"/);
    });

    it("up: the resource waits in the provider, whose progress shows under the resource", async () => {
        await stack.cli.setConfig({ "cloudreads-wait:asResource": "true" });
        stack.emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        // The resource waits on a task of its own.
        stack.emu.data.huawei.kps.tasks.find((t) => t.taskId === FIXTURE.kpsOtherTaskId)!.timeline = [{ status: "RUNNING_UNBIND", polls: 2 }, { status: "SUCCESS_UNBIND", polls: 1 }];
        const events = await stack.cli.events(["up", "--yes", "--skip-preview"]);
        const messages = diagnostics(events).map((d) => d.message);
        assert.ok(messages.some((m) => /huaweicloud\.kps\.KeypairTask: .* is RUNNING_UNBIND; waiting for phase SUCCESS/.test(m)), messages.join("\n"));
        const out = await stackOutputs(stack.cli, false);
        assert.equal(out.phaseSeenByResource, "SUCCESS");
    });
});
