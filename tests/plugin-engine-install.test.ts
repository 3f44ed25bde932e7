import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { PLUGIN_VERSION, pluginConfig, yamlCliPath } from "./helpers/plugin-stack";
import { releaseChecksums, releaseFolder } from "./helpers/release-folder";
import { serveRelease, type ReleaseServer } from "./helpers/release-server";
import { FIXTURE } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");
const ASSET = `pulumi-resource-cloudreads-v${PLUGIN_VERSION}-linux-amd64.tar.gz`;
const SERVER = "github://api.github.com/pulumi-cloudreads";

/** A CLI with an empty PULUMI_HOME whose plugin downloads go to `server`, automatic installs on, no Node.js on PATH. */
function engineCli(server: ReleaseServer, cwd: string): PulumiCli {
    const cli = new PulumiCli(pulumiCliDir(), { cwd, env: { ...server.env, PATH: yamlCliPath() } });
    delete cli.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
    return cli;
}

/** What the plugin cache holds for cloudreads: entries named resource-cloudreads-*. */
function cached(cli: PulumiCli): string[] {
    const dir = path.join(cli.home, "plugins");
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith("resource-cloudreads-")).sort() : [];
}

/** An installed plugin: its folder holds the binary, and no `.partial` marker is left. */
function assertInstalled(cli: PulumiCli): void {
    const entries = cached(cli);
    assert.ok(entries.includes(`resource-cloudreads-v${PLUGIN_VERSION}`), entries.join(", "));
    assert.ok(!entries.some((e) => e.endsWith(".partial")), entries.join(", "));
    assert.ok(fs.statSync(path.join(cli.home, "plugins", `resource-cloudreads-v${PLUGIN_VERSION}`, "pulumi-resource-cloudreads")).mode & 0o100);
}

/** Nothing half-installed: no plugin folder and no `.partial` marker (the CLI's own `.lock` may stay). */
function assertNothingInstalled(cli: PulumiCli): void {
    assert.deepEqual(cached(cli).filter((e) => !e.endsWith(".lock")), []);
}

describe("provider plugin: the engine installs it from a release server (offline, 127.0.0.1)", function () {
    this.timeout(900_000);
    let folder: string;
    const scratch: string[] = [];
    const tmp = (prefix: string): string => {
        const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        scratch.push(d);
        return d;
    };

    before(function () {
        folder = releaseFolder(["linux-amd64"]);
    });
    after(() => {
        for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
    });

    it("`pulumi plugin install resource cloudreads <version> --server <the schema's URL>` installs it, no --file", async () => {
        const server = await serveRelease(folder);
        const cli = engineCli(server, tmp("cloudreads-install-"));
        try {
            const result = await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--server", SERVER]);
            assert.match(result.stdout + result.stderr, /Downloading plugin cloudreads-0\.1\.0/);
            assert.deepEqual(server.requests, [`200 /pulumi-cloudreads/pulumi-cloudreads/releases/download/v${PLUGIN_VERSION}/${ASSET}`]);
            assertInstalled(cli);
            const sum = releaseChecksums(folder, PLUGIN_VERSION).get(ASSET)!;
            await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--server", SERVER, "--reinstall", "--checksum", sum]);
            assertInstalled(cli);
        } finally {
            cli.dispose();
            await server.close();
        }
    });

    it("a YAML program's first `pulumi up` installs it with no command; up, import and destroy run with no Node.js on PATH", async () => {
        const emu: Emulator = await startEmulator({ port: 0 });
        const server = await serveRelease(folder);
        const dir = tmp("cloudreads-yaml-release-");
        fs.copyFileSync(path.join(ROOT, "examples", "yaml", "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.cpSync(path.join(ROOT, "examples", "yaml", "sdks"), path.join(dir, "sdks"), { recursive: true });
        const cli = engineCli(server, dir);
        try {
            assert.ok(!cli.env.PATH!.split(path.delimiter).some((d) => fs.existsSync(path.join(d, "node"))), "a folder of the CLI's PATH holds node");
            await cli.ok(["stack", "init", "release"]);
            const { plain, secret, paths } = pluginConfig(emu);
            await cli.setConfig(plain);
            await cli.setConfig(secret, new Set(Object.keys(secret)));
            for (const [k, v] of Object.entries(paths)) await cli.ok(["config", "set", "--path", k, "--", v]);
            assert.deepEqual(cached(cli), []);

            const up = await cli.ok(["up", "--yes", "--skip-preview"]);
            assert.match(up.stdout + up.stderr, /Downloading plugin cloudreads-0\.1\.0/);
            assertInstalled(cli);
            const outputs = await cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
            assert.equal(outputs.keypairTaskStatus, "RUNNING_RESET");

            await cli.ok(["import", "cloudreads:huaweicloud/kps:KeypairTask", "adopted", `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`, "--yes", "--protect=false", "--generate-code=false"]);
            const state = JSON.parse((await cli.ok(["stack", "export"])).stdout) as { deployment: { resources: { urn: string; id?: string; protect?: boolean }[] } };
            const adopted = state.deployment.resources.find((r) => r.urn.endsWith("::adopted"));
            assert.equal(adopted?.id, `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`);
            assert.notEqual(adopted?.protect, true);

            await cli.ok(["destroy", "--yes"]);
            assert.deepEqual(exportedResources((await cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith("cloudreads:")), []);
            assert.equal(server.requests.filter((r) => r.startsWith("200 ")).length, 1, server.requests.join("\n"));
        } finally {
            await cli.run(["stack", "rm", "--yes", "--force", "release"]);
            cli.dispose();
            await server.close();
            await emu.close();
        }
    });

    /** `pulumi plugin install ... --server` against `server`, expected to fail with `message`, leaving nothing behind. */
    async function failsCleanly(server: ReleaseServer, message: RegExp, extra: string[] = []): Promise<void> {
        const cli = engineCli(server, tmp("cloudreads-install-bad-"));
        try {
            const result = await cli.run(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--server", SERVER, ...extra]);
            assert.notEqual(result.code, 0, result.stdout);
            assert.match(result.stdout + result.stderr, message);
            assertNothingInstalled(cli);
            const ls = await cli.ok(["plugin", "ls"]);
            assert.doesNotMatch(ls.stdout, /cloudreads/);
        } finally {
            cli.dispose();
            await server.close();
        }
    }

    it("a tarball whose sha256 is not the published one fails with the CLI's checksum message", async () => {
        const published = releaseChecksums(folder, PLUGIN_VERSION).get(ASSET)!;
        const other = fs.readFileSync(path.join(folder, ASSET));
        other[other.length - 9] ^= 0xff; // the gzip trailer's CRC: the bytes differ, the file is no release's
        await failsCleanly(await serveRelease(folder, { replace: { [ASSET]: other } }), /invalid checksum, expected [0-9a-f]{64}, actual [0-9a-f]{64}/, ["--checksum", published]);
    });

    it("a release without this platform's asset fails with the CLI's 404 message naming the asset", async () => {
        const partial = tmp("cloudreads-release-partial-");
        for (const f of fs.readdirSync(folder)) if (f !== ASSET) fs.copyFileSync(path.join(folder, f), path.join(partial, f));
        await failsCleanly(await serveRelease(partial), new RegExp(`404 HTTP error fetching plugin from http://127\\.0\\.0\\.1:\\d+/pulumi-cloudreads/pulumi-cloudreads/releases/download/v0\\.1\\.0/${ASSET.replace(/\./g, "\\.")}`));
    });

    it("a server that answers 404 to everything fails with the CLI's 404 message", async () => {
        await failsCleanly(await serveRelease(folder, { notFound: true }), /404 HTTP error fetching plugin/);
    });
});
