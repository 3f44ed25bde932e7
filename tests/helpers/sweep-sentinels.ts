import { loadDefaultFixtures, type FixtureData } from "../../emulator";

/**
 * Obviously fake credentials and secret values, each distinct and none a part of another, so a
 * scan can tell exactly which one leaked. Every one starts with `SENTINEL-<kind>-`, which the
 * scanner also looks for on its own to catch cut-off copies.
 */
export const SENTINELS = {
    huaweiToken: "SENTINEL-HW-TOKEN-7f3a-0001",
    huaweiToken2: "SENTINEL-HW-TOKEN-7f3a-0002",
    accessKey: "SENTINEL-HW-AK-7f3a-0001",
    secretKey: "SENTINEL-HW-SK-7f3a-0001",
    tempAccessKey: "SENTINEL-HW-AK-7f3a-0002",
    tempSecretKey: "SENTINEL-HW-SK-7f3a-0002",
    tempSecurityToken: "SENTINEL-HW-SECURITY-TOKEN-7f3a-0002",
    smsPassphrase: "SENTINEL-SMS-PASSPHRASE-7f3a-0001",
    smsPassphrase2: "SENTINEL-SMS-PASSPHRASE-7f3a-0002",
    romaPassword: "SENTINEL-ROMA-PASSWORD-7f3a-0001",
    romaPassword2: "SENTINEL-ROMA-PASSWORD-7f3a-0002",
    astraToken: "SENTINEL-ASTRA-TOKEN-7f3a-0001",
    astraToken2: "SENTINEL-ASTRA-TOKEN-7f3a-0002",
    // Accepted by no fixture: for the failure paths.
    wrongHuaweiToken: "SENTINEL-HW-WRONG-TOKEN-7f3a-0009",
    wrongSecretKey: "SENTINEL-HW-WRONG-SK-7f3a-0009",
    wrongAstraToken: "SENTINEL-ASTRA-WRONG-TOKEN-7f3a-0009",
    urlPassword: "SENTINEL-URL-PASSWORD-7f3a-0009",
    profileAccessKey: "SENTINEL-PROFILE-AK-7f3a-0009",
    profileSecretKey: "SENTINEL-PROFILE-SK-7f3a-0009",
    profileSecurityToken: "SENTINEL-PROFILE-SECURITY-TOKEN-7f3a-0009",
} as const;

/** Every sentinel value. */
export const ALL_SENTINELS: readonly string[] = Object.freeze(Object.values(SENTINELS));

/** Matches the start of any sentinel, whatever its case: a copy cut short is still found. */
export const SENTINEL_PREFIX = /sentinel-(hw|sms|roma|astra|url|profile)-/i;

function replaceAll<T>(items: T[], replacements: readonly T[], what: string): T[] {
    if (items.length > replacements.length) {
        // A fixture grew: fail rather than leave one of its secrets unreplaced.
        throw new Error(`the default fixtures have ${items.length} ${what}; sweep-sentinels.ts replaces only ${replacements.length}`);
    }
    return items.map((_, i) => replacements[i]);
}

/**
 * A deep copy of the emulator's default fixtures with every token, access key, secret key,
 * security token, SMS passphrase, ROMA password and Astra token replaced by a sentinel.
 */
export function sentinelFixtures(): FixtureData {
    const data = loadDefaultFixtures();
    const S = SENTINELS;
    data.huawei.tokens = replaceAll(data.huawei.tokens, [S.huaweiToken, S.huaweiToken2], "Huawei tokens");
    const credentials = [
        { accessKey: S.accessKey, secretKey: S.secretKey },
        { accessKey: S.tempAccessKey, secretKey: S.tempSecretKey, securityToken: S.tempSecurityToken },
    ];
    data.huawei.credentials = data.huawei.credentials.map((c, i) => {
        const replacement = credentials[i];
        if (!replacement || (c.securityToken === undefined) !== (replacement.securityToken === undefined)) {
            throw new Error(`sweep-sentinels.ts has no matching replacement for Huawei credential ${i}`);
        }
        return replacement;
    });
    const passphrases = replaceAll(data.huawei.sms.tasks, [S.smsPassphrase, S.smsPassphrase2] as const, "SMS tasks");
    data.huawei.sms.tasks.forEach((t, i) => (t.passphrase = passphrases[i]));
    const passwords = replaceAll(data.huawei.roma.products, [S.romaPassword, S.romaPassword2] as const, "ROMA products");
    data.huawei.roma.products.forEach((p, i) => (p.password = passwords[i]));
    const astraTokens = replaceAll(data.astra.tokens, [S.astraToken, S.astraToken2] as const, "Astra tokens");
    data.astra.tokens.forEach((t, i) => (t.token = astraTokens[i]));
    return data;
}
