import * as pulumi from "@pulumi/pulumi";
import { nearMisses, type KeyNamespace } from "../../../provider/core/near-miss-keys";
import { ASTRA_SETTING_KEYS } from "../../../provider/vendors/astracontrol/settings";
import { HUAWEI_SETTING_KEYS } from "../../../provider/vendors/huaweicloud/settings";

/**
 * The keys pulumi-huaweicloud defines under `huaweicloud:` (its `sdk/nodejs/config/vars.ts`, plus the
 * `assumeRoles` of newer versions): that provider's, never a misspelling of ours.
 */
export const PULUMI_HUAWEICLOUD_KEYS: readonly string[] = [
    "accessKey", "agencyDomainName", "agencyName", "assumeRole", "assumeRoles", "authUrl", "cacertFile", "cert", "cloud",
    "delegatedProject", "domainId", "domainName", "endpoints", "enterpriseProjectId", "insecure", "key", "maxRetries",
    "password", "profile", "projectId", "projectName", "region", "secretKey", "securityToken", "sharedConfigFile",
    "tenantId", "tenantName", "token", "userId", "userName", "version",
];

/** The namespaces checked: this package's keys there, and the keys other providers define there. */
export const NAMESPACES: readonly KeyNamespace[] = [
    { namespace: "huaweicloud", ours: [...HUAWEI_SETTING_KEYS, "connections"], others: PULUMI_HUAWEICLOUD_KEYS },
    { namespace: "astracontrol", ours: [...ASTRA_SETTING_KEYS, "connections"], others: ["version"] },
];

const warned = new Set<string>();
// The program's config snapshot is one object until the config changes: each is checked once.
const checked = new WeakSet<object>();

/**
 * Warns, once per process and key, about each stack config key that nearly names a setting of
 * this package (`huaweicloud:regoin`): Pulumi would otherwise ignore it without a word. Called at
 * each read and resource of a program; a config snapshot already checked is not checked again.
 */
export function warnNearMissConfig(config: Readonly<Record<string, string>>): void {
    if (checked.has(config)) return;
    checked.add(config);
    for (const { key, meant } of nearMisses(Object.keys(config), NAMESPACES)) {
        if (warned.has(key)) continue;
        warned.add(key);
        void pulumi.log.warn(`pulumi-cloudreads: stack config key ${key} is not a setting of this package and is ignored; did you mean ${meant}?`);
    }
}
