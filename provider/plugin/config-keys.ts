import { INTEGER_SETTINGS, POLL_BASE_DELAY, RETRY_BASE_DELAY, transportNames, type SettingAliases, type SettingName } from "../core/settings";
import { ASTRA_SETTINGS } from "../vendors/astracontrol/settings";
import { HUAWEI_SETTINGS, HUAWEI_TRANSPORT_ALIASES } from "../vendors/huaweicloud/settings";

/**
 * The provider plugin's configuration: one flat key under `cloudreads:` per setting of the dynamic
 * form, mapped mechanically (`huaweicloud:region` -> `cloudreads:huaweicloudRegion`), with the same
 * environment variables and defaults. The engine hands a plugin only its own namespace, hence the
 * prefix. Keys already under `cloudreads:` (the test knobs) keep their names. The aliases of other
 * providers' key names (`huaweicloud:cacertFile`) have no plugin key: they exist for stack config
 * shared with pulumi-huaweicloud, which a plugin's own namespace never is.
 */

/** One configuration key of the plugin. */
export interface PluginConfigKey {
    /** The key without namespace, e.g. `huaweicloudRegion`. */
    readonly name: string;
    /** The dynamic form's stack config key it stands for, e.g. `huaweicloud:region`. */
    readonly setting: string;
    /** Environment variables read when the key is not set, in order. */
    readonly env: readonly string[];
    readonly type: "string" | "integer" | "boolean" | "object";
    readonly secret: boolean;
    readonly doc: string;
    /** The default, when it is a literal value (else {@link doc} says where it comes from). */
    readonly default?: number | boolean;
}

/** The plugin's namespace. */
export const PLUGIN_NAMESPACE = "cloudreads";

interface About {
    readonly doc: string;
    readonly type?: PluginConfigKey["type"];
    readonly secret?: boolean;
    readonly default?: number | boolean;
}

const TRANSPORT: Readonly<Record<string, (vendor: string) => About>> = {
    requestTimeout: () => ({ doc: "Per-attempt timeout of a request, in whole seconds.", type: "integer" }),
    maxRetries: () => ({ doc: "Retries of transient failures (429, 502, 503, 504, connection errors, timeouts).", type: "integer" }),
    deadline: () => ({ doc: "Overall budget of one read in whole seconds: look-ups, connection waits and retries included.", type: "integer" }),
    maxResponseBytes: () => ({ doc: "Larger response bodies are cut off with an error.", type: "integer" }),
    maxConcurrency: () => ({ doc: "Requests in flight per host from the plugin.", type: "integer" }),
    maxRetryDelay: () => ({ doc: "Longest wait between attempts in whole seconds (caps `Retry-After` and backoff).", type: "integer" }),
    caCert: (v) => ({ doc: `Extra trusted CA for ${v} requests: PEM text or the path of a PEM file.` }),
    insecure: (v) => ({ doc: `Skip TLS verification for this package's ${v} requests only (a Pulumi warning naming the variable, once per process).`, type: "boolean", default: false }),
};

const HUAWEI: Readonly<Record<keyof typeof HUAWEI_SETTINGS, About>> = {
    region: { doc: "Region, e.g. `cn-north-4`; picks hosts and the IAM project. Per read: `region`." },
    token: { doc: "IAM token, sent as `X-Auth-Token`; first in credential precedence.", secret: true },
    accessKey: { doc: "Access key (AK) for `SDK-HMAC-SHA256` signing; second in credential precedence, with the secret key.", secret: true },
    secretKey: { doc: "Secret key (SK).", secret: true },
    securityToken: { doc: "Security token of temporary AK/SK, sent and signed as `X-Security-Token`.", secret: true },
    projectId: { doc: "Project id for KPS and ROMA. Default: with AK/SK, looked up from IAM for the region. Per read: `projectId`." },
    domainId: { doc: "Account (domain) id, sent as `X-Domain-Id` on SMS with AK/SK. Default: looked up from IAM." },
    cloud: { doc: "Cloud domain of derived hosts. Default: `myhuaweicloud.com` (`myhuaweicloud.eu` for `eu-west-1xx`)." },
    endpoints: { doc: "Base URLs by service: an object with keys among `sms`, `roma`, `kms`, `iam`. Default: derived from the region. Per read: `endpoint`.", type: "object" },
    sharedConfigFile: { doc: "KooCLI profile file, used when no token and no AK/SK is set. Default: `~/.hcloud/config.json`." },
    profile: { doc: "KooCLI profile name. Default: the file's `current`." },
};

const ASTRA: Readonly<Record<keyof typeof ASTRA_SETTINGS, About>> = {
    url: { doc: "Base URL of your Astra Control Center, e.g. `https://astra.example.com` (no default: the certificate API exists only in Astra Control Center). Per read: `url`." },
    apiToken: { doc: "API token, sent as `Authorization: Bearer`.", secret: true },
    accountId: { doc: "Account id (a UUID). Per read: `accountId`." },
};

const KNOBS: readonly [SettingName, About][] = [
    [RETRY_BASE_DELAY, { doc: "Test and benchmark knob: the first backoff step between retries, in milliseconds.", type: "integer" }],
    [POLL_BASE_DELAY, { doc: "Test knob: the first backoff step between polls of a task (`waitFor`), in milliseconds.", type: "integer" }],
];

/**
 * The plugin's key for a dynamic-form setting key.
 *
 * @example
 * ```ts
 * flatName("huaweicloud:secretKey"); // "huaweicloudSecretKey"
 * flatName("cloudreads:retryBaseDelayMs"); // "retryBaseDelayMs"
 * ```
 */
export function flatName(setting: string): string {
    const [ns, key] = setting.split(":") as [string, string];
    return ns === PLUGIN_NAMESPACE ? key : `${ns}${key[0]!.toUpperCase()}${key.slice(1)}`;
}

function entry(name: SettingName, about: About): PluginConfigKey {
    const key = name.key.slice(name.key.indexOf(":") + 1);
    const bounds = (INTEGER_SETTINGS as Readonly<Record<string, readonly [number, number, number]>>)[key];
    const type = about.type ?? "string";
    const range = type === "integer" && bounds ? ` From ${bounds[1]} to ${bounds[2]}.` : "";
    return {
        name: flatName(name.key),
        setting: name.key,
        env: name.env,
        type,
        secret: about.secret ?? false,
        doc: `${about.doc}${range}`,
        ...(about.default !== undefined ? { default: about.default } : bounds ? { default: bounds[0] } : {}),
    };
}

function vendorKeys<K extends string>(settings: Readonly<Record<K, SettingName>>, about: Readonly<Record<K, About>>, ns: string, envPrefix: string, vendorName: string, aliases?: Readonly<Record<string, SettingAliases>>): PluginConfigKey[] {
    const own = (Object.keys(settings) as K[]).map((k) => entry(settings[k], about[k]));
    // The same env vars as the dynamic form (aliases included); the alias stack config keys are not offered.
    const transport = Object.entries(transportNames(ns, envPrefix, aliases)).map(([k, n]) => entry(n, TRANSPORT[k]!(vendorName)));
    return [...own, ...transport];
}

/**
 * Every configuration key of the plugin, in documented order.
 *
 * @example
 * ```ts
 * PLUGIN_CONFIG_KEYS.find((k) => k.name === "huaweicloudRegion")?.env; // ["HW_REGION_NAME", "OS_REGION_NAME"]
 * ```
 */
export const PLUGIN_CONFIG_KEYS: readonly PluginConfigKey[] = [
    ...vendorKeys(HUAWEI_SETTINGS, HUAWEI, "huaweicloud", "HW", "Huawei Cloud", HUAWEI_TRANSPORT_ALIASES),
    ...vendorKeys(ASTRA_SETTINGS, ASTRA, "astracontrol", "ASTRA_CONTROL", "Astra Control"),
    ...KNOBS.map(([n, a]) => entry(n, a)),
];
