import type { Emulator, Fault } from "../../emulator";
import { performRead } from "../../provider/runtime/execute";
import { httpStats } from "../../provider/core/http";
import { operations, OperationToken } from "../../provider/operations";
import type { FaultService } from "./reliability-faults";
import { VALID_ARGS } from "./reliability-inputs";
import { secretsIn } from "./reliability-secrets";
import { startCountingProxy } from "./reliability-servers";
import { emulatorStackConfig, sources } from "./stack";
import { seededRandom } from "./seeded-random";

/** A load run: many reads at once through a proxy that measures requests in flight. */
export interface LoadOptions {
    readonly reads: number;
    /** Reads started at once (callers in parallel). */
    readonly concurrency: number;
    /** Share of the emulator's requests to answer with a transient fault (0.2 = 20%). */
    readonly faultRate: number;
    /** `<ns>:maxConcurrency` for both vendors; every read goes to the same host. */
    readonly maxConcurrency: number;
    /** Seed of the fault schedule, so a run can be repeated. */
    readonly seed: number;
}

/** What a load run did. */
export interface LoadResult {
    readonly options: LoadOptions;
    readonly succeeded: number;
    readonly failed: number;
    /** The first few failure messages. */
    readonly failures: readonly string[];
    readonly ms: number;
    /** Most requests in flight at once, as the proxy in front of the emulator saw them. */
    readonly peakInFlight: number;
    /** Requests the emulator received. */
    readonly requests: number;
    /** Faults queued, and requests that were answered by one. */
    readonly faultsInjected: number;
    readonly faultedRequests: number;
    readonly faultsByKind: Readonly<Record<string, number>>;
    /** Retries the transport made (from `httpStats`). */
    readonly retries: number;
    readonly retriesByCause: Readonly<Record<string, number>>;
    readonly secretsFound: number;
}


/** Transient faults only: each must be retried and recovered from. */
function transientFaults(service: FaultService): [string, Fault][] {
    const faults: [string, Fault][] = [
        ["429 Retry-After: 0", { kind: "status", status: 429, retryAfter: "0" }],
        ["502", { kind: "status", status: 502 }],
        ["503", { kind: "status", status: 503 }],
        ["504", { kind: "status", status: 504 }],
        ["connection reset", { kind: "reset" }],
        ["body stops halfway", { kind: "partial-body" }],
        ["502 HTML page", { kind: "html" }],
    ];
    if (service === "astra") faults.push(["409 problem 164", { kind: "status", status: 409 }]);
    return faults;
}

/** Every read, taken in turn. */
const READS = Object.keys(operations) as OperationToken[];

/**
 * Runs `reads` reads, rotating over the four operations, `concurrency` at a time, through a
 * counting proxy in front of `emu`. The emulator has no probabilistic mode, so faults are
 * interleaved: before a read starts, with probability faultRate / (1 - faultRate), one transient
 * fault is queued for its service (each fault adds one request, its retry, so that share of
 * reads makes `faultRate` of all requests). The emulator serves queued faults first come,
 * first served, so they land on whichever requests to that service come next.
 */
export async function runLoad(emu: Emulator, options: LoadOptions): Promise<LoadResult> {
    emu.reset();
    const counter = await startCountingProxy(emu.url);
    const limit = String(options.maxConcurrency);
    const config = emulatorStackConfig(emu, {
        "huaweicloud:endpoints": JSON.stringify({ sms: `${counter.url}/sms`, roma: `${counter.url}/roma`, kms: `${counter.url}/kms`, iam: `${counter.url}/iam` }),
        "astracontrol:url": `${counter.url}/astra`,
        "huaweicloud:maxConcurrency": limit,
        "astracontrol:maxConcurrency": limit,
        "huaweicloud:maxRetries": "10",
        "astracontrol:maxRetries": "10",
        "huaweicloud:requestTimeout": "10",
        "astracontrol:requestTimeout": "10",
    });
    const settings = sources(config);
    const random = seededRandom(options.seed);
    const perRead = options.faultRate / (1 - options.faultRate);
    const retriesBefore = httpStats.retries;
    const causesBefore = { ...httpStats.retriesByCause };
    let next = 0;
    let succeeded = 0;
    let secretsFound = 0;
    let faultsInjected = 0;
    const faultsByKind: Record<string, number> = {};
    const failures: string[] = [];
    const started = Date.now();
    const worker = async (): Promise<void> => {
        while (next < options.reads) {
            const i = next++;
            const token = READS[i % READS.length]!;
            const service = operations[token].service;
            if (random() < perRead) {
                const choices = transientFaults(service);
                const [kind, fault] = choices[Math.floor(random() * choices.length)];
                emu.inject(service, fault, 1);
                faultsInjected++;
                faultsByKind[kind] = (faultsByKind[kind] ?? 0) + 1;
            }
            try {
                await performRead(operations[token], VALID_ARGS[token], settings);
                succeeded++;
            } catch (e) {
                secretsFound += secretsIn(e).length;
                if (failures.length < 5) failures.push(e instanceof Error ? e.message : String(e));
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: options.concurrency }, worker));
    } finally {
        await counter.close();
    }
    const ms = Date.now() - started;
    const retriesByCause: Record<string, number> = {};
    for (const [cause, n] of Object.entries(httpStats.retriesByCause)) {
        const delta = n - (causesBefore[cause] ?? 0);
        if (delta > 0) retriesByCause[cause] = delta;
    }
    return {
        options,
        succeeded,
        failed: options.reads - succeeded,
        failures,
        ms,
        peakInFlight: counter.peak,
        requests: emu.requests.length,
        faultsInjected,
        faultedRequests: emu.requests.filter((r) => r.outcome === "fault").length,
        faultsByKind,
        retries: httpStats.retries - retriesBefore,
        retriesByCause,
        secretsFound,
    };
}
