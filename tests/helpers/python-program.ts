import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { PulumiCli, pulumiCliDir, type CliResult } from "./pulumi-cli";
import { pluginConfig, yamlCliPath } from "./plugin-stack";
import type { ReleaseServer } from "./release-server";

/** A Python project in a temp folder: its files, the real CLI with its own backend and empty PULUMI_HOME, and a stack `dev`. */
export interface PythonProject {
    readonly dir: string;
    readonly cli: PulumiCli;
    /** Runs `<venv>/bin/python ...args` in the project folder with the CLI's environment; resolves whatever its exit code. */
    python(args: readonly string[], timeoutMs?: number): Promise<CliResult>;
    /** {@link python}, failing with its output unless it exits 0. */
    pythonOk(args: readonly string[], timeoutMs?: number): Promise<CliResult>;
    dispose(): Promise<void>;
}

/** Options of {@link pythonProject}. */
export interface PythonProjectOptions {
    /** The project's files by name; a `Pulumi.yaml` (`name`, `runtime: python`) is added when missing. */
    files: Record<string, string>;
    /** The virtual environment whose python runs the program (pulumi and pulumi_cloudreads installed). */
    venv: string;
    /**
     * The release server the engine downloads the plugin from (PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES).
     * Without one, automatic plugin installs stay off: install the plugin with `pulumi plugin install`.
     */
    server?: ReleaseServer;
    /** The emulator the stack's `cloudreads:` config points at. */
    emulator: Emulator;
    /** The stack's credentials (the emulator's default fixtures' when omitted). */
    credentials?: { huaweiToken: string; astraToken: string };
}

/**
 * A Python program's project as a user sets it up: the files, `pulumi stack init dev` and the
 * `cloudreads:` stack config pointing at the emulator (`pulumi config set`, secrets with
 * `--secret`). The CLI's PATH holds the CLI and no Node.js and no Python language host, and
 * PULUMI_HOME starts empty. With a `server`, automatic plugin installs are on and go to it: the
 * engine installs the plugin on first use, as a user's does.
 *
 * @example
 * ```ts
 * const p = await pythonProject({ files: { "main.py": code }, venv, server, emulator });
 * await p.pythonOk(["main.py", "up"]);
 * ```
 */
export async function pythonProject(options: PythonProjectOptions): Promise<PythonProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-python-"));
    for (const [name, text] of Object.entries(options.files)) fs.writeFileSync(path.join(dir, name), text);
    if (!options.files["Pulumi.yaml"]) fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: cloudreads-python\nruntime: python\n");
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { ...options.server?.env, PATH: yamlCliPath(), PYTHONUNBUFFERED: "1" } });
    if (options.server) delete cli.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
    await cli.ok(["stack", "init", "dev"]);
    const { plain, secret, paths } = pluginConfig(options.emulator, options.credentials);
    await cli.setConfig(plain);
    await cli.setConfig(secret, new Set(Object.keys(secret)));
    for (const [k, v] of Object.entries(paths)) await cli.ok(["config", "set", "--path", k, "--", v]);

    const python = (args: readonly string[], timeoutMs = 300_000): Promise<CliResult> =>
        new Promise((resolve, reject) => {
            const child = spawn(path.join(options.venv, "bin", "python"), args, { cwd: dir, env: cli.env, stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
            child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
            const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.once("error", (e) => {
                clearTimeout(timer);
                reject(e);
            });
            child.once("close", (code, signal) => {
                clearTimeout(timer);
                resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
            });
        });
    return {
        dir,
        cli,
        python,
        async pythonOk(args, timeoutMs) {
            const r = await python(args, timeoutMs);
            if (r.code !== 0) throw new Error(`\`python ${args.join(" ")}\` exited ${r.code}:\n${r.stdout.slice(-6000)}\n${r.stderr.slice(-6000)}`);
            return r;
        },
        async dispose() {
            await cli.run(["stack", "rm", "--yes", "--force", "dev"]);
            cli.dispose();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** The plugin cache's cloudreads entries (`resource-cloudreads-v<version>`, and the CLI's `.lock`/`.partial` markers). */
export function cachedPlugins(cli: PulumiCli): string[] {
    const dir = path.join(cli.home, "plugins");
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith("resource-cloudreads-")).sort() : [];
}
