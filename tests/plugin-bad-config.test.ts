import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PLUGIN_VERSION, requestsDuring, usePluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

const ONE_READ = `name: cloudreads-bad-config
runtime: yaml
resources:
  task:
    type: cloudreads:huaweicloud/kps:KeypairTask
    properties:
      taskId: ${FIXTURE.kpsTaskId}
`;

/** Bad configuration and an unknown function: each fails naming what was wrong and what is accepted, before any request. */
describe("provider plugin: bad config keys and types, an unknown function, and its schema through the CLI", function () {
    this.timeout(300_000);
    const suite = usePluginStack(ONE_READ);

    async function failingPreview(): Promise<string> {
        const [result, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.run(["preview"]));
        assert.notEqual(result.code, 0, "preview succeeded");
        assert.deepEqual(requests, []);
        return result.stdout + result.stderr;
    }

    it("`pulumi package get-schema` on the installed plugin gives the generated schema", async () => {
        const { stdout } = await suite.stack.cli.ok(["package", "get-schema", `cloudreads@${PLUGIN_VERSION}`]);
        const schema = JSON.parse(stdout) as { name: string; version: string; resources: Record<string, unknown> };
        const generated = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schema", "schema.json"), "utf8")) as typeof schema;
        assert.equal(schema.name, "cloudreads");
        assert.equal(schema.version, PLUGIN_VERSION);
        assert.deepEqual(Object.keys(schema.resources).sort(), Object.keys(generated.resources).sort());
    });

    it("an unknown config key fails preview naming the key and the keys that exist", async () => {
        await suite.stack.cli.setConfig({ "cloudreads:huaweicloudRegoin": "cn-north-4" });
        try {
            const text = await failingPreview();
            assert.match(text, /cloudreads:huaweicloudRegoin is not a configuration key/);
            assert.match(text, /huaweicloudRegion/);
        } finally {
            await suite.stack.cli.ok(["config", "rm", "cloudreads:huaweicloudRegoin"]);
        }
    });

    it("a value of the wrong type fails preview naming the key and its dynamic-form name", async () => {
        await suite.stack.cli.setConfig({ "cloudreads:huaweicloudMaxRetries": "many" });
        try {
            const text = await failingPreview();
            assert.match(text, /cloudreads:huaweicloudMaxRetries \(huaweicloud:maxRetries in the dynamic form\): expected a whole number/);
        } finally {
            await suite.stack.cli.ok(["config", "rm", "cloudreads:huaweicloudMaxRetries"]);
        }
    });

    // The YAML host checks properties and tokens against the schema first (the plugin's own answers: tests/plugin-grpc.test.ts).
    it("a named connection is not in the schema: preview fails naming the property", async () => {
        fs.writeFileSync(path.join(suite.stack.dir, "Pulumi.yaml"), `${ONE_READ}      connection: migration\n`);
        try {
            const text = await failingPreview();
            assert.match(text, /Property connection does not exist on 'cloudreads:huaweicloud\/kps:KeypairTask'/);
        } finally {
            fs.writeFileSync(path.join(suite.stack.dir, "Pulumi.yaml"), ONE_READ);
        }
    });

    it("an unknown function fails, naming it, and sends nothing", async () => {
        fs.writeFileSync(path.join(suite.stack.dir, "Pulumi.yaml"), `${ONE_READ}variables:\n  x:\n    fn::invoke:\n      function: cloudreads:huaweicloud/kps:getNothing\n      arguments: {}\n`);
        try {
            const text = await failingPreview();
            assert.match(text, /unable to find function "cloudreads:huaweicloud\/kps:getNothing"/);
        } finally {
            fs.writeFileSync(path.join(suite.stack.dir, "Pulumi.yaml"), ONE_READ);
        }
    });
});
