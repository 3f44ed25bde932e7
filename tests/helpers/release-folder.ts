import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const built = new Map<string, string>();

/**
 * A release folder as `npm run release` writes it (scripts/release/release.sh), with the plugin
 * tarballs of `platforms` (all of scripts/release/platforms.sh when omitted), `schema.json` and the
 * checksums file, but not the npm and Python packages. Built once per test process into a temp
 * folder; the tarballs come from the cache keyed by their inputs, so a warm build only hashes.
 *
 * @example
 * ```ts
 * const folder = releaseFolder(["linux-amd64"]);
 * ```
 */
export function releaseFolder(platforms?: readonly string[]): string {
    const key = platforms ? platforms.join(" ") : "all";
    const known = built.get(key);
    if (known) return known;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-release-"));
    const out = execFileSync("bash", [path.join(ROOT, "scripts", "release", "release.sh")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CLOUDREADS_RELEASE_DIR: dir, CLOUDREADS_RELEASE_PLUGINS_ONLY: "1", CLOUDREADS_RELEASE_PLATFORMS: platforms?.join(" ") ?? "" },
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 16 * 1024 * 1024,
    });
    const folder = out.trim().split("\n").pop()!;
    built.set(key, folder);
    return folder;
}

/** The platforms `npm run release` builds, from scripts/release/platforms.sh: `<os>-<arch>` and how each ships. */
export function releasePlatforms(): { platform: string; nodePackage: string; nodeVersion: string; ships: string }[] {
    const text = fs.readFileSync(path.join(ROOT, "scripts", "release", "platforms.sh"), "utf8");
    const block = /PLATFORMS=\(([\s\S]*?)\)/.exec(text)?.[1] ?? "";
    return [...block.matchAll(/"(\S+)\s+(\S+)\s+(\S+)\s+(\S+)"/g)].map((m) => ({ platform: m[1], nodePackage: m[2], nodeVersion: m[3], ships: m[4] }));
}

/** The checksums file of `folder` (`pulumi-cloudreads_<version>_checksums.txt`), as a map from file name to sha256. */
export function releaseChecksums(folder: string, version: string): Map<string, string> {
    const text = fs.readFileSync(path.join(folder, `pulumi-cloudreads_${version}_checksums.txt`), "utf8");
    return new Map(
        text
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => {
                const [sum, name] = l.split(/\s+/);
                return [name, sum] as [string, string];
            }),
    );
}
