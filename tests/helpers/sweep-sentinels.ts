import { fixtureSecrets, loadDefaultFixtures, type FixtureData } from "../../emulator";
import { FIXTURE_COLLECTIONS } from "../../emulator/fixtures";

/**
 * Obviously fake credentials and secret values, each distinct and none a part of another, so a
 * scan can tell exactly which one leaked. Every one starts with `SENTINEL-<kind>-`, which the
 * scanner also looks for on its own to catch cut-off copies; the number that tells two of a kind
 * apart sits away from both ends, so even their base64 forms (which drop an end) differ. The
 * fixtures' secret values get sentinels made from their collection and field ({@link sentinelFixtures}).
 */
const NAMED = {
    // Access keys are not secret, but the sweep finds them too.
    accessKey: "SENTINEL-HW-AK-0001-7f3a",
    tempAccessKey: "SENTINEL-HW-AK-0002-7f3a",
    // Accepted by no fixture: for the failure paths.
    wrongHuaweiToken: "SENTINEL-HW-WRONG-TOKEN-0009-7f3a",
    wrongSecretKey: "SENTINEL-HW-WRONG-SK-0009-7f3a",
    wrongAstraToken: "SENTINEL-ASTRA-WRONG-TOKEN-0009-7f3a",
    urlPassword: "SENTINEL-URL-PASSWORD-0009-7f3a",
    profileAccessKey: "SENTINEL-PROFILE-AK-0009-7f3a",
    profileSecretKey: "SENTINEL-PROFILE-SK-0009-7f3a",
    profileSecurityToken: "SENTINEL-PROFILE-SECURITY-TOKEN-0009-7f3a",
} as const;

/** Matches the start of any sentinel, whatever its case: a copy cut short is still found. */
export const SENTINEL_PREFIX = /sentinel-(hw|sms|roma|astra|url|profile)-/i;

/** The sentinel of record `index`'s secret at `field` in the fixture collection at `path`: `SENTINEL-HW-SMS-TASKS-PASSPHRASE-0001-7f3a`. */
function fixtureSentinel(path: string, field: string, index: number): string {
    const [vendor, ...rest] = path.split(".");
    const tag = vendor === "huawei" ? "HW" : vendor!.toUpperCase();
    const name = [...rest, field].filter((p) => p !== "").join("-").replace(/[^A-Za-z0-9]+/g, "-").toUpperCase();
    return `SENTINEL-${tag}-${name}-${String(index + 1).padStart(4, "0")}-7f3a`;
}

/** Replaces the string at the dotted `field` of `records[index]` (each string of an array there) with a sentinel. */
function plant(records: unknown[], index: number, field: string, sentinel: (item: number) => string): void {
    const put = (value: unknown, item = 0): unknown => (Array.isArray(value) ? value.map((v, j) => put(v, j)) : typeof value === "string" ? sentinel(item) : value);
    if (field === "") return void (records[index] = put(records[index]));
    const keys = field.split(".");
    let at = records[index] as Record<string, unknown> | undefined;
    for (const key of keys.slice(0, -1)) at = at?.[key] as Record<string, unknown> | undefined;
    const last = keys[keys.length - 1]!;
    if (at && last in at) at[last] = put(at[last]);
}

/**
 * A deep copy of the emulator's default fixtures with every secret value of every fixture
 * collection (each declared by its route module, emulator/routes/*.ts) and every access key
 * replaced by a sentinel: a new collection's secrets are covered without an edit here.
 */
export function sentinelFixtures(): FixtureData {
    const data = loadDefaultFixtures();
    for (const c of FIXTURE_COLLECTIONS) {
        const records = c.in(data) as unknown[];
        records.forEach((_, i) => {
            for (const field of c.secrets) plant(records, i, field, (item) => fixtureSentinel(c.path, item > 0 ? `${field}-${item}` : field, i));
        });
    }
    const accessKeys = [NAMED.accessKey, NAMED.tempAccessKey];
    if (data.huawei.credentials.length > accessKeys.length) throw new Error(`the default fixtures have ${data.huawei.credentials.length} Huawei credentials; sweep-sentinels.ts has ${accessKeys.length} access keys`);
    data.huawei.credentials.forEach((c, i) => (c.accessKey = accessKeys[i]!));
    return data;
}

/** The sentinels {@link sentinelFixtures} plants in place of the fixtures' secret values. */
export const FIXTURE_SENTINELS: readonly string[] = Object.freeze(fixtureSecrets(sentinelFixtures()));


const planted = sentinelFixtures();

/** The sentinels above, and names for the planted ones that tests pass as credentials or look for. */
export const SENTINELS = {
    ...NAMED,
    huaweiToken: planted.huawei.tokens[0]!,
    huaweiToken2: planted.huawei.tokens[1]!,
    secretKey: planted.huawei.credentials[0]!.secretKey,
    tempSecretKey: planted.huawei.credentials[1]!.secretKey,
    tempSecurityToken: planted.huawei.credentials[1]!.securityToken!,
    smsPassphrase: planted.huawei.sms.tasks[0]!.passphrase,
    romaPassword: planted.huawei.roma.products[0]!.password,
    astraToken: planted.astra.tokens[0]!.token,
} as const;

/** Every sentinel value. */
export const ALL_SENTINELS: readonly string[] = Object.freeze([...new Set([...Object.values(SENTINELS), ...FIXTURE_SENTINELS])]);
