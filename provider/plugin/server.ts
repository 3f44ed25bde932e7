import * as fs from "node:fs";
import * as path from "node:path";
import { EngineLog } from "./engine-log";
import { watchEngine } from "./engine-watch";
import type { Shutdown } from "./shutdown";
import type { CloudReadsProvider } from "./methods";
import type { ProviderCalls } from "./calls";
import { PluginError } from "./plugin-error";
import { Status } from "./grpc/status";
import { UnaryServer, type UnaryHandler } from "./grpc/unary-server";
import { decodeAttach, decodeGetSchema, decodeHandshake, encodeHandshake, encodePluginInfo, encodeSchema } from "./wire/light-messages";

/**
 * `pulumi-resource-cloudreads`: a gRPC server of the engine's ResourceProvider service
 * (grpc/unary-server.ts, on Node's HTTP/2), each call from its request's bytes to its response's.
 * Not @pulumi/pulumi's provider server, which answers Configure without passing the variables on
 * and leaves CheckConfig unimplemented. Started by the engine with its address as the first
 * argument; prints its port on stdout. Until the first call that needs the provider, nothing but
 * this file, the server and the small messages is loaded: the engine starts one process per `up`
 * that only serves the schema.
 */
/** The schema served by GetSchema: beside the bundle in the plugin's tarball, else the repository's generated one. */
function schemaText(): string {
    for (const p of [path.join(__dirname, "schema.json"), path.join(__dirname, "..", "..", "schema", "schema.json"), path.join(__dirname, "..", "..", "..", "schema", "schema.json")]) {
        if (fs.existsSync(p)) return fs.readFileSync(p, "utf8");
    }
    throw new Error("cloudreads provider: schema.json not found beside the plugin (run `npm run generate`)");
}

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

/** A thrown error as the call's status: a PluginError is UNKNOWN, any other INTERNAL; its message, never a stack. */
function statusOf(e: unknown): { code: number; message: string } {
    const message = e instanceof PluginError || e instanceof Error ? e.message : String(e);
    return { code: e instanceof PluginError ? Status.UNKNOWN : Status.INTERNAL, message };
}

const EMPTY = Buffer.alloc(0);
const METHOD = "/pulumirpc.ResourceProvider/";

/**
 * The ResourceProvider methods served, by path. A method not here (Parameterize, Construct, Call,
 * StreamInvoke, List, and any the protocol adds) is answered UNIMPLEMENTED with what it is.
 *
 * @example
 * ```ts
 * const server = new UnaryServer(routes(lazy, log, () => schema, "0.1.0"), statusOf);
 * ```
 */
export function routes(lazy: LazyProvider, log: EngineLog, schema: () => string, version: string): Map<string, UnaryHandler> {
    let calls: ProviderCalls | undefined;
    // A require in a function: the bundle evaluates calls.ts (and the protocol's messages) only here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = (): ProviderCalls => (calls ??= (require("./calls") as typeof import("./calls")).providerCalls(() => lazy.get()));
    const call = (name: keyof ProviderCalls): UnaryHandler => (bytes) => loaded()[name](bytes);
    const notSupported = (what: string): UnaryHandler => () => {
        throw new PluginError(`cloudreads provider: ${what} is not supported (the provider has only custom resources and functions)`);
    };
    const table: Record<string, UnaryHandler> = {
        Handshake: (bytes) => {
            log.connect(decodeHandshake(bytes));
            return encodeHandshake();
        },
        GetPluginInfo: () => encodePluginInfo(version),
        GetSchema: (bytes) => {
            const subpackage = decodeGetSchema(bytes);
            if (subpackage) throw new PluginError(`cloudreads provider: no subpackage ${JSON.stringify(subpackage)}`);
            return encodeSchema(schema());
        },
        CheckConfig: call("CheckConfig"),
        DiffConfig: call("DiffConfig"),
        Configure: call("Configure"),
        // The calls made per resource: on bytes (wire/), not on google-protobuf's messages.
        Check: call("Check"),
        Diff: call("Diff"),
        Create: call("Create"),
        Read: call("Read"),
        Update: call("Update"),
        Invoke: call("Invoke"),
        // Read-only resources: deleting one only forgets it, and sends no request (DeleteRequest's bytes are not read).
        Delete: () => EMPTY,
        // Every read in flight fails with a CancelledError; no read starts after it (harmless before Configure or twice).
        Cancel: () => {
            lazy.cancel(CANCEL_REASON);
            return EMPTY;
        },
        Attach: (bytes) => {
            log.connect(decodeAttach(bytes));
            return EMPTY;
        },
        // GetMappingResponse{provider="", data=""} and GetMappingsResponse{providers=[]}: no mappings.
        GetMapping: () => EMPTY,
        GetMappings: () => EMPTY,
        Parameterize: notSupported("Parameterize"),
        Construct: notSupported("Construct"),
        Call: notSupported("Call"),
        StreamInvoke: notSupported("StreamInvoke"),
    };
    return new Map(Object.entries(table).map(([name, handler]) => [METHOD + name, handler]));
}

/** What a read cancelled by the engine's Cancel says. */
const CANCEL_REASON = "the engine cancelled the operation (Cancel), e.g. on Ctrl-C";

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
    const server = new UnaryServer(routes(provider, log, () => text, version), statusOf);
    // Reads in flight are abandoned (a read has nothing to roll back): each fails, and is answered, at once.
    stop.onStop((reason, done) => {
        provider.cancel(reason);
        server.close(() => {
            log.close();
            done();
        });
    });
    const port = await server.listen("127.0.0.1").catch((e: unknown) => {
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
