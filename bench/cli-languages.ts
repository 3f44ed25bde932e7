/**
 * `npm run bench:cli:languages` (the third part of `npm run bench:cli`): how long a user's
 * `pulumi up` and `pulumi destroy` of the four mission reads take in each language, through the
 * real CLI v3.276.0 and the emulator, in interleaved rounds (who goes first rotates):
 * - YAML: `pulumi up --yes --skip-preview` on a Pulumi.yaml, through the plugin;
 * - Node.js: the same command on a TypeScript program of the dynamic form;
 * - Python: examples/python's driver (Automation API inline program; its `up` is the CLI's
 *   `up --yes --skip-preview`), `python main.py up`, on the built wheel, through the plugin;
 * - Go: examples/go's driver, built once, `./driver up`, on the committed SDK, through the plugin.
 * Each time is the whole command as the user runs it, process start included; the plugin is
 * installed beforehand (`pulumi plugin install --file`), and one warm-up round is not counted.
 * Writes docs/benchmarks-cli-languages.md. Machine-dependent; never asserted in tests.
 * Env: BENCH_LANG_ROUNDS (5); BENCH_LANG_OUT writes elsewhere than docs/.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { buildGoProgram, exampleGoModule, okGoProgram } from "../tests/helpers/go";
import { PulumiCli, pulumiCliDir } from "../tests/helpers/pulumi-cli";
import { cliStackConfig } from "../tests/helpers/pulumi-cli-results";
import { PLUGIN_VERSION, pluginTarball, setPluginConfig, yamlCliPath } from "../tests/helpers/plugin-stack";
import { freshVenv, pythonDists } from "../tests/helpers/python";
import { pythonProject } from "../tests/helpers/python-program";
import { FOUR_READS } from "./parts/language-programs";

const ROOT = path.join(__dirname, "..");
const ROUNDS = Number(process.env.BENCH_LANG_ROUNDS ?? "5");
const OUT = process.env.BENCH_LANG_OUT ?? path.join(ROOT, "docs", "benchmarks-cli-languages.md");

/** A language's project: its `up` and `destroy` as the user runs them, each failing unless it exits 0. */
interface Side {
    readonly label: string;
    up(): Promise<unknown>;
    destroy(): Promise<unknown>;
    dispose(): Promise<void>;
}

async function installPlugin(cli: PulumiCli): Promise<void> {
    await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
}

async function yamlSide(work: string, emu: Emulator): Promise<Side> {
    const dir = path.join(work, "yaml");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), FOUR_READS.yaml);
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
    await installPlugin(cli);
    await cli.ok(["stack", "init", "dev"]);
    await setPluginConfig(cli, emu);
    return { label: "YAML (plugin)", up: () => cli.ok(["up", "--yes", "--skip-preview"]), destroy: () => cli.ok(["destroy", "--yes", "--skip-preview"]), dispose: async () => cli.dispose() };
}

async function nodeSide(emu: Emulator): Promise<Side> {
    // Inside the repository (tmp/ is ignored) so the program resolves @pulumi/pulumi and dist/.
    const dir = path.join(ROOT, "tmp", `bench-languages-${process.pid}`, "node");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-languages-node\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
    fs.writeFileSync(path.join(dir, "index.ts"), FOUR_READS.node);
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir });
    await cli.ok(["stack", "init", "dev"]);
    const c = cliStackConfig(emu);
    await cli.setConfig(c.plain);
    await cli.setConfig(c.secret, new Set(Object.keys(c.secret)));
    return {
        label: "Node.js (dynamic form)",
        up: () => cli.ok(["up", "--yes", "--skip-preview"]),
        destroy: () => cli.ok(["destroy", "--yes", "--skip-preview"]),
        dispose: async () => {
            cli.dispose();
            fs.rmSync(path.dirname(dir), { recursive: true, force: true });
        },
    };
}

async function pythonSide(emu: Emulator): Promise<Side> {
    const example = path.join(ROOT, "examples", "python");
    const venv = freshVenv(["-r", path.join(example, "requirements.txt")], path.dirname(pythonDists().wheel));
    const files = { "main.py": fs.readFileSync(path.join(example, "main.py"), "utf8"), "program.py": FOUR_READS.python, "Pulumi.yaml": fs.readFileSync(path.join(example, "Pulumi.yaml"), "utf8") };
    const project = await pythonProject({ files, venv, emulator: emu });
    await installPlugin(project.cli);
    return {
        label: "Python (plugin, Automation API)",
        up: () => project.pythonOk(["main.py", "up"]),
        destroy: () => project.pythonOk(["main.py", "destroy"]),
        dispose: async () => {
            await project.dispose();
            fs.rmSync(venv, { recursive: true, force: true });
        },
    };
}

async function goSide(work: string, emu: Emulator): Promise<Side> {
    const bin = buildGoProgram(exampleGoModule(FOUR_READS.go, path.join(work, "go-module")), work, "driver");
    const dir = path.join(work, "go");
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, "examples", "go", "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
    await installPlugin(cli);
    await cli.ok(["stack", "init", "dev"]);
    await setPluginConfig(cli, emu);
    return { label: "Go (plugin, Automation API)", up: () => okGoProgram(bin, cli, ["up"]), destroy: () => okGoProgram(bin, cli, ["destroy"]), dispose: async () => cli.dispose() };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
    const t0 = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: readonly number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function report(times: Map<string, { up: number[]; destroy: number[] }>, load: { start: number; end: number }): string {
    const yaml = times.get("YAML (plugin)")!;
    const fmt = (ms: number): string => (ms / 1000).toFixed(2);
    const rows = [...times].map(([label, t]) => `| ${label} | ${t.up.map(fmt).join(", ")} | **${fmt(median(t.up))}** | ${(median(t.up) / median(yaml.up)).toFixed(2)}x | ${fmt(median(t.destroy))} |`);
    return [
        "# Benchmarks: `pulumi up` of the four reads in each language (real CLI)",
        "",
        `<!-- Written by \`npm run bench:cli:languages\` (part of \`npm run bench:cli\`) on ${new Date().toISOString()}, load ${load.start.toFixed(2)} to ${load.end.toFixed(2)}, ${os.cpus().length} CPUs. -->`,
        "",
        `The four mission reads as resources (SMS TaskPassphrase, ROMA ProductAuthentication, KPS KeypairTask, Astra Certificate), against the emulator, through CLI v3.276.0; ${ROUNDS} interleaved rounds after one warm-up round (who goes first rotates). Each time is the whole command as a user runs it, from process start to exit: \`pulumi up --yes --skip-preview\` for YAML and Node.js; the example drivers' \`up\` for Python (\`python main.py up\`, examples/python's Automation API driver) and Go (examples/go's driver, built beforehand). The plugin is installed beforehand. Checkpoints on (the default).`,
        "",
        "| language | up, s (each round) | up, median s | vs YAML | destroy, median s |",
        "|---|---|---|---|---|",
        ...rows,
        "",
        "What the times hold besides the reads: Python starts its interpreter and imports `pulumi` and the SDK; Go runs a compiled driver; both then run the CLI through the Automation API, which starts `pulumi` several times per operation (the stack, its config, then `up`); Node.js starts the language host and compiles the TypeScript program with ts-node, and runs the reads in Pulumi's dynamic-provider host.",
        "",
    ].join("\n");
}

async function main(): Promise<void> {
    if (!fs.existsSync(path.join(ROOT, "dist", "sdk", "nodejs", "index.js"))) execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-languages-"));
    const emu = await startEmulator({ port: 0 });
    const sides: Side[] = [];
    const load = { start: os.loadavg()[0]!, end: 0 };
    const times = new Map<string, { up: number[]; destroy: number[] }>();
    try {
        sides.push(await yamlSide(work, emu), await nodeSide(emu), await pythonSide(emu), await goSide(work, emu));
        for (let r = 0; r <= ROUNDS; r++) {
            const order = sides.map((_, i) => sides[(i + r) % sides.length]!);
            for (const side of order) {
                process.stderr.write(`bench:cli:languages ${r === 0 ? "warm-up" : `round ${r}/${ROUNDS}`}: ${side.label} (load ${os.loadavg()[0]!.toFixed(2)})\n`);
                const up = await timed(() => side.up());
                const destroy = await timed(() => side.destroy());
                if (r === 0) continue;
                const t = times.get(side.label) ?? { up: [], destroy: [] };
                t.up.push(up);
                t.destroy.push(destroy);
                times.set(side.label, t);
            }
        }
    } finally {
        for (const side of sides) await side.dispose();
        await emu.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
    load.end = os.loadavg()[0]!;
    const text = report(times, load);
    fs.writeFileSync(OUT, text);
    process.stdout.write(text);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:cli:languages failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
