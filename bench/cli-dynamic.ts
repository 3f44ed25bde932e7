/**
 * `npm run bench:cli`: this package through the real Pulumi CLI (from `npm run pulumi-cli`),
 * side by side with what a user would hand-write, both installed from npm tarballs into one
 * scratch project (bench/parts/cli-dynamic-project.ts) so both `__provider`s are a short `require(...)`:
 * - `pulumi up` of N KeypairTask resources against N hand-written dynamic resources whose create
 *   sends the same KPS GET (both do one real read against the emulator per resource);
 * - `pulumi preview` of P `getKeypairTaskOutput` calls against P hand-written `fetch` invokes;
 * - the `__provider` bytes of each of our four resources after an up.
 * Per-resource and per-call figures are marginal: (time with N − time with 0) / N, so program
 * start-up is not counted. Rounds interleave ours and theirs, alternating who goes first.
 * Writes docs/benchmarks-cli.md and splices it into docs/benchmarks.md. Machine-dependent;
 * never asserted in tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, exportedResources } from "../tests/helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "../tests/helpers/pulumi-cli";
import { report, type Measured, type Run } from "./parts/cli-dynamic-report";
import { measuredCommand } from "./parts/command-cost";
import { CLI_SECTION_FILE, spliceCliSection } from "./parts/cli-section";
import { PROGRAMS, scratchProject, type ProgramName } from "./parts/cli-dynamic-project";
import { saveRuns } from "./parts/saved-runs";

const N = Number(process.env.BENCH_CLI_RESOURCES ?? "500");
const P = Number(process.env.BENCH_CLI_INVOKES ?? "100");
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? "3");
const LONG = 1_800_000;

function kmsReads(emu: Emulator): number {
    return emu.requests.filter((r) => r.service === "kms").length;
}

/** One measured CLI command of a program with `BENCH_N=n`, and the KPS GETs the emulator answered meanwhile. */
async function timed(cli: PulumiCli, emu: Emulator, n: number, args: string[]): Promise<Omit<Run, "program" | "command">> {
    const timing = path.join(path.dirname(cli.cwd), `timing-${path.basename(cli.cwd)}.txt`);
    fs.rmSync(timing, { force: true });
    cli.env.BENCH_N = String(n);
    cli.env.BENCH_TIMING = timing;
    const reads = kmsReads(emu);
    const cost = await measuredCommand(cli, args, LONG);
    const inProgram = fs.existsSync(timing) ? Number(fs.readFileSync(timing, "utf8").trim().split("\n").pop()) : undefined;
    return { n, ...cost, reads: kmsReads(emu) - reads, ...(inProgram === undefined ? {} : { inProgramMs: inProgram }) };
}

/** The `__provider` length of each custom resource in the stack, by type. */
async function providerBytes(cli: PulumiCli): Promise<Record<string, number>> {
    const bytes: Record<string, number> = {};
    for (const r of exportedResources((await cli.ok(["stack", "export"])).stdout)) {
        if (typeof r.inputs.__provider === "string") bytes[r.type] = Math.max(bytes[r.type] ?? 0, Buffer.byteLength(r.inputs.__provider));
    }
    return bytes;
}

/** Forgets the stack's resources without calling the provider (the config file stays). */
async function resetStack(cli: PulumiCli): Promise<void> {
    await cli.ok(["stack", "rm", "--force", "--yes", "--preserve-config"]);
    await cli.ok(["stack", "init", "bench"]);
}

/** Writes docs/benchmarks-cli.md from measured runs and splices it into docs/benchmarks.md. */
function publish(measured: Measured): void {
    const text = report(measured);
    fs.writeFileSync(CLI_SECTION_FILE, text);
    spliceCliSection();
    process.stdout.write(text);
}

async function main(): Promise<void> {
    // Re-renders the docs from a saved runs file without measuring again.
    if (process.env.BENCH_CLI_RENDER) return publish(JSON.parse(fs.readFileSync(process.env.BENCH_CLI_RENDER, "utf8")) as Measured);
    const bin = pulumiCliDir();
    const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-cli-")));
    const emu = await startEmulator({ port: 0 });
    const clis: Partial<Record<ProgramName, PulumiCli>> = {};
    const runs: Run[] = [];
    let bytes: Record<string, number> = {};
    try {
        process.stderr.write(`bench:cli: packing and installing both providers in ${work}\n`);
        const dirs = await scratchProject(work);
        const { plain, secret } = cliStackConfig(emu);
        for (const name of PROGRAMS) {
            const cli = new PulumiCli(bin, { cwd: dirs[name] });
            clis[name] = cli;
            await cli.ok(["stack", "init", "bench"]);
            await cli.setConfig(plain);
            await cli.setConfig(secret, new Set(Object.keys(secret)));
        }
        const cli = (name: ProgramName): PulumiCli => clis[name]!;
        for (let r = 0; r < ROUNDS; r++) {
            const sides = r % 2 === 0 ? (["ours", "theirs"] as const) : (["theirs", "ours"] as const);
            for (const side of sides) {
                const program = `${side}-up` as const;
                process.stderr.write(`bench:cli round ${r + 1}/${ROUNDS}: pulumi up, ${side}, ${N} and 0 resources\n`);
                runs.push({ program, command: "up", ...(await timed(cli(program), emu, N, ["up", "--yes", "--skip-preview"])) });
                if (r === 0) bytes = { ...bytes, ...(await providerBytes(cli(program))) };
                await resetStack(cli(program));
                runs.push({ program, command: "up", ...(await timed(cli(program), emu, 0, ["up", "--yes", "--skip-preview"])) });
            }
            for (const side of sides) {
                const program = `${side}-preview` as const;
                process.stderr.write(`bench:cli round ${r + 1}/${ROUNDS}: pulumi preview, ${side}, ${P} and 0 invokes\n`);
                runs.push({ program, command: "preview", ...(await timed(cli(program), emu, P, ["preview"])) });
                runs.push({ program, command: "preview", ...(await timed(cli(program), emu, 0, ["preview"])) });
            }
        }
        process.stderr.write("bench:cli: pulumi up of one resource of each type, for __provider bytes\n");
        await cli("each").ok(["up", "--yes", "--skip-preview"], LONG);
        bytes = { ...bytes, ...(await providerBytes(cli("each"))) };
    } finally {
        for (const c of Object.values(clis)) c.dispose();
        await emu.close();
        if (process.env.BENCH_CLI_KEEP) process.stderr.write(`bench:cli: kept ${work}\n`);
        else fs.rmSync(work, { recursive: true, force: true });
    }
    const measured: Measured = { runs, bytes, n: N, p: P, rounds: ROUNDS, when: new Date().toISOString(), load: os.loadavg()[0]! };
    process.stderr.write(`bench:cli: runs saved in ${saveRuns(measured)} (render again with BENCH_CLI_RENDER=<that file>)\n`);
    publish(measured);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:cli failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
