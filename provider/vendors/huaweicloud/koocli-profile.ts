/**
 * Reads credentials from a KooCLI (`hcloud`) shared config file, `~/.hcloud/config.json`,
 * the file terraform-provider-huaweicloud reads for `shared_config_file` / `profile`.
 *
 * Format (terraform's `SharedConfig`/`Profile` structs in `huaweicloud/config/auth.go`, and
 * the file `hcloud configure` writes):
 *
 * ```json
 * {
 *   "current": "default",
 *   "profiles": [
 *     { "name": "default", "mode": "AKSK", "accessKeyId": "…", "secretAccessKey": "…",
 *       "securityToken": "", "expiresAt": "", "region": "cn-north-4", "projectId": "", "domainId": "" }
 *   ]
 * }
 * ```
 *
 * Mode `AKSK` covers both permanent keys and temporary keys (a non-empty `securityToken`).
 * Other modes (`ecsAgency`, `SSO`), agency (assume-role) profiles and files whose secrets
 * KooCLI encrypted (a top-level `crypter`) are refused with a clear error instead of sending
 * keys that the gateway would reject.
 */
import * as os from "node:os";
import * as path from "node:path";
import { KOOCLI_FILE_SETTING as FILE_SETTING, KooCliProfileError, readKooCliConfigFile } from "./koocli-config-file";

export { KooCliProfileError, MAX_KOOCLI_FILE_BYTES, resetKooCliWarnings, type KooCliProfileErrorReason } from "./koocli-config-file";

const PROFILE_SETTING = "huaweicloud:profile (or HW_PROFILE)";
const KEY_SETTINGS = "huaweicloud:accessKey/huaweicloud:secretKey (or HW_ACCESS_KEY/HW_SECRET_KEY)";

/**
 * Which file and profile to read.
 *
 * @example
 * ```ts
 * import type { KooCliProfileOptions } from "./koocli-profile";
 *
 * const options: KooCliProfileOptions = { file: "~/.hcloud/config.json", profile: "prod" };
 * ```
 */
export interface KooCliProfileOptions {
    /**
     * Path of the config file; a leading `~/` means the home directory. Default
     * `~/.hcloud/config.json`. Can also be set with `HW_SHARED_CONFIG_FILE`.
     */
    readonly file?: string;
    /** Profile name. Default the file's `current` profile. Can also be set with `HW_PROFILE`. */
    readonly profile?: string;
    /** Where to warn (once per process and file) that other users may read the file. */
    readonly warn?: (message: string) => void;
}


/**
 * Credentials and defaults read from one profile. Empty strings in the file are omitted.
 *
 * @example
 * ```ts
 * import { readKooCliProfile, type KooCliCredentials } from "./koocli-profile";
 *
 * const creds: KooCliCredentials = readKooCliProfile({});
 * const temporary = creds.securityToken !== undefined;
 * ```
 */
export interface KooCliCredentials {
    /** Name of the profile that was read. */
    readonly profile: string;
    /** `accessKeyId`. */
    readonly accessKey: string;
    /** `secretAccessKey`. */
    readonly secretKey: string;
    /** `securityToken`, present for temporary AK/SK. */
    readonly securityToken?: string;
    /** `expiresAt` of temporary AK/SK, as written by KooCLI. */
    readonly expiresAt?: string;
    /** `region`. */
    readonly region?: string;
    /** `projectId`. */
    readonly projectId?: string;
    /** `domainId` (account id). */
    readonly domainId?: string;
}

/**
 * The default KooCLI config path, `~/.hcloud/config.json`, under `home` (default: the user's).
 *
 * @example
 * ```ts
 * import { defaultKooCliConfigFile } from "./koocli-profile";
 *
 * defaultKooCliConfigFile(); // "/home/me/.hcloud/config.json"
 * ```
 */
export function defaultKooCliConfigFile(home: string = os.homedir()): string {
    return path.join(home, ".hcloud", "config.json");
}

/**
 * Reads one profile of a KooCLI config file (synchronously). Supports mode `AKSK` with
 * permanent keys or temporary keys plus `securityToken`; a profile without `mode` is read as
 * `AKSK`, as terraform does.
 *
 * @example
 * ```ts
 * import { readKooCliProfile } from "./koocli-profile";
 *
 * const { accessKey, secretKey, securityToken, region } = readKooCliProfile({ profile: "prod" });
 * ```
 */
export function readKooCliProfile(options: KooCliProfileOptions = {}): KooCliCredentials {
    const file = expandHome(options.file !== undefined && options.file !== "" ? options.file : defaultKooCliConfigFile());
    const where = `the KooCLI config file ${JSON.stringify(file)} (${FILE_SETTING})`;

    const text = readKooCliConfigFile(file, where, options.warn);

    let root: unknown;
    try {
        root = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
        // V8's JSON errors quote the text near the fault, which may be a key: report none of it.
        throw new KooCliProfileError("bad-json", `${where} is not valid JSON`);
    }
    if (!isObject(root) || !Array.isArray(root.profiles)) {
        throw new KooCliProfileError("bad-format", `${where} has no "profiles" list`);
    }
    if (typeof root.crypter === "string" && root.crypter !== "") {
        throw new KooCliProfileError(
            "encrypted",
            `${where} holds credentials that KooCLI encrypted (it has a "crypter" field), which this provider cannot decrypt; ` +
                `set ${KEY_SETTINGS} instead, or point ${FILE_SETTING} at a file with plain-text accessKeyId and secretAccessKey`,
        );
    }

    const profiles = root.profiles.filter(isObject);
    const names = profiles.map((p) => p.name).filter((n): n is string => typeof n === "string" && n !== "");
    const available = names.length > 0 ? `available profiles: ${names.map((n) => JSON.stringify(n)).join(", ")}` : "it has no named profiles";
    const wanted = options.profile !== undefined && options.profile !== "" ? options.profile : root.current;
    if (typeof wanted !== "string" || wanted === "") {
        throw new KooCliProfileError("profile-not-found", `${where} has no current profile; choose one with ${PROFILE_SETTING} (${available})`);
    }
    const profile = profiles.find((p) => p.name === wanted);
    const subject = `profile ${JSON.stringify(wanted)} of ${where}`;
    if (!profile) {
        throw new KooCliProfileError("profile-not-found", `${where} has no profile ${JSON.stringify(wanted)} (${available}; ${PROFILE_SETTING})`);
    }

    const field = (name: string): string | undefined => {
        const value = profile[name];
        if (value === undefined || value === null || value === "") return undefined;
        // The value is never shown: a misplaced key could sit in any field.
        if (typeof value !== "string") throw new KooCliProfileError("bad-format", `${subject}: "${name}" must be a string`);
        return value;
    };

    const mode = field("mode");
    if (mode !== undefined && mode.toUpperCase() !== "AKSK") {
        const shown = /^[A-Za-z0-9_-]{1,32}$/.test(mode) ? `"${mode}"` : "an unrecognised mode";
        throw new KooCliProfileError(
            "unsupported-mode",
            `${subject} uses authentication mode ${shown}; only "AKSK" (permanent keys, or temporary keys with securityToken) is supported`,
        );
    }
    if (field("agencyName") !== undefined) {
        throw new KooCliProfileError(
            "unsupported-mode",
            `${subject} assumes an agency (agencyName), which is not supported; use a profile with the agency's temporary keys and securityToken`,
        );
    }

    const accessKey = field("accessKeyId");
    const secretKey = field("secretAccessKey");
    if (accessKey === undefined || secretKey === undefined) {
        const missing = [accessKey === undefined ? "accessKeyId" : "", secretKey === undefined ? "secretAccessKey" : ""].filter(Boolean);
        throw new KooCliProfileError("missing-keys", `${subject} has no ${missing.join(" or ")}`);
    }

    return omitUndefined({
        profile: wanted,
        accessKey,
        secretKey,
        securityToken: field("securityToken"),
        expiresAt: field("expiresAt"),
        region: field("region"),
        projectId: field("projectId"),
        domainId: field("domainId"),
    });
}

function expandHome(file: string): string {
    // terraform expands "~" with go-homedir; HW_SHARED_CONFIG_FILE values are often written so.
    if (file === "~") return os.homedir();
    if (file.startsWith("~/") || file.startsWith("~\\")) return path.join(os.homedir(), file.slice(2));
    return file;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function omitUndefined(creds: KooCliCredentials): KooCliCredentials {
    return Object.fromEntries(Object.entries(creds).filter(([, v]) => v !== undefined)) as unknown as KooCliCredentials;
}
