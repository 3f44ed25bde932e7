import { strict as assert } from "node:assert";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { requestsDuring, usePluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

/** `pulumi import` through the plugin's Read: the ids the schema documents, and a malformed one. */
describe("provider plugin: pulumi import of a KPS task by its id and of an Astra certificate", function () {
    this.timeout(300_000);
    const suite = usePluginStack("name: cloudreads-import\nruntime: yaml\n");

    const imported = async (type: string) => exportedResources((await suite.stack.cli.ok(["stack", "export"])).stdout).find((r) => r.type === type);

    it("imports a KPS key pair task by {projectId}/{taskId}, reading it once", async () => {
        const [, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.ok(["import", "cloudreads:huaweicloud/kps:KeypairTask", "task", `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`, "--yes", "--generate-code=false"]));
        assert.ok(requests.some((r) => r.startsWith("kms ") && r.includes(FIXTURE.kpsTaskId)));
        const task = await imported("cloudreads:huaweicloud/kps:KeypairTask");
        assert.equal(task?.id, `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`);
        assert.equal(task?.outputs.taskStatus, "RUNNING_RESET");
        assert.equal(task?.inputs.taskId, FIXTURE.kpsTaskId);
    });

    it("imports an Astra certificate by its id (the account from config)", async () => {
        await suite.stack.cli.ok(["import", "cloudreads:astracontrol:Certificate", "ca", FIXTURE.certificateId, "--yes", "--generate-code=false"]);
        const cert = await imported("cloudreads:astracontrol:Certificate");
        assert.equal(cert?.id, FIXTURE.certificateId);
        assert.equal(cert?.outputs.accountId, FIXTURE.astraAccountId);
        assert.match(String(cert?.outputs.pem), /BEGIN CERTIFICATE/);
    });

    it("a malformed import id fails naming the id shape expected, and sends no request", async () => {
        const [result, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.run(["import", "cloudreads:huaweicloud/kps:KeypairTask", "bad", FIXTURE.kpsTaskId, "--yes", "--generate-code=false"]));
        assert.notEqual(result.code, 0);
        const text = result.stdout + result.stderr;
        assert.match(text, /cloudreads:huaweicloud\/kps:KeypairTask import/);
        assert.match(text, /\{projectId\}\/\{taskId\}/);
        assert.deepEqual(requests, []);
    });
});
