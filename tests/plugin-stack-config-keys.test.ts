import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { meantKeys } from "../provider/plugin/config";
import { configKeysOf, foreignKeyWarnings, stackConfigKeys, stackOfUrn } from "../provider/plugin/stack-config-keys";

/** How the plugin finds the dynamic form's keys in a stack's config, and the key meant for an unknown one (the CLI cases: tests/plugin-bad-config.test.ts). */
describe("provider plugin: the stack's config key names, and the key meant", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-stack-keys-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the keys of the top-level config: mapping only, quoted or not, never a value", () => {
        const yaml = [
            "# a comment",
            "encryptionsalt: v1:abc",
            "config:",
            "  huaweicloud:region: cn-north-4",
            "  'astracontrol:url': https://astra.example.com",
            '  "huaweicloud:accessKey":',
            "    secure: v1:SENTINEL",
            "  huaweicloud:endpoints:",
            "    kms: https://kms.example.com",
            "other:",
            "  astracontrol:apiToken: x",
        ].join("\n");
        assert.deepEqual(configKeysOf(yaml), ["huaweicloud:region", "astracontrol:url", "huaweicloud:accessKey", "huaweicloud:endpoints"]);
    });

    it("finds Pulumi.<stack>.yaml (in stackConfigDir when the project names one) and the project's own config", () => {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: yaml\nstackConfigDir: stacks\nconfig:\n  astracontrol:accountId: x\n");
        fs.mkdirSync(path.join(dir, "stacks"));
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.dev.yaml"), "config:\n  huaweicloud:region: cn-north-4\n");
        assert.deepEqual(stackConfigKeys(dir, "dev"), ["astracontrol:accountId", "huaweicloud:region"]);
        assert.deepEqual(stackConfigKeys(dir, "../etc"), ["astracontrol:accountId"], "a stack name that is a path reads nothing more");
        assert.deepEqual(stackConfigKeys(path.join(dir, "none"), "dev"), []);
        assert.equal(stackOfUrn("urn:pulumi:dev::p::pulumi:providers:cloudreads::default_0_1_0"), "dev");
        assert.equal(stackOfUrn(undefined), undefined);
    });

    it("warns about each dynamic-form key whose cloudreads: key is unset; named connections have none", () => {
        const w = foreignKeyWarnings(["huaweicloud:region", "huaweicloud:endpoints.kms", "astracontrol:connections.b.url", "huaweicloud:userName", "cloudreads:x"], new Set(["huaweicloudRegion"]));
        assert.deepEqual(w, [
            "stack config key huaweicloud:endpoints.kms is ignored: the cloudreads provider plugin reads only cloudreads: keys; set cloudreads:huaweicloudEndpoints.kms instead",
            "stack config key astracontrol:connections.b.url is ignored: the cloudreads provider plugin reads only cloudreads: keys; named connections are not offered by the plugin: declare an explicit provider (pulumi:providers:cloudreads) per account",
        ]);
    });

    it("an unknown key: a misspelling by the near-miss rule, else the dynamic form's setting of that name", () => {
        assert.deepEqual(meantKeys("huaweicloudRegoin"), ["huaweicloudRegion"]);
        assert.deepEqual(meantKeys("astracontrolApiTokne"), ["astracontrolApiToken"]);
        assert.deepEqual(meantKeys("url"), ["astracontrolUrl"]);
        assert.deepEqual(meantKeys("maxRetries").sort(), ["astracontrolMaxRetries", "huaweicloudMaxRetries"]);
        assert.deepEqual(meantKeys("zzzzzzzzzzzz"), []);
    });
});
