import { ConfigurationError } from "./errors";
import { jsonDepth, MAX_JSON_DEPTH } from "./response-body";
import type { SettingSources } from "./settings";

/**
 * Named connections: `<namespace>:connections` in stack config, an object of connection names, each
 * an object of the same keys the namespace takes at the top level (`token`, `region`, `endpoints`...),
 * set with `pulumi config set [--secret] --path '<namespace>:connections.<name>.<key>' value`.
 *
 * A named connection shares nothing with the default one: its settings come only from its own keys
 * (no top-level key, no environment variable), so a read through it can never pick up another
 * account's credentials by accident.
 */

/** Connection names: letters, digits, `_` and `-`, up to 64 characters. */
export const CONNECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The stack config key holding a namespace's named connections. */
export function connectionsKey(namespace: string): string {
    return `${namespace}:connections`;
}

type Connections = Readonly<Record<string, Readonly<Record<string, string>>>>;

// Parsed once per distinct config text (the config of a stack does not change within a run).
const parsed = new Map<string, Connections>();

/**
 * The named connections of `namespace`, each key's value as the string stack config would hold at
 * the top level (nested objects such as `endpoints` as JSON). Errors name the path, never a value.
 */
export function namedConnections(sources: SettingSources, namespace: string): Connections {
    const key = connectionsKey(namespace);
    const text = sources.config(key);
    if (text === undefined || text === "") return {};
    const cached = parsed.get(text);
    if (cached) return cached;
    let value: unknown;
    try {
        if (jsonDepth(text) > MAX_JSON_DEPTH) throw new Error("too deep");
        value = JSON.parse(text);
    } catch {
        throw new ConfigurationError(`stack config ${key} must be an object of connections (set its keys with \`pulumi config set --path '${key}.<name>.<key>' value\`); it is not valid JSON.`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new ConfigurationError(`stack config ${key} must be an object whose keys are connection names, e.g. ${key}.migration.region.`);
    }
    const out: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
    for (const [name, settings] of Object.entries(value)) {
        if (!CONNECTION_NAME.test(name)) throw new ConfigurationError(`stack config ${key} has a connection name that is not 1 to 64 letters, digits, "_" or "-".`);
        if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
            throw new ConfigurationError(`stack config ${key}.${name} must be an object of settings, e.g. ${key}.${name}.region.`);
        }
        const leaves: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [leaf, v] of Object.entries(settings)) {
            if (v === null || v === undefined) continue;
            leaves[leaf] = typeof v === "string" ? v : JSON.stringify(v);
        }
        out[name] = leaves;
    }
    parsed.set(text, out);
    return out;
}

/**
 * The setting sources of a read through the connection `name` of `namespace`: that connection's
 * keys stand in for `<namespace>:<key>`, no environment variable applies, and every other namespace
 * (e.g. `cloudreads:`) reads as before. Unknown names and keys are configuration errors that list
 * what exists.
 */
export function connectionSources(sources: SettingSources, namespace: string, name: string, knownKeys: readonly string[]): SettingSources {
    const all = namedConnections(sources, namespace);
    const key = connectionsKey(namespace);
    const settings = Object.hasOwn(all, name) ? all[name] : undefined;
    if (!settings) {
        const names = Object.keys(all).sort();
        throw new ConfigurationError(
            `there is no connection named ${JSON.stringify(name)} in stack config ${key}: ${names.length ? `it has ${names.map((n) => JSON.stringify(n)).join(", ")}` : "none is set"} (add one with \`pulumi config set --path '${key}.${name}.region' ...\`).`,
        );
    }
    const unknown = Object.keys(settings).filter((k) => !knownKeys.includes(k));
    if (unknown.length) {
        throw new ConfigurationError(`stack config ${key}.${name} has unknown key${unknown.length === 1 ? "" : "s"} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; a connection takes the keys ${namespace}: takes: ${[...knownKeys].sort().join(", ")}.`);
    }
    const prefix = `${namespace}:`;
    return {
        config: (k) => (k.startsWith(prefix) ? (Object.hasOwn(settings, k.slice(prefix.length)) ? settings[k.slice(prefix.length)] : undefined) : sources.config(k)),
        env: sources.env,
        envApplies: (k) => !k.startsWith(prefix),
        progress: sources.progress,
        warn: sources.warn,
        status: sources.status,
        signal: sources.signal,
        describeKey: (k) => (k.startsWith(prefix) ? `${key}.${name}.${k.slice(prefix.length)}` : k),
    };
}
