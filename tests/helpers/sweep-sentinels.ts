import { loadDefaultFixtures, type FixtureData } from "../../emulator";

/**
 * Obviously fake credentials and secret values, each distinct and none a part of another, so a
 * scan can tell exactly which one leaked. Every one starts with `SENTINEL-<kind>-`, which the
 * scanner also looks for on its own to catch cut-off copies; the number that tells two of a kind
 * apart sits away from both ends, so even their base64 forms (which drop an end) differ.
 */
export const SENTINELS = {
    huaweiToken: "SENTINEL-HW-TOKEN-0001-7f3a",
    huaweiToken2: "SENTINEL-HW-TOKEN-0002-7f3a",
    accessKey: "SENTINEL-HW-AK-0001-7f3a",
    secretKey: "SENTINEL-HW-SK-0001-7f3a",
    tempAccessKey: "SENTINEL-HW-AK-0002-7f3a",
    tempSecretKey: "SENTINEL-HW-SK-0002-7f3a",
    tempSecurityToken: "SENTINEL-HW-SECURITY-TOKEN-0002-7f3a",
    smsPassphrase: "SENTINEL-SMS-PASSPHRASE-0001-7f3a",
    smsPassphrase2: "SENTINEL-SMS-PASSPHRASE-0002-7f3a",
    // The list routes' default tasks and products (emulator/fixtures/default.json) have secrets too.
    smsPassphrase3: "SENTINEL-SMS-PASSPHRASE-0003-7f3a",
    smsPassphrase4: "SENTINEL-SMS-PASSPHRASE-0004-7f3a",
    smsPassphrase5: "SENTINEL-SMS-PASSPHRASE-0005-7f3a",
    smsPassphrase6: "SENTINEL-SMS-PASSPHRASE-0006-7f3a",
    smsPassphrase7: "SENTINEL-SMS-PASSPHRASE-0007-7f3a",
    romaPassword: "SENTINEL-ROMA-PASSWORD-0001-7f3a",
    romaPassword2: "SENTINEL-ROMA-PASSWORD-0002-7f3a",
    romaPassword3: "SENTINEL-ROMA-PASSWORD-0003-7f3a",
    romaPassword4: "SENTINEL-ROMA-PASSWORD-0004-7f3a",
    romaPassword5: "SENTINEL-ROMA-PASSWORD-0005-7f3a",
    romaPassword6: "SENTINEL-ROMA-PASSWORD-0006-7f3a",
    romaPassword7: "SENTINEL-ROMA-PASSWORD-0007-7f3a",
    romaPassword8: "SENTINEL-ROMA-PASSWORD-0008-7f3a",
    romaPassword9: "SENTINEL-ROMA-PASSWORD-0009-7f3a",
    romaPassword10: "SENTINEL-ROMA-PASSWORD-0010-7f3a",
    romaPassword11: "SENTINEL-ROMA-PASSWORD-0011-7f3a",
    romaPassword12: "SENTINEL-ROMA-PASSWORD-0012-7f3a",
    romaPassword13: "SENTINEL-ROMA-PASSWORD-0013-7f3a",
    astraToken: "SENTINEL-ASTRA-TOKEN-0001-7f3a",
    astraToken2: "SENTINEL-ASTRA-TOKEN-0002-7f3a",
    // Accepted by no fixture: for the failure paths.
    wrongHuaweiToken: "SENTINEL-HW-WRONG-TOKEN-0009-7f3a",
    wrongSecretKey: "SENTINEL-HW-WRONG-SK-0009-7f3a",
    wrongAstraToken: "SENTINEL-ASTRA-WRONG-TOKEN-0009-7f3a",
    urlPassword: "SENTINEL-URL-PASSWORD-0009-7f3a",
    profileAccessKey: "SENTINEL-PROFILE-AK-0009-7f3a",
    profileSecretKey: "SENTINEL-PROFILE-SK-0009-7f3a",
    profileSecurityToken: "SENTINEL-PROFILE-SECURITY-TOKEN-0009-7f3a",
} as const;

/** Every sentinel value. */
export const ALL_SENTINELS: readonly string[] = Object.freeze(Object.values(SENTINELS));

/** Matches the start of any sentinel, whatever its case: a copy cut short is still found. */
export const SENTINEL_PREFIX = /sentinel-(hw|sms|roma|astra|url|profile)-/i;

/** One replacement per item, in order. */
function replaceAll<R>(items: readonly unknown[], replacements: readonly R[], what: string): R[] {
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
    const passphrases = replaceAll(
        data.huawei.sms.tasks,
        [S.smsPassphrase, S.smsPassphrase2, S.smsPassphrase3, S.smsPassphrase4, S.smsPassphrase5, S.smsPassphrase6, S.smsPassphrase7],
        "SMS tasks",
    );
    data.huawei.sms.tasks.forEach((t, i) => (t.passphrase = passphrases[i]));
    const passwords = replaceAll(
        data.huawei.roma.products,
        [
            S.romaPassword, S.romaPassword2, S.romaPassword3, S.romaPassword4, S.romaPassword5, S.romaPassword6, S.romaPassword7,
            S.romaPassword8, S.romaPassword9, S.romaPassword10, S.romaPassword11, S.romaPassword12, S.romaPassword13,
        ],
        "ROMA products",
    );
    data.huawei.roma.products.forEach((p, i) => (p.password = passwords[i]));
    const astraTokens = replaceAll(data.astra.tokens, [S.astraToken, S.astraToken2], "Astra tokens");
    data.astra.tokens.forEach((t, i) => (t.token = astraTokens[i]));
    return data;
}
