import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { oneKeypairTaskYaml, PLUGIN_VERSION, requestsDuring, usePluginStack } from "./helpers/plugin-stack";
import { diagnostics } from "./helpers/pulumi-cli-results";

const ONE_READ = oneKeypairTaskYaml("cloudreads-bad-config");

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
            assert.match(text, /cloudreads:huaweicloudRegoin is not a configuration key of the cloudreads provider; did you mean cloudreads:huaweicloudRegion\?/);
            assert.doesNotMatch(text, /the keys are/, "a near miss names the key meant, not every key");
        } finally {
            await suite.stack.cli.ok(["config", "rm", "cloudreads:huaweicloudRegoin"]);
        }
    });

    it("an unknown key that is a dynamic-form setting's name points at the plugin's key; one near nothing lists the keys", async () => {
        await suite.stack.cli.setConfig({ "cloudreads:url": "https://astra.example.com" });
        try {
            assert.match(await failingPreview(), /cloudreads:url is not a configuration key of the cloudreads provider; did you mean cloudreads:astracontrolUrl\?/);
        } finally {
            await suite.stack.cli.ok(["config", "rm", "cloudreads:url"]);
        }
        await suite.stack.cli.setConfig({ "cloudreads:zzzzzzzzzzzz": "1" });
        try {
            assert.match(await failingPreview(), /cloudreads:zzzzzzzzzzzz is not a configuration key of the cloudreads provider; the keys are [^\n]*huaweicloudRegion/);
        } finally {
            await suite.stack.cli.ok(["config", "rm", "cloudreads:zzzzzzzzzzzz"]);
        }
    });

    it("the dynamic form's keys in a plugin stack get one warning each: ignored, and the cloudreads: key to set", async () => {
        // The stack sets cloudreads:astracontrolUrl (and huaweicloudRegion), not cloudreads:astracontrolMaxRetries.
        const keys = { "astracontrol:maxRetries": "3", "astracontrol:url": "https://astra.example.com", "huaweicloud:region": "cn-north-4", "huaweicloud:enterpriseProjectId": "0" };
        await suite.stack.cli.setConfig(keys);
        await suite.stack.cli.setConfig({ "huaweicloud:accessKey": "SENTINEL-AK-0a1b2c" }, new Set(["huaweicloud:accessKey"]));
        try {
            const events = await suite.stack.cli.events(["preview"]);
            // The engine's own record of the diagnostics (the CLI prints each one twice: as it comes, and in the summary).
            const messages = diagnostics(events).map((d) => `${d.severity}: ${d.message}`);
            const warned = (key: string): string[] => messages.filter((m) => m.includes(`stack config key ${key} is ignored`));
            assert.equal(warned("astracontrol:maxRetries").length, 1, messages.join("\n"));
            assert.match(warned("astracontrol:maxRetries")[0]!, /^warning: stack config key astracontrol:maxRetries is ignored: the cloudreads provider plugin reads only cloudreads: keys; set cloudreads:astracontrolMaxRetries instead/);
            assert.equal(warned("huaweicloud:accessKey").length, 1, messages.join("\n"));
            assert.match(warned("huaweicloud:accessKey")[0]!, /set cloudreads:huaweicloudAccessKey instead/);
            // Their cloudreads: keys are set: nothing is missing, nothing to say.
            assert.deepEqual([...warned("astracontrol:url"), ...warned("huaweicloud:region")], []);
            // Another provider's key (pulumi-huaweicloud's) is that provider's.
            assert.deepEqual(warned("huaweicloud:enterpriseProjectId"), []);
            assert.doesNotMatch(JSON.stringify(diagnostics(events)), /SENTINEL-AK-0a1b2c|astra\.example\.com/, "a value of a key reached a diagnostic");
            assert.doesNotMatch(JSON.stringify(events), /SENTINEL-AK-0a1b2c/, "the secret reached the engine's events");
        } finally {
            for (const key of [...Object.keys(keys), "huaweicloud:accessKey"]) await suite.stack.cli.ok(["config", "rm", key]);
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
