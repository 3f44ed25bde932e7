import type { Fault } from "../../emulator";
import { operations, OperationToken } from "../../provider/operations";

/**
 * The fault matrix: every fault kind the emulator can inject, against every read, with the
 * outcome the transport must produce (retried and recovered, or refused with a precise error).
 */

export type FaultService = (typeof operations)[OperationToken]["service"];

/** Every read, in the registry's order: the matrix runs each case against each of them. */
const READS = Object.keys(operations) as OperationToken[];

/** A read each emulated service serves (the first in the registry), for cases about the service rather than a read. */
export const READ_FOR: Readonly<Record<FaultService, OperationToken>> = Object.fromEntries(
    [...READS].reverse().map((token) => [operations[token].service, token]),
) as Record<FaultService, OperationToken>;

export const NAMESPACE: Readonly<Record<FaultService, string>> = { sms: "huaweicloud", roma: "huaweicloud", kms: "huaweicloud", astra: "astracontrol" };

/** What a fault case must end in. */
export type Expectation =
    | { readonly outcome: "success" }
    | {
          readonly outcome: "error";
          /** Error class name, e.g. `TransportError`. */
          readonly errorName: string;
          /** HTTP status the message must name, when a response arrived. */
          readonly status?: number;
          /** Vendor error code the message must name. */
          readonly vendorCode?: string;
          /** Whether the message must carry a request id, or (none arrived) mention none. */
          readonly requestId: "id" | "none";
          /** Further text the message must contain (setting names, causes). */
          readonly mentions?: readonly string[];
      };

/** Where a fault may point (the redirect target). */
export interface FaultContext {
    readonly otherHost: string;
}

/** One fault case. */
export interface FaultCase {
    readonly label: string;
    /** The fault kind, for grouping in reports. */
    readonly kind: string;
    readonly service: FaultService;
    /** The read to run (by default {@link READ_FOR} the service). */
    readonly token?: OperationToken;
    readonly fault: (ctx: FaultContext) => Fault;
    /** How many requests get the fault (Infinity for all). */
    readonly times: number;
    /** Settings on top of the test defaults, without namespace (`maxRetries`), applied to the read's namespace. */
    readonly settings?: Readonly<Record<string, string>>;
    /** Stack config entries outside the vendor namespaces (e.g. `cloudreads:retryBaseDelayMs`). */
    readonly config?: Readonly<Record<string, string>>;
    readonly expect: Expectation;
    /** Requests the emulator must see (attempts). */
    readonly attempts: number | { readonly min: number; readonly max: number };
    /** Generous upper bound proving the read did not hang. */
    readonly maxMs: number;
    /** Lower bound proving a wait was honoured (only where a server asked for one). */
    readonly minMs?: number;
}

/** Settings every fault case starts from: fast backoff, 1 s per attempt. */
export const FAST_SETTINGS: Readonly<Record<string, string>> = { requestTimeout: "1", maxRetries: "5", deadline: "20" };

const HUAWEI_CODES: Readonly<Record<Exclude<FaultService, "astra">, Readonly<Record<number, string>>>> = {
    sms: { 400: "SMS.9002", 401: "APIGW.0301", 403: "SMS.9004", 404: "SMS.1807", 409: "SMS.9009", 429: "APIGW.0308", 500: "SMS.2007", 502: "APIGW.0202", 503: "SMS.9999", 504: "APIGW.0203" },
    kms: { 400: "KPS.0001", 401: "APIGW.0301", 403: "KPS.0003", 404: "KPS.0002", 409: "KPS.0009", 429: "APIGW.0308", 500: "KPS.0005", 502: "APIGW.0202", 503: "KPS.0006", 504: "APIGW.0203" },
    roma: { 400: "SCB.00000000", 401: "APIGW.0301", 403: "ROMA.00110008", 404: "ROMA.00110006", 409: "ROMA.00110009", 429: "APIGW.0308", 500: "ROMA.00110002", 502: "APIGW.0202", 503: "ROMA.00110010", 504: "APIGW.0203" },
};
const ASTRA_PROBLEMS: Readonly<Record<number, number>> = { 400: 5, 401: 4, 403: 11, 404: 2, 409: 164, 429: 929, 500: 950, 502: 952, 503: 41, 504: 954 };

/** The vendor code the emulator sends with a status fault. */
export function vendorCodeFor(service: FaultService, status: number): string {
    return service === "astra" ? `problem ${ASTRA_PROBLEMS[status]}` : HUAWEI_CODES[service][status];
}

function errorClassFor(service: FaultService, status: number): string {
    if (status === 404 || (service === "roma" && status === 500)) return "NotFoundError";
    if (status === 401 || status === 403) return "AuthError";
    return "ApiError";
}

/** Whether a status is retried for that service (429/502/503/504, Astra 409 problem 164). */
export function isTransientStatus(service: FaultService, status: number): boolean {
    return [429, 502, 503, 504].includes(status) || (service === "astra" && status === 409);
}

const STATUSES = [400, 401, 403, 404, 409, 429, 500, 502, 503, 504] as const;

/** Cases that wait on purpose (a second or two each): a Retry-After, or a hang until the timeout. */
export function isSlow(c: FaultCase): boolean {
    return c.kind === "hang" || (c.kind.startsWith("retry-after") && c.expect.outcome === "success");
}

/** The full matrix. */
export function faultCases(): FaultCase[] {
    const cases: FaultCase[] = [];
    const recovered = (service: FaultService, kind: string, label: string, fault: FaultCase["fault"], extra: Partial<FaultCase> = {}): void => {
        cases.push({ label, kind, service, fault, times: 1, expect: { outcome: "success" }, attempts: 2, maxMs: 10_000, ...extra });
    };
    const refused = (service: FaultService, kind: string, label: string, fault: FaultCase["fault"], expect: Expectation, extra: Partial<FaultCase> = {}): void => {
        cases.push({ label, kind, service, fault, times: 1, expect, attempts: 1, maxMs: 10_000, ...extra });
    };
    for (const token of READS) {
        const service = operations[token].service;
        const first = cases.length;
        for (const status of STATUSES) {
            const fault = (): Fault => ({ kind: "status", status });
            if (isTransientStatus(service, status)) {
                recovered(service, `status ${status}`, `HTTP ${status} once, then the normal answer`, fault);
                cases.push({
                    label: `HTTP ${status} every time, maxRetries 2`,
                    kind: `status ${status}`,
                    service,
                    fault,
                    times: Infinity,
                    settings: { maxRetries: "2" },
                    expect: { outcome: "error", errorName: errorClassFor(service, status), status, vendorCode: vendorCodeFor(service, status), requestId: "id", mentions: ["after 3 attempts"] },
                    attempts: 3,
                    maxMs: 10_000,
                });
            } else {
                refused(service, `status ${status}`, `HTTP ${status} once: not retried`, fault, {
                    outcome: "error",
                    errorName: errorClassFor(service, status),
                    status,
                    vendorCode: vendorCodeFor(service, status),
                    requestId: "id",
                });
            }
        }
        recovered(service, "retry-after seconds", "429 with Retry-After: 1 (seconds) is waited out", () => ({ kind: "status", status: 429, retryAfter: "1" }), { minMs: 900 });
        recovered(service, "retry-after date", "429 with Retry-After as an HTTP date 2 s ahead is waited out", () => ({ kind: "status", status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() }), {
            minMs: 500,
        });
        recovered(service, "retry-after cap", "429 with Retry-After: 3600 waits only maxRetryDelay (1 s)", () => ({ kind: "status", status: 429, retryAfter: "3600" }), {
            settings: { maxRetryDelay: "1" },
            maxMs: 10_000,
        });
        refused(service, "retry-after cap", "429 with Retry-After beyond the deadline is not waited for", () => ({ kind: "status", status: 429, retryAfter: "3600" }), {
            outcome: "error",
            errorName: "ApiError",
            status: 429,
            vendorCode: vendorCodeFor(service, 429),
            requestId: "id",
        }, { settings: { deadline: "2" }, maxMs: 1500 });
        if (service === "astra") {
            refused(service, "status 409", "Astra 409 with a problem other than 164: not retried", () => ({ kind: "status", status: 409, problem: 41 }), {
                outcome: "error",
                errorName: "ApiError",
                status: 409,
                vendorCode: "problem 41",
                requestId: "id",
            });
        }
        recovered(service, "reset", "connection reset once", () => ({ kind: "reset" }));
        cases.push({
            label: "connection reset every time, maxRetries 2",
            kind: "reset",
            service,
            fault: () => ({ kind: "reset" }),
            times: Infinity,
            settings: { maxRetries: "2" },
            expect: { outcome: "error", errorName: "TransportError", requestId: "none", mentions: ["lost the connection", "ECONNRESET", `${NAMESPACE[service]}:maxRetries`] },
            attempts: 3,
            maxMs: 10_000,
        });
        recovered(service, "hang", "a hang once: the attempt times out after requestTimeout (1 s) and is retried", () => ({ kind: "hang" }));
        cases.push({
            label: "a hang every time, maxRetries 0: fails after the per-attempt timeout",
            kind: "hang",
            service,
            fault: () => ({ kind: "hang" }),
            times: Infinity,
            settings: { maxRetries: "0" },
            expect: { outcome: "error", errorName: "TransportError", requestId: "none", mentions: ["timed out", "1000 ms", `${NAMESPACE[service]}:requestTimeout`] },
            attempts: 1,
            maxMs: 5_000,
        });
        recovered(service, "partial body", "body stops halfway once", () => ({ kind: "partial-body" }));
        refused(service, "truncated JSON", "200 with truncated JSON: not retried, decode error", () => ({ kind: "truncated-json" }), {
            outcome: "error",
            errorName: "ResponseDecodeError",
            status: 200,
            requestId: service === "astra" ? "none" : "id",
            mentions: ["expected a JSON object"],
        });
        recovered(service, "HTML error page", "502 HTML error page once", () => ({ kind: "html" }));
        cases.push({
            label: "502 HTML error page every time, maxRetries 1",
            kind: "HTML error page",
            service,
            fault: () => ({ kind: "html" }),
            times: Infinity,
            settings: { maxRetries: "1" },
            expect: { outcome: "error", errorName: "ApiError", status: 502, requestId: service === "astra" ? "none" : "id", mentions: ["after 2 attempts"] },
            attempts: 2,
            maxMs: 10_000,
        });
        for (const [kind, f, mention] of [
            ["200 non-JSON", { kind: "non-json" }, "expected a JSON object"],
            ["200 wrong field types", { kind: "wrong-types" }, "expected"],
            ["200 missing fields", { kind: "missing-fields" }, "missing"],
        ] as const) {
            refused(service, kind, `${kind}: not retried, decode error naming fields`, () => f, {
                outcome: "error",
                errorName: "ResponseDecodeError",
                status: 200,
                requestId: service === "astra" ? "none" : "id",
                mentions: [mention],
            });
        }
        refused(service, "body over the size cap", "200 body of 5 MiB (cap 4 MiB): cut off", () => ({ kind: "oversize", bytes: 5 * 1024 * 1024 }), {
            outcome: "error",
            errorName: "TransportError",
            status: 200,
            requestId: service === "astra" ? "none" : "id",
            mentions: ["larger than 4194304 bytes", `${NAMESPACE[service]}:maxResponseBytes`],
        });
        refused(service, "body over the size cap", "200 body of 3000 bytes with maxResponseBytes 2048: cut off", () => ({ kind: "oversize", bytes: 3000 }), {
            outcome: "error",
            errorName: "TransportError",
            status: 200,
            requestId: service === "astra" ? "none" : "id",
            mentions: ["larger than 2048 bytes"],
        }, { settings: { maxResponseBytes: "2048" } });
        cases.push({ label: "200 body of exactly the cap (4 MiB) is accepted", kind: "body over the size cap", service, fault: () => ({ kind: "oversize", bytes: 4 * 1024 * 1024 }), times: 1, expect: { outcome: "success" }, attempts: 1, maxMs: 10_000 });
        cases.push({ label: "gzip-encoded answer is decoded", kind: "gzip", service, fault: () => ({ kind: "gzip" }), times: 1, expect: { outcome: "success" }, attempts: 1, maxMs: 10_000 });
        for (const status of [301, 302, 307, 308] as const) {
            refused(service, "redirect to another host", `${status} redirect to another host: refused, not followed`, (ctx) => ({ kind: "redirect", status, location: `${ctx.otherHost}/stolen` }), {
                outcome: "error",
                errorName: "TransportError",
                status,
                requestId: service === "astra" ? "none" : "id",
                mentions: ["redirect", "not followed"],
            });
        }
        for (let i = first; i < cases.length; i++) cases[i] = { ...cases[i]!, token };
    }
    cases.push({
        label: "a hang every time, maxRetries 20, deadline 2 s: the deadline ends it",
        kind: "hang",
        service: "kms",
        fault: () => ({ kind: "hang" }),
        times: Infinity,
        settings: { maxRetries: "20", deadline: "2" },
        expect: { outcome: "error", errorName: "TransportError", requestId: "none", mentions: ["deadline", "huaweicloud:deadline"] },
        attempts: { min: 2, max: 3 },
        maxMs: 6_000,
    });
    cases.push({
        label: "HTTP 503 every time, maxRetries 20, deadline 1 s, backoff 300 ms: the deadline ends it",
        kind: "status 503",
        service: "astra",
        fault: () => ({ kind: "status", status: 503 }),
        times: Infinity,
        settings: { maxRetries: "20", deadline: "1" },
        config: { "cloudreads:retryBaseDelayMs": "300" },
        expect: { outcome: "error", errorName: "ApiError", status: 503, vendorCode: "problem 41", requestId: "id" },
        attempts: { min: 2, max: 20 },
        maxMs: 5_000,
    });
    return cases;
}
