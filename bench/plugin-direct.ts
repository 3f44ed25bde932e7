/**
 * `npm run bench:plugin`: the provider plugin (the SEA binary of `npm run plugin:pack`) and the
 * hand-written Go provider (bench/go-provider/), each driven over gRPC as the engine drives it in a
 * `pulumi up` of N KPS reads (bench/parts/plugin-driver.ts), with no engine or CLI in the way: the
 * provider's own CPU per resource at N = 50, 500 and 2,000 (JIT warm-up shows as the fall with N),
 * its CPU at the port and after Configure, and its peak RSS. Interleaved rounds, medians.
 * Writes docs/benchmarks-plugin-direct.md. Machine-dependent; never asserted in tests.
 * Env: BENCH_DIRECT_ROUNDS (3), BENCH_DIRECT_COUNTS ("50,500,2000"), BENCH_DIRECT_CONCURRENCY (3: the most calls the engine had in flight at once in the `pulumi up` of
 * bench:cli:plugin, counted on 2026-12-08),
 * BENCH_DIRECT_CANDIDATES="label=tarball,..." adds plugin builds; BENCH_DIRECT_OUT writes elsewhere.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { pluginTarball } from "../tests/helpers/plugin-stack";
import { goProviderTarball } from "./parts/go-provider-build";
import { drive, type Driven } from "./parts/plugin-driver";

const ROOT = path.join(__dirname, "..");
const ROUNDS = Number(process.env.BENCH_DIRECT_ROUNDS ?? "3");
const COUNTS = (process.env.BENCH_DIRECT_COUNTS ?? "50,500,2000").split(",").map(Number);
const CONCURRENCY = Number(process.env.BENCH_DIRECT_CONCURRENCY ?? "3");
const OUT = process.env.BENCH_DIRECT_OUT ?? path.join(ROOT, "docs", "benchmarks-plugin-direct.md");

const median = (xs: readonly number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Each side's binary, extracted from its tarball into `work`. */
function sides(work: string): [string, string][] {
    const extra = (process.env.BENCH_DIRECT_CANDIDATES ?? "").split(",").filter(Boolean).map((c) => c.split("=") as [string, string]);
    return [["plugin", pluginTarball()], ["Go provider", goProviderTarball()], ...extra].map(([label, tarball]) => {
        const dir = path.join(work, label.replace(/[^a-z0-9]+/gi, "-"));
        fs.mkdirSync(dir, { recursive: true });
        execFileSync("tar", ["-C", dir, "-xzf", tarball]);
        const binary = fs.readdirSync(dir).find((f) => f.startsWith("pulumi-resource-"));
        if (!binary) throw new Error(`no pulumi-resource-* binary in ${tarball}`);
        return [label, path.join(dir, binary)];
    });
}

async function main(): Promise<void> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-direct-"));
    const emu = await startEmulator();
    const load0 = os.loadavg()[0];
    const runs = new Map<string, Driven[]>();
    try {
        const all = sides(work);
        for (let round = 0; round < ROUNDS; round++) {
            for (const n of COUNTS) {
                // Who goes first rotates, so each side sees the same load.
                for (let i = 0; i < all.length; i++) {
                    const [label, binary] = all[(i + round) % all.length]!;
                    const key = `${label}\0${n}`;
                    runs.set(key, [...(runs.get(key) ?? []), await drive(binary, emu, n, CONCURRENCY)]);
                }
            }
        }
        const f2 = (x: number): string => x.toFixed(2);
        const rows = all.map(([label]) => {
            const at = (n: number): Driven[] => runs.get(`${label}\0${n}`) ?? [];
            const first = at(COUNTS[0]!);
            const big = at(Math.max(...COUNTS));
            return `| ${label} | ${COUNTS.map((n) => f2(median(at(n).map((d) => d.cpuMsPerResource)))).join(" | ")} | ${median(first.map((d) => d.portCpuMs)).toFixed(0)} | ${median(first.map((d) => d.configuredCpuMs - d.portCpuMs)).toFixed(0)} | ${COUNTS.map((n) => median(at(n).map((d) => d.peakRssMiB)).toFixed(0)).join(" / ")} | ${median(big.map((d) => d.wallMs)).toFixed(0)} |`;
        });
        const text = [
            "# Benchmarks: the provider plugin and a Go provider, driven over gRPC (no engine)",
            "",
            "<!-- Written by `npm run bench:plugin` (bench/plugin-direct.ts, bench/parts/plugin-driver.ts). -->",
            "",
            `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} CPUs, load average ${load0.toFixed(2)} at the start and ${os.loadavg()[0].toFixed(2)} at the end; ${ROUNDS} interleaved round${ROUNDS === 1 ? "" : "s"}, medians. Each provider binary is spawned, configured with the bench stack's config, and sent a Check and a Create per KPS KeypairTask read against the emulator, ${CONCURRENCY} at a time, as the engine sent them in the \`pulumi up\` of 500 reads of bench:cli:plugin (at most 3 in flight, counted on 2026-12-08; BENCH_DIRECT_CONCURRENCY changes it); nothing else runs in the provider's way, so the CPU is the provider's own (user + system, /proc, 10 ms ticks). Through the real CLI: [benchmarks-cli-plugin](benchmarks-cli-plugin.md).`,
            "",
            `| side | ${COUNTS.map((n) => `CPU ms per resource, N = ${n}`).join(" | ")} | CPU at port, ms | Configure, ms CPU | peak RSS, MiB (N = ${COUNTS.join(" / ")}) | wall, N = ${Math.max(...COUNTS)}, ms |`,
            `|---|${COUNTS.map(() => "---|").join("")}---|---|---|---|`,
            ...rows,
            "",
            "- Our plugin's CPU per resource falls as N grows: its first reads run in V8's interpreter and baseline code, and the optimizing compilers (Maglev, TurboFan) take over after some hundreds of calls. The Go provider is compiled ahead of time.",
            "- Configure is the plugin's first use of the reads: the SEA loads them there (provider/plugin/server.ts, `LazyProvider`), not at start-up.",
            "",
        ].join("\n");
        fs.writeFileSync(OUT, text);
        process.stdout.write(text);
    } finally {
        await emu.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    process.stderr.write(`bench:plugin failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
});
