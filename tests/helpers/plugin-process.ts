import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import type { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as proto from "@pulumi/pulumi/proto/provider_pb";
import { nodeFreePath } from "./node-free-path";
import { pluginTarball } from "./plugin-stack";

/** The plugin's linux-amd64 tarball (the SEA binary), unpacked in a temp folder and started as the engine starts it; a client to it. */
export interface PluginProcess {
    readonly client: providerGrpc.ResourceProviderClient;
    readonly child: ChildProcess;
    /** What the plugin wrote to stderr so far. */
    stderr(): string;
    stop(): void;
}

/** The plugin's process, just spawned (it may not listen yet). */
export interface SpawnedPlugin {
    readonly child: ChildProcess;
    /** What the plugin wrote to stderr so far. */
    stderr(): string;
    /** Removes the unpacked plugin (the process is not signalled). */
    dispose(): void;
}

/**
 * Spawns the plugin's linux-amd64 SEA binary, unpacked in a temp folder, with `env` as its whole
 * environment (plus a PATH with no Node.js on it) and `args` as its arguments (the engine passes its address), as the
 * engine starts it; does not wait for it to listen.
 */
export function spawnPlugin(env: Record<string, string> = {}, args: readonly string[] = []): SpawnedPlugin {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-plugin-"));
    execFileSync("tar", ["-C", dir, "-xzf", pluginTarball()]);
    const child = spawn(path.join(dir, "pulumi-resource-cloudreads"), [...args], { env: { PATH: nodeFreePath(), ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString("utf8")));
    return { child, stderr: () => err, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the plugin ({@link spawnPlugin}) and connects a client once it prints its port. */
export async function startPlugin(env: Record<string, string> = {}, args: readonly string[] = []): Promise<PluginProcess> {
    const spawned = spawnPlugin(env, args);
    const { child } = spawned;
    const port = await new Promise<string>((resolve, reject) => {
        child.stdout!.once("data", (d: Buffer) => resolve(d.toString("utf8").trim()));
        child.once("exit", (code) => reject(new Error(`plugin exited ${code}: ${spawned.stderr()}`)));
    });
    const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        client,
        child,
        stderr: spawned.stderr,
        stop: () => {
            client.close();
            child.kill();
            spawned.dispose();
        },
    };
}

type Callback<Res> = (e: grpc.ServiceError | null, r: Res) => void;

/** A unary call as a promise. */
function call<Req, Res>(client: providerGrpc.ResourceProviderClient, method: (req: Req, cb: Callback<Res>) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => method.call(client, req, ((e, r) => (e ? reject(e) : resolve(r))) as Callback<Res>));
}

/** The calls the tests make, as promises. */
export function rpc(client: providerGrpc.ResourceProviderClient) {
    return {
        configure: (r: proto.ConfigureRequest) => call<proto.ConfigureRequest, proto.ConfigureResponse>(client, client.configure, r),
        getPluginInfo: (r: Empty) => call<Empty, pluginProto.PluginInfo>(client, client.getPluginInfo, r),
        checkConfig: (r: proto.CheckRequest) => call<proto.CheckRequest, proto.CheckResponse>(client, client.checkConfig, r),
        check: (r: proto.CheckRequest) => call<proto.CheckRequest, proto.CheckResponse>(client, client.check, r),
        create: (r: proto.CreateRequest) => call<proto.CreateRequest, proto.CreateResponse>(client, client.create, r),
        invoke: (r: proto.InvokeRequest) => call<proto.InvokeRequest, proto.InvokeResponse>(client, client.invoke, r),
        read: (r: proto.ReadRequest) => call<proto.ReadRequest, proto.ReadResponse>(client, client.read, r),
        cancel: (r: Empty) => call<Empty, Empty>(client, client.cancel, r),
        delete: (r: proto.DeleteRequest) => call<proto.DeleteRequest, Empty>(client, client.delete, r),
    };
}
