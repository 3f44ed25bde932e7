import { namespaceKeys, type SettingAliases, type SettingName, transportNames } from "../../core/settings";

/**
 * Stack config keys (`huaweicloud:` namespace, as the pulumi-huaweicloud bridge names them) and
 * env vars in terraform-provider-huaweicloud's order (its `HW_*` name first, then its `OS_*` fallbacks).
 */
export const HUAWEI_SETTINGS = {
    region: { key: "huaweicloud:region", env: ["HW_REGION_NAME", "OS_REGION_NAME"] },
    token: { key: "huaweicloud:token", env: ["HW_AUTH_TOKEN", "OS_AUTH_TOKEN"] },
    accessKey: { key: "huaweicloud:accessKey", env: ["HW_ACCESS_KEY", "OS_ACCESS_KEY"] },
    secretKey: { key: "huaweicloud:secretKey", env: ["HW_SECRET_KEY", "OS_SECRET_KEY"] },
    securityToken: { key: "huaweicloud:securityToken", env: ["HW_SECURITY_TOKEN"] },
    projectId: { key: "huaweicloud:projectId", env: ["HW_PROJECT_ID", "OS_PROJECT_ID"] },
    domainId: { key: "huaweicloud:domainId", env: ["HW_DOMAIN_ID", "OS_DOMAIN_ID", "OS_USER_DOMAIN_ID", "OS_PROJECT_DOMAIN_ID"] },
    cloud: { key: "huaweicloud:cloud", env: ["HW_CLOUD"] },
    endpoints: { key: "huaweicloud:endpoints", env: ["HW_ENDPOINTS"] },
    sharedConfigFile: { key: "huaweicloud:sharedConfigFile", env: ["HW_SHARED_CONFIG_FILE"] },
    profile: { key: "huaweicloud:profile", env: ["HW_PROFILE"] },
} as const satisfies Record<string, SettingName>;

/**
 * Transport settings under the names pulumi-huaweicloud (`huaweicloud:cacertFile`) and
 * terraform-provider-huaweicloud (its argument `cacert_file`, as `huaweicloud:cacert_file`, read
 * from `OS_CACERT`; `insecure` from `OS_INSECURE`) use. One winner when several are set: this
 * package's own name (`huaweicloud:caCert`), then `huaweicloud:cacertFile`, then
 * `huaweicloud:cacert_file`; stack config before env vars (`HW_CA_CERT`, then `OS_CACERT`).
 */
export const HUAWEI_TRANSPORT_ALIASES: Readonly<Record<string, SettingAliases>> = {
    caCert: { keys: ["huaweicloud:cacertFile", "huaweicloud:cacert_file"], env: ["OS_CACERT"] },
    insecure: { env: ["OS_INSECURE"] },
};

/** Advice for the API gateway's APIGW.0303: the signature's time is more than 15 minutes off. */
export const CLOCK_SKEW_HINT = "The request time differs from the gateway's by more than 15 minutes; check the system clock";

/**
 * The prefix of each service's own error codes, by endpoint key: a 404 with one of them is the
 * service saying the object does not exist (a NotFoundError; a refresh drops the resource). The
 * prefixes are documented: `SMS.9004` (SMS ShowPassphrase, /work/shared/api/sms-show-task-passphrase.txt),
 * `ROMA.00110006` for a 404 (ROMA ShowProductAuthentication, roma-show-product-authentication.txt),
 * `KPS.XXX` (REFERENCE.md section 4). Which code SMS and KPS send for a missing task is documented
 * nowhere we have (a guess would be `SMS.1807`, `KPS.0002`), hence the prefix rule, not a list.
 * A 404 of the API gateway (`APIGW.0101`, "The API does not exist": a wrong endpoint or path),
 * without a code, or with another service's code is an ApiError: a refresh fails and keeps it.
 */
export const SERVICE_CODE_PREFIXES: Readonly<Record<string, string>> = { sms: "SMS.", roma: "ROMA.", kms: "KPS." };

/** ROMA's documented 500 for a missing instance ("The instance does not exist"): not found too. */
export const ROMA_INSTANCE_MISSING = "ROMA.00110002";

/** Every key of `huaweicloud:` this package reads (a named connection takes the same ones). */
export const HUAWEI_SETTING_KEYS: readonly string[] = namespaceKeys("huaweicloud", HUAWEI_SETTINGS, transportNames("huaweicloud", "HW", HUAWEI_TRANSPORT_ALIASES));
