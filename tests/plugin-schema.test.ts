import { strict as assert } from "node:assert";
import { operations } from "../provider/operations";
import { descriptionOf } from "../provider/operations/describe";
import { discoverReads } from "../scripts/generate";
import { buildSchema, functionToken, resourceToken } from "../scripts/generate/schema";
import { PLUGIN_CONFIG_KEYS } from "../provider/plugin/config-keys";
import { HUAWEI_SETTINGS } from "../provider/vendors/huaweicloud/settings";
import { ASTRA_SETTINGS } from "../provider/vendors/astracontrol/settings";

interface Prop {
    readonly secret?: boolean;
    readonly $ref?: string;
    readonly type?: string;
}
interface Resource {
    readonly properties: Record<string, Prop>;
    readonly inputProperties: Record<string, Prop>;
    readonly requiredInputs: string[];
}
interface Fn {
    readonly inputs: { properties: Record<string, Prop> };
    readonly outputs: { properties: Record<string, Prop>; required: string[] };
}

/** The plugin's schema, from the registry: every read, every secret, every setting. */
describe("provider plugin schema", () => {
    const reads = discoverReads();
    const schema = buildSchema(reads, "0.0.0-test") as { resources: Record<string, Resource>; functions: Record<string, Fn>; types: Record<string, unknown>; config: { variables: Record<string, Prop> }; provider: { inputProperties: Record<string, Prop> } };

    it("has one function per read and one resource per read that is not a list look-up", () => {
        for (const op of Object.values(operations)) {
            const r = reads.find((x) => x.names.token === op.token)!;
            assert.ok(schema.functions[functionToken(r)], functionToken(r));
            assert.equal(Boolean(schema.resources[resourceToken(r)]), descriptionOf(op).resource !== false, resourceToken(r));
        }
        assert.ok(schema.resources["cloudreads:huaweicloud/sms:TaskPassphrase"]);
        assert.ok(schema.functions["cloudreads:astracontrol:getCertificate"]);
        assert.equal(schema.resources["cloudreads:huaweicloud/sms:Tasks"], undefined);
    });

    it("marks every secret result field of every read secret, in the resource and the function, and nothing else", () => {
        let secrets = 0;
        for (const op of Object.values(operations)) {
            const r = reads.find((x) => x.names.token === op.token)!;
            const fn = schema.functions[functionToken(r)]!;
            const res = schema.resources[resourceToken(r)];
            for (const [name, f] of Object.entries(descriptionOf(op).fields)) {
                assert.equal(fn.outputs.properties[name]?.secret === true, f.secret, `${functionToken(r)}.${name}`);
                if (res && name !== "id") assert.equal(res.properties[name]?.secret === true, f.secret, `${resourceToken(r)}.${name}`);
                if (f.secret) secrets++;
            }
        }
        assert.ok(secrets >= 2, "the registry has secret fields (SMS passphrase, ROMA password)");
    });

    it("leaves the connection argument out (explicit providers replace named connections) and keeps every other argument", () => {
        for (const op of Object.values(operations)) {
            const r = reads.find((x) => x.names.token === op.token)!;
            const inputs = Object.keys(schema.functions[functionToken(r)]!.inputs.properties);
            assert.deepEqual(inputs, op.argNames.filter((n) => n !== "connection"));
        }
    });

    it("offers every setting of both vendors as a flat cloudreads key, credentials secret, env vars as the dynamic form's", () => {
        const settings = [...Object.values(HUAWEI_SETTINGS), ...Object.values(ASTRA_SETTINGS)];
        for (const s of settings) {
            const k = PLUGIN_CONFIG_KEYS.find((x) => x.setting === s.key);
            assert.ok(k, s.key);
            assert.deepEqual(k.env, s.env);
            assert.ok(schema.config.variables[k.name], k.name);
            assert.ok(schema.provider.inputProperties[k.name], k.name);
        }
        const secret = Object.entries(schema.config.variables).filter(([, v]) => v.secret).map(([k]) => k).sort();
        assert.deepEqual(secret, ["astracontrolApiToken", "huaweicloudAccessKey", "huaweicloudSecretKey", "huaweicloudSecurityToken", "huaweicloudToken"]);
        assert.ok(schema.config.variables.huaweicloudRegion && schema.config.variables.huaweicloudMaxRetries?.type === "integer");
    });

    it("refers only to object types it defines", () => {
        const refs = JSON.stringify(schema).match(/"#\/types\/[^"]+"/g) ?? [];
        for (const ref of refs) assert.ok(schema.types[JSON.parse(ref).slice("#/types/".length)], ref);
        assert.ok(refs.length > 0);
    });
});
