import { saidOnce } from "../../core/said-once";
import * as fs from "node:fs";
import { ConfigurationError } from "../../core/errors";
import { describeName, lookup, SettingSources } from "../../core/settings";
import { defaultKooCliConfigFile, readKooCliProfile } from "./koocli-profile";
import { HUAWEI_SETTINGS as S } from "./settings";

/** How Huawei requests are authenticated, and where the credentials came from. */
export type HuaweiAuth =
    | { readonly kind: "token"; readonly token: string; readonly from: string }
    | {
          readonly kind: "aksk";
          readonly accessKey: string;
          readonly secretKey: string;
          readonly securityToken?: string;
          readonly from: string;
          /** Defaults a KooCLI profile carries besides its keys. */
          readonly profile?: { readonly region?: string; readonly projectId?: string; readonly domainId?: string };
      };

/**
 * Chooses the credentials: stack config before the environment, and at each level an IAM token
 * before an access key pair (with an optional security token); then a KooCLI profile. So
 * `huaweicloud:token`, then `huaweicloud:accessKey`/`secretKey`, then `HW_AUTH_TOKEN` or
 * `OS_AUTH_TOKEN`, then `HW_ACCESS_KEY`/`HW_SECRET_KEY` (or `OS_*`): a token left in the
 * environment never outranks a key pair the stack sets (docs/configuration-precedence.md).
 * With none of them: one error listing every option. There is no silent fallback to an
 * instance metadata address.
 */
export function resolveHuaweiAuth(subject: string, sources: SettingSources): HuaweiAuth {
    const stackOnly: SettingSources = { ...sources, envApplies: () => false };
    const configToken = lookup(stackOnly, S.token);
    if (configToken) return { kind: "token", token: configToken.value, from: configToken.from };
    const configPair = lookup(stackOnly, S.accessKey) ?? lookup(stackOnly, S.secretKey);
    const token = configPair ? undefined : lookup(sources, S.token);
    if (token) return { kind: "token", token: token.value, from: token.from };

    const ak = lookup(sources, S.accessKey);
    const sk = lookup(sources, S.secretKey);
    const st = lookup(sources, S.securityToken);
    if (ak && sk) return { kind: "aksk", accessKey: ak.value, secretKey: sk.value, securityToken: st?.value, from: `${ak.from} and ${sk.from}` };
    if (ak || sk) {
        const missing = ak ? S.secretKey : S.accessKey;
        throw new ConfigurationError(`${subject}: ${(ak ?? sk)?.from} is set but its pair is missing: set ${describeName(missing)}.`);
    }

    const fileSetting = lookup(sources, S.sharedConfigFile);
    const profileSetting = lookup(sources, S.profile);
    // The default profile file serves only the default connection: a named one shares nothing implicitly.
    const implicitFile = sources.envApplies?.(S.sharedConfigFile.key) !== false;
    const file = fileSetting?.value ?? (implicitFile ? defaultKooCliConfigFile(sources.env.HOME || undefined) : undefined);
    if (file !== undefined && (fileSetting || profileSetting || fs.existsSync(file))) {
        const p = readKooCliProfile({ file, profile: profileSetting?.value, warn: sources.warn });
        return {
            kind: "aksk",
            accessKey: p.accessKey,
            secretKey: p.secretKey,
            securityToken: p.securityToken,
            from: `KooCLI profile file ${fileSetting ? fileSetting.from : file}`,
            profile: { region: p.region, projectId: p.projectId, domainId: p.domainId },
        };
    }
    throw new ConfigurationError(
        saidOnce(
            "huaweicloud:credentials",
            subject,
            `${subject} needs Huawei Cloud credentials; none are configured. Set one of: ` +
                `an IAM token with ${describeName(S.token)}; ` +
                `an access key pair with ${describeName(S.accessKey)} and ${describeName(S.secretKey)} ` +
                `(plus ${describeName(S.securityToken)} for temporary keys); ` +
                `or a KooCLI profile with ${describeName(S.sharedConfigFile)} (default ~/.hcloud/config.json) and ${describeName(S.profile)}.`,
            "needs Huawei Cloud credentials; none are configured",
        ),
    );
}
