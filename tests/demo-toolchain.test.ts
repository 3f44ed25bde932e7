import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

describe("npm run demo on a machine with neither Go nor a Pulumi CLI", function () {
    this.timeout(120_000);

    it("stops at once, saying what to install, and starts nothing", () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-demo-nocli-"));
        try {
            // Only node (this job's) and the system's basic tools: no go, no pulumi, an empty cache.
            const env = { HOME: empty, PATH: `${path.dirname(process.execPath)}${path.delimiter}/usr/bin${path.delimiter}/bin`, CLOUDREADS_CACHE_DIR: path.join(empty, "cache") };
            assert.notEqual(spawnSync("sh", ["-c", "command -v go || command -v pulumi"], { env }).status, 0, "go or pulumi is on the restricted PATH");
            const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "ts-node", "dist", "bin.js"), path.join(ROOT, "scripts", "demo.ts")], { cwd: ROOT, env, encoding: "utf8", timeout: 90_000 });
            assert.equal(run.status, 1, run.stderr);
            assert.match(run.stderr, /neither Go nor a Pulumi CLI v3\.276\.0 is available\. Install Go \(1\.26\.6 or later\) and run this again, or put pulumi v3\.276\.0 with pulumi-language-nodejs pulumi-language-yaml pulumi-resource-pulumi-nodejs on PATH/);
            assert.match(run.stderr, /demo failed: no Pulumi CLI/);
            assert.doesNotMatch(run.stdout, /emulator on|\$ pulumi/, "the demo went on without a CLI");
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });
});
