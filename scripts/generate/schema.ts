import { PLUGIN_CONFIG_KEYS, PLUGIN_NAMESPACE, type PluginConfigKey } from "../../provider/plugin/config-keys";
import { pluginTokens } from "../../provider/plugin/tokens";
import { hasResource, type Read, secretSentence } from "./model";
import { PLUGIN_DOWNLOAD_URL } from "./plugin-install-docs";
import { GO_IMPORT_BASE, PYTHON_PACKAGE, schemaExamples, secretResultNote } from "./schema-examples";
import { type ObjectTypeSpec, type PropertySpec, schemaType, type TypeContext } from "./schema-types";
import { capitalized } from "./tsdoc";

/**
 * `schema/schema.json`: the Pulumi package schema of the provider plugin `pulumi-resource-cloudreads`,
 * from the same descriptions as the SDK. One resource and one function per read (a list look-up,
 * `resource: false`, is a function only), their object types, docs and secret marks, and the
 * provider configuration from the settings (provider/plugin/config-keys.ts).
 */

/** Tokens: `huaweicloud.sms.TaskPassphrase` -> module `huaweicloud/sms`. */
export function schemaModule(r: Read): string {
    return pluginTokens(r.names.token).module;
}

/** The resource token of a read, e.g. `cloudreads:huaweicloud/sms:TaskPassphrase`. */
export function resourceToken(r: Read): string {
    return pluginTokens(r.names.token).resource;
}

/** The function token of a read, e.g. `cloudreads:huaweicloud/sms:getTaskPassphrase`. */
export function functionToken(r: Read): string {
    return pluginTokens(r.names.token).function;
}

/** Arguments the plugin does not take: named connections are explicit providers there. */
export const PLUGIN_EXCLUDED_ARGS: readonly string[] = ["connection"];

/** Result fields a resource cannot have as properties: the engine's own `id` and `urn`. */
const RESERVED = new Set(["id", "urn"]);

interface Props {
    properties: Record<string, PropertySpec>;
    required: string[];
}

function context(r: Read, reads: readonly Read[], types: Map<string, ObjectTypeSpec>, anonymousName: string): TypeContext {
    return { read: r, reads, module: schemaModule(r), types, anonymousName, resultType: (other) => resultType(other, reads, types) };
}

/** The object type of a read's whole result (list items: `GetTaskResult` in the SDK), by token. */
function resultType(r: Read, reads: readonly Read[], types: Map<string, ObjectTypeSpec>): string {
    const token = `${PLUGIN_NAMESPACE}:${schemaModule(r)}:${r.names.name}Result`;
    if (!types.has(token)) {
        const { properties, required } = fieldProps(r, reads, types, new Set());
        types.set(token, { type: "object", description: `Everything \`${r.names.fn}\` returns: ${r.d.docs.summary}.`, properties, required });
    }
    return token;
}

function fieldProps(r: Read, reads: readonly Read[], types: Map<string, ObjectTypeSpec>, leaveOut: ReadonlySet<string>): Props {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const [name, f] of Object.entries(r.d.fields)) {
        if (leaveOut.has(name)) continue;
        properties[name] = { ...schemaType(f.sdkType, context(r, reads, types, capitalized(name)), f.integer), description: f.doc, ...(f.secret ? { secret: true } : {}) };
        if (!f.optional) required.push(name);
    }
    return { properties, required };
}

function argProps(r: Read, reads: readonly Read[], types: Map<string, ObjectTypeSpec>): Props {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const [name, a] of Object.entries(r.d.args)) {
        if (PLUGIN_EXCLUDED_ARGS.includes(name)) continue;
        properties[name] = { ...schemaType(a.sdk.plain, context(r, reads, types, capitalized(name)), a.sdk.integer), description: a.identifying ? a.doc : `${a.doc} A change reads again without replacing the resource.` };
        if (a.required) required.push(name);
    }
    return { properties, required };
}

function description(r: Read, kind: "resource" | "function"): string {
    const d = r.d;
    const lines = [`Reads ${d.docs.summary}.`, [secretSentence(r), d.docs.details ?? ""].filter(Boolean).join(" ")];
    if (kind === "function") lines.push(secretResultNote(r));
    if (kind === "resource") {
        lines.push(
            `The object is read at \`pulumi up\` and again at \`pulumi refresh\`; \`pulumi destroy\` sends no request. Any change of an identifying input replaces the resource.`,
        );
    }
    lines.push(schemaExamples(r, kind));
    if (kind === "resource") {
        const shape = d.id.map((x) => `{${x}}`).join("/");
        const example = d.id.map((x) => d.examples.args[x] ?? "").join("/");
        lines.push(`## Import\n\nThe resource id is \`${shape}\`:\n\n\`\`\`sh\npulumi import ${resourceToken(r)} ${d.docs.example.name} ${example}\n\`\`\``);
    }
    return lines.filter(Boolean).join("\n\n");
}

/** The plugin's key for each dynamic-form key (`huaweicloud:region` -> `cloudreads:huaweicloudRegion`). */
const PLUGIN_KEY_OF = new Map(PLUGIN_CONFIG_KEYS.map((k) => [k.setting, `${PLUGIN_NAMESPACE}:${k.name}`]));

/**
 * `text` with every dynamic-form config key (`huaweicloud:region`, `huaweicloud:endpoints.sms`,
 * `astracontrol:url`) replaced by the plugin's (`cloudreads:huaweicloudRegion`,
 * `cloudreads:huaweicloudEndpoints.sms`, `cloudreads:astracontrolUrl`): the descriptions are
 * written for the dynamic form, and a plugin reads only its own namespace. Tokens
 * (`cloudreads:astracontrol:Certificate`) are left alone; a key with no plugin key fails.
 */
export function withPluginKeys(text: string): string {
    return text.replace(/(?<![\w:/.-])(huaweicloud|astracontrol):([a-z][A-Za-z]*)((?:\.[A-Za-z]+)*)/g, (whole, ns: string, key: string, path: string) => {
        const plugin = PLUGIN_KEY_OF.get(`${ns}:${key}`);
        if (!plugin) throw new Error(`generate schema: the description text ${JSON.stringify(whole)} names a config key the plugin does not have`);
        return `${plugin}${path}`;
    });
}

/** `value` with {@link withPluginKeys} applied to every `description` in it. */
function pluginKeysIn<T>(value: T): T {
    if (Array.isArray(value)) return value.map(pluginKeysIn) as T;
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "description" && typeof v === "string" ? withPluginKeys(v) : pluginKeysIn(v)])) as T;
}

function configProperty(k: PluginConfigKey, withDefaults: boolean): PropertySpec {
    const type = k.type === "object" ? { type: "object", additionalProperties: { type: "string" } } : { type: k.type };
    const env = k.env.length ? ` Can also be set with ${k.env.map((e) => `\`${e}\``).join(" or ")}.` : "";
    return {
        ...type,
        description: `${k.doc}${env}`,
        ...(k.secret ? { secret: true } : {}),
        ...(withDefaults && k.default !== undefined ? { default: k.default } : {}),
        ...(withDefaults && k.env.length ? { defaultInfo: { environment: [...k.env] } } : {}),
    };
}

/** The package schema, as an object ready for JSON. */
export function buildSchema(reads: readonly Read[], version: string): Record<string, unknown> {
    const types = new Map<string, ObjectTypeSpec>();
    const resources: Record<string, unknown> = {};
    const functions: Record<string, unknown> = {};
    for (const r of reads) {
        const inputs = argProps(r, reads, types);
        const outputs = fieldProps(r, reads, types, new Set());
        functions[functionToken(r)] = { description: description(r, "function"), inputs, outputs };
        if (!hasResource(r)) continue;
        // A resource's outputs are its arguments and its result (the engine's `id` is its own).
        const results = fieldProps(r, reads, types, RESERVED);
        const properties = { ...inputs.properties, ...results.properties };
        resources[resourceToken(r)] = {
            description: description(r, "resource"),
            properties,
            required: [...new Set(results.required)],
            inputProperties: inputs.properties,
            requiredInputs: inputs.required,
        };
    }
    const variables = Object.fromEntries(PLUGIN_CONFIG_KEYS.map((k) => [k.name, configProperty(k, true)]));
    const providerInputs = Object.fromEntries(PLUGIN_CONFIG_KEYS.map((k) => [k.name, configProperty(k, false)]));
    return pluginKeysIn({
        name: PLUGIN_NAMESPACE,
        displayName: "Cloud Reads",
        version,
        description: "Reads Huawei Cloud (SMS, ROMA Connect, KPS) and NetApp Astra Control values into Pulumi stacks, with secret-marked results.",
        keywords: ["pulumi", "huaweicloud", "netapp", "astra-control", "category/cloud", "kind/native"],
        homepage: "https://github.com/pulumi-cloudreads/pulumi-cloudreads",
        repository: "https://github.com/pulumi-cloudreads/pulumi-cloudreads",
        license: "Apache-2.0",
        publisher: "pulumi-cloudreads",
        // Where the engine downloads the plugin on first use: the release `v<version>` of
        // github.com/pulumi-cloudreads/pulumi-cloudreads. Each SDK's pulumi-plugin.json says the same.
        pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
        // Modules are two levels deep (`huaweicloud/sms`): the whole module part is the module.
        meta: { moduleFormat: "(.*)" },
        config: { variables },
        provider: {
            description: "The provider of cloudreads: explicit instances read with their own credentials, region or account (what named connections are in the dynamic form).",
            inputProperties: providerInputs,
        },
        resources,
        functions,
        types: Object.fromEntries([...types].sort(([a], [b]) => a.localeCompare(b))),
        language: {
            go: { importBasePath: GO_IMPORT_BASE, respectSchemaVersion: true },
            python: { packageName: PYTHON_PACKAGE },
        },
    });
}

/** `schema/schema.json`'s text. */
export function renderSchema(reads: readonly Read[], version: string): string {
    return `${JSON.stringify(buildSchema(reads, version), null, 2)}\n`;
}

/** `docs/reference/plugin-config.md`: the plugin's configuration keys against the dynamic form's, and its tokens and import ids. */
export function renderPluginConfig(reads: readonly Read[]): string {
    const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
    return [
        "# Provider plugin configuration",
        "",
        "<!-- Generated by `npm run generate` from provider/plugin/config-keys.ts and the settings in provider/vendors/: edit those, not this file. -->",
        "",
        "Stack config of the provider plugin `pulumi-resource-cloudreads` (`pulumi config set cloudreads:<key> ...`), or inputs of an explicit provider (`pulumi:providers:cloudreads`). Each key stands for one key of the dynamic form, with the same environment variables and defaults. Secret keys: set them with `pulumi config set --secret`.",
        "",
        "| plugin key | dynamic form key | env vars | type | default | secret | meaning |",
        "|---|---|---|---|---|---|---|",
        ...PLUGIN_CONFIG_KEYS.map((k) =>
            `| \`${PLUGIN_NAMESPACE}:${k.name}\` | \`${k.setting}\` | ${k.env.map((e) => `\`${e}\``).join(", ")} | ${k.type} | ${k.default === undefined ? "" : `\`${k.default}\``} | ${k.secret ? "yes" : ""} | ${cell(k.doc)} |`,
        ),
        "",
        "Not offered: the aliases `huaweicloud:cacertFile` and `huaweicloud:cacert_file` (other providers' names, for stack config shared with them) and named connections (`<vendor>:connections`): declare an explicit provider per account instead.",
        "",
        "## Tokens and import ids",
        "",
        "| read | resource | function | import id |",
        "|---|---|---|---|",
        ...reads.map((r) => {
            const shape = r.d.id.map((x) => `{${x}}`).join("/");
            return `| \`${r.names.token}\` | ${hasResource(r) ? `\`${resourceToken(r)}\`` : "(a look-up: function only)"} | \`${functionToken(r)}\` | ${hasResource(r) ? `\`${shape}\`, e.g. \`pulumi import ${resourceToken(r)} ${r.d.docs.example.name} ${r.d.id.map((x) => r.d.examples.args[x] ?? "").join("/")}\`` : ""} |`;
        }),
        "",
    ].join("\n");
}
