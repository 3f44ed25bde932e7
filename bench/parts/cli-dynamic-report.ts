/**
 * The text of docs/benchmarks-cli.md from the runs of `npm run bench:cli`: ratios per round
 * (ours / hand-written, paired by round), pooled into median, min and max, with the goals.
 */
import * as os from "node:os";
import type { CommandCost } from "./command-cost";

/** One measured CLI command. */
export interface Run extends CommandCost {
    program: string;
    command: "up" | "preview";
    /** Resources or invokes in the program (`BENCH_N`). */
    n: number;
    /** KPS GETs the emulator answered during the command. */
    reads: number;
    /** Preview only: from the program's first call until every value was known. */
    inProgramMs?: number;
}

/** What the report is made from. */
export interface Measured {
    runs: Run[];
    /** `__provider` bytes by resource type. */
    bytes: Record<string, number>;
    n: number;
    p: number;
    rounds: number;
    /** When the runs ended (ISO time) and the 1-minute load average then. */
    when: string;
    load: number;
}

interface Stats {
    median: number;
    min: number;
    max: number;
}

function stats(xs: readonly number[]): Stats {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor((s.length - 1) / 2)] ?? NaN, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

function series(runs: readonly Run[], program: string, n: number, pick: (r: Run) => number = (r) => r.ms): number[] {
    return runs.filter((r) => r.program === program && r.n === n).map(pick);
}

/** Per-round marginal cost per item: (cost with n − cost with 0) / n. */
function marginal(runs: readonly Run[], program: string, n: number, pick: (r: Run) => number = (r) => r.ms): number[] {
    const zero = series(runs, program, 0, pick);
    return series(runs, program, n, pick).map((v, i) => (v - (zero[i] ?? NaN)) / n);
}

/**
 * Per-round ratios. A marginal figure at or below 0 (the difference drowned in noise) gives no
 * ratio, and then the row has none at all: the rounds disagree on the sign.
 */
function ratio(ours: readonly number[], theirs: readonly number[]): number[] {
    const r = ours.map((v, i) => (v > 0 && (theirs[i] ?? 0) > 0 ? v / theirs[i]! : NaN)).filter(Number.isFinite);
    return r.length === ours.length ? r : [];
}
const x = (v: number): string => `${v.toFixed(2)}x`;
const spread = (xs: readonly number[]): string => {
    const s = stats(xs);
    return `${s.min.toFixed(1)}–${s.max.toFixed(1)}`;
};

function row(label: string, ours: string, theirs: string, r: readonly number[], goal?: number): string {
    const s = stats(r);
    if (!r.length) return `| ${label} | ${ours} | ${theirs} | below noise | | | ${goal === undefined ? "" : `<= ${goal}x`} | |`;
    const verdict = goal === undefined ? "" : s.median <= goal ? "met" : "**not met**";
    return `| ${label} | ${ours} | ${theirs} | **${x(s.median)}** | ${x(s.min)} | ${x(s.max)} | ${goal === undefined ? "" : `<= ${goal}x`} | ${verdict} |`;
}

const distinct = (xs: readonly number[]): string => [...new Set(xs)].join(", ");

/** The Markdown section, figures first, then how they were made and how to reproduce them. */
export function report({ runs, bytes, n, p, rounds, when, load }: Measured): string {
    const ms = (xs: readonly number[]): string => `${stats(xs).median.toFixed(1)} ms`;
    const s = (xs: readonly number[]): string => `${(stats(xs).median / 1000).toFixed(1)} s`;
    const perItem = (program: string, big: number, pick: (r: Run) => number): number[] => series(runs, program, big, pick).map((v) => v / big);
    const pair = (label: string, fmt: (xs: readonly number[]) => string, ours: readonly number[], theirs: readonly number[], goal?: number): string => row(label, fmt(ours), fmt(theirs), ratio(ours, theirs), goal);
    const cpu = (r: Run): number => r.cpuMs;
    const ours = Object.entries(bytes).filter(([type]) => type.includes("cloudreads:"));
    const theirs = Object.entries(bytes).filter(([type]) => !type.includes("cloudreads:"));
    const noise = ["ours-up", "theirs-up", "ours-preview", "theirs-preview"].map((prog) => {
        const big = prog.endsWith("up") ? n : p;
        return `${prog} with ${big}: ${spread(series(runs, prog, big).map((v) => v / 1000))} s; with 0: ${spread(series(runs, prog, 0).map((v) => v / 1000))} s`;
    });
    return [
        "## Through the real Pulumi CLI (`npm run bench:cli`)",
        "",
        `Last run: ${when}, Node ${process.version}, ${os.cpus().length} cores, load ${load.toFixed(2)} at the end;`,
        `${rounds} interleaved rounds (who goes first alternates). The ours and hand-written columns are each side's own median;`,
        "the ratio is the median of the per-round ratios (ours / hand-written, below 1 is faster), so the two can differ.",
        "",
        "| figure | ours | hand-written | ratio (median) | min | max | goal | |",
        "|---|---|---|---|---|---|---|---|",
        pair(`\`pulumi up\`, wall time per resource (marginal, ${n} vs 0)`, ms, marginal(runs, "ours-up", n), marginal(runs, "theirs-up", n), 1.2),
        pair(`\`pulumi up\`, CPU per resource, all processes (marginal, ${n} vs 0)`, ms, marginal(runs, "ours-up", n, cpu), marginal(runs, "theirs-up", n, cpu)),
        pair("`pulumi up`, provider host CPU per resource", ms, perItem("ours-up", n, (r) => r.hostCpuMs), perItem("theirs-up", n, (r) => r.hostCpuMs)),
        pair("`pulumi up`, program CPU per resource (marginal)", ms, marginal(runs, "ours-up", n, (r) => r.programCpuMs), marginal(runs, "theirs-up", n, (r) => r.programCpuMs)),
        pair(`\`pulumi up\` of ${n} resources, whole command`, s, series(runs, "ours-up", n), series(runs, "theirs-up", n)),
        pair(`provider host peak RSS, \`pulumi up\` of ${n}`, (xs) => `${stats(xs).median.toFixed(0)} MiB`, series(runs, "ours-up", n, (r) => r.rssMiB), series(runs, "theirs-up", n, (r) => r.rssMiB)),
        pair(`\`pulumi preview\`, in-program time per invoke (${p} at once, first call to last value)`, ms, perItem("ours-preview", p, (r) => r.inProgramMs ?? NaN), perItem("theirs-preview", p, (r) => r.inProgramMs ?? NaN)),
        pair(`\`pulumi preview\`, wall time per invoke (marginal, ${p} vs 0)`, ms, marginal(runs, "ours-preview", p), marginal(runs, "theirs-preview", p)),
        pair(`\`pulumi preview\`, CPU per invoke, all processes (marginal, ${p} vs 0)`, ms, marginal(runs, "ours-preview", p, cpu), marginal(runs, "theirs-preview", p, cpu)),
        pair(`\`pulumi preview\` of ${p} invokes, whole command`, s, series(runs, "ours-preview", p), series(runs, "theirs-preview", p)),
        "",
        `KPS GETs the emulator answered per command (the same real work on both sides): up of ${n}: ours ${distinct(series(runs, "ours-up", n, (r) => r.reads))}, hand-written ${distinct(series(runs, "theirs-up", n, (r) => r.reads))}; preview of ${p}: ours ${distinct(series(runs, "ours-preview", p, (r) => r.reads))}, hand-written ${distinct(series(runs, "theirs-preview", p, (r) => r.reads))}.`,
        "",
        "`__provider` per resource, from `pulumi stack export` after an up of the installed package (goal <= 300 B):",
        "",
        "| resource type | `__provider` | |",
        "|---|---|---|",
        ...ours.map(([type, b]) => `| ${type} | ${b} B | ${b <= 300 ? "met" : "**not met**"} |`),
        ...theirs.map(([type, b]) => `| ${type} (hand-written, for comparison) | ${b} B | |`),
        "",
        "**How.** Both providers are installed from npm tarballs into one scratch project (this package",
        "packed as a fresh clone would pack it; the hand-written provider is a module whose `module.exports`",
        "is the provider object, as the Pulumi docs write one), so both `__provider`s are a by-reference",
        "`require(...)`. Ours: `new huaweicloud.kps.KeypairTask(name, { taskId })` in a loop, and",
        "`getKeypairTaskOutput({ taskId }).taskStatus` for the preview. Hand-written: a `pulumi.dynamic.Resource`",
        "whose `create` sends the same KPS GET with `fetch` and the token from the provider's config, and for",
        "the preview `config.requireSecret(\"token\").apply(fetch …)`. Token auth, stack config from the",
        "emulator, `PULUMI_NODEJS_TRANSPILE_ONLY=true`, file backend. The marginal figures subtract a run of",
        "the same program with 0 resources (or invokes), so program start-up and the CLI's fixed cost are",
        "not counted; the provider host's start-up is, on both sides. Peak RSS is the kernel's high-water",
        "mark (`VmHWM`) of the `dynamic-provider` process. CPU of all processes is bash's `times` after the",
        "command (the CLI, its plugins and the program); the host's and the program's CPU are polled from",
        "/proc every 250 ms. Between ups, `pulumi stack rm --force` forgets the resources without calling",
        "the provider. Where the time goes (CPU profiles, state size) and a prototyped fix: [benchmarks-cli-notes.md](benchmarks-cli-notes.md).",
        "",
        `**Noise.** This is a shared 2-core machine with other work running; wall times per command varied: ${noise.join("; ")}.`,
        "",
        "**Reproduce:** `npm run --silent pulumi-cli` (once), then `npm run bench:cli`",
        `(\`BENCH_CLI_ROUNDS\`=${rounds}, \`BENCH_CLI_RESOURCES\`=${n}, \`BENCH_CLI_INVOKES\`=${p}; \`BENCH_CLI_FROM=head\` packs the last`,
        "commit instead of the working tree, `BENCH_CLI_TARBALL=<tgz>` uses a given tarball, `BENCH_CLI_KEEP=1` keeps",
        "the scratch project). The raw runs are written to `runs.json` in a private `$TMPDIR/cloudreads-bench-cli-runs-*` folder (the path is printed);",
        "`BENCH_CLI_RENDER=<that file>` rewrites these docs from them without measuring.",
        "",
    ].join("\n");
}
