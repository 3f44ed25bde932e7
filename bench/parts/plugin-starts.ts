/**
 * Start-up of a provider process, as the engine starts it (`<binary> <engine address>`, stdout
 * piped): the milliseconds from spawning it until it printed its port, and until it answered its
 * first call (GetPluginInfo) on that port. Used by bench/cli-plugin.ts; machine-dependent.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

/** One start of a provider process. */
export interface Start {
    /** Spawn to the port's line on stdout. */
    portMs: number;
    /** CPU (user + system) the process had used when its port's line arrived (Linux; NaN elsewhere): less swayed by the machine's load than the wall time. */
    cpuMs: number;
    /** Spawn to the answer to GetPluginInfo. */
    answerMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU of a live process from /proc, in ms (NaN where there is no /proc). */
function cpuOf(pid: number | undefined): number {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
        return NaN;
    }
}

/** Starts `command args` in `cwd` with `env`, and measures its start-up; the process is killed after. */
export async function startUp(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Start> {
    const t0 = process.hrtime.bigint();
    const since = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "ignore"] });
    try {
        const { port, portMs, cpuMs } = await new Promise<{ port: string; portMs: number; cpuMs: number }>((resolve, reject) => {
            let out = "";
            child.stdout.on("data", (d: Buffer) => {
                out += d.toString("utf8");
                if (out.includes("\n")) resolve({ port: out.split("\n")[0]!.trim(), portMs: since(), cpuMs: cpuOf(child.pid) });
            });
            child.once("error", reject);
            child.once("exit", (c) => reject(new Error(`${command} exited ${c} before printing its port`)));
        });
        const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        await new Promise<void>((resolve, reject) => client.getPluginInfo(new Empty(), (e) => (e ? reject(e) : resolve())));
        const answerMs = since();
        client.close();
        return { portMs, cpuMs, answerMs };
    } finally {
        child.kill();
    }
}
