import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import { ConfigurationError } from "./errors";
import { pemCertificateBlocks } from "./pem-blocks";
import type { HttpPolicy } from "./http";
import type { TlsSettings } from "./tls-agents";

/**
 * Where settings come from, besides per-call arguments: stack config (namespaced keys such
 * as `huaweicloud:region`) and environment variables. In the program process the config is
 * Pulumi's runtime config; in the provider host it is what `configure` received.
 */
export interface SettingSources {
    readonly config: (key: string) => string | undefined;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Where a read reports that it is still retrying (a Pulumi log message in a program). */
    readonly progress?: (message: string) => void;
    /** Where a read waiting on a task reports its progress (an ephemeral Pulumi status message in a program). */
    readonly status?: (message: string) => void;
    /** Where a read reports a warning that does not fail it (a Pulumi warning in a program). */
    readonly warn?: (message: string) => void;
    /** How messages name a config key (a named connection's keys live under `<ns>:connections.<name>`). */
    readonly describeKey?: (key: string) => string;
    /** Whether env vars may supply the setting of this config key (not for a named connection's). */
    readonly envApplies?: (key: string) => boolean;
    /** Aborted when the read must stop (the plugin's Cancel or shutdown): it then fails with a CancelledError, unretried. */
    readonly signal?: AbortSignal;
    /**
     * Where what is derived from `config` and `env` alone (a vendor's policy, its TLS settings, its
     * endpoint overrides) is kept between reads, for as long as both stay as they are: the plugin
     * gives one per Configure. Without it, each read resolves them again.
     */
    readonly memo?: Map<string, unknown>;
}

/**
 * `make()`, or what it gave the last time for `key` in `sources.memo`. A throw is not kept: the
 * next read fails the same way, with its own subject.
 *
 * @example
 * ```ts
 * const policy = memoized(sources, "policy:huaweicloud", () => resolvePolicy(sources, "huaweicloud", "HW"));
 * ```
 */
export function memoized<T>(sources: SettingSources, key: string, make: () => T): T {
    const memo = sources.memo;
    if (!memo) return make();
    if (memo.has(key)) return memo.get(key) as T;
    const value = make();
    memo.set(key, value);
    return value;
}

/** A setting's names: its stack config key and the environment variables that can supply it. */
export interface SettingName {
    readonly key: string;
    readonly env: readonly string[];
    /** Other stack config keys accepted for it (names other providers use); `key` wins over them. */
    readonly aliases?: readonly string[];
}

/** Where a resolved value came from, for messages. */
export interface Found {
    readonly value: string;
    readonly from: string;
}

/** Config first (the key, then its aliases), then env vars in order; empty strings count as unset. */
export function lookup(sources: SettingSources, name: SettingName): Found | undefined {
    for (const key of [name.key, ...(name.aliases ?? [])]) {
        const fromConfig = sources.config(key);
        if (fromConfig !== undefined && fromConfig !== "") return { value: fromConfig, from: `stack config ${sources.describeKey?.(key) ?? key}` };
    }
    if (sources.envApplies?.(name.key) === false) return undefined;
    for (const env of name.env) {
        const v = Object.hasOwn(sources.env, env) ? sources.env[env] : undefined;
        if (v !== undefined && v !== "") return { value: v, from: `environment variable ${env}` };
    }
    return undefined;
}

/** "`ns:key` (stack config) or `ENV`" for messages. */
export function describeName(name: SettingName): string {
    return [`\`${name.key}\` (stack config)`, ...name.env.map((e) => `\`${e}\``)].join(" or ");
}

/** Reads an integer setting within bounds, or the default. */
export function integerSetting(sources: SettingSources, name: SettingName, fallback: number, min: number, max: number): number {
    const found = lookup(sources, name);
    if (!found) return fallback;
    const n = Number(found.value.trim());
    if (!/^[0-9]+$/.test(found.value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
        throw new ConfigurationError(`${found.from} must be a whole number from ${min} to ${max}.`);
    }
    return n;
}

/** Reads a boolean setting (`true`/`false`/`1`/`0`), or the default. */
export function booleanSetting(sources: SettingSources, name: SettingName, fallback: boolean): boolean {
    const found = lookup(sources, name);
    if (!found) return fallback;
    const v = found.value.trim().toLowerCase();
    if (v === "true" || v === "1") return true;
    if (v === "false" || v === "0") return false;
    throw new ConfigurationError(`${found.from} must be true or false.`);
}

/** Names other tools use for a transport setting, accepted after this package's own. */
export interface SettingAliases {
    readonly keys?: readonly string[];
    readonly env?: readonly string[];
}

/** The transport settings shared by both vendors, under the vendor's namespace and env prefix, with the vendor's aliases. */
export function transportNames(ns: string, envPrefix: string, aliases: Readonly<Record<string, SettingAliases>> = {}) {
    const names = (_ns: string, _prefix: string, key: string, envSuffix: string): SettingName => ({
        key: `${ns}:${key}`,
        env: [`${envPrefix}_${envSuffix}`, ...(aliases[key]?.env ?? [])],
        aliases: aliases[key]?.keys,
    });
    return {
        requestTimeout: names(ns, envPrefix, "requestTimeout", "REQUEST_TIMEOUT"),
        maxRetries: names(ns, envPrefix, "maxRetries", "MAX_RETRIES"),
        deadline: names(ns, envPrefix, "deadline", "DEADLINE"),
        maxResponseBytes: names(ns, envPrefix, "maxResponseBytes", "MAX_RESPONSE_BYTES"),
        maxConcurrency: names(ns, envPrefix, "maxConcurrency", "MAX_CONCURRENCY"),
        maxRetryDelay: names(ns, envPrefix, "maxRetryDelay", "MAX_RETRY_DELAY"),
        caCert: names(ns, envPrefix, "caCert", "CA_CERT"),
        insecure: names(ns, envPrefix, "insecure", "INSECURE"),
    };
}

/** Test knob: the first step of the backoff between polls of a task (`waitFor`), in milliseconds (default 2000). */
export const POLL_BASE_DELAY: SettingName = { key: "cloudreads:pollBaseDelayMs", env: ["CLOUDREADS_POLL_BASE_DELAY_MS"] };

/** Test and benchmark knob: the first backoff step, in milliseconds (default 500). */
export const RETRY_BASE_DELAY: SettingName = { key: "cloudreads:retryBaseDelayMs", env: ["CLOUDREADS_RETRY_BASE_DELAY_MS"] };

/**
 * Resolves the retry, timeout and size policy of a vendor. Durations are whole seconds:
 * `requestTimeout` (per attempt, default 30), `deadline` (all attempts and waits, default 300),
 * `maxRetryDelay` (longest wait honoured from `Retry-After` or backoff, default 30);
 * `maxRetries` (default 5), `maxResponseBytes` (default 4 MiB), `maxConcurrency` (per host, default 16).
 */
export function resolvePolicy(sources: SettingSources, ns: string, envPrefix: string): HttpPolicy {
    return memoized(sources, `policy:${ns}:${envPrefix}`, () => policyOf(sources, ns, envPrefix));
}

function policyOf(sources: SettingSources, ns: string, envPrefix: string): HttpPolicy {
    const n = transportNames(ns, envPrefix);
    const int = (name: SettingName, [fallback, min, max]: IntegerBounds): number => integerSetting(sources, name, fallback, min, max);
    return {
        timeoutMs: int(n.requestTimeout, INTEGER_SETTINGS.requestTimeout) * 1000,
        maxRetries: int(n.maxRetries, INTEGER_SETTINGS.maxRetries),
        deadlineMs: int(n.deadline, INTEGER_SETTINGS.deadline) * 1000,
        retryBaseDelayMs: int(RETRY_BASE_DELAY, INTEGER_SETTINGS.retryBaseDelayMs),
        retryDelayCapMs: int(n.maxRetryDelay, INTEGER_SETTINGS.maxRetryDelay) * 1000,
        maxResponseBytes: int(n.maxResponseBytes, INTEGER_SETTINGS.maxResponseBytes),
        maxConcurrency: int(n.maxConcurrency, INTEGER_SETTINGS.maxConcurrency),
    };
}

/** An integer setting's default, least and greatest value. */
export type IntegerBounds = readonly [fallback: number, min: number, max: number];

/**
 * The integer settings' defaults and bounds, by key (without namespace): what {@link resolvePolicy}
 * applies, and what the plugin's schema documents (`npm run generate`).
 */
export const INTEGER_SETTINGS = {
    requestTimeout: [30, 1, 3600],
    maxRetries: [5, 0, 20],
    deadline: [300, 1, 86400],
    retryBaseDelayMs: [500, 0, 60000],
    pollBaseDelayMs: [2000, 0, 60000],
    maxRetryDelay: [30, 1, 3600],
    maxResponseBytes: [4 * 1024 * 1024, 1024, 1024 * 1024 * 1024],
    maxConcurrency: [16, 1, 1024],
} as const satisfies Record<string, IntegerBounds>;

/** The certificates of a PEM bundle, or undefined unless it holds at least one and all of them parse. */
function pemCertificates(text: string): string | undefined {
    const blocks = pemCertificateBlocks(text);
    if (!blocks.length) return undefined;
    try {
        for (const block of blocks) new X509Certificate(block);
    } catch {
        return undefined;
    }
    return blocks.join("\n");
}

// Where an insecure setting has been reported in this process (`environment variable OS_INSECURE`).
const insecureWarned = new Set<string>();

/**
 * Says once per process, as a Pulumi warning (which `--no-warnings` does not hide, unlike
 * `process.emitWarning`), that a setting turned TLS verification off, naming the variable.
 */
function warnInsecure(sources: SettingSources, ns: string, from: string): void {
    if (!sources.warn || insecureWarned.has(from)) return;
    insecureWarned.add(from);
    sources.warn(`${from} turns off TLS certificate verification for this package's ${ns} requests: a man in the middle can read the credentials and forge the answers. Unset it, and trust the endpoint's CA with ${ns}:caCert instead.`);
}

/** Forgets which insecure settings were reported (tests). */
export function resetInsecureWarnings(): void {
    insecureWarned.clear();
}

/**
 * Resolves a vendor's TLS settings: `caCert` is PEM text (one or more certificates) or the path
 * of a PEM file, trusted on top of the public roots; `insecure` turns verification off for this
 * package's requests to that vendor only.
 */
export function resolveTls(sources: SettingSources, ns: string, envPrefix: string, aliases: Readonly<Record<string, SettingAliases>> = {}): TlsSettings {
    return memoized(sources, `tls:${ns}:${envPrefix}`, () => tlsOf(sources, ns, envPrefix, aliases));
}

function tlsOf(sources: SettingSources, ns: string, envPrefix: string, aliases: Readonly<Record<string, SettingAliases>>): TlsSettings {
    const n = transportNames(ns, envPrefix, aliases);
    const insecure = booleanSetting(sources, n.insecure, false);
    if (insecure) warnInsecure(sources, ns, lookup(sources, n.insecure)!.from);
    const found = lookup(sources, n.caCert);
    if (!found) return { insecure };
    if (found.value.includes("-----BEGIN")) {
        const ca = pemCertificates(found.value);
        if (!ca) throw new ConfigurationError(`${found.from} holds PEM text that is not a valid certificate (expected one or more -----BEGIN CERTIFICATE----- blocks).`);
        return { ca, insecure };
    }
    let text: string;
    try {
        text = fs.readFileSync(found.value.trim(), "utf8");
    } catch {
        throw new ConfigurationError(`${found.from} must be PEM certificate text or the path of a readable PEM file; the file could not be read.`);
    }
    const ca = pemCertificates(text);
    if (!ca) throw new ConfigurationError(`${found.from} names a file that holds no valid PEM certificate (expected -----BEGIN CERTIFICATE----- blocks).`);
    return { ca, insecure };
}

/** The keys (without `ns:`) of a namespace's settings and their aliases: what a named connection may set. */
export function namespaceKeys(ns: string, ...groups: readonly Readonly<Record<string, SettingName>>[]): string[] {
    const keys = groups.flatMap((g) => Object.values(g).flatMap((n) => [n.key, ...(n.aliases ?? [])]));
    return [...new Set(keys.filter((k) => k.startsWith(`${ns}:`)).map((k) => k.slice(ns.length + 1)))];
}
