import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PLUGIN_VERSION } from "./helpers/plugin-stack";
import { releaseChecksums, releaseFolder, releasePlatforms } from "./helpers/release-folder";

/** The CLI's asset rule (`standardAssetName`, sdk/go/common/workspace/plugins.go): os linux|darwin|windows, arch amd64|arm64. */
const ASSET_RULE = /^pulumi-resource-cloudreads-v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)-(linux|darwin|windows)-(amd64|arm64)\.tar\.gz$/;

/** The executable format of `head` (the binary's first bytes): ELF, Mach-O or PE, and its machine. */
function executableFormat(head: Buffer): string {
    if (head.readUInt32BE(0) === 0x7f454c46) {
        const machine = head.readUInt16LE(18);
        return `elf-${machine === 0x3e ? "amd64" : machine === 0xb7 ? "arm64" : machine}`;
    }
    if (head.readUInt32LE(0) === 0xfeedfacf) {
        const cpu = head.readUInt32LE(4);
        return `macho-${cpu === 0x01000007 ? "amd64" : cpu === 0x0100000c ? "arm64" : cpu}`;
    }
    if (head.readUInt16LE(0) === 0x5a4d) {
        const pe = head.readUInt32LE(0x3c);
        const machine = head.readUInt16LE(pe + 4);
        return `pe-${machine === 0x8664 ? "amd64" : machine === 0xaa64 ? "arm64" : machine}`;
    }
    return "unknown";
}

/** What each platform's binary must be: its own format, and for the two emulated ones the x64 build. */
const EXPECTED_FORMAT: Record<string, string> = {
    "linux-amd64": "elf-amd64",
    "linux-arm64": "elf-arm64",
    "darwin-amd64": "macho-amd64",
    "darwin-arm64": "macho-amd64",
    "windows-amd64": "pe-amd64",
    "windows-arm64": "pe-amd64",
};

describe("release: every plugin tarball follows the CLI's name and layout rule", function () {
    this.timeout(1_200_000);
    let folder: string;
    let unpacked: string;

    before(function () {
        folder = releaseFolder();
        unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-layout-"));
    });
    after(() => fs.rmSync(unpacked, { recursive: true, force: true }));

    it("builds one tarball per platform of scripts/release/platforms.sh, all six of linux, darwin, windows x amd64, arm64", () => {
        const platforms = releasePlatforms().map((p) => p.platform);
        assert.deepEqual([...platforms].sort(), ["darwin-amd64", "darwin-arm64", "linux-amd64", "linux-arm64", "windows-amd64", "windows-arm64"]);
        const tarballs = fs.readdirSync(folder).filter((f) => f.endsWith(".tar.gz"));
        assert.deepEqual(tarballs.sort(), platforms.map((p) => `pulumi-resource-cloudreads-v${PLUGIN_VERSION}-${p}.tar.gz`).sort());
        for (const t of tarballs) assert.match(t, ASSET_RULE);
    });

    for (const { platform, ships } of releasePlatforms()) {
        it(`${platform} (${ships}): the binary at the archive's root, named as the CLI runs it, a SEA of the right format`, () => {
            const name = `pulumi-resource-cloudreads-v${PLUGIN_VERSION}-${platform}.tar.gz`;
            const [, version, os_] = ASSET_RULE.exec(name)!;
            assert.equal(version, PLUGIN_VERSION);
            const exe = os_ === "windows" ? "pulumi-resource-cloudreads.exe" : "pulumi-resource-cloudreads";
            const listing = execFileSync("tar", ["-tvzf", path.join(folder, name)], { encoding: "utf8" }).trim().split("\n");
            const entries = listing.map((l) => l.split(/\s+/).pop()!);
            assert.deepEqual([...entries].sort(), [exe, "LICENSE", "schema.json"].sort());
            const mode = listing.find((l) => l.endsWith(` ${exe}`))!.split(/\s+/)[0];
            if (os_ !== "windows") assert.match(mode, /^-rwx/);
            const dir = path.join(unpacked, platform);
            fs.mkdirSync(dir);
            execFileSync("tar", ["-C", dir, "-xzf", path.join(folder, name), exe]);
            const bin = fs.readFileSync(path.join(dir, exe));
            assert.equal(executableFormat(bin.subarray(0, 4096)), EXPECTED_FORMAT[platform]);
            // postject flips the fuse to `:1` once the blob is in; Node then runs the blob, not its own CLI.
            assert.ok(bin.includes("NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1"), "the SEA fuse is not set");
            // The blob holds the bundle's source: a string of provider/plugin/main.ts.
            assert.ok(bin.includes("cloudreads provider failed to start"), "the plugin's bundle is not in the binary");
            fs.rmSync(dir, { recursive: true, force: true });
        });
    }

    it("the checksums file holds the sha256 of every other file, as goreleaser writes it", () => {
        const sums = releaseChecksums(folder, PLUGIN_VERSION);
        const files = fs.readdirSync(folder).filter((f) => f !== `pulumi-cloudreads_${PLUGIN_VERSION}_checksums.txt`);
        assert.deepEqual([...sums.keys()].sort(), files.sort());
        for (const f of files) assert.equal(sums.get(f), createHash("sha256").update(fs.readFileSync(path.join(folder, f))).digest("hex"), f);
        const schema = JSON.parse(fs.readFileSync(path.join(folder, "schema.json"), "utf8")) as { name: string; version: string };
        assert.equal(schema.name, "cloudreads");
        assert.equal(schema.version, PLUGIN_VERSION);
    });
});
