import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PLUGIN_VERSION, pluginTarball } from "./helpers/plugin-stack";

const ROOT = path.join(__dirname, "..");
const CACHE = process.env.CLOUDREADS_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-cloudreads");

/** The sha256 of the linux-amd64 tarball built from `bundle` into an empty cache (sharing only the downloaded Node binaries). */
function freshTarballHash(bundle: string): string {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-repro-"));
    try {
        fs.mkdirSync(path.join(CACHE, "node-dist"), { recursive: true });
        fs.symlinkSync(path.join(CACHE, "node-dist"), path.join(cache, "node-dist"));
        const out = execFileSync("bash", [path.join(ROOT, "scripts", "release", "plugin-tarball.sh"), "linux-amd64", bundle, PLUGIN_VERSION], {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, CLOUDREADS_CACHE_DIR: cache },
            stdio: ["ignore", "pipe", "pipe"],
        });
        return createHash("sha256").update(fs.readFileSync(out.trim().split("\n").pop()!)).digest("hex");
    } finally {
        fs.rmSync(cache, { recursive: true, force: true });
    }
}

describe("release: the plugin's tarball is reproducible", function () {
    this.timeout(600_000);

    // The other build is the one every plugin test installs (`npm run plugin:pack`, made by another process).
    it("a build of the linux-amd64 tarball from an empty cache gives the same bytes as the cached one, V8 code cache included", () => {
        const cached = createHash("sha256").update(fs.readFileSync(pluginTarball())).digest("hex");
        const bundle = execFileSync("bash", [path.join(ROOT, "scripts", "release", "plugin-bundle.sh")], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
        assert.equal(freshTarballHash(bundle), cached);
    });
});
