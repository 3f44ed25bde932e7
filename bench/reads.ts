/**
 * `npm run bench`: this package side by side with what a user would hand-write, as ratios
 * (ours / theirs, below 1 is faster), against the emulator on 127.0.0.1. Rounds interleave ours
 * and theirs inside each of several fresh processes (bench/parts/reads-round.ts), and the ratios of
 * all rounds are pooled: one process's median swings too widely to quote alone. Writes
 * docs/benchmarks.md and docs/benchmarks.svg. Machine-dependent; never asserted in tests.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { withCliSection } from "./parts/cli-section";
import { pemFloodFigure } from "./parts/pem-flood";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..");
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? "3");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? "3");

type Samples = Record<string, number[]>;

interface Figure {
    label: string;
    ours: string;
    theirs: string;
    goal?: number;
}

const FIGURES: Figure[] = [
    { label: "token read vs raw got, c=1, 2.8 KB config", ours: "token c=1 2800B ours", theirs: "token c=1 2800B got" },
    { label: "token read vs raw got, c=64, 2.8 KB config", ours: "token c=64 2800B ours", theirs: "token c=64 2800B got", goal: 1.1 },
    { label: "token read vs raw got, c=1, 20 KB config", ours: "token c=1 20000B ours", theirs: "token c=1 20000B got" },
    { label: "token read vs raw got, c=64, 20 KB config", ours: "token c=64 20000B ours", theirs: "token c=64 20000B got", goal: 1.15 },
    { label: "AK/SK read vs official SDK signer + got, c=16", ours: "aksk c=16 ours", theirs: "aksk c=16 official", goal: 0.8 },
    { label: "one signature vs the official signer", ours: "sign ours", theirs: "sign official", goal: 1.0 },
    { label: "500 reads, c=64", ours: "growth 500 ours", theirs: "growth 500 got" },
    { label: "2,000 reads, c=64", ours: "growth 2000 ours", theirs: "growth 2000 got" },
    { label: "8,000 reads, c=64", ours: "growth 8000 ours", theirs: "growth 8000 got" },
];

function stats(xs: readonly number[]): { median: number; min: number; max: number } {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor((s.length - 1) / 2)] ?? NaN, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

function pairwiseRatios(samples: Samples[], ours: string, theirs: string): number[] {
    return samples.flatMap((s) => (s[ours] ?? []).map((v, i) => v / (s[theirs]?.[i] ?? NaN)).filter(Number.isFinite));
}

/** Wall time of `node -e script`, median of interleaved runs, for the import cost. */
async function importCost(): Promise<{ ours: number[]; theirs: number[] }> {
    const sdk = JSON.stringify(path.join(ROOT, "dist", "sdk", "nodejs"));
    const both = { ours: [] as number[], theirs: [] as number[] };
    for (let i = 0; i < 9; i++) {
        for (const [k, script] of [["theirs", 'require("@pulumi/pulumi")'], ["ours", `require("@pulumi/pulumi"); require(${sdk})`]] as const) {
            const t0 = process.hrtime.bigint();
            await run(process.execPath, ["-e", script], { cwd: ROOT });
            both[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
    }
    return both;
}

function svg(rows: { label: string; median: number; min: number; max: number; goal?: number }[]): string {
    const width = 760;
    const rowH = 26;
    const left = 330;
    const scale = (x: number): number => left + Math.min(x, 3) * ((width - left - 20) / 3);
    const lines = rows.map((r, i) => {
        const y = 30 + i * rowH;
        const goal = r.goal === undefined ? "" : `<line x1="${scale(r.goal)}" x2="${scale(r.goal)}" y1="${y - 9}" y2="${y + 9}" stroke="#c00" stroke-width="2"/>`;
        return `<text x="4" y="${y + 4}" font-size="12">${r.label}</text>` +
            `<line x1="${scale(r.min)}" x2="${scale(r.max)}" y1="${y}" y2="${y}" stroke="#888"/>` +
            `<rect x="${left}" y="${y - 6}" width="${scale(r.median) - left}" height="12" fill="#4a7"/>${goal}` +
            `<text x="${scale(r.median) + 4}" y="${y + 4}" font-size="11">${r.median.toFixed(2)}x</text>`;
    });
    const axis = [0.5, 1, 1.5, 2, 2.5, 3].map((x) => `<line x1="${scale(x)}" x2="${scale(x)}" y1="15" y2="${30 + rows.length * rowH}" stroke="#ddd"/><text x="${scale(x) - 8}" y="12" font-size="10">${x}x</text>`);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${45 + rows.length * rowH}" font-family="sans-serif">${axis.join("")}${lines.join("")}</svg>\n`;
}

async function main(): Promise<void> {
    const samples: Samples[] = [];
    for (let p = 0; p < PROCESSES; p++) {
        process.stderr.write(`bench: process ${p + 1} of ${PROCESSES} (${ROUNDS} interleaved rounds)\n`);
        const { stdout } = await run(process.execPath, ["-r", "ts-node/register", path.join(__dirname, "parts", "reads-round.ts"), String(ROUNDS)], { cwd: ROOT, maxBuffer: 1 << 24, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } });
        samples.push(JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Samples);
    }
    const imports = await importCost();
    const rows = FIGURES.map((f) => ({ label: f.label, goal: f.goal, ...stats(pairwiseRatios(samples, f.ours, f.theirs)) }));
    const importRatios = imports.ours.map((v, i) => v / imports.theirs[i]!);
    rows.push({ label: "import cost vs @pulumi/pulumi alone", goal: 1.05, ...stats(importRatios) });
    const rss = [500, 2000, 8000].map((n) => `${n}: ${stats(samples.flatMap((s) => s[`growth ${n} rss MiB`] ?? [])).median.toFixed(0)} MiB`).join(", ");
    const iam = stats(samples.flatMap((s) => s["iam lookups for 50 reads"] ?? [])).max;
    const table = rows.map((r) => {
        const verdict = r.goal === undefined ? "" : r.median <= r.goal ? "met" : "not met";
        return `| ${r.label} | **${r.median.toFixed(2)}x** | ${r.min.toFixed(2)}x | ${r.max.toFixed(2)}x | ${r.goal === undefined ? "" : `<= ${r.goal}x`} | ${verdict} |`;
    });
    const text = [
        "# Benchmarks",
        "",
        "Written by `npm run bench` (bench/reads.ts, bench/parts/reads-round.ts). Each figure is a ratio,",
        "this package over the alternative a user would hand-write (below 1 is faster), measured side by",
        `side against the emulator on 127.0.0.1: ${PROCESSES} fresh processes x ${ROUNDS} interleaved rounds, pooled.`,
        "The alternatives: `got` with a keep-alive agent, the token header and a JSON body (token reads);",
        "the official `@huaweicloud/huaweicloud-sdk-core` `AKSKSigner` plus the same `got` call (AK/SK reads);",
        "`AKSKSigner.sign` alone (signing). Our reads go through `getKeypairTask` in a program with the",
        "stack config size shown (token) or `performRead` (AK/SK): validation, settings, retries, the size",
        "cap, the deadline and redaction included.",
        "",
        `Last run: ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}.`,
        "",
        "| figure | median | min | max | goal | |",
        "|---|---|---|---|---|---|",
        ...table,
        "",
        `- RSS of the bench process after 500, 2,000 and 8,000 reads: ${rss}.`,
        `- IAM look-ups for 50 concurrent AK/SK reads in one region: ${iam} (goal 1).`,
        pemFloodFigure(),
        "- `__provider` per resource, `pulumi up` of 500 resources and `pulumi preview` of 100 invokes through the",
        "  real CLI: see the last section (`npm run bench:cli`, kept in docs/benchmarks-cli.md).",
        "- The provider plugin against a hand-written Go provider (the anchor) and the dynamic form:",
        "  [benchmarks-cli-plugin.md](benchmarks-cli-plugin.md) (`npm run bench:cli:plugin`). A `pulumi up` of",
        "  the four reads in YAML, Node.js, Python and Go: [benchmarks-cli-languages.md](benchmarks-cli-languages.md)",
        "  (`npm run bench:cli:languages`). The plugin and the Go provider driven over gRPC with no engine, the",
        "  providers' own CPU and its JIT warm-up: [benchmarks-plugin-direct.md](benchmarks-plugin-direct.md) (`npm run bench:plugin`).",
        "",
        "![ratios](benchmarks.svg)",
        "",
    ].join("\n");
    // The real-CLI section comes from `npm run bench:cli` and is kept.
    fs.writeFileSync(path.join(ROOT, "docs", "benchmarks.md"), withCliSection(text));
    fs.writeFileSync(path.join(ROOT, "docs", "benchmarks.svg"), svg(rows));
    process.stdout.write(text);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
