import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { EngineLog } from "./engine-log";
import { watchEngine } from "./engine-watch";
import type { Shutdown } from "./shutdown";
import type { CloudReadsProvider } from "./methods";
import { PluginError } from "./plugin-error";
import { unwrap, wrap } from "./properties";
import { decodeCheck, decodeCreate, decodeDiff, decodeInvoke, decodeRead, decodeUpdate } from "./wire/requests";
import { encodeCheck, encodeCreate, encodeDiff, encodeInvoke, encodeRead, encodeUpdate } from "./wire/responses";
import { byteServiceDefinition } from "./wire/service-definition";

/**
 * `pulumi-resource-cloudreads`: a gRPC server of the engine's ResourceProvider service, on the
 * protocol's own messages (`@pulumi/pulumi/proto`). Not @pulumi/pulumi's provider server, which
 * answers Configure without passing the variables on and leaves CheckConfig unimplemented.
 * Started by the engine with its address as the first argument; prints its port on stdout.
 */

/** The schema served by GetSchema: beside the bundle in the plugin's tarball, else the repository's generated one. */
function schemaText(): string {
    for (const p of [path.join(__dirname, "schema.json"), path.join(__dirname, "..", "..", "schema", "schema.json"), path.join(__dirname, "..", "..", "..", "schema", "schema.json")]) {
        if (fs.existsSync(p)) return fs.readFileSync(p, "utf8");
    }
    throw new Error("cloudreads provider: schema.json not found beside the plugin (run `npm run generate`)");
}

type Handler<Req, Res> = (req: Req) => Promise<Res> | Res;

/** A unary handler: a thrown error becomes the call's error (its message, never a stack). */
function unary<Req, Res>(fn: Handler<Req, Res>): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
        Promise.resolve()
            .then(() => fn(call.request))
            .then(
                (res) => callback(null, res),
                (e: unknown) => {
                    const message = e instanceof PluginError || e instanceof Error ? e.message : String(e);
                    callback({ code: e instanceof PluginError ? grpc.status.UNKNOWN : grpc.status.INTERNAL, details: message, name: "Error", message, metadata: new grpc.Metadata() });
                },
            );
    };
}

const failure = (property: string, reason: string): proto.CheckFailure => {
    const f = new proto.CheckFailure();
    f.setProperty(property);
    f.setReason(reason);
    return f;
};

/**
 * The provider, loaded at its first use: the reads (runtime, vendors, codecs) are not on the
 * start-up path, which ends when the port is printed. A Cancel before that first use is kept and
 * given to the provider when it is made, so no read starts after it.
 *
 * @example
 * ```ts
 * const lazy = new LazyProvider(new EngineLog());
 * lazy.get().configure(new Map(), undefined); // loads the reads here, not at start-up
 * ```
 */
export class LazyProvider {
    private made: CloudReadsProvider | undefined;
    private cancelled: string | undefined;

    constructor(private readonly log: EngineLog) {}

    /** The provider, made on the first call. */
    get(): CloudReadsProvider {
        if (!this.made) {
            // A require in a function: the bundle evaluates methods.ts and all it imports only here.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const methods: typeof import("./methods") = require("./methods");
            this.made = new methods.CloudReadsProvider(this.log);
            if (this.cancelled !== undefined) this.made.cancel(this.cancelled);
        }
        return this.made;
    }

    /** Cancels every read in flight and every later one, whether or not the provider was made yet. */
    cancel(reason: string): void {
        this.cancelled ??= reason;
        this.made?.cancel(reason);
    }
}

/** The service implementation, for `server.addService` with `byteServiceDefinition()` (its hot-path methods on bytes). */
export function service(lazy: LazyProvider, log: EngineLog, schema: () => string, version: string): grpc.UntypedServiceImplementation {
    const provider = (): CloudReadsProvider => lazy.get();
    const notImplemented = (what: string) =>
        unary<unknown, never>(() => {
            throw new PluginError(`cloudreads provider: ${what} is not supported (the provider has only custom resources and functions)`);
        });
    return {
        handshake: unary((req: proto.ProviderHandshakeRequest) => {
            log.connect(req.getEngineAddress());
            const res = new proto.ProviderHandshakeResponse();
            res.setAcceptSecrets(true);
            res.setAcceptResources(false);
            res.setAcceptOutputs(false);
            return res;
        }),
        getPluginInfo: unary(() => {
            const info = new pluginProto.PluginInfo();
            info.setVersion(version);
            return info;
        }),
        getSchema: unary((req: proto.GetSchemaRequest) => {
            if (req.getSubpackageName()) throw new PluginError(`cloudreads provider: no subpackage ${JSON.stringify(req.getSubpackageName())}`);
            const res = new proto.GetSchemaResponse();
            res.setSchema(schema());
            return res;
        }),
        checkConfig: unary((req: proto.CheckRequest) => {
            const r = provider().checkConfig(unwrap(req.getNews()), req.getUrn());
            const res = new proto.CheckResponse();
            res.setInputs(wrap(r.inputs.values, r.inputs.secret));
            res.setFailuresList(r.failures.map((f) => failure(f.property, f.reason)));
            return res;
        }),
        diffConfig: unary((req: proto.DiffRequest) => {
            const r = provider().diffConfig(unwrap(req.getOldInputs() ?? req.getOlds()), unwrap(req.getNews()));
            const res = new proto.DiffResponse();
            res.setChanges(r.changed.length ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE);
            res.setDiffsList(r.changed);
            return res;
        }),
        configure: unary((req: proto.ConfigureRequest) => {
            const variables = new Map<string, string>(req.getVariablesMap().toArray() as [string, string][]);
            provider().configure(variables, req.hasArgs() ? unwrap(req.getArgs()) : undefined);
            const res = new proto.ConfigureResponse();
            res.setAcceptsecrets(true);
            res.setAcceptresources(false);
            res.setAcceptoutputs(false);
            res.setSupportspreview(true);
            return res;
        }),
        // The calls made per resource: on bytes (wire/), not on google-protobuf's messages.
        check: unary(async (bytes: Buffer) => {
            const req = decodeCheck(bytes);
            const r = await provider().check(req.type || typeOf(req.urn), req.olds, req.news);
            return encodeCheck(r.inputs, r.failures);
        }),
        diff: unary(async (bytes: Buffer) => {
            const req = decodeDiff(bytes);
            const r = await provider().diff(req.type || typeOf(req.urn), req.id, req.olds, req.news);
            return encodeDiff(r.changes, r.replaces, r.changes ? r.diffs : []);
        }),
        create: unary(async (bytes: Buffer) => {
            const req = decodeCreate(bytes);
            const r = await provider().create(req.type || typeOf(req.urn), req.urn, req.properties, req.preview);
            return encodeCreate(r.id, r.outs);
        }),
        read: unary(async (bytes: Buffer) => {
            const req = decodeRead(bytes);
            const r = await provider().read(req.type || typeOf(req.urn), req.urn, req.id, req.properties, req.inputs);
            return encodeRead(r.id, r.outs, r.inputs);
        }),
        update: unary(async (bytes: Buffer) => {
            const req = decodeUpdate(bytes);
            return encodeUpdate(await provider().update(req.type || typeOf(req.urn), req.urn, req.id, req.olds, req.news, req.preview));
        }),
        // Read-only resources: deleting one only forgets it, and sends no request.
        delete: unary(() => new Empty()),
        invoke: unary(async (bytes: Buffer) => {
            const req = decodeInvoke(bytes);
            return encodeInvoke(await provider().invoke(req.tok, req.args));
        }),
        // Every read in flight fails with a CancelledError; no read starts after it (harmless before Configure or twice).
        cancel: unary(() => {
            lazy.cancel(CANCEL_REASON);
            return new Empty();
        }),
        attach: unary((req: pluginProto.PluginAttach) => {
            log.connect(req.getAddress());
            return new Empty();
        }),
        getMapping: unary(() => new proto.GetMappingResponse()),
        getMappings: unary(() => new proto.GetMappingsResponse()),
        parameterize: notImplemented("Parameterize"),
        construct: notImplemented("Construct"),
        call: notImplemented("Call"),
        streamInvoke: (call: grpc.ServerWritableStream<proto.InvokeRequest, proto.InvokeResponse>) => call.destroy(new Error("cloudreads provider: StreamInvoke is not supported")),
    };
}

/** What a read cancelled by the engine's Cancel says. */
const CANCEL_REASON = "the engine cancelled the operation (Cancel), e.g. on Ctrl-C";

/** `urn:pulumi:stack::project::type::name` -> `type` (the last type of a parent chain). */
function typeOf(urn: string): string {
    const parts = urn.split("::");
    const types = parts[2] ?? "";
    return types.split("$").pop() ?? "";
}

/**
 * Starts the server on a free loopback port and prints the port (what the engine reads). `stop`
 * (shutdown.ts) ends the process on a signal; the engine whose address is the last argument is
 * watched, and its going away stops the process too (engine-watch.ts).
 *
 * @example
 * ```ts
 * await main(["127.0.0.1:50051"], shutdown); // prints e.g. "41237"
 * ```
 */
export async function main(argv: readonly string[], stop: Shutdown): Promise<void> {
    const engine = [...argv].reverse().find((a) => !a.startsWith("-"));
    const log = new EngineLog();
    log.connect(engine);
    const text = schemaText();
    const version = (JSON.parse(text) as { version: string }).version;
    const provider = new LazyProvider(log);
    // No channelz: its bookkeeping ran on every call (about 5% of the plugin's CPU in an up), for a debug service nothing serves.
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.enable_channelz": 0 });
    server.addService(byteServiceDefinition(), service(provider, log, () => text, version));
    // Reads in flight are abandoned (a read has nothing to roll back): each fails, and is answered, at once.
    stop.onStop((reason, done) => {
        provider.cancel(reason);
        server.tryShutdown(() => {
            log.close();
            done();
        });
    });
    const bound = new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    const port = await bound.catch((e: unknown) => {
        if (stop.stopped) return undefined;
        throw e;
    });
    // A signal while binding: the stop has begun, nothing more starts (and nothing is printed).
    if (port === undefined || stop.stopped) return;
    process.stdout.write(`${port}\n`);
    if (engine) {
        const watch = watchEngine(engine, () => stop.stop(`the engine at ${engine} is gone (it no longer answers its health check)`));
        stop.onStop((_reason, done) => {
            watch.stop();
            done();
        });
    }
}
