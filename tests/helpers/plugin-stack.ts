import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { startEmulator, type Emulator } from "../../emulator";
import { PulumiCli, pulumiCliDir } from "./pulumi-cli";
import { FIXTURE } from "./stack";
import { nodeFreePath } from "./node-free-path";

const ROOT = path.join(__dirname, "..", "..");

let packed: string | undefined;

/**
 * The plugin's linux-amd64 tarball (the self-contained SEA binary at its root), from
 * `npm run plugin:pack` (scripts/plugin-pack.sh) once per test process: built into the cache,
 * keyed by the hash of its inputs, so only a change to the plugin rebuilds it.
 */
export function pluginTarball(): string {
    if (!packed) {
        const out = execFileSync("bash", [path.join(ROOT, "scripts", "plugin-pack.sh")], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
        packed = out.trim().split("\n").pop()!;
    }
    return packed;
}

/** The package's version: the plugin's. */
export const PLUGIN_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The provider plugin's stack config pointing at `emu` with token credentials: plain keys, and the secret ones. */
export function pluginConfig(emu: Emulator, credentials: { huaweiToken: string; astraToken: string } = { huaweiToken: FIXTURE.huaweiToken, astraToken: FIXTURE.astraToken }): { plain: Record<string, string>; secret: Record<string, string>; paths: Record<string, string> } {
    return {
        plain: {
            "cloudreads:huaweicloudRegion": FIXTURE.region,
            "cloudreads:huaweicloudProjectId": FIXTURE.projectId,
            "cloudreads:astracontrolUrl": emu.endpoints.astra,
            "cloudreads:astracontrolAccountId": FIXTURE.astraAccountId,
            "cloudreads:retryBaseDelayMs": "5",
        },
        secret: { "cloudreads:huaweicloudToken": credentials.huaweiToken, "cloudreads:astracontrolApiToken": credentials.astraToken },
        // An object key, set key by key as the docs show.
        paths: Object.fromEntries((["sms", "roma", "kms", "iam"] as const).map((s) => [`cloudreads:huaweicloudEndpoints.${s}`, emu.endpoints[s]])),
    };
}

/**
 * A copy of a YAML project (examples/yaml unless `project` is given) in a temp folder, with the real
 * CLI, the plugin installed exactly as docs/plugin.md says, and a stack whose config points at `emu`.
 */
export async function pluginStack(emu: Emulator, options: { project?: string; stack?: string; config?: boolean } = {}): Promise<{ cli: PulumiCli; dir: string; stack: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-yaml-"));
    if (options.project) fs.writeFileSync(path.join(dir, "Pulumi.yaml"), options.project);
    else fs.copyFileSync(path.join(ROOT, "examples", "yaml", "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
    await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
    const stack = options.stack ?? `plugin-${process.pid}`;
    await cli.ok(["stack", "init", stack]);
    if (options.config !== false) await setPluginConfig(cli, emu);
    return { cli, dir, stack };
}

/**
 * Sets the current stack's config to {@link pluginConfig} of `emu` with `pulumi config set`, as a
 * user does (secrets with `--secret`, the endpoints key by key with `--path`), plus `plain` and
 * `secret` keys of the program's own.
 */
export async function setPluginConfig(cli: PulumiCli, emu: Emulator, extra: { plain?: Record<string, string>; secret?: Record<string, string> } = {}): Promise<void> {
    const { plain, secret, paths } = pluginConfig(emu);
    const secrets = { ...secret, ...extra.secret };
    await cli.setConfig({ ...plain, ...extra.plain });
    await cli.setConfig(secrets, new Set(Object.keys(secrets)));
    for (const [k, v] of Object.entries(paths)) await cli.ok(["config", "set", "--path", k, "--", v]);
}

/** The PATH of the CLI of a YAML program: the CLI's folder, then the test's PATH without Node.js (the YAML host and the plugin need none). */
export function yamlCliPath(): string {
    return `${pulumiCliDir()}${path.delimiter}${nodeFreePath()}`;
}

/** Removes the stack's temp folder and the CLI's backend and home. */
export function disposeStack(s: { cli: PulumiCli; dir: string } | undefined): void {
    if (!s) return;
    s.cli.dispose();
    fs.rmSync(s.dir, { recursive: true, force: true });
}

/** Every file under `dir`, with its text (the backend's state, history, backups and the plugin cache's manifests). */
export function filesUnder(dir: string): { file: string; text: string }[] {
    const out: { file: string; text: string }[] = [];
    const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.isFile()) {
                const buf = fs.readFileSync(p);
                // Gzipped state (`.gz`) is read unzipped.
                out.push({ file: p, text: p.endsWith(".gz") ? zlib.gunzipSync(buf).toString("utf8") : buf.toString("utf8") });
            }
        }
    };
    walk(dir);
    return out;
}

/** The emulator requests made while `f` runs, as `service path`. */
export async function requestsDuring<T>(emu: Emulator, f: () => Promise<T>): Promise<[T, string[]]> {
    const before = emu.requests.length;
    const result = await f();
    return [result, emu.requests.slice(before).map((r) => `${r.service} ${r.path}`)];
}

/** A suite's emulator and plugin stack, set up before its tests and removed after them. */
export interface PluginSuite {
    emulator: Emulator;
    stack: Awaited<ReturnType<typeof pluginStack>>;
}

/** Registers the mocha hooks of a suite run against one emulator and one plugin stack of `project` (examples/yaml by default). */
export function usePluginStack(project?: string): PluginSuite {
    const suite = {} as PluginSuite;
    before(async function () {
        this.timeout(300_000);
        suite.emulator = await startEmulator({ port: 0 });
        suite.stack = await pluginStack(suite.emulator, { project });
    });
    after(async function () {
        this.timeout(120_000);
        if (suite.stack) await suite.stack.cli.run(["stack", "rm", "--yes", "--force", suite.stack.stack]);
        disposeStack(suite.stack);
        await suite.emulator?.close();
    });
    return suite;
}

/**
 * A Pulumi YAML program `name` of one resource, the KPS key pair task of the default fixtures
 * (`resource` names it), for the plugin's tests.
 */
export function oneKeypairTaskYaml(name: string, resource = "task"): string {
    return `name: ${name}\nruntime: yaml\nresources:\n  ${resource}:\n    type: cloudreads:huaweicloud/kps:KeypairTask\n    properties:\n      taskId: ${FIXTURE.kpsTaskId}\n`;
}
