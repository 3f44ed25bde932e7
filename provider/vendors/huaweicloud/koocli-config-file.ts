/**
 * Reading a KooCLI config file safely: one descriptor, a regular file only, at most
 * MAX_KOOCLI_FILE_BYTES, and a warning when other users may read it. What a profile in it holds
 * is ./koocli-profile.ts's business.
 */
import * as fs from "node:fs";
import { ConfigurationError } from "../../core/errors";

/**
 * The settings that name the file, for messages.
 *
 * @example
 * ```ts
 * import { KOOCLI_FILE_SETTING } from "./koocli-config-file";
 *
 * const hint = `point ${KOOCLI_FILE_SETTING} at the JSON file KooCLI writes`;
 * ```
 */
export const KOOCLI_FILE_SETTING = "huaweicloud:sharedConfigFile (or HW_SHARED_CONFIG_FILE)";

/**
 * Why a KooCLI profile could not be used.
 *
 * @example
 * ```ts
 * import type { KooCliProfileErrorReason } from "./koocli-config-file";
 *
 * const reason: KooCliProfileErrorReason = "file-not-found";
 * ```
 */
export type KooCliProfileErrorReason =
    | "file-not-found"
    | "file-unreadable"
    | "not-a-file"
    | "too-large"
    | "bad-json"
    | "bad-format"
    | "encrypted"
    | "profile-not-found"
    | "unsupported-mode"
    | "missing-keys";

/**
 * A KooCLI config file or profile could not be used. The message names the file, the
 * profile and the settings involved, and never contains key material or file contents.
 *
 * @example
 * ```ts
 * import { KooCliProfileError, readKooCliProfile } from "./koocli-profile";
 *
 * try {
 *     readKooCliProfile({ profile: "prod" });
 * } catch (e) {
 *     if (e instanceof KooCliProfileError && e.reason === "file-not-found") console.log("no KooCLI config");
 * }
 * ```
 */
export class KooCliProfileError extends ConfigurationError {
    /** A stable reason, so callers can tell a missing file from a broken one. */
    readonly reason: KooCliProfileErrorReason;

    constructor(reason: KooCliProfileErrorReason, message: string) {
        super(message);
        this.name = "KooCliProfileError";
        this.reason = reason;
    }
}

/** The largest config file read; KooCLI's own files are a few kilobytes. */
export const MAX_KOOCLI_FILE_BYTES = 1024 * 1024;

// Files whose permissions were reported in this process.
const warnedReadable = new Set<string>();

/**
 * The file's text, read through one descriptor: refused unless it is a regular file (a FIFO,
 * a device or a folder could block the read or never end) of at most MAX_KOOCLI_FILE_BYTES.
 * Opened without blocking, so a FIFO cannot stall the open itself. `where` names the file and
 * its setting in messages.
 *
 * @example
 * ```ts
 * import { readKooCliConfigFile } from "./koocli-config-file";
 *
 * const text = readKooCliConfigFile("/home/me/.hcloud/config.json", "the KooCLI config file", console.warn);
 * ```
 */
export function readKooCliConfigFile(file: string, where: string, warn: ((message: string) => void) | undefined): string {
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? "unknown error";
        if (code === "ENOENT") throw new KooCliProfileError("file-not-found", `${where} does not exist`);
        throw new KooCliProfileError("file-unreadable", `${where} cannot be read (${code})`);
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw new KooCliProfileError("not-a-file", `${where} is not a regular file (a folder, a pipe or a device); point ${KOOCLI_FILE_SETTING} at the JSON file KooCLI writes`);
        if (stat.size > MAX_KOOCLI_FILE_BYTES) throw new KooCliProfileError("too-large", `${where} is larger than ${MAX_KOOCLI_FILE_BYTES} bytes, which no KooCLI config file is`);
        if (process.platform !== "win32" && (stat.mode & 0o044) !== 0 && warn && !warnedReadable.has(file)) {
            warnedReadable.add(file);
            warn(`${where} holds access keys and is readable by other users (mode ${(stat.mode & 0o777).toString(8).padStart(4, "0")}); restrict it with chmod 600`);
        }
        // At most one byte past the cap: a file that grew since the stat is still refused.
        const buffer = Buffer.alloc(Math.min(stat.size, MAX_KOOCLI_FILE_BYTES) + 1);
        let length = 0;
        while (length < buffer.length) {
            const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (n === 0) break;
            length += n;
        }
        if (length > MAX_KOOCLI_FILE_BYTES) throw new KooCliProfileError("too-large", `${where} is larger than ${MAX_KOOCLI_FILE_BYTES} bytes, which no KooCLI config file is`);
        return buffer.subarray(0, length).toString("utf8");
    } catch (e) {
        if (e instanceof KooCliProfileError) throw e;
        throw new KooCliProfileError("file-unreadable", `${where} cannot be read (${(e as NodeJS.ErrnoException).code ?? "unknown error"})`);
    } finally {
        fs.closeSync(fd);
    }
}

/** Forgets which files were reported as readable by others (tests). */
export function resetKooCliWarnings(): void {
    warnedReadable.clear();
}
