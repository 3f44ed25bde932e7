/** Caps requests in flight per host; waiters are served first come, first served. */
export class HostLimiter {
    private readonly active = new Map<string, number>();
    private readonly waiting = new Map<string, (() => void)[]>();

    /** Resolves with a release function once a slot for `host` is free. */
    async acquire(host: string, limit: number): Promise<() => void> {
        const inFlight = this.active.get(host) ?? 0;
        if (inFlight >= Math.max(1, limit)) {
            await new Promise<void>((resolve) => {
                const queue = this.waiting.get(host) ?? [];
                queue.push(resolve);
                this.waiting.set(host, queue);
            });
        } else {
            this.active.set(host, inFlight + 1);
        }
        let released = false;
        return () => {
            if (released) return;
            released = true;
            const next = this.waiting.get(host)?.shift();
            if (next) next();
            else this.active.set(host, (this.active.get(host) ?? 1) - 1);
        };
    }

    /** Requests in flight for `host`, for tests and reports. */
    inFlight(host: string): number {
        return this.active.get(host) ?? 0;
    }
}
