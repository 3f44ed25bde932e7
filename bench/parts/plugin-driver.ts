import { spawn, type ChildProcessByStdio } from "node:child_process";
import * as fs from "node:fs";
import type { Readable } from "node:stream";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type { Emulator } from "../../emulator";
import { pluginConfig } from "../../tests/helpers/plugin-stack";
import { FIXTURE } from "../../tests/helpers/stack";

/**
 * One provider binary driven over gRPC the way the engine drives it in a `pulumi up` of `n` KPS
 * KeypairTask reads: spawned with no arguments, Configure with the bench stack's config, then per
 * resource Check and Create, `concurrency` at a time. The engine is left out, so what is measured
 * is the provider alone: its CPU (user + system, /proc, 10 ms ticks) at the port, after Configure,
 * and per resource; its peak RSS (`VmHWM`).
 */

const TYPE = "cloudreads:huaweicloud/kps:KeypairTask";
const TICK_MS = 10;

/** What one drive of a provider measured. */
export interface Driven {
    readonly n: number;
    /** CPU when the port was printed, and after Configure (the first use of the reads). */
    readonly portCpuMs: number;
    readonly configuredCpuMs: number;
    /** CPU of the n Check + Create pairs, per resource. */
    readonly cpuMsPerResource: number;
    readonly wallMs: number;
    readonly peakRssMiB: number;
}

function cpuMs(pid: number): number {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

function peakRssMiB(pid: number): number {
    const kib = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Number(kib) / 1024 : 0;
}

function portOf(child: ChildProcessByStdio<null, Readable, null>): Promise<string> {
    return new Promise((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (d: Buffer) => {
            text += d.toString("utf8");
            const port = /^(\d+)$/m.exec(text)?.[1];
            if (port) resolve(port);
        });
        child.once("exit", (code) => reject(new Error(`the provider exited (${code}) before printing its port`)));
    });
}

/** A unary call's callback as a promise. */
const answer = <Res>(start: (callback: (e: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> =>
    new Promise((resolve, reject) => start((e, res) => (e ? reject(e) : resolve(res))));

/** The bench stack's config (tests/helpers/plugin-stack.ts) as the engine sends it: variables and args. */
function configureRequest(emu: Emulator): proto.ConfigureRequest {
    const { plain, secret, paths } = pluginConfig(emu);
    const endpoints = Object.fromEntries(Object.entries(paths).map(([k, v]) => [k.slice(k.indexOf(".") + 1), v]));
    const req = new proto.ConfigureRequest();
    const args: Record<string, string | Record<string, string>> = {};
    for (const [k, v] of Object.entries({ ...plain, ...secret })) {
        req.getVariablesMap().set(k, v);
        args[k.slice(k.indexOf(":") + 1)] = v;
    }
    req.getVariablesMap().set("cloudreads:huaweicloudEndpoints", JSON.stringify(endpoints));
    args.huaweicloudEndpoints = endpoints;
    req.setArgs(Struct.fromJavaScript(args));
    req.setAcceptsecrets(true);
    return req;
}

/**
 * Drives `binary` through `n` reads against `emu`.
 *
 * @example
 * ```ts
 * const d = await drive("/tmp/plugin/pulumi-resource-cloudreads", emu, 500, 32);
 * console.log(d.cpuMsPerResource, d.peakRssMiB);
 * ```
 */
export async function drive(binary: string, emu: Emulator, n: number, concurrency: number): Promise<Driven> {
    const child = spawn(binary, [], { stdio: ["ignore", "pipe", "ignore"] });
    const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${await portOf(child)}`, grpc.credentials.createInsecure());
    try {
        const pid = child.pid ?? 0;
        const portCpuMs = cpuMs(pid);
        await answer<proto.ConfigureResponse>((cb) => client.configure(configureRequest(emu), cb));
        const configuredCpuMs = cpuMs(pid);
        const t0 = performance.now();
        let next = 0;
        const one = async (i: number): Promise<void> => {
            const urn = `urn:pulumi:bench::bench::${TYPE}::t${i}`;
            const check = new proto.CheckRequest();
            check.setUrn(urn);
            check.setType(TYPE);
            check.setOlds(new Struct());
            check.setNews(Struct.fromJavaScript({ taskId: FIXTURE.kpsTaskId }));
            const checked = await answer<proto.CheckResponse>((cb) => client.check(check, cb));
            const failure = checked.getFailuresList()[0];
            if (failure) throw new Error(`Check failed: ${failure.getProperty()}: ${failure.getReason()}`);
            const create = new proto.CreateRequest();
            create.setUrn(urn);
            create.setType(TYPE);
            create.setProperties(checked.getInputs());
            await answer<proto.CreateResponse>((cb) => client.create(create, cb));
        };
        await Promise.all(Array.from({ length: concurrency }, async () => {
            while (next < n) await one(next++);
        }));
        const wallMs = performance.now() - t0;
        return { n, portCpuMs, configuredCpuMs, cpuMsPerResource: (cpuMs(pid) - configuredCpuMs) / n, wallMs, peakRssMiB: peakRssMiB(pid) };
    } finally {
        client.close();
        child.kill("SIGTERM");
    }
}
