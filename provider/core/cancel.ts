import { CloudReadsError } from "./errors";

/**
 * Cancellation of reads: an `AbortSignal` travels with a read (in its setting sources) down to
 * every wait and every attempt of the transport. Once it is aborted, whatever the read waits on
 * (a response, a retry's backoff, a connection slot, the next poll of `waitFor`) ends at once with
 * a {@link CancelledError}, and nothing is sent or retried after that. The provider plugin aborts
 * its signal on the engine's Cancel, on SIGINT/SIGTERM and when its engine is gone.
 */

/** Why `signal` was aborted, as words for a message (its reason when that is a string). */
export function cancelReason(signal: AbortSignal): string {
    return typeof signal.reason === "string" && signal.reason !== "" ? signal.reason : "the read was cancelled";
}

/**
 * Throws a CancelledError for `subject` when `signal` is aborted.
 *
 * @example
 * ```ts
 * throwIfCancelled(sources.signal, "huaweicloud.kps.getKeypairTask"); // before any request
 * ```
 */
export function throwIfCancelled(signal: AbortSignal | undefined, subject: string): void {
    if (signal?.aborted) throw new CancelledError(subject, cancelReason(signal));
}

/**
 * `work`, or a CancelledError for `subject` as soon as `signal` is aborted, whichever comes
 * first. The listener is removed when `work` settles, so a long-lived signal holds nothing.
 *
 * @example
 * ```ts
 * const body = await untilCancelled(signal, subject, performRead(op, args, sources));
 * ```
 */
export function untilCancelled<T>(signal: AbortSignal | undefined, subject: string, work: Promise<T>): Promise<T> {
    if (!signal) return work;
    if (signal.aborted) {
        work.catch(() => undefined);
        return Promise.reject(new CancelledError(subject, cancelReason(signal)));
    }
    return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(new CancelledError(subject, cancelReason(signal)));
        signal.addEventListener("abort", onAbort, { once: true });
        work.then(
            (v) => {
                signal.removeEventListener("abort", onAbort);
                resolve(v);
            },
            (e: unknown) => {
                signal.removeEventListener("abort", onAbort);
                reject(e);
            },
        );
    });
}

/**
 * Waits `ms`, or rejects with a CancelledError for `subject` once `signal` is aborted (the timer
 * is cleared then, so nothing outlives the wait).
 *
 * @example
 * ```ts
 * await sleepUnlessCancelled(250, signal, "Huawei Cloud KPS ListKeypairTask");
 * ```
 */
export function sleepUnlessCancelled(ms: number, signal: AbortSignal | undefined, subject: string): Promise<void> {
    if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
    if (signal.aborted) return Promise.reject(new CancelledError(subject, cancelReason(signal)));
    return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(new CancelledError(subject, cancelReason(signal)));
        };
        const timer = setTimeout(() => {
            signal.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal.addEventListener("abort", onAbort, { once: true });
    });
}

/**
 * The read was abandoned because its process was told to stop: the engine's `Cancel` (Ctrl-C in
 * `pulumi up`), SIGINT/SIGTERM, or an engine that is gone. Never retried; nothing is sent after it.
 * Raised by the provider plugin only (the dynamic form's host never cancels a read).
 *
 * @example
 * ```ts
 * const e = new CancelledError("huaweicloud.kps.getKeypairTask", "the engine cancelled the deployment (Cancel)");
 * e.code; // "ERR_CANCELLED"
 * ```
 */
export class CancelledError extends CloudReadsError {
    constructor(subject: string, reason: string) {
        super(`${subject}: cancelled: ${reason}; the read was abandoned and not retried`, "ERR_CANCELLED");
        this.name = "CancelledError";
    }
}
