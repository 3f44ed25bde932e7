import { GrpcError, Status } from "./grpc/status";
import { UnaryClient } from "./grpc/unary-client";

/**
 * Watches the engine that started the plugin (the address it passes as the plugin's argument), as
 * Pulumi's Go provider SDK does (`rpcutil.Healthcheck`, called from `provider.Main`): a gRPC health
 * check (`grpc.health.v1.Health/Check`) of the engine's address, answered by the engine's own
 * server. Ours checks every {@link CHECK_EVERY_MS} instead of every 5 minutes, so that the plugin
 * exits within 10 s of its engine. A check costs one empty call on a connection kept open.
 * UNIMPLEMENTED counts as alive (as in the Go SDK). The engine is gone when, after it answered
 * once, two checks in a row find nothing listening (UNAVAILABLE), or no check has been answered for
 * {@link SILENT_FOR_MS} (a process that accepts and hangs). An address that never answered is not
 * taken for a dead engine: a driver may pass an address of its own that serves nothing.
 */

/** Time between the end of one check and the start of the next. */
export const CHECK_EVERY_MS = 1500;
/** How long one check may take. */
export const CHECK_DEADLINE_MS = 2000;
/** How long without an answer means the engine is gone, whatever the checks' errors. */
export const SILENT_FOR_MS = 6000;

const HEALTH_CHECK = "/grpc.health.v1.Health/Check";
// The request `HealthCheckRequest { service: "" }` is empty on the wire; the answer is not read.
const EMPTY = Buffer.alloc(0);

/** A running watch. */
export interface EngineWatch {
    stop(): void;
}

/**
 * Starts watching `address`; `gone` is called once, when the engine stops answering.
 *
 * @example
 * ```ts
 * const watch = watchEngine("127.0.0.1:41237", () => shutdown.stop("the engine is gone"));
 * ```
 */
export function watchEngine(address: string, gone: () => void): EngineWatch {
    const client = new UnaryClient(address);
    let answered = false;
    let lastAnswer = Date.now();
    let unavailable = 0;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const stop = (): void => {
        stopped = true;
        if (timer) clearTimeout(timer);
        client.close();
    };
    const next = (ms: number): void => {
        if (stopped) return;
        timer = setTimeout(check, ms);
        // The watch alone never keeps the process alive.
        timer.unref();
    };
    const check = (): void => {
        const onAnswer = (code: number): void => {
            if (stopped) return;
            const now = Date.now();
            if (code === Status.OK || code === Status.UNIMPLEMENTED) {
                answered = true;
                lastAnswer = now;
                unavailable = 0;
            } else {
                unavailable = code === Status.UNAVAILABLE ? unavailable + 1 : 0;
                if (answered && (unavailable >= 2 || now - lastAnswer >= SILENT_FOR_MS)) {
                    stop();
                    gone();
                    return;
                }
            }
            next(CHECK_EVERY_MS);
        };
        client.call(HEALTH_CHECK, EMPTY, CHECK_DEADLINE_MS).then(
            () => onAnswer(Status.OK),
            (e: unknown) => onAnswer(e instanceof GrpcError ? e.code : Status.UNKNOWN),
        );
    };
    next(0);
    return { stop };
}
