/**
 * `npm run bench`: read latency and throughput against the emulator on 127.0.0.1, and the
 * cost of a first read in a fresh process (what each `pulumi up` pays on top of loading
 * `@pulumi/pulumi`, about 0.9 s here, which every program pays anyway). Numbers vary with the
 * machine's load: compare runs on the same machine, never assert them in tests.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulator } from "../emulator";
import { performRead } from "../provider/core/execute";
import { operations } from "../provider/operations";
import { emulatorStackConfig, FIXTURE, sources } from "../tests/helpers/stack";

function percentile(sorted: readonly number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function ms(n: number): string {
    return `${n.toFixed(2)} ms`;
}

async function main(): Promise<void> {
    const emu = await startEmulator({ port: 0 });
    const lines: string[] = [];
    const say = (line: string): void => {
        lines.push(line);
        process.stdout.write(`${line}\n`);
    };
    try {
        const config = emulatorStackConfig(emu);
        const s = sources(config);
        const reads = {
            kps: () => performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId }, s),
            astra: () => performRead(operations["astracontrol.Certificate"], { certificateId: FIXTURE.certificateId }, s),
        };
        for (const [name, read] of Object.entries(reads)) {
            for (let i = 0; i < 50; i++) await read();
            const times: number[] = [];
            for (let i = 0; i < 1000; i++) {
                const t0 = performance.now();
                await read();
                times.push(performance.now() - t0);
            }
            times.sort((a, b) => a - b);
            say(`| sequential ${name} read (1000) | p50 ${ms(percentile(times, 50))} | p95 ${ms(percentile(times, 95))} | p99 ${ms(percentile(times, 99))} |`);
        }
        const total = 4000;
        const concurrency = 100;
        let next = 0;
        const t0 = performance.now();
        await Promise.all(Array.from({ length: concurrency }, async () => {
            while (next < total) {
                next++;
                await reads.kps();
            }
        }));
        const seconds = (performance.now() - t0) / 1000;
        say(`| ${total} KPS reads at concurrency ${concurrency} (16 in flight per host) | ${(total / seconds).toFixed(0)} reads/s | ${seconds.toFixed(2)} s | |`);

        const env = { ...process.env, PULUMI_CONFIG: JSON.stringify(config) };
        const script = `require("@pulumi/pulumi");const t0=Date.now();const {huaweicloud}=require(${JSON.stringify(path.join(__dirname, "..", "dist", "sdk"))});` +
            `huaweicloud.kps.getKeypairTask({taskId:${JSON.stringify(FIXTURE.kpsTaskId)}}).then(()=>process.stdout.write(String(Date.now()-t0)));`;
        const cold: number[] = [];
        // Asynchronous: the emulator answers from this process.
        for (let i = 0; i < 7; i++) cold.push(Number((await promisify(execFile)(process.execPath, ["-e", script], { env })).stdout));
        cold.sort((a, b) => a - b);
        say(`| first read in a fresh process that has loaded @pulumi/pulumi (as every program and the provider host has): load this SDK, got and one read; 7 runs | median ${cold[3]} ms | min ${cold[0]} ms | max ${cold[6]} ms |`);
    } finally {
        await emu.close();
    }
    const out = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, [
        "# Benchmarks",
        "",
        "Written by `npm run bench` (scripts/bench.ts): reads against the emulator on 127.0.0.1 with token",
        "auth, one keep-alive agent per process. Machine-dependent; compare runs on the same machine.",
        "",
        `Last run: ${new Date().toISOString()}, Node ${process.version}, ${require("node:os").cpus().length} cores.`,
        "",
        "| what | | | |",
        "|---|---|---|---|",
        ...lines,
        "",
    ].join("\n"));
}

main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
