interface Waiter {
    readonly grant: (release: () => void) => void;
    timer?: NodeJS.Timeout;
}

/** Caps requests in flight per host; waiters are served first come, first served. */
export class HostLimiter {
    private readonly active = new Map<string, number>();
    private readonly waiting = new Map<string, Waiter[]>();

    /**
     * Resolves with a release function once a slot for `host` is free, or with undefined
     * when no slot came free within `maxWaitMs` (a waiter never outlives a read's deadline) or
     * `signal` was aborted first (a cancelled read gives up its place in the queue).
     */
    acquire(host: string, limit: number, maxWaitMs = Infinity, signal?: AbortSignal): Promise<(() => void) | undefined> {
        if (signal?.aborted) return Promise.resolve(undefined);
        const inFlight = this.active.get(host) ?? 0;
        if (inFlight < Math.max(1, limit)) {
            this.active.set(host, inFlight + 1);
            return Promise.resolve(this.releaser(host));
        }
        return new Promise((resolve) => {
            // Leaves the queue without a slot: the wait timed out or the read was cancelled.
            const leave = (): void => {
                if (waiter.timer) clearTimeout(waiter.timer);
                signal?.removeEventListener("abort", leave);
                const q = this.waiting.get(host);
                const at = q ? q.indexOf(waiter) : -1;
                if (q && at >= 0) q.splice(at, 1);
                resolve(undefined);
            };
            const waiter: Waiter = {
                grant: (release) => {
                    signal?.removeEventListener("abort", leave);
                    resolve(release);
                },
            };
            const queue = this.waiting.get(host) ?? [];
            queue.push(waiter);
            this.waiting.set(host, queue);
            if (Number.isFinite(maxWaitMs)) waiter.timer = setTimeout(leave, Math.max(0, maxWaitMs));
            signal?.addEventListener("abort", leave, { once: true });
        });
    }

    /** Requests in flight for `host`, for tests and reports. */
    inFlight(host: string): number {
        return this.active.get(host) ?? 0;
    }

    private releaser(host: string): () => void {
        let released = false;
        return () => {
            if (released) return;
            released = true;
            const next = this.waiting.get(host)?.shift();
            if (next) {
                // The slot passes straight to the next waiter; the count stays the same.
                if (next.timer) clearTimeout(next.timer);
                next.grant(this.releaser(host));
                return;
            }
            const left = (this.active.get(host) ?? 1) - 1;
            if (left > 0) this.active.set(host, left);
            else this.active.delete(host);
        };
    }
}
