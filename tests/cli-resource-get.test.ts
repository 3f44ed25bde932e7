import { strict as assert } from "node:assert";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { exportedResources, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "resource-get");

/** `X.get(name, id)` of a KPS task, a ROMA product and an Astra certificate, through the real CLI. */
describe("real Pulumi CLI: X.get(name, id) adopts existing objects from their resource id alone", function () {
    this.timeout(240_000);
    const stack = useCliStack(PROJECT, "cli-resource-get");

    it("up reads each object as a read step, keeping the ROMA password secret in outputs and state", async () => {
        const before = stack.emu.requests.length;
        const steps = previewSteps(await stack.cli.events(["up", "--yes", "--skip-preview"])).filter((s) => s.type.includes("dynamic/cloudreads:"));
        assert.deepEqual(steps.map((s) => s.op), ["read", "read", "read"]);
        assert.ok(stack.emu.requests.slice(before).some((r) => r.path === `/kms/v3/${FIXTURE.projectId}/tasks/${FIXTURE.kpsTaskId}`));
        const hidden = await stackOutputs(stack.cli, false);
        assert.equal(hidden.taskStatus, "RUNNING_RESET");
        assert.equal(hidden.caCommonName, "vcenter.example.com");
        assert.equal(hidden.devicePassword, "[secret]");
        assert.equal((await stackOutputs(stack.cli, true)).devicePassword, FIXTURE.romaPassword);
        const exported = (await stack.cli.ok(["stack", "export"])).stdout;
        assert.equal(exported.includes(FIXTURE.romaPassword), false, "the password is in the state in clear");
        const device = exportedResources(exported).find((r) => r.urn.endsWith("::adopted-device"));
        assert.equal(typeof (device?.outputs.password as { ciphertext?: unknown } | undefined)?.ciphertext, "string");
    });
});
