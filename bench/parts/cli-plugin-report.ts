/**
 * The text of docs/benchmarks-cli-plugin.md from the runs of `npm run bench:cli:plugin`: per side
 * (our plugin, the hand-written Go provider, the dynamic form, and any candidate plugin builds),
 * marginal figures per resource, start-up, peak RSS and tarball size, then the issue-24 goals.
 */
import type { CommandCost } from "./command-cost";
import type { Start } from "./plugin-starts";

/** One measured CLI command of one side. */
export interface PluginRun extends CommandCost {
    side: string;
    command: "up" | "preview";
    n: number;
}

/** What the report is made from. */
export interface PluginMeasured {
    runs: PluginRun[];
    starts: Record<string, Start[]>;
    /** Tarball bytes by side (YAML sides only). */
    tarballs: Record<string, number>;
    sides: string[];
    n: number;
    rounds: number;
    when: string;
    /** 1-minute load average at the start and at the end, and the CPUs. */
    load: { start: number; end: number; cpus: number };
    /** Free text: what was built how (versions, flags). */
    notes: string[];
}

export const PLUGIN = "plugin (YAML)";
export const GO = "Go provider (YAML)";
export const DYNAMIC = "dynamic (Node)";

const median = (xs: readonly number[]): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);

function of(m: PluginMeasured, side: string, command: "up" | "preview", n: number): PluginRun[] {
    return m.runs.filter((r) => r.side === side && r.command === command && r.n === n);
}

/** (median with N − median with 0) / N of one figure of a command. */
function marginal(m: PluginMeasured, side: string, command: "up" | "preview", pick: (r: PluginRun) => number): number {
    return (median(of(m, side, command, m.n).map(pick)) - median(of(m, side, command, 0).map(pick))) / m.n;
}

/** The figures of one side. */
export function figures(m: PluginMeasured, side: string) {
    const starts = m.starts[side] ?? [];
    return {
        upMs: marginal(m, side, "up", (r) => r.ms),
        previewMs: marginal(m, side, "preview", (r) => r.ms),
        cpuMs: marginal(m, side, "up", (r) => r.hostCpuMs),
        rssMiB: median(of(m, side, "up", m.n).map((r) => r.rssMiB)),
        portMs: median(starts.map((s) => s.portMs)),
        portCpuMs: median(starts.map((s) => s.cpuMs)),
        answerMs: median(starts.map((s) => s.answerMs)),
        tarballKiB: m.tarballs[side] === undefined ? NaN : m.tarballs[side]! / 1024,
    };
}

const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : "–");
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : "–");
const f0 = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : "–");
const seconds = (rs: readonly PluginRun[]): string => rs.map((r) => (r.ms / 1000).toFixed(1)).join(", ");
const size = (kib: number): string => (!Number.isFinite(kib) ? "–" : kib >= 1024 ? `${(kib / 1024).toFixed(1)} MiB` : `${kib.toFixed(0)} KiB`);

function goalRow(label: string, value: number, goal: number, unit: string, anchor?: number): string {
    const met = Number.isFinite(value) && value <= goal;
    return `| ${label} | ${unit === "x" ? f2(value) : f1(value)}${unit === "x" ? "x" : ` ${unit}`}${anchor === undefined ? "" : ` (Go: ${f1(anchor)} ${unit})`} | ≤ ${goal}${unit === "x" ? "x" : ` ${unit}`} | ${met ? "met" : "**not met**"} |`;
}

/** The markdown page. */
export function pluginReport(m: PluginMeasured): string {
    const rows = m.sides.map((s) => {
        const f = figures(m, s);
        return `| ${s} | ${f1(f.upMs)} | ${f1(f.previewMs)} | ${f2(f.cpuMs)} | ${f0(f.portMs)} | ${f0(f.portCpuMs)} | ${f0(f.answerMs)} | ${f0(f.rssMiB)} | ${size(f.tarballKiB)} |`;
    });
    const raw = m.sides.map((s) => `| ${s} | ${seconds(of(m, s, "up", m.n))} | ${seconds(of(m, s, "up", 0))} | ${seconds(of(m, s, "preview", m.n))} | ${seconds(of(m, s, "preview", 0))} | ${(m.starts[s] ?? []).map((x) => x.portMs.toFixed(0)).join(", ")} |`);
    const ours = figures(m, PLUGIN);
    const go = figures(m, GO);
    const dyn = figures(m, DYNAMIC);
    const lines = [
        "# Benchmarks: the provider plugin against a hand-written Go provider and the dynamic form (real CLI)",
        "",
        `<!-- Written by \`npm run bench:cli:plugin\` (part of \`npm run bench:cli\`, bench/cli-plugin.ts). -->`,
        "",
        `Measured ${m.when.slice(0, 16).replace("T", " ")} UTC on ${m.load.cpus} CPUs shared with other work: load average ${m.load.start.toFixed(2)} at the start, ${m.load.end.toFixed(2)} at the end. Figures from a loaded machine; the sides ran in interleaved rounds (who goes first rotates), so each saw the same load.`,
        "",
        `Through the real CLI v3.276.0, checkpoints off (\`PULUMI_SKIP_CHECKPOINTS=true\`), ${m.rounds} round${m.rounds === 1 ? "" : "s"}: \`pulumi up\` (and \`pulumi preview\`) from an empty stack of ${m.n} KPS KeypairTask reads against the emulator, and of 0. Per resource = (median with ${m.n} − median with 0) / ${m.n}, so CLI and program start-up are not counted. The YAML sides run one Pulumi YAML program (\`cloudreads:huaweicloud/kps:KeypairTask\`), with the plugin installed by \`pulumi plugin install resource cloudreads 0.1.0 --file <tarball>\`, no Node.js on \`PATH\`; the dynamic side is a Node program of the same reads (this repository's build). Provider CPU: user + system time of the provider process (the plugin, or the dynamic-provider host), polled from /proc. Start-up: the provider binary spawned as the engine spawns it, until it printed its port, and until it answered GetPluginInfo, and the CPU (user + system, /proc, 10 ms ticks) it had used when it printed its port; median of ${Math.max(0, ...Object.values(m.starts).map((s) => s.length))} starts.`,
        "",
        "| side | up, ms per resource | preview, ms per resource | provider CPU, ms per resource | start-up to port, ms | CPU at port, ms | to first answer, ms | peak RSS at up, MiB | tarball (linux-amd64) |",
        "|---|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
        "Goals (issue 24), our plugin against the Go provider:",
        "",
        "| measure | ours | goal | |",
        "|---|---|---|---|",
        goalRow("`pulumi up` per resource, ours / Go", ours.upMs / go.upMs, 1.1, "x"),
        goalRow("`pulumi preview` per resource, ours / Go", ours.previewMs / go.previewMs, 1.1, "x"),
        goalRow("plugin CPU per resource", ours.cpuMs, 1.5, "ms", go.cpuMs),
        goalRow("start-up, spawn to port printed", ours.portMs, 100, "ms", go.portMs),
        goalRow("start-up CPU, spawn to port printed (less swayed by the load)", ours.portCpuMs, 100, "ms", go.portCpuMs),
        goalRow("plugin peak RSS", ours.rssMiB, 70, "MiB", go.rssMiB),
        goalRow("release tarball (linux-amd64)", ours.tarballKiB / 1024, 45, "MiB", go.tarballKiB / 1024),
        "",
        `YAML through the plugin against Node through the dynamic form, \`pulumi up\` per resource: **${f2(ours.upMs / dyn.upMs)}x** (preview: ${f2(ours.previewMs / dyn.previewMs)}x).`,
        "",
        "A user's `pulumi up` of the four reads from YAML, Node, Python and Go: [benchmarks-cli-languages](benchmarks-cli-languages.md) (`npm run bench:cli:languages`).",
        "",
        "Raw runs, seconds, round by round:",
        "",
        `| side | up ${m.n} | up 0 | preview ${m.n} | preview 0 | start-up to port, ms |`,
        "|---|---|---|---|---|---|",
        ...raw,
        "",
        ...m.notes.map((n) => `- ${n}`),
        "",
    ];
    return lines.join("\n");
}
