/**
 * Base URLs of the Huawei Cloud services this package reads, by region.
 *
 * Rules come from terraform-provider-huaweicloud (`huaweicloud/provider.go` `getCloudDomain`,
 * `huaweicloud/config/endpoints.go` catalog entries `sms`, `sms-intl`, `kms*`) and the official
 * SDKs' region files (`services/{kps,roma,sms}/.../region`), which list `kms.` (not `kps.`)
 * hosts for KPS. A region missing from those lists is not an error: its host is derived the
 * same way, so new regions work without a release.
 */
import { ConfigurationError } from "../../core/errors";
import { checkBaseUrl, Region } from "../../core/input-codecs";
import { PLAIN_HTTP_HOSTS_TEXT } from "../../core/url";

/**
 * A service whose endpoint this module knows. KPS is served by the DEW/KMS host, hence `kms`.
 *
 * @example
 * ```ts
 * import type { HuaweiService } from "./endpoints";
 *
 * const service: HuaweiService = "kms";
 * ```
 */
export type HuaweiService = "sms" | "roma" | "kms" | "iam";

/**
 * One of the three Huawei Cloud sites; SMS, a global service, has one host per site.
 *
 * @example
 * ```ts
 * import { smsSite } from "./endpoints";
 *
 * const site: "china" | "international" | "europe" = smsSite("cn-north-4"); // "china"
 * ```
 */
export type HuaweiSite = "china" | "international" | "europe";

/**
 * The cloud domain used unless the region is in Europe or `cloud` says otherwise.
 *
 * @example
 * ```ts
 * import { DEFAULT_CLOUD } from "./endpoints";
 *
 * `https://kms.cn-north-4.${DEFAULT_CLOUD}`; // "https://kms.cn-north-4.myhuaweicloud.com"
 * ```
 */
export const DEFAULT_CLOUD = "myhuaweicloud.com";

/**
 * The cloud domain of the Europe site (regions `eu-west-1xx`, e.g. `eu-west-101` Dublin).
 *
 * @example
 * ```ts
 * import { EUROPE_CLOUD } from "./endpoints";
 *
 * `https://kms.eu-west-101.${EUROPE_CLOUD}`; // "https://kms.eu-west-101.myhuaweicloud.eu"
 * ```
 */
export const EUROPE_CLOUD = "myhuaweicloud.eu";

// terraform's prefixEuropeRegion: every eu-west-1xx region belongs to the Europe site.
// eu-west-0 (Paris) does not: it is an international-site region on myhuaweicloud.com.
const EUROPE_REGION_PREFIX = "eu-west-1";

// The SMS host region of each site; terraform's `sms` / `sms-intl` catalog entries and the
// Europe site's own regional host.
const SMS_SITE_REGION: Readonly<Record<HuaweiSite, string>> = {
    china: "cn-north-4",
    international: "ap-southeast-3",
    europe: "eu-west-101",
};

const REGION_SETTING = "huaweicloud:region (or HW_REGION_NAME)";
const CLOUD_SETTING = "huaweicloud:cloud (or HW_CLOUD)";

/**
 * What decides a service's base URL, most specific last: `endpoint` beats `overrides`, which
 * beat the host derived from `region` and `cloud`.
 *
 * @example
 * ```ts
 * import type { EndpointInputs } from "./endpoints";
 *
 * const inputs: EndpointInputs = { region: "cn-north-4", overrides: { kms: "https://kms.internal.example.com" } };
 * ```
 */
export interface EndpointInputs {
    /** Region, e.g. `cn-north-4`. Can also be set with `HW_REGION_NAME`. */
    readonly region: string;
    /**
     * Cloud domain. Default `myhuaweicloud.com`, or `myhuaweicloud.eu` for `eu-west-1xx`
     * regions. Can also be set with `HW_CLOUD`.
     */
    readonly cloud?: string;
    /** Per-service base URLs from `huaweicloud:endpoints`. Default none. */
    readonly overrides?: Partial<Record<HuaweiService, string>>;
    /** A per-call base URL; wins over everything else. Default none. */
    readonly endpoint?: string;
    /** The setting name to use in errors about `endpoint`. Default `endpoint`. */
    readonly endpointSetting?: string;
}

/**
 * The cloud domain for a region: the explicit `cloud` if given, else `myhuaweicloud.eu` for
 * regions starting `eu-west-1`, else `myhuaweicloud.com` (terraform's `getCloudDomain`).
 *
 * @example
 * ```ts
 * import { cloudDomain } from "./endpoints";
 *
 * cloudDomain("eu-west-101"); // "myhuaweicloud.eu"
 * cloudDomain("ap-southeast-1"); // "myhuaweicloud.com"
 * cloudDomain("cn-north-4", "example.com"); // "example.com"
 * ```
 */
export function cloudDomain(region: string, cloud?: string): string {
    if (cloud !== undefined && cloud !== "") {
        const lower = cloud.toLowerCase();
        if (!/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(lower)) {
            throw new ConfigurationError(`${CLOUD_SETTING} must be a domain name such as ${DEFAULT_CLOUD}`);
        }
        return lower;
    }
    return checkRegion(region).startsWith(EUROPE_REGION_PREFIX) ? EUROPE_CLOUD : DEFAULT_CLOUD;
}

/**
 * The site whose SMS host serves a region: `cn-*` is China, `eu-west-1xx` Europe, every
 * other region international. terraform instead probes the account's site through BSS;
 * this package avoids that extra call, and `huaweicloud:endpoints.sms` corrects the rare
 * account whose site differs from its region's.
 *
 * @example
 * ```ts
 * import { smsSite } from "./endpoints";
 *
 * smsSite("cn-east-3"); // "china"
 * smsSite("eu-west-101"); // "europe"
 * smsSite("la-south-2"); // "international"
 * ```
 */
export function smsSite(region: string): HuaweiSite {
    const r = checkRegion(region);
    if (r.startsWith("cn-")) return "china";
    if (r.startsWith(EUROPE_REGION_PREFIX)) return "europe";
    return "international";
}

/** Each service's own host in one region, for examples in messages. */
const EXAMPLE_HOSTS: Readonly<Record<HuaweiService, string>> = {
    kms: "https://kms.cn-north-4.myhuaweicloud.com",
    roma: "https://roma.cn-north-4.myhuaweicloud.com",
    sms: "https://sms.cn-north-4.myhuaweicloud.com",
    iam: "https://iam.cn-north-4.myhuaweicloud.com",
};

/**
 * The base URL of a service (no trailing slash): the per-call `endpoint`, else the
 * `huaweicloud:endpoints` override, else the derived host. KPS is `kms.{region}.{cloud}`,
 * ROMA `roma.{region}.{cloud}`, IAM `iam.{region}.{cloud}`, and SMS one host per site
 * (`sms.cn-north-4`, `sms.ap-southeast-3` or `sms.eu-west-101`, see {@link smsSite}).
 *
 * @example
 * ```ts
 * import { serviceBaseUrl } from "./endpoints";
 *
 * serviceBaseUrl("kms", { region: "cn-north-4" }); // "https://kms.cn-north-4.myhuaweicloud.com"
 * serviceBaseUrl("sms", { region: "eu-west-101" }); // "https://sms.eu-west-101.myhuaweicloud.eu"
 * serviceBaseUrl("roma", { region: "cn-north-4", endpoint: "http://127.0.0.1:8080/roma" }); // "http://127.0.0.1:8080/roma"
 * ```
 */
export function serviceBaseUrl(service: HuaweiService, inputs: EndpointInputs): string {
    const example = EXAMPLE_HOSTS[service];
    if (inputs.endpoint !== undefined) return validateEndpointUrl(inputs.endpoint, inputs.endpointSetting ?? "endpoint", example);
    const override = inputs.overrides?.[service];
    if (override !== undefined) return validateEndpointUrl(override, `huaweicloud:endpoints.${service}`, example);
    const cloud = cloudDomain(inputs.region, inputs.cloud);
    const hostRegion = service === "sms" ? SMS_SITE_REGION[smsSite(inputs.region)] : checkRegion(inputs.region);
    return `https://${service}.${hostRegion}.${cloud}`;
}

/**
 * Checks a user-given endpoint and returns it normalized without a trailing slash. It must be
 * an absolute `https://` URL (`http://` only for 127.0.0.1, localhost and [::1]) with no user
 * credentials, query or fragment; a path prefix is kept. Errors name `setting` and what was
 * expected, and never repeat the value, which may hold a pasted credential.
 *
 * @example
 * ```ts
 * import { validateEndpointUrl } from "./endpoints";
 *
 * validateEndpointUrl("https://kms.cn-north-4.myhuaweicloud.com/", "huaweicloud:endpoints.kms");
 * // "https://kms.cn-north-4.myhuaweicloud.com"
 * validateEndpointUrl("http://kms.example.com", "huaweicloud:endpoints.kms"); // throws ConfigurationError
 * ```
 */
export function validateEndpointUrl(value: string, setting: string, example = EXAMPLE_HOSTS.kms): string {
    // One rule for every base URL (arguments, endpoints, Astra's url): core/input-codecs' checkBaseUrl.
    const problem = typeof value !== "string" || value === "" ? "is empty" : checkBaseUrl(value);
    if (problem) throw new ConfigurationError(`${setting} ${problem} (expected an absolute https:// URL such as ${example}; http:// is allowed only for ${PLAIN_HTTP_HOSTS_TEXT})`);
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

function checkRegion(region: string): string {
    if (typeof region !== "string" || region === "") {
        throw new ConfigurationError(`${REGION_SETTING} is required to derive Huawei Cloud endpoints, e.g. cn-north-4`);
    }
    // The region becomes a DNS label; anything else could steer the request to another host.
    if (!Region.is(region)) {
        throw new ConfigurationError(`${REGION_SETTING} must be a region id of lower-case letters, digits and hyphens, e.g. cn-north-4`);
    }
    return region;
}
