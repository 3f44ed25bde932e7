import { strict as assert } from "node:assert";
import { previewSteps } from "./helpers/pulumi-cli-results";
import { requestsDuring, usePluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

const PROJECT = `name: cloudreads-plugin-diff
runtime: yaml
config:
  kpsTaskId:
    type: string
  minValidDays:
    type: integer
    default: 0
resources:
  task:
    type: cloudreads:huaweicloud/kps:KeypairTask
    properties:
      taskId: \${kpsTaskId}
  ca:
    type: cloudreads:astracontrol:Certificate
    properties:
      certificateId: ${FIXTURE.certificateId}
      minValidDays: \${minValidDays}
outputs:
  status: \${task.taskStatus}
  taskResourceId: \${task.id}
`;

/**
 * The plugin's Diff through the real CLI and Pulumi YAML: a changed identifying input (the KPS
 * taskId) replaces the resource, which reads the new object; a changed non-identifying one
 * (minValidDays) is an update that reads again; nothing changed is no step at all.
 */
describe("provider plugin: Diff replaces on identifying inputs, updates on the others", function () {
    this.timeout(300_000);
    const suite = usePluginStack(PROJECT);
    const ops = (events: Parameters<typeof previewSteps>[0], name: string): string[] => previewSteps(events).filter((s) => s.urn.endsWith(`::${name}`)).map((s) => s.op);

    before(async function () {
        this.timeout(300_000);
        await suite.stack.cli.ok(["config", "set", "kpsTaskId", FIXTURE.kpsTaskId]);
        await suite.stack.cli.ok(["up", "--yes", "--skip-preview"]);
    });

    it("an unchanged program plans no step for either resource", async () => {
        const events = await suite.stack.cli.events(["preview"]);
        assert.deepEqual([...ops(events, "task"), ...ops(events, "ca")].filter((op) => op !== "same"), []);
    });

    it("a changed taskId replaces the KPS resource, and up reads the new task into a new id", async () => {
        await suite.stack.cli.ok(["config", "set", "kpsTaskId", FIXTURE.kpsOtherTaskId]);
        const events = await suite.stack.cli.events(["preview"]);
        assert.ok(ops(events, "task").some((op) => op === "replace" || op === "create-replacement"), ops(events, "task").join(","));
        const [, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.ok(["up", "--yes", "--skip-preview"]));
        assert.ok(requests.some((r) => r.startsWith("kms ") && r.includes(FIXTURE.kpsOtherTaskId)), requests.join("\n"));
        const outputs = JSON.parse((await suite.stack.cli.ok(["stack", "output", "--json"])).stdout) as Record<string, string>;
        assert.equal(outputs.status, "SUCCESS_UNBIND");
        assert.equal(outputs.taskResourceId, `${FIXTURE.projectId}/${FIXTURE.kpsOtherTaskId}`);
    });

    it("a changed minValidDays is an in-place update of the certificate that reads it again", async () => {
        await suite.stack.cli.ok(["config", "set", "--type", "int", "minValidDays", "1"]);
        const events = await suite.stack.cli.events(["preview"]);
        assert.deepEqual(ops(events, "ca"), ["update"]);
        const [, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.ok(["up", "--yes", "--skip-preview"]));
        assert.ok(requests.some((r) => r.startsWith("astra ") && r.includes(FIXTURE.certificateId)), requests.join("\n"));
    });
});
