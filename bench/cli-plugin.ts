/**
 * `npm run bench:cli:plugin` (the second part of `npm run bench:cli`): the provider plugin (the SEA
 * binary from `npm run plugin:pack`) side by side with a hand-written native Go provider
 * (bench/go-provider/, the anchor) and with the dynamic form, through the real CLI and the
 * emulator, in interleaved rounds (who goes first rotates), checkpoints off:
 * - `pulumi up` and `pulumi preview` of N KPS KeypairTask reads, and of 0 (marginal per resource);
 * - the provider process's CPU and peak RSS during the up (from /proc);
 * - start-up, spawn to port printed and to the first answer, as the engine spawns a plugin;
 * - the tarball's size.
 * (A user's `up` of the four reads per language is `npm run bench:cli:languages`.)
 * Writes docs/benchmarks-cli-plugin.md. Machine-dependent; never asserted in tests.
 * Env: BENCH_PLUGIN_RESOURCES (500), BENCH_PLUGIN_ROUNDS (3), BENCH_PLUGIN_STARTS (15);
 * BENCH_PLUGIN_CANDIDATES="label=tarball,..." adds plugin builds to compare in the same rounds;
 * BENCH_PLUGIN_DYNAMIC=0 leaves the dynamic side out; BENCH_PLUGIN_OUT writes elsewhere than docs/;
 * BENCH_PLUGIN_RENDER=<runs.json> renders a saved run again.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig } from "../tests/helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "../tests/helpers/pulumi-cli";
import { pluginConfig, pluginTarball, PLUGIN_VERSION, yamlCliPath } from "../tests/helpers/plugin-stack";
import { nodeFreePath } from "../tests/helpers/node-free-path";
import { FIXTURE } from "../tests/helpers/stack";
import { measuredCommand } from "./parts/command-cost";
import { DYNAMIC, GO, PLUGIN, pluginReport, type PluginMeasured, type PluginRun } from "./parts/cli-plugin-report";
import { goProviderTarball } from "./parts/go-provider-build";
import { startUp, type Start } from "./parts/plugin-starts";
import { saveRuns } from "./parts/saved-runs";

const ROOT = path.join(__dirname, "..");
const N = Number(process.env.BENCH_PLUGIN_RESOURCES ?? "500");
const ROUNDS = Number(process.env.BENCH_PLUGIN_ROUNDS ?? "3");
const STARTS = Number(process.env.BENCH_PLUGIN_STARTS ?? "15");
const LONG = 3_600_000;
const OUT = process.env.BENCH_PLUGIN_OUT ?? path.join(ROOT, "docs", "benchmarks-cli-plugin.md");
const ENV = { PULUMI_SKIP_CHECKPOINTS: "true" };

/** A side: a YAML program through a plugin tarball, or the Node program through the dynamic form. */
type Side = { label: string; tarball: string; binary: string } | { label: typeof DYNAMIC };

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

async function yamlSide(work: string, emu: Emulator, bin: string, label: string, tarball: string): Promise<{ side: Side; cli: PulumiCli }> {
    const dir = path.join(work, label.replace(/[^a-z0-9]+/gi, "-"));
    fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
    execFileSync("tar", ["-C", path.join(dir, "bin"), "-xzf", tarball]);
    fs.mkdirSync(path.join(dir, "project"));
    fs.writeFileSync(path.join(dir, "project", "Pulumi.yaml"), yamlProgram(0));
    const cli = new PulumiCli(bin, { cwd: path.join(dir, "project"), env: { PATH: yamlCliPath(), ...ENV } });
    await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", tarball]);
    await cli.ok(["stack", "init", "bench"]);
    const { plain, secret, paths } = pluginConfig(emu);
    await cli.setConfig(plain);
    await cli.setConfig(secret, new Set(Object.keys(secret)));
    for (const [k, v] of Object.entries(paths)) await cli.ok(["config", "set", "--path", k, "--", v]);
    return { side: { label, tarball, binary: path.join(dir, "bin", "pulumi-resource-cloudreads") }, cli };
}

async function dynamicSide(emu: Emulator, bin: string): Promise<{ side: Side; cli: PulumiCli }> {
    // Inside the repository (tmp/ is ignored) so the program resolves @pulumi/pulumi and dist/.
    const dir = path.join(ROOT, "tmp", `bench-plugin-${process.pid}`, "dynamic");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-dynamic\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
    fs.writeFileSync(path.join(dir, "index.ts"), NODE_PROGRAM);
    const cli = new PulumiCli(bin, { cwd: dir, env: ENV });
    await cli.ok(["stack", "init", "bench"]);
    const c = cliStackConfig(emu);
    await cli.setConfig(c.plain);
    await cli.setConfig(c.secret, new Set(Object.keys(c.secret)));
    return { side: { label: DYNAMIC }, cli };
}

/** One measured command of `n` reads on a side, from an empty stack (emptied again after an up). */
async function measured(side: Side, cli: PulumiCli, command: "up" | "preview", n: number): Promise<PluginRun> {
    if ("tarball" in side) fs.writeFileSync(path.join(cli.cwd, "Pulumi.yaml"), yamlProgram(n));
    cli.env.BENCH_N = String(n);
    const cost = await measuredCommand(cli, command === "up" ? ["up", "--yes", "--skip-preview"] : ["preview"], LONG);
    if (command === "up") {
        await cli.ok(["stack", "rm", "--force", "--yes", "--preserve-config"]);
        await cli.ok(["stack", "init", "bench"]);
    }
    return { side: side.label, command, n, ...cost };
}

/** The candidate plugin builds of BENCH_PLUGIN_CANDIDATES, `label=tarball,...`. */
function candidates(): [string, string][] {
    return (process.env.BENCH_PLUGIN_CANDIDATES ?? "")
        .split(",")
        .filter(Boolean)
        .map((c) => {
            const at = c.indexOf("=");
            return [`plugin (${c.slice(0, at)})`, path.resolve(c.slice(at + 1))];
        });
}

function publish(m: PluginMeasured): void {
    const text = pluginReport(m);
    fs.writeFileSync(OUT, text);
    process.stdout.write(text);
}

async function main(): Promise<void> {
    if (process.env.BENCH_PLUGIN_RENDER) return publish(JSON.parse(fs.readFileSync(process.env.BENCH_PLUGIN_RENDER, "utf8")) as PluginMeasured);
    const bin = pulumiCliDir();
    const withDynamic = process.env.BENCH_PLUGIN_DYNAMIC !== "0";
    if (withDynamic && !fs.existsSync(path.join(ROOT, "dist", "sdk", "nodejs", "index.js"))) execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
    const tarballs: [string, string][] = [[PLUGIN, process.env.BENCH_PLUGIN_TARBALL ?? pluginTarball()], [GO, goProviderTarball()], ...candidates()];
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-plugin-"));
    const emu = await startEmulator({ port: 0 });
    const loadStart = os.loadavg()[0]!;
    const runs: PluginRun[] = [];
    const starts: Record<string, Start[]> = {};
    const sides: { side: Side; cli: PulumiCli }[] = [];
    try {
        for (const [label, tarball] of tarballs) sides.push(await yamlSide(work, emu, bin, label, tarball));
        if (withDynamic) sides.push(await dynamicSide(emu, bin));
        for (let r = 0; r < ROUNDS; r++) {
            const order = sides.map((_, i) => sides[(i + r) % sides.length]!);
            for (const command of ["preview", "up"] as const) {
                for (const { side, cli } of order) {
                    process.stderr.write(`bench:cli:plugin round ${r + 1}/${ROUNDS}: pulumi ${command}, ${side.label}, ${N} and 0 resources (load ${os.loadavg()[0]!.toFixed(2)})\n`);
                    runs.push(await measured(side, cli, command, N));
                    runs.push(await measured(side, cli, command, 0));
                }
            }
        }
        process.stderr.write(`bench:cli:plugin: ${STARTS} interleaved start-ups of each provider\n`);
        const dynamicHost = path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js");
        for (let i = 0; i < STARTS; i++) {
            for (const { side } of sides) {
                // The engine's address: nothing listens there; a start-up does not wait for it.
                const s = "binary" in side ? await startUp(side.binary, ["127.0.0.1:1"], work, { PATH: nodeFreePath() }) : await startUp(process.execPath, [dynamicHost, "127.0.0.1:1"], ROOT);
                (starts[side.label] ??= []).push(s);
            }
        }
    } finally {
        for (const { cli } of sides) cli.dispose();
        await emu.close();
        fs.rmSync(work, { recursive: true, force: true });
        fs.rmSync(path.join(ROOT, "tmp", `bench-plugin-${process.pid}`), { recursive: true, force: true });
    }
    const measuredRuns: PluginMeasured = {
        runs,
        starts,
        tarballs: Object.fromEntries(tarballs.map(([label, t]) => [label, fs.statSync(t).size])),
        sides: sides.map((s) => s.side.label),
        n: N,
        rounds: ROUNDS,
        when: new Date().toISOString(),
        load: { start: loadStart, end: os.loadavg()[0]!, cpus: os.cpus().length },
        notes: [
            `Our plugin: ${path.basename(tarballs[0]![1])}, the Node.js SEA binary of \`npm run plugin:pack\` (scripts/release/plugin-tarball.sh). The Go provider: bench/go-provider/ (github.com/pulumi/pulumi/sdk/v3 v3.276.0, go/pulumi/provider.Main and pulumirpc), built by ${execFileSync("go", ["version"], { encoding: "utf8" }).trim()} with \`-trimpath -ldflags="-s -w"\`, one \`http.Client\` keeping up to 128 idle connections to the host.`,
            "Our plugin's start-up path: the SEA's main compiles the bundle with a V8 code cache made after running the start-up and driving the plugin through the read path as the engine does (Configure, Check, Create, Invoke; scripts/release/code-cache.ts); the reads (runtime, vendors, codecs) and the engine's log client load at their first use. V8's startup snapshot (SEA `useSnapshot`) cannot be built for it: Node 24 stops with `global handle not serialized` once node:http, node:https or node:http2 are loaded (nodejs/node#48672), and both gRPC and the reads load them.",
            "Our plugin's V8 flags (SEA `execArgv`, scripts/release/plugin-tarball.sh): `--max-semi-space-size=1`. Measured with BENCH_PLUGIN_CANDIDATES on 2026-12-07 (N = 500, 2 rounds, load 2-6): no flags 119 MiB peak RSS and 2.46 ms CPU per resource; `--max-semi-space-size=1` 100 MiB and 2.36 ms; with `--optimize-for-size` as well 99 MiB but 3.28 ms and a start-up of 178 ms, so it was left out; `--v8-pool-size=1 --single-threaded-gc` as well (load 4-5): 103 MiB and 2.62 ms against 98 MiB and 2.44 ms, left out too; `--no-turbofan --no-maglev --heap-growing-percent=20` as well (N = 500, load 1.3): 74 MiB against 99 MiB at the same 1.72 ms, but `npm run bench:plugin` gave it 1.05 ms of CPU per resource at N = 2,000 against 0.78 ms (no optimizing compiler), so it was left out. The gRPC server and its clients are the plugin's own, unary calls on node:http2 (provider/plugin/grpc/), not grpc-js: on 2026-12-07 that took the plugin CPU per resource from 1.68 to 1.48 ms, the start-up from 59 to 54 ms and the peak RSS from 99 to 86 MiB (this table, before and after).",
            "Measured again on 2026-12-08 (N = 500, 3 rounds, load about 1, BENCH_PLUGIN_CANDIDATES): `--max-semi-space-size=2` (a build that also resolved settings once per Configure) gave 1.16 ms of CPU per resource against the earlier build's 1.18 at 90 MiB against 84, and, both builds with that change, the same CPU and RSS as 1 through `npm run bench:plugin` with 3 calls at a time, so 1 stays; `--max-semi-space-size=2 --no-turbofan --no-maglev` gave 68 MiB at the same 1.18 ms, but its start-up took 59 ms against 42 (V8 rejects Node's code cache of its own modules under other compiler flags: 21 ms compiling them, against 4) and, driven alone with 3 calls at a time, 0.81 ms of CPU per resource at N = 2,000 against 0.59, so a stack of a thousand reads or more would pay for it; it was left out.",
            "The engine had at most 3 calls in flight at once at the plugin during the `pulumi up` of 500 reads (counted on 2026-12-08 in a bundle of the plugin's gRPC server with a counter added): the up is bound by each call's latency more than by throughput, and a Check and Create cost the plugin about 0.8 ms of CPU at 3 in flight against 0.6 ms at 32 (N = 500, `npm run bench:plugin`, BENCH_DIRECT_CONCURRENCY).",
            "The engine starts the provider twice in each `pulumi up` of a YAML program, on both sides (seen on 2026-12-07 with a wrapper that logged each spawn): one process answers the YAML host's schema request, the other serves the resources. So the provider CPU per resource holds two start-ups over N, and the peak RSS is the larger process's.",
            "Both YAML sides run the same Pulumi.yaml and stack config; the Go provider reads the same config keys (huaweicloudToken, huaweicloudProjectId, huaweicloudEndpoints.kms) and sends the same GET `/v3/{project_id}/tasks/{task_id}` with `X-Auth-Token`.",
        ],
    };
    process.stderr.write(`bench:cli:plugin: runs saved in ${saveRuns(measuredRuns)} (render again with BENCH_PLUGIN_RENDER=<that file>)\n`);
    publish(measuredRuns);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:cli:plugin failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
