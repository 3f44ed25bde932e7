/**
 * Runs `work` under an overall deadline kept by a timer of this package's own: when it fires the
 * read fails with `onTimeout()`, whatever the work is waiting on (IAM look-ups, a connection slot,
 * a transport that never ends). `remaining()` tells the work how much of the budget is left.
 */
export async function withDeadline<T>(ms: number, onTimeout: () => Error, work: (remaining: () => number) => Promise<T>): Promise<T> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    try {
        return await Promise.race([work(() => Math.max(1, ms - (Date.now() - started))), expired]);
    } finally {
        clearTimeout(timer);
    }
}
