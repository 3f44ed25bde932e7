import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { PULUMI_SDK_VERSION } from "./helpers/versions";

/**
 * The SDK reads one module of @pulumi/pulumi that is not public API: `runtime/state`, whose store
 * holds the serialized stack config (sdk/nodejs/internal/program.ts parses it again only when that text
 * changes). Where the shape differs the SDK falls back to `pulumi.runtime.allConfig()` for every
 * read, which is correct but slower; this test fails first, in both test jobs (3.276 and 3.248),
 * so a change of shape is noticed rather than silently costing every read a parse.
 */
describe(`@pulumi/pulumi ${PULUMI_SDK_VERSION} internals the SDK relies on`, () => {
    type Store = { config: Record<string, string | undefined> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as { getStore?: () => Store };
    let saved: Record<string, string>;

    before(() => {
        saved = pulumi.runtime.allConfig();
    });
    after(() => {
        pulumi.runtime.setAllConfig(saved);
    });

    it("runtime/state exports getStore(), whose config holds PULUMI_CONFIG as the JSON text of the stack config", () => {
        assert.equal(typeof state.getStore, "function", "runtime/state has no getStore()");
        pulumi.runtime.setAllConfig({ "huaweicloud:region": "cn-north-4", "astracontrol:url": "https://astra.example.com" }, ["astracontrol:url"]);
        const raw = state.getStore!().config.PULUMI_CONFIG;
        assert.equal(typeof raw, "string", "getStore().config.PULUMI_CONFIG is not a string");
        assert.deepEqual(JSON.parse(raw!), { "huaweicloud:region": "cn-north-4", "astracontrol:url": "https://astra.example.com" });
    });

    it("the text changes when the config does, and allConfig() parses that same text", () => {
        pulumi.runtime.setAllConfig({ "huaweicloud:region": "cn-north-4" });
        const first = state.getStore!().config.PULUMI_CONFIG;
        pulumi.runtime.setAllConfig({ "huaweicloud:region": "ap-southeast-1" });
        const second = state.getStore!().config.PULUMI_CONFIG;
        assert.notEqual(first, second);
        assert.deepEqual(pulumi.runtime.allConfig(), JSON.parse(second!));
    });
});
