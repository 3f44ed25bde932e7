import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { startPlugin } from "./helpers/plugin-process";
import { PLUGIN_VERSION, yamlCliPath } from "./helpers/plugin-stack";
import { releaseFolder } from "./helpers/release-folder";
import { serveRelease } from "./helpers/release-server";

const ASSET = (platform: string): string => `pulumi-resource-cloudreads-v${PLUGIN_VERSION}-${platform}.tar.gz`;
const PROGRAM = "name: cloudreads-bad-binary\nruntime: yaml\nresources:\n  task:\n    type: cloudreads:huaweicloud/kps:KeypairTask\n    properties:\n      taskId: aee8d2fe-5484-4753-9177-5a38dc15546c\n";

describe("provider plugin: a broken or wrong-platform binary fails at install or start, naming the file", function () {
    this.timeout(900_000);
    let folder: string;
    let work: string;

    before(function () {
        folder = releaseFolder(["linux-amd64", "linux-arm64", "windows-amd64"]);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bad-binary-"));
    });
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    /** A linux-amd64 tarball holding `binary` (bytes) as `pulumi-resource-cloudreads`, beside the real schema.json. */
    function tarballWith(binary: Buffer, label: string): string {
        const stage = fs.mkdtempSync(path.join(work, `${label}-`));
        fs.writeFileSync(path.join(stage, "pulumi-resource-cloudreads"), binary, { mode: 0o755 });
        execFileSync("tar", ["-C", stage, "-xzf", path.join(folder, ASSET("linux-amd64")), "schema.json"]);
        const out = path.join(stage, ASSET("linux-amd64"));
        execFileSync("tar", ["-C", stage, "-I", "gzip -1", "-cf", out, "pulumi-resource-cloudreads", "schema.json"]);
        return out;
    }

    /** The binary of `platform`'s tarball. */
    function binaryOf(platform: string): Buffer {
        const dir = fs.mkdtempSync(path.join(work, `${platform}-`));
        execFileSync("tar", ["-C", dir, "-xzf", path.join(folder, ASSET(platform))]);
        const exe = fs.readdirSync(dir).find((f) => f.startsWith("pulumi-resource-cloudreads"))!;
        return fs.readFileSync(path.join(dir, exe));
    }

    /** Installs `tarball` with --file into an empty PULUMI_HOME, then runs `pulumi preview` of a YAML program using the plugin. */
    async function previewWith(tarball: string): Promise<{ install: string; preview: string; code: number; home: string }> {
        const dir = fs.mkdtempSync(path.join(work, "project-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), PROGRAM);
        const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
        try {
            const install = await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", tarball]);
            await cli.ok(["stack", "init", "bad"]);
            const preview = await cli.run(["preview"]);
            return { install: install.stdout + install.stderr, preview: preview.stdout + preview.stderr, code: preview.code, home: cli.home };
        } finally {
            cli.dispose();
        }
    }

    const binaryPath = /\/plugins\/resource-cloudreads-v0\.1\.0\/pulumi-resource-cloudreads/;

    it("a truncated binary (its tail, where the SEA blob is, cut off) fails at start with the plugin's path", async () => {
        const whole = binaryOf("linux-amd64");
        const result = await previewWith(tarballWith(whole.subarray(0, whole.length - 1_000_000), "truncated"));
        assert.notEqual(result.code, 0);
        assert.match(result.preview, binaryPath);
        assert.match(result.preview, /pulumi-resource-cloudreads exited prematurely/);
    });

    it("a corrupted binary (its ELF header zeroed) fails at start with the plugin's path", async () => {
        const bin = Buffer.from(binaryOf("linux-amd64"));
        bin.fill(0, 0, 64);
        const result = await previewWith(tarballWith(bin, "corrupted"));
        assert.notEqual(result.code, 0);
        assert.match(result.preview, binaryPath);
        assert.match(result.preview, /exec format error/);
    });

    for (const platform of ["linux-arm64", "windows-amd64"]) {
        it(`the ${platform} binary in a linux-amd64 tarball fails at start: exec format error, with the plugin's path`, async () => {
            const result = await previewWith(tarballWith(binaryOf(platform), platform));
            assert.notEqual(result.code, 0);
            assert.match(result.preview, binaryPath);
            assert.match(result.preview, /exec format error/);
        });
    }

    it("a truncated download fails at install with the CLI's message naming the plugin, and installs nothing", async () => {
        const whole = fs.readFileSync(path.join(folder, ASSET("linux-amd64")));
        const server = await serveRelease(folder, { replace: { [ASSET("linux-amd64")]: whole.subarray(0, Math.floor(whole.length / 2)) } });
        const cli = new PulumiCli(pulumiCliDir(), { cwd: work, env: { ...server.env, PATH: yamlCliPath() } });
        try {
            const result = await cli.run(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--server", "github://api.github.com/pulumi-cloudreads"]);
            assert.notEqual(result.code, 0);
            assert.match(result.stdout + result.stderr, /untarring file \S*\/resource-cloudreads-v0\.1\.0\/pulumi-resource-cloudreads: unexpected EOF/);
            const plugins = path.join(cli.home, "plugins");
            const left = fs.existsSync(plugins) ? fs.readdirSync(plugins).filter((f) => !f.endsWith(".lock")) : [];
            assert.deepEqual(left, []);
        } finally {
            cli.dispose();
            await server.close();
        }
    });

    it("the SEA binary started with unexpected arguments and no engine address still serves, and says so on stderr", async () => {
        const plugin = await startPlugin({}, ["--bogus", "extra"]);
        try {
            await new Promise((r) => setTimeout(r, 200));
            assert.match(plugin.stderr(), /ignoring unexpected argument "--bogus"/);
            assert.match(plugin.stderr(), /ignoring unexpected argument "extra"/);
            assert.match(plugin.stderr(), /no engine address in the arguments: serving anyway/);
            assert.equal(plugin.child.exitCode, null);
        } finally {
            plugin.stop();
        }
    });
});
