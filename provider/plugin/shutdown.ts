/**
 * How the plugin process ends: on SIGINT (what the engine sends when it is done with a provider,
 * and Ctrl-C), SIGTERM, or an engine that is gone (engine-watch.ts). Whatever is in flight, the
 * process exits within {@link EXIT_WITHIN_MS}: the stop steps cancel every read (a read has nothing
 * to roll back, so it is abandoned) and close the gRPC server; the exit comes when the server has
 * sent its last answers, or at that limit. Imported first by main.ts, so a signal during start-up
 * (before the server listens) exits at once, with status 0 and nothing on stderr.
 */

/** The longest a stop waits for the server to finish its answers before the process exits. */
export const EXIT_WITHIN_MS = 500;

/** A step of a stop, told why; `done` says the step has finished (the server is closed). */
export type StopStep = (reason: string, done: () => void) => void;

/** The process's stop: signal handlers, the steps to run, and the exit. */
export class Shutdown {
    private readonly steps: StopStep[] = [];
    private stopping = false;

    /** Installs the SIGINT and SIGTERM handlers; `exit` ends the process (a test may pass its own). */
    constructor(private readonly exit: (code: number) => void = (code) => process.exit(code)) {
        process.on("SIGINT", () => this.stop("the provider was interrupted (SIGINT)"));
        process.on("SIGTERM", () => this.stop("the provider was told to stop (SIGTERM)"));
    }

    /** Runs `step` at the stop, in the order added. */
    onStop(step: StopStep): void {
        this.steps.push(step);
    }

    /** Whether a stop has begun (a later step, added while starting, should not start anything). */
    get stopped(): boolean {
        return this.stopping;
    }

    /**
     * Stops: runs every step, then exits 0 once all have said done, or after EXIT_WITHIN_MS. A
     * second stop (a second Ctrl-C) exits at once.
     */
    stop(reason: string): void {
        if (this.stopping) return this.exit(0);
        this.stopping = true;
        let pending = this.steps.length;
        if (pending === 0) return this.exit(0);
        setTimeout(() => this.exit(0), EXIT_WITHIN_MS);
        const done = (): void => {
            if (--pending === 0) this.exit(0);
        };
        for (const step of this.steps) {
            let finished = false;
            const finish = (): void => {
                if (finished) return;
                finished = true;
                done();
            };
            try {
                step(reason, finish);
            } catch {
                finish();
            }
        }
    }
}

/**
 * The plugin process's one Shutdown, created when main.ts starts, before anything else loads.
 *
 * @example
 * ```ts
 * shutdown.onStop((reason, done) => server.tryShutdown(done));
 * ```
 */
export const shutdown = new Shutdown();
