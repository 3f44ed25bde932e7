import * as fs from "node:fs";
import * as path from "node:path";
import { PLUGIN_CONFIG_KEYS, PLUGIN_NAMESPACE } from "./config-keys";

/*
 * The dynamic form's stack config keys (`huaweicloud:region`, `astracontrol:url`) in a stack that
 * uses the plugin. The engine hands a plugin only its own namespace, so those keys never reach it
 * and would be ignored without a word; the plugin reads the names of the stack's config keys from
 * the project folder (the engine starts plugins there) to say so, once per key, with the
 * `cloudreads:` key to set. Only key names are read, never a value.
 */

/** The namespaces of the dynamic form, which the plugin never receives. */
const FOREIGN = ["huaweicloud", "astracontrol"] as const;

/** The largest config file looked at; stack config files are a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * The stack name in a resource URN (`urn:pulumi:<stack>::<project>::...`), or undefined.
 *
 * @example
 * ```ts
 * stackOfUrn("urn:pulumi:dev::trust-store::pulumi:providers:cloudreads::default_0_1_0"); // "dev"
 * ```
 */
export function stackOfUrn(urn: string | undefined): string | undefined {
    const m = /^urn:pulumi:([^:]+)::/.exec(urn ?? "");
    return m?.[1];
}

/** A file's text when it is a regular file of at most MAX_FILE_BYTES; else undefined. */
function smallFile(file: string): string | undefined {
    try {
        const stat = fs.statSync(file);
        return stat.isFile() && stat.size <= MAX_FILE_BYTES ? fs.readFileSync(file, "utf8") : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The keys of a YAML document's top-level `config:` mapping (block style, as `pulumi config set`
 * writes it), without their values; quoted keys are unquoted.
 *
 * @example
 * ```ts
 * configKeysOf("config:\n  huaweicloud:region: cn-north-4\n  'astracontrol:url': https://a\n"); // ["huaweicloud:region", "astracontrol:url"]
 * ```
 */
export function configKeysOf(yaml: string): string[] {
    const keys: string[] = [];
    let indent: number | undefined;
    let inConfig = false;
    for (const line of yaml.split(/\r?\n/)) {
        if (/^\s*(#.*)?$/.test(line)) continue;
        const depth = line.length - line.trimStart().length;
        if (depth === 0) {
            inConfig = /^config:\s*(#.*)?$/.test(line);
            indent = undefined;
            continue;
        }
        if (!inConfig) continue;
        indent ??= depth;
        if (depth !== indent) continue;
        const m = /^\s*(?:"([^"]+)"|'([^']+)'|([^\s:'"][^\s]*?)):(?:\s|$)/.exec(line);
        const key = m?.[1] ?? m?.[2] ?? m?.[3];
        if (key) keys.push(key);
    }
    return keys;
}

/**
 * The stack config keys of `stack` in the project folder `dir`: its `Pulumi.<stack>.yaml` (in the
 * project's `stackConfigDir` when it names one) and the project's own `config:` in Pulumi.yaml.
 * An unreadable or missing file gives no keys.
 *
 * @example
 * ```ts
 * stackConfigKeys(process.cwd(), "dev"); // ["cloudreads:astracontrolUrl", "huaweicloud:region"]
 * ```
 */
export function stackConfigKeys(dir: string, stack: string | undefined): string[] {
    const project = smallFile(path.join(dir, "Pulumi.yaml")) ?? smallFile(path.join(dir, "Pulumi.yml")) ?? "";
    const configDir = /^stackConfigDir:\s*["']?([^"'#\n]+?)["']?\s*(#.*)?$/m.exec(project)?.[1];
    const keys = configKeysOf(project);
    if (stack && /^[A-Za-z0-9_.-]+$/.test(stack)) {
        const folder = configDir ? path.resolve(dir, configDir) : dir;
        keys.push(...configKeysOf(smallFile(path.join(folder, `Pulumi.${stack}.yaml`)) ?? smallFile(path.join(folder, `Pulumi.${stack}.yml`)) ?? ""));
    }
    return [...new Set(keys)];
}

const PLUGIN_KEY_OF: ReadonlyMap<string, string> = new Map(PLUGIN_CONFIG_KEYS.map((k) => [k.setting, k.name]));

/**
 * One warning per dynamic-form key among `keys` whose plugin key is not set in `configured`: the
 * key is ignored, and which `cloudreads:` key to set instead (named connections: why there is none).
 * Keys this package does not read there are another provider's, and pass without a word.
 *
 * @example
 * ```ts
 * foreignKeyWarnings(["astracontrol:url"], new Set())[0];
 * // "stack config key astracontrol:url is ignored: the cloudreads provider plugin reads only cloudreads: keys; set cloudreads:astracontrolUrl instead"
 * ```
 */
export function foreignKeyWarnings(keys: readonly string[], configured: ReadonlySet<string>): string[] {
    const warnings: string[] = [];
    for (const key of keys) {
        const ns = key.slice(0, key.indexOf(":"));
        if (!(FOREIGN as readonly string[]).includes(ns)) continue;
        const base = key.split(".")[0]!;
        const plugin = PLUGIN_KEY_OF.get(base);
        if (plugin && configured.has(plugin)) continue;
        const ignored = `stack config key ${key} is ignored: the cloudreads provider plugin reads only ${PLUGIN_NAMESPACE}: keys`;
        if (plugin) warnings.push(`${ignored}; set ${PLUGIN_NAMESPACE}:${plugin}${base === key ? "" : key.slice(base.length)} instead`);
        else if (base === `${ns}:connections`) warnings.push(`${ignored}; named connections are not offered by the plugin: declare an explicit provider (pulumi:providers:cloudreads) per account`);
        // Other keys (pulumi-huaweicloud's own, such as huaweicloud:enterpriseProjectId) are another provider's business.
    }
    return warnings;
}
