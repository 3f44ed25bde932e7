/**
 * Starts the real dynamic-provider host from the program's own `@pulumi/pulumi`
 * (`cmd/dynamic-provider/index.js <engineAddr>`) and talks to it over gRPC with
 * the SDK's generated client, as the engine does.
 *
 * @module
 */
import * as grpc from "@grpc/grpc-js";
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as structpb from "google-protobuf/google/protobuf/struct_pb";
import type * as emptypb from "google-protobuf/google/protobuf/empty_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type { WireMap } from "./property-values";

/*
 * google-protobuf is not a dependency of this package; load the copy the SDK's
 * generated messages use, so the classes are the ones they expect.
 */
const requireFromSdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const { Struct } = requireFromSdk("google-protobuf/google/protobuf/struct_pb") as typeof structpb;
const { Empty } = requireFromSdk("google-protobuf/google/protobuf/empty_pb") as typeof emptypb;
type Struct = structpb.Struct;
type Empty = emptypb.Empty;

/**
 * The engine address passed to the host. The host only checks that an address
 * is given; nothing listens here and the host never dials it.
 */
const ENGINE_ADDRESS = "127.0.0.1:1";

/** A failed gRPC call, carrying the host's message as the engine would show it. */
export class HostCallError extends Error {
    override readonly name = "HostCallError";
    constructor(
        readonly method: string,
        readonly code: number,
        readonly details: string,
    ) {
        super(`${method}: ${details}`);
    }
}

/** Result of Check. */
export interface CheckResult {
    inputs: WireMap;
    failures: { property: string; reason: string }[];
}

/** Result of Diff, in the engine's terms. */
export interface DiffResult {
    changes: "none" | "some" | "unknown";
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/** What every per-resource call names. */
export interface ResourceRef {
    urn: string;
    name: string;
    type: string;
}

/** Path of `cmd/dynamic-provider/index.js` in the `@pulumi/pulumi` that `programDir` resolves. */
export function resolveHostScript(programDir: string): string {
    const pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] });
    return path.join(path.dirname(pkg), "cmd", "dynamic-provider", "index.js");
}

function toStruct(m: WireMap): Struct {
    return Struct.fromJavaScript(m as Parameters<typeof Struct.fromJavaScript>[0]);
}

function fromStruct(s: Struct | undefined): WireMap {
    return (s?.toJavaScript() ?? {}) as WireMap;
}

/** A running provider host and a promise-based client for it. */
export class ProviderHost {
    private stdoutText = "";
    private stderrText = "";
    private readonly exited: Promise<void>;
    private client!: provrpc.ResourceProviderClient;
    /** Every gRPC method called, in order, with the URN it concerned. */
    readonly calls: { method: string; urn?: string }[] = [];

    private constructor(
        private readonly child: ChildProcess,
        private readonly callTimeoutMs: number,
    ) {
        this.exited = new Promise((resolve) => child.once("close", () => resolve()));
        child.stdout?.on("data", (d: Buffer) => (this.stdoutText += d.toString("utf8")));
        child.stderr?.on("data", (d: Buffer) => (this.stderrText += d.toString("utf8")));
    }

    /** Everything the host wrote to stdout (its first line is the port). */
    get stdout(): string {
        return this.stdoutText;
    }

    /** Everything the host wrote to stderr (where it prints provider errors). */
    get stderr(): string {
        return this.stderrText;
    }

    /**
     * Spawns the host with `cwd = programDir`, waits for the port it prints and
     * connects a client.
     */
    static async start(programDir: string, env: NodeJS.ProcessEnv, opts: { startTimeoutMs?: number; callTimeoutMs?: number } = {}): Promise<ProviderHost> {
        const child = spawn(process.execPath, [resolveHostScript(programDir), ENGINE_ADDRESS], {
            cwd: programDir,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const host = new ProviderHost(child, opts.callTimeoutMs ?? 30_000);
        const port = await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => fail(new Error("provider host did not print its port in time")), opts.startTimeoutMs ?? 20_000);
            const fail = (e: Error) => {
                clearTimeout(timer);
                reject(new Error(`${e.message}\n${host.stderrText}`.trim()));
            };
            const onData = () => {
                const m = /^(\d+)\r?\n/.exec(host.stdoutText);
                if (m) {
                    clearTimeout(timer);
                    child.stdout?.off("data", onData);
                    resolve(Number(m[1]));
                }
            };
            child.stdout?.on("data", onData);
            child.once("error", fail);
            child.once("exit", (code) => fail(new Error(`provider host exited with code ${code} before printing its port`)));
        });
        host.client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return host;
    }

    private unary<Req, Res>(method: string, urn: string | undefined, req: Req): Promise<Res> {
        this.calls.push(urn === undefined ? { method } : { method, urn });
        const fn = (this.client as unknown as Record<string, Function>)[method.charAt(0).toLowerCase() + method.slice(1)];
        return new Promise<Res>((resolve, reject) => {
            fn.call(
                this.client,
                req,
                new grpc.Metadata(),
                { deadline: Date.now() + this.callTimeoutMs },
                (err: grpc.ServiceError | null, res: Res) => {
                    if (err) {
                        reject(new HostCallError(method, err.code, err.details || err.message));
                    } else {
                        resolve(res);
                    }
                },
            );
        });
    }

    /** GetPluginInfo: the SDK version the host reports. */
    async getPluginInfo(): Promise<string> {
        const res = await this.unary<Empty, { getVersion(): string }>("GetPluginInfo", undefined, new Empty());
        return res.getVersion();
    }

    /**
     * Configure with the stack config as the engine sends it to the default
     * dynamic provider: every key, namespaced (`"ns:key"`), secret ones wrapped
     * as secrets.
     */
    async configure(args: WireMap): Promise<{ acceptSecrets: boolean; acceptResources: boolean }> {
        const req = new provproto.ConfigureRequest();
        req.setArgs(toStruct(args));
        req.setAcceptsecrets(true);
        req.setAcceptresources(true);
        req.setSendsOldInputs(true);
        req.setSendsOldInputsToDelete(true);
        const res = await this.unary<provproto.ConfigureRequest, provproto.ConfigureResponse>("Configure", undefined, req);
        return { acceptSecrets: res.getAcceptsecrets(), acceptResources: res.getAcceptresources() };
    }

    async check(ref: ResourceRef, olds: WireMap, news: WireMap, randomSeed: Uint8Array): Promise<CheckResult> {
        const req = new provproto.CheckRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type);
        req.setOlds(toStruct(olds));
        req.setNews(toStruct(news));
        req.setRandomseed(randomSeed);
        const res = await this.unary<provproto.CheckRequest, provproto.CheckResponse>("Check", ref.urn, req);
        return {
            inputs: fromStruct(res.getInputs()),
            failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(ref: ResourceRef, id: string, oldOutputs: WireMap, news: WireMap, oldInputs: WireMap, ignoreChanges: string[]): Promise<DiffResult> {
        const req = new provproto.DiffRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type).setId(id);
        req.setOlds(toStruct(oldOutputs));
        req.setNews(toStruct(news));
        req.setOldInputs(toStruct(oldInputs));
        req.setIgnorechangesList(ignoreChanges);
        const res = await this.unary<provproto.DiffRequest, provproto.DiffResponse>("Diff", ref.urn, req);
        const kinds = provproto.DiffResponse.DiffChanges;
        const changes = res.getChanges() === kinds.DIFF_NONE ? "none" : res.getChanges() === kinds.DIFF_SOME ? "some" : "unknown";
        return { changes, replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
    }

    async create(ref: ResourceRef, properties: WireMap, preview: boolean): Promise<{ id: string; properties: WireMap }> {
        const req = new provproto.CreateRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type);
        req.setProperties(toStruct(properties));
        req.setPreview(preview);
        const res = await this.unary<provproto.CreateRequest, provproto.CreateResponse>("Create", ref.urn, req);
        return { id: res.getId(), properties: fromStruct(res.getProperties()) };
    }

    async read(ref: ResourceRef, id: string, properties: WireMap, inputs: WireMap | undefined): Promise<{ id: string; properties: WireMap; inputs?: WireMap }> {
        const req = new provproto.ReadRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type).setId(id);
        req.setProperties(toStruct(properties));
        if (inputs) {
            req.setInputs(toStruct(inputs));
        }
        const res = await this.unary<provproto.ReadRequest, provproto.ReadResponse>("Read", ref.urn, req);
        const out: { id: string; properties: WireMap; inputs?: WireMap } = { id: res.getId(), properties: fromStruct(res.getProperties()) };
        if (res.hasInputs()) {
            out.inputs = fromStruct(res.getInputs());
        }
        return out;
    }

    async update(ref: ResourceRef, id: string, oldOutputs: WireMap, news: WireMap, oldInputs: WireMap, ignoreChanges: string[], preview: boolean): Promise<WireMap> {
        const req = new provproto.UpdateRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type).setId(id);
        req.setOlds(toStruct(oldOutputs));
        req.setNews(toStruct(news));
        req.setOldInputs(toStruct(oldInputs));
        req.setIgnorechangesList(ignoreChanges);
        req.setPreview(preview);
        const res = await this.unary<provproto.UpdateRequest, provproto.UpdateResponse>("Update", ref.urn, req);
        return fromStruct(res.getProperties());
    }

    async delete(ref: ResourceRef, id: string, oldOutputs: WireMap, oldInputs: WireMap): Promise<void> {
        const req = new provproto.DeleteRequest();
        req.setUrn(ref.urn).setName(ref.name).setType(ref.type).setId(id);
        req.setProperties(toStruct(oldOutputs));
        req.setOldInputs(toStruct(oldInputs));
        await this.unary<provproto.DeleteRequest, Empty>("Delete", ref.urn, req);
    }

    /** Closes the client and terminates the host, then waits for its output to drain. */
    async stop(): Promise<void> {
        this.client?.close();
        if (this.child.exitCode === null && this.child.signalCode === null) {
            this.child.kill("SIGTERM");
        }
        await this.exited;
    }
}
