import { nearMisses } from "../core/near-miss-keys";
import type { SettingSources } from "../core/settings";
import { PLUGIN_CONFIG_KEYS, PLUGIN_NAMESPACE, type PluginConfigKey } from "./config-keys";

/**
 * The plugin's configuration: checked (CheckConfig), compared (DiffConfig), and turned into the
 * setting sources every read takes (Configure). Values come as strings from stack config
 * (`pulumi config set cloudreads:huaweicloudMaxRetries 3`) or typed from an explicit provider's
 * inputs (`maxRetries: 3` in YAML); both are accepted. Failures name the key and never a value.
 */

/** Keys the engine itself adds to a provider's inputs. */
const ENGINE_KEYS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

const KEYS: ReadonlyMap<string, PluginConfigKey> = new Map(PLUGIN_CONFIG_KEYS.map((k) => [k.name, k]));

/** One rejected configuration key. */
export interface ConfigFailure {
    readonly property: string;
    readonly reason: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The key as a string setting (what the runtime's settings read), or why it is not one of its type. */
function asSetting(k: PluginConfigKey, v: unknown): { value: string } | { problem: string } {
    switch (k.type) {
        case "string":
            return typeof v === "string" ? { value: v } : { problem: `expected a string, got ${kind(v)}` };
        case "integer":
            if (typeof v === "number" && Number.isInteger(v)) return { value: String(v) };
            return typeof v === "string" && /^\s*[0-9]+\s*$/.test(v) ? { value: v } : { problem: `expected a whole number, got ${typeof v === "string" ? "a string that is not one" : kind(v)}` };
        case "boolean":
            if (typeof v === "boolean") return { value: String(v) };
            return typeof v === "string" && /^(true|false|1|0)$/i.test(v.trim()) ? { value: v } : { problem: `expected true or false, got ${typeof v === "string" ? "another string" : kind(v)}` };
        case "object": {
            if (isObject(v)) return Object.values(v).every((x) => typeof x === "string") ? { value: JSON.stringify(v) } : { problem: "expected an object of strings, got an object with other values" };
            // Stack config holds an object as JSON text (`pulumi config set --path`).
            return typeof v === "string" ? { value: v } : { problem: `expected an object, got ${kind(v)}` };
        }
    }
}

const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`);

/**
 * The keys an unknown key nearly is: a misspelling (`huaweicloudRegoin`, by the same edit distance
 * as the dynamic form's near-miss warnings), else the keys whose dynamic-form name it is (`region`
 * is `huaweicloud:region`'s last part: `huaweicloudRegion`).
 *
 * @example
 * ```ts
 * meantKeys("huaweicloudRegoin"); // ["huaweicloudRegion"]
 * meantKeys("maxRetries"); // ["huaweicloudMaxRetries", "astracontrolMaxRetries"]
 * ```
 */
export function meantKeys(name: string): string[] {
    const near = nearMisses([`${PLUGIN_NAMESPACE}:${name}`], [{ namespace: PLUGIN_NAMESPACE, ours: [...KEYS.keys()], others: [] }]);
    if (near.length) return near.map((n) => n.meant.slice(PLUGIN_NAMESPACE.length + 1));
    return PLUGIN_CONFIG_KEYS.filter((k) => k.setting.slice(k.setting.indexOf(":") + 1).toLowerCase() === name.toLowerCase()).map((k) => k.name);
}

/** What a key's failure says: the key exists or not, and the key meant (else the keys that exist). */
function unknownKey(name: string): string {
    const meant = meantKeys(name);
    const what = `${PLUGIN_NAMESPACE}:${name} is not a configuration key of the cloudreads provider`;
    const connections = name === "connections" || name.endsWith("Connections") ? " (named connections are not offered by the plugin: declare an explicit provider, pulumi:providers:cloudreads, per account)" : "";
    if (meant.length) return `${what}; did you mean ${meant.map((k) => `${PLUGIN_NAMESPACE}:${k}`).join(" or ")}?${connections}`;
    return `${what}; the keys are ${[...KEYS.keys()].sort().join(", ")}${connections}`;
}

/** One message for several failures: the keys that exist listed once. */
export function configMessage(failures: readonly ConfigFailure[]): string {
    const list = `; the keys are ${[...KEYS.keys()].sort().join(", ")}`;
    const reasons = failures.map((f) => f.reason.replace(list, ""));
    return `${reasons.join("; ")}${failures.some((f) => f.reason.includes(list)) ? list : ""}`;
}

/**
 * Every problem of a provider configuration (provider inputs, keys without namespace).
 *
 * @example
 * ```ts
 * configFailures({ huaweicloudMaxRetries: "many" })[0]?.property; // "huaweicloudMaxRetries"
 * ```
 */
export function configFailures(inputs: Readonly<Record<string, unknown>>): ConfigFailure[] {
    const failures: ConfigFailure[] = [];
    for (const [name, v] of Object.entries(inputs)) {
        if (ENGINE_KEYS.has(name) || v === undefined || v === null) continue;
        const k = KEYS.get(name);
        if (!k) {
            failures.push({ property: name, reason: unknownKey(name) });
            continue;
        }
        const r = asSetting(k, v);
        if ("problem" in r) failures.push({ property: name, reason: `${PLUGIN_NAMESPACE}:${name} (${k.setting} in the dynamic form): ${r.problem}` });
    }
    return failures;
}

/** The configured settings by plugin key, as strings (valid inputs: checked first). */
export function configuredSettings(inputs: Readonly<Record<string, unknown>>): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, v] of Object.entries(inputs)) {
        const k = KEYS.get(name);
        if (!k || v === undefined || v === null) continue;
        const r = asSetting(k, v);
        if ("value" in r) out.set(name, r.value);
    }
    return out;
}

/** Configure's inputs: the stack config variables (`cloudreads:key`) under the args the engine sends, typed. */
export function configInputs(variables: ReadonlyMap<string, string>, args: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // The engine names them `cloudreads:config:key` (older form) or `cloudreads:key`.
    for (const [key, v] of variables) {
        const m = new RegExp(`^${PLUGIN_NAMESPACE}:(?:config:)?(.+)$`).exec(key);
        if (m) out[m[1]!] = v;
    }
    for (const [k, v] of Object.entries(args ?? {})) if (v !== undefined && v !== null) out[k] = v;
    return out;
}

/** `huaweicloud:maxRetries` as the plugin names it: `cloudreads:huaweicloudMaxRetries`. */
const PLUGIN_KEY_OF: ReadonlyMap<string, string> = new Map(PLUGIN_CONFIG_KEYS.map((k) => [k.setting, `${PLUGIN_NAMESPACE}:${k.name}`]));

/**
 * A message of the runtime, with the dynamic form's stack config keys (`huaweicloud:region`) in the
 * plugin's names (`cloudreads:huaweicloudRegion`). Named connections (`huaweicloud:connections`)
 * are not offered.
 */
export function inPluginWords(message: string): string {
    return message.replace(/\b(huaweicloud|astracontrol|cloudreads):([A-Za-z_]+)/g, (all: string) => PLUGIN_KEY_OF.get(all) ?? all);
}

/**
 * Where a read through the plugin reports: the engine's log, under the read's resource.
 *
 * @example
 * ```ts
 * const log: PluginLog = engineLog.for("urn:pulumi:dev::p::cloudreads:huaweicloud/kps:KeypairTask::t");
 * log.warn("task t-1 is still RUNNING");
 * ```
 */
export interface PluginLog {
    info(message: string): void;
    warn(message: string): void;
}

/**
 * The setting sources of reads through a provider configured with `settings`, one per read (its
 * log names its resource); env vars are the plugin process's. What every read derives from them
 * alone (a vendor's policy, TLS settings, endpoint overrides) is resolved at the first read and
 * kept until the next Configure makes new sources.
 *
 * @example
 * ```ts
 * const sourcesOf = pluginSources(new Map([["huaweicloudRegion", "cn-north-4"]]));
 * sourcesOf(log).config("huaweicloud:region"); // "cn-north-4"
 * ```
 */
export function pluginSources(settings: ReadonlyMap<string, string>): (log: PluginLog) => SettingSources {
    // Only keys the plugin offers: the aliases of other providers' names and `connections` read as unset.
    const byKey = new Map<string, string>();
    for (const k of PLUGIN_CONFIG_KEYS) {
        const v = settings.get(k.name);
        if (v !== undefined) byKey.set(k.setting, v);
    }
    const config = (key: string): string | undefined => byKey.get(key);
    const describeKey = (key: string): string => PLUGIN_KEY_OF.get(key) ?? key;
    const memo = new Map<string, unknown>();
    return (log) => ({
        config,
        env: process.env,
        describeKey,
        memo,
        progress: (m) => log.info(inPluginWords(m)),
        status: (m) => log.info(inPluginWords(m)),
        warn: (m) => log.warn(inPluginWords(m)),
    });
}
