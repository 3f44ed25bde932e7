import * as path from "node:path";

/*
 * A failed read, printed once in Pulumi's dynamic-provider host. That host (@pulumi/pulumi's
 * cmd/dynamic-provider) prints every check, diff, read and delete failure to stderr as
 * `${e}: ${e.stack}` before it hands `e.message` to the engine, which shows it under the
 * resource: the message twice on one line, then the stack's frames (node_modules and this
 * package's), and then the engine's copy. tests/cli-error-once.test.ts proves that share is the
 * host's with a plain dynamic provider that throws. This package's share is one line: the error
 * leaves with a `toString` and a `stack` that make the host's line a pointer to the engine's copy,
 * and its real stack goes to the engine as a debug message, which `pulumi --debug` shows.
 */

/** What the host's line says instead of the message and the frames. */
export const POINTER = "the error is reported under the resource, in our words (its stack trace: pulumi --debug)";

/** How long a debug message may hold the failure back. */
const DEBUG_LOG_TIMEOUT_MS = 2000;

interface EngineLogClient {
    log(request: unknown, callback: (err: unknown) => void): void;
    close(): void;
}

/** The engine's address the host was started with (`index.js <engine>`), when it looks like one. */
function engineAddress(): string | undefined {
    const arg = process.argv[2];
    return arg !== undefined && /^[\w.-]+:\d{1,5}$/.test(arg) ? arg : undefined;
}

/**
 * Sends `message` to the engine at debug severity, which the CLI shows with `--debug` only. Best
 * effort: without an engine address, or when @pulumi/pulumi's gRPC modules cannot be loaded, nothing
 * is sent. The gRPC modules are @pulumi/pulumi's own (a peer dependency), loaded from beside it.
 */
async function debugToEngine(message: string): Promise<void> {
    const address = engineAddress();
    if (!address) return;
    let client: EngineLogClient | undefined;
    try {
        const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as { credentials: { createInsecure(): unknown } };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const engineGrpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineClient: new (address: string, credentials: unknown) => EngineLogClient };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const engineProto = require("@pulumi/pulumi/proto/engine_pb") as {
            LogRequest: new () => { setSeverity(s: number): void; setMessage(m: string): void };
            LogSeverity: { DEBUG: number };
        };
        const engine = new engineGrpc.EngineClient(address, grpc.credentials.createInsecure());
        client = engine;
        const req = new engineProto.LogRequest();
        req.setSeverity(engineProto.LogSeverity.DEBUG);
        req.setMessage(message);
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, DEBUG_LOG_TIMEOUT_MS);
            engine.log(req, () => {
                clearTimeout(timer);
                resolve();
            });
        });
    } catch {
        // No engine to tell: the message under the resource is the error.
    } finally {
        client?.close();
    }
}

/**
 * The error `e` of the read of `token`, ready for Pulumi's dynamic-provider host: its message is
 * untouched (the engine shows it under the resource), its stack goes to the engine as a debug
 * message, and the host's own line shows {@link POINTER} instead. Anything not an Error passes as is.
 *
 * @example
 * ```ts
 * try {
 *     await read();
 * } catch (e) {
 *     throw await shownOnce("huaweicloud.kps.KeypairTask", e);
 * }
 * ```
 */
export async function shownOnce(token: string, e: unknown): Promise<unknown> {
    if (!(e instanceof Error)) return e;
    const name = e.name;
    if (e.stack) await debugToEngine(`pulumi-cloudreads: ${token}: ${e.stack}`);
    Object.defineProperty(e, "stack", { value: POINTER, configurable: true, writable: true, enumerable: false });
    Object.defineProperty(e, "toString", { value: () => `${name} (${token})`, configurable: true, writable: true, enumerable: false });
    return e;
}

/**
 * Runs one method of a resource's dynamic provider: its failure leaves through {@link shownOnce}.
 *
 * @example
 * ```ts
 * const result = await printedOnce("huaweicloud.kps.KeypairTask", () => host.read(token, id, props));
 * ```
 */
export async function printedOnce<T>(token: string, call: () => Promise<T>): Promise<T> {
    try {
        return await call();
    } catch (e) {
        throw await shownOnce(token, e);
    }
}
