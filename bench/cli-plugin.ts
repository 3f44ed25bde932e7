/**
 * `npm run bench:cli` (second part; alone: `npm run bench:cli:plugin`): the provider plugin against
 * the dynamic form, through the real CLI and the emulator, in interleaved rounds (who goes first
 * alternates):
 * - `pulumi up` of N KPS KeypairTask reads from Pulumi YAML through `pulumi-resource-cloudreads`
 *   (installed with `pulumi plugin install resource cloudreads <version> --file <tarball>`) against
 *   the same N reads through the dynamic form from a Node program (this repository's build);
 *   per resource: (time with N - time with 0) / N, so CLI and program start-up are not counted;
 * - the time from starting the plugin process to its first answered call (GetPluginInfo), side
 *   by side with the dynamic-provider host's (`@pulumi/pulumi/cmd/dynamic-provider`), median of S starts.
 * Writes docs/benchmarks-cli-plugin.md. Machine-dependent; never asserted in tests.
 * Env: BENCH_PLUGIN_RESOURCES (default 500), BENCH_PLUGIN_ROUNDS (3), BENCH_PLUGIN_STARTS (5).
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig } from "../tests/helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "../tests/helpers/pulumi-cli";
import { pluginConfig, pluginTarball, PLUGIN_VERSION } from "../tests/helpers/plugin-stack";
import { FIXTURE } from "../tests/helpers/stack";
import { measuredCommand } from "./parts/command-cost";

const ROOT = path.join(__dirname, "..");
const N = Number(process.env.BENCH_PLUGIN_RESOURCES ?? "500");
const ROUNDS = Number(process.env.BENCH_PLUGIN_ROUNDS ?? "3");
const STARTS = Number(process.env.BENCH_PLUGIN_STARTS ?? "5");
const LONG = 3_600_000;
const OUT = path.join(ROOT, "docs", "benchmarks-cli-plugin.md");

type Side = "plugin (YAML)" | "dynamic (Node)";

/** A YAML program of `n` KPS reads through the plugin. */
function yamlProgram(n: number): string {
    const lines = ["name: bench-plugin", "runtime: yaml", ...(n ? ["resources:"] : [])];
    for (let i = 0; i < n; i++) lines.push(`  t${i}:`, "    type: cloudreads:huaweicloud/kps:KeypairTask", "    properties:", `      taskId: ${FIXTURE.kpsTaskId}`);
    return `${lines.join("\n")}\n`;
}

/** A Node program of `BENCH_N` KPS reads through the dynamic form, from this repository's build. */
const NODE_PROGRAM = `import { huaweicloud } from "../../../dist/sdk/nodejs";
const n = Number(process.env.BENCH_N ?? "0");
for (let i = 0; i < n; i++) new huaweicloud.kps.KeypairTask(\`t\${i}\`, { taskId: "${FIXTURE.kpsTaskId}" });
`;

async function setUp(work: string, emu: Emulator, bin: string): Promise<Record<Side, PulumiCli>> {
    const yamlDir = path.join(work, "yaml");
    fs.mkdirSync(yamlDir);
    fs.writeFileSync(path.join(yamlDir, "Pulumi.yaml"), yamlProgram(0));
    const yaml = new PulumiCli(bin, { cwd: yamlDir });
    await yaml.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
    await yaml.ok(["stack", "init", "bench"]);
    const { plain, secret, paths } = pluginConfig(emu);
    await yaml.setConfig(plain);
    await yaml.setConfig(secret, new Set(Object.keys(secret)));
    for (const [k, v] of Object.entries(paths)) await yaml.ok(["config", "set", "--path", k, "--", v]);
    // Inside the repository (tmp/ is ignored) so the program resolves @pulumi/pulumi and dist/.
    const nodeDir = path.join(ROOT, "tmp", `bench-plugin-${process.pid}`, "dynamic");
    fs.mkdirSync(nodeDir, { recursive: true });
    fs.writeFileSync(path.join(nodeDir, "Pulumi.yaml"), "name: bench-dynamic\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
    fs.writeFileSync(path.join(nodeDir, "index.ts"), NODE_PROGRAM);
    const node = new PulumiCli(bin, { cwd: nodeDir });
    await node.ok(["stack", "init", "bench"]);
    const c = cliStackConfig(emu);
    await node.setConfig(c.plain);
    await node.setConfig(c.secret, new Set(Object.keys(c.secret)));
    return { "plugin (YAML)": yaml, "dynamic (Node)": node };
}

/** `pulumi up` of `n` reads on `side`, from an empty stack; wall time in ms. */
async function up(side: Side, cli: PulumiCli, n: number): Promise<number> {
    if (side === "plugin (YAML)") fs.writeFileSync(path.join(cli.cwd, "Pulumi.yaml"), yamlProgram(n));
    cli.env.BENCH_N = String(n);
    const cost = await measuredCommand(cli, ["up", "--yes", "--skip-preview"], LONG);
    await cli.ok(["stack", "rm", "--force", "--yes", "--preserve-config"]);
    await cli.ok(["stack", "init", "bench"]);
    return cost.ms;
}

/** Milliseconds from spawning `command` until it answered GetPluginInfo. */
async function firstAnswer(command: string, args: string[], cwd: string): Promise<number> {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    try {
        const port = await new Promise<string>((resolve, reject) => {
            child.stdout.once("data", (d: Buffer) => resolve(d.toString("utf8").trim().split("\n")[0]!));
            child.once("exit", (c) => reject(new Error(`${command} exited ${c}`)));
        });
        const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        await new Promise<void>((resolve, reject) => client.getPluginInfo(new Empty(), (e) => (e ? reject(e) : resolve())));
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        client.close();
        return ms;
    } finally {
        child.kill();
    }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
    const bin = pulumiCliDir();
    if (!fs.existsSync(path.join(ROOT, "dist", "sdk", "nodejs", "index.js"))) execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-plugin-"));
    const emu = await startEmulator({ port: 0 });
    const times: Record<Side, { n: number[]; zero: number[] }> = { "plugin (YAML)": { n: [], zero: [] }, "dynamic (Node)": { n: [], zero: [] } };
    const starts: Record<Side, number[]> = { "plugin (YAML)": [], "dynamic (Node)": [] };
    let clis: Record<Side, PulumiCli> | undefined;
    try {
        clis = await setUp(work, emu, bin);
        const unpacked = path.join(work, "plugin");
        fs.mkdirSync(unpacked);
        execFileSync("tar", ["-C", unpacked, "-xzf", pluginTarball()]);
        for (let r = 0; r < ROUNDS; r++) {
            const sides: Side[] = r % 2 === 0 ? ["plugin (YAML)", "dynamic (Node)"] : ["dynamic (Node)", "plugin (YAML)"];
            for (const side of sides) {
                process.stderr.write(`bench:cli:plugin round ${r + 1}/${ROUNDS}: pulumi up, ${side}, ${N} and 0 resources\n`);
                times[side].n.push(await up(side, clis[side], N));
                times[side].zero.push(await up(side, clis[side], 0));
            }
        }
        for (let i = 0; i < STARTS; i++) {
            starts["plugin (YAML)"].push(await firstAnswer(path.join(unpacked, "pulumi-resource-cloudreads"), ["127.0.0.1:1"], unpacked));
            starts["dynamic (Node)"].push(await firstAnswer("node", [path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js"), "127.0.0.1:1"], ROOT));
        }
    } finally {
        for (const c of Object.values(clis ?? {})) c.dispose();
        await emu.close();
        fs.rmSync(work, { recursive: true, force: true });
        fs.rmSync(path.join(ROOT, "tmp", `bench-plugin-${process.pid}`), { recursive: true, force: true });
    }
    const perResource = (s: Side): number => (median(times[s].n) - median(times[s].zero)) / N;
    const ratio = perResource("plugin (YAML)") / perResource("dynamic (Node)");
    const row = (s: Side): string => `| ${s} | ${times[s].n.map((x) => (x / 1000).toFixed(1)).join(", ")} | ${times[s].zero.map((x) => (x / 1000).toFixed(1)).join(", ")} | ${perResource(s).toFixed(1)} | ${median(starts[s]).toFixed(0)} (${starts[s].map((x) => x.toFixed(0)).join(", ")}) |`;
    const text = [
        "# Benchmarks: the provider plugin against the dynamic form (real CLI)",
        "",
        `<!-- Written by \`npm run bench:cli:plugin\` (part of \`npm run bench:cli\`) on ${new Date().toISOString()}, load ${os.loadavg()[0]!.toFixed(2)}, ${os.cpus().length} CPUs. -->`,
        "",
        `\`pulumi up\` of ${N} KPS KeypairTask reads against the emulator, ${ROUNDS} interleaved rounds (who goes first alternates); per resource = (median time with ${N} − median time with 0) / ${N}. First answer: from spawning the provider process to its answer to GetPluginInfo, median of ${STARTS} starts.`,
        "",
        `| form | up with ${N}, s | up with 0, s | ms per resource | start to first answer, ms |`,
        "|---|---|---|---|---|",
        row("plugin (YAML)"),
        row("dynamic (Node)"),
        "",
        `Plugin per resource: **${ratio.toFixed(2)}x** the dynamic form's (goal: at most 1.0x).`,
        "",
    ].join("\n");
    fs.writeFileSync(OUT, text);
    process.stdout.write(text);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:cli:plugin failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
