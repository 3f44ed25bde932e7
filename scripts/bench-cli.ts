/**
 * `npm run bench:cli`: `pulumi up` through the real CLI (from `npm run pulumi-cli`) of a program
 * with N of this package's resources, against the same program with N trivial hand-written
 * dynamic resources, side by side in interleaved rounds against the emulator. Reports the time per
 * resource of each, their ratio, and the peak RSS of the dynamic-provider host. Appends to
 * docs/BENCHMARKS.md. Machine-dependent; never asserted in tests.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { PulumiCli, pulumiCliDir } from "../tests/helpers/pulumi-cli";
import { cliStackConfig } from "../tests/helpers/pulumi-cli-results";
import { FIXTURE } from "../tests/helpers/stack";

const ROOT = path.join(__dirname, "..");
const N = Number(process.env.BENCH_CLI_RESOURCES ?? "500");
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? "2");

const OURS = `import { huaweicloud } from "pulumi-cloudreads";
for (let i = 0; i < ${N}; i++) new huaweicloud.kps.KeypairTask(\`t\${i}\`, { taskId: "${FIXTURE.kpsTaskId}" });
`;

// What a user would hand-write: a dynamic provider whose create returns at once.
const THEIRS = `import * as pulumi from "@pulumi/pulumi";
const provider: pulumi.dynamic.ResourceProvider = { async create(inputs) { return { id: inputs.name, outs: inputs }; } };
class Item extends pulumi.dynamic.Resource { constructor(name: string) { super(provider, name, { name }, {}); } }
for (let i = 0; i < ${N}; i++) new Item(\`t\${i}\`);
`;

/** Peak RSS (MiB) of dynamic-provider host processes, sampled every 200 ms while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
    let peak = 0;
    const timer = setInterval(() => {
        try {
            const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
            for (const line of out.split("\n")) if (line.includes("dynamic-provider")) peak = Math.max(peak, Number(line.trim().split(/\s+/)[0]) / 1024);
        } catch {
            // ps is best effort
        }
    }, 200);
    try {
        return [await work(), peak];
    } finally {
        clearInterval(timer);
    }
}

async function main(): Promise<void> {
    const bin = pulumiCliDir();
    const emu = await startEmulator({ port: 0 });
    const work = fs.mkdtempSync(path.join(ROOT, "tmp", "bench-cli-"));
    const times: Record<"ours" | "theirs", number[]> = { ours: [], theirs: [] };
    const rss: Record<"ours" | "theirs", number[]> = { ours: [], theirs: [] };
    try {
        const clis = {} as Record<"ours" | "theirs", PulumiCli>;
        for (const [name, program] of [["ours", OURS], ["theirs", THEIRS]] as const) {
            const dir = path.join(work, name);
            fs.mkdirSync(dir);
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: bench-${name}\nruntime: nodejs\nmain: index.ts\n`);
            fs.writeFileSync(path.join(dir, "index.ts"), program);
            const cli = new PulumiCli(bin, { cwd: dir });
            await cli.ok(["stack", "init", "bench"]);
            const { plain, secret } = cliStackConfig(emu);
            await cli.setConfig(plain);
            await cli.setConfig(secret, new Set(Object.keys(secret)));
            clis[name] = cli;
        }
        for (let r = 0; r < ROUNDS; r++) {
            for (const name of ["ours", "theirs"] as const) {
                process.stderr.write(`bench:cli round ${r + 1}: pulumi up of ${N} ${name === "ours" ? "KeypairTask" : "hand-written"} resources\n`);
                const t0 = Date.now();
                const [, peak] = await withPeakRss(() => clis[name].ok(["up", "--yes", "--skip-preview"], 900_000));
                times[name].push(Date.now() - t0);
                rss[name].push(peak);
                await clis[name].ok(["destroy", "--yes", "--skip-preview"], 900_000);
            }
        }
        for (const cli of Object.values(clis)) cli.dispose();
    } finally {
        await emu.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const ratios = times.ours.map((t, i) => t / times.theirs[i]!);
    const lines = [
        "",
        `## pulumi up of ${N} resources through the real CLI (\`npm run bench:cli\`, ${ROUNDS} interleaved rounds, ${new Date().toISOString()})`,
        "",
        "| | ours (KeypairTask, one KPS read each) | hand-written dynamic resource (no request) | ratio |",
        "|---|---|---|---|",
        `| time per resource, median | ${(median(times.ours) / N).toFixed(1)} ms | ${(median(times.theirs) / N).toFixed(1)} ms | **${median(ratios).toFixed(2)}x** (goal <= 1.2x) |`,
        `| peak RSS of the provider host | ${median(rss.ours).toFixed(0)} MiB | ${median(rss.theirs).toFixed(0)} MiB | |`,
        "",
    ];
    fs.appendFileSync(path.join(ROOT, "docs", "BENCHMARKS.md"), lines.join("\n"));
    process.stdout.write(lines.join("\n"));
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:cli failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
