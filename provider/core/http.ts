import * as http from "node:http";
import * as https from "node:https";
import { ApiErrorDetails, TransportError } from "./errors";
import { backoffDelay, retryAfterDelay } from "./backoff";
import { HostLimiter } from "./host-limiter";
import { proxyAgentFor } from "./proxy";

/** Limits and retry behaviour of one read; every field is a setting (see README). */
export interface HttpPolicy {
    /** Per-attempt timeout, covering connect, headers and body. */
    readonly timeoutMs: number;
    /** Retries after the first attempt, only for transient failures. */
    readonly maxRetries: number;
    /** Overall budget across all attempts and waits. */
    readonly deadlineMs: number;
    /** First backoff step; later steps double, with full jitter. */
    readonly retryBaseDelayMs: number;
    /** Longest wait honoured from a `Retry-After` header or a backoff step. */
    readonly retryDelayCapMs: number;
    /** Bodies larger than this are cut off with an error. */
    readonly maxResponseBytes: number;
    /** Requests in flight per host from this process. */
    readonly maxConcurrency: number;
}

/** TLS settings of one vendor; they apply only to this package's requests. */
export interface TlsSettings {
    /** Extra trusted CA certificates (PEM). */
    readonly ca?: string;
    /** Skip certificate verification (explicit opt-in; warned about once). */
    readonly insecure?: boolean;
}

/** One GET, described for the transport. */
export interface HttpCall {
    /** Names service, operation and target for error messages. */
    readonly describe: Pick<ApiErrorDetails, "service" | "operation" | "target">;
    /** Stack config namespace whose settings tune this call, for hints in messages. */
    readonly namespace: string;
    readonly url: string;
    /** Headers for an attempt; called again per attempt so signatures carry a fresh date. */
    readonly headers: () => Record<string, string>;
    readonly policy: HttpPolicy;
    readonly tls?: TlsSettings;
    /** Whether a (non-2xx) response may be retried; vendors add their own transient codes. */
    readonly isTransient: (status: number, body: string) => boolean;
}

/** A response with its body as text. */
export interface HttpResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly body: string;
    readonly attempts: number;
}

/** Counters for the reliability report; process-wide. */
export const httpStats = { attempts: 0, retries: 0 };

/** Status codes that are transient for every API here. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ERR_STREAM_PREMATURE_CLOSE"]);

// One keep-alive agent per process and scheme: sockets are reused across reads.
const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
};
const limiter = new HostLimiter();
let gotModule: Promise<typeof import("got", { with: { "resolution-mode": "import" } })> | undefined;
const warnedInsecure = new Set<string>();

class BodyTooLarge extends Error {}

interface Attempt {
    readonly response?: HttpResponse;
    readonly failure?: { readonly code: string; readonly cause: unknown };
}

async function attemptOnce(call: HttpCall, attempts: number): Promise<Attempt> {
    gotModule ??= import("got");
    const { got, CancelError } = await gotModule;
    const url = new URL(call.url);
    const proxyAgent = proxyAgentFor(url);
    const request = got(url, {
        method: "GET",
        headers: call.headers(),
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
        timeout: { request: call.policy.timeoutMs },
        agent: proxyAgent ?? agents,
        https: { certificateAuthority: call.tls?.ca, rejectUnauthorized: !call.tls?.insecure },
        responseType: "text",
        decompress: true,
    });
    let tooLarge = false;
    const cap = call.policy.maxResponseBytes;
    request.on("response", (res: http.IncomingMessage) => {
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > cap) {
            tooLarge = true;
            request.cancel();
        }
    });
    request.on("downloadProgress", (p: { transferred: number }) => {
        if (p.transferred > cap && !tooLarge) {
            tooLarge = true;
            request.cancel();
        }
    });
    try {
        const res = await request;
        if (res.body.length > cap) throw new BodyTooLarge();
        return { response: { status: res.statusCode, headers: res.headers, body: res.body, attempts } };
    } catch (e) {
        if (tooLarge || e instanceof BodyTooLarge || (e instanceof CancelError && tooLarge)) throw new BodyTooLarge();
        const code = typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : "ERR_UNKNOWN";
        return { failure: { code, cause: e } };
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function headerValue(headers: HttpResponse["headers"], name: string): string | undefined {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}

function describeFailure(code: string, call: HttpCall): string {
    switch (code) {
        case "ETIMEDOUT":
            return `timed out: no complete response within ${call.policy.timeoutMs} ms (per-attempt timeout, setting ${call.namespace}:requestTimeout)`;
        case "ECONNREFUSED":
            return `could not connect to ${new URL(call.url).host}: connection refused`;
        case "ECONNRESET":
        case "ERR_STREAM_PREMATURE_CLOSE":
            return `lost the connection to ${new URL(call.url).host} before a complete response (${code})`;
        case "ENOTFOUND":
        case "EAI_AGAIN":
            return `could not resolve host ${new URL(call.url).host} (${code}); check the region, cloud and endpoint settings`;
        default:
            if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "SELF_SIGNED_CERT_IN_CHAIN") {
                return `could not verify the TLS certificate of ${new URL(call.url).host} (${code}); trust its CA with ${call.namespace}:caCert`;
            }
            return `failed to reach ${new URL(call.url).host} (${code})`;
    }
}

/**
 * Sends a GET with retries on transient failures (429, 502, 503, 504, the vendor's own
 * transient codes, connection errors and timeouts), exponential backoff with full jitter,
 * `Retry-After` honoured up to a cap, and an overall deadline. Returns the final response,
 * whatever its status; throws {@link TransportError} when no usable response arrived.
 */
export async function send(call: HttpCall): Promise<HttpResponse> {
    if (call.tls?.insecure && !warnedInsecure.has(call.namespace)) {
        warnedInsecure.add(call.namespace);
        process.emitWarning(`${call.namespace}:insecure is set: TLS certificates of ${call.namespace} endpoints are not verified (this package's requests only).`, "CloudReadsInsecureTLS");
    }
    const host = new URL(call.url).host;
    const started = Date.now();
    let attempts = 0;
    for (;;) {
        attempts++;
        httpStats.attempts++;
        let outcome: Attempt;
        const release = await limiter.acquire(host, call.policy.maxConcurrency);
        try {
            outcome = await attemptOnce(call, attempts);
        } catch (e) {
            if (e instanceof BodyTooLarge) {
                throw new TransportError({ ...call.describe, attempts }, `returned a body larger than ${call.policy.maxResponseBytes} bytes (setting ${call.namespace}:maxResponseBytes)`);
            }
            throw e;
        } finally {
            release();
        }
        const res = outcome.response;
        if (res && res.status >= 300 && res.status < 400) {
            const location = headerValue(res.headers, "location");
            let where = "another location";
            try {
                if (location) where = new URL(location, call.url).host === host ? "another path on the same host" : `host ${new URL(location, call.url).host}`;
            } catch {
                where = "an unparsable location";
            }
            throw new TransportError(
                { ...call.describe, status: res.status, requestId: headerValue(res.headers, "x-request-id"), attempts },
                `answered with a redirect to ${where}, which is not followed so that credentials are never sent elsewhere`,
            );
        }
        const transient = res ? res.status >= 400 && call.isTransient(res.status, res.body) : TRANSIENT_CODES.has(outcome.failure?.code ?? "");
        if (!transient || attempts > call.policy.maxRetries) {
            if (res) return res;
            const code = outcome.failure?.code ?? "ERR_UNKNOWN";
            throw new TransportError({ ...call.describe, attempts }, describeFailure(code, call), { cause: redactedCause(code) });
        }
        const fromHeader = res ? retryAfterDelay(headerValue(res.headers, "retry-after"), Date.now()) : undefined;
        const wait = Math.min(fromHeader ?? backoffDelay(attempts, call.policy.retryBaseDelayMs, call.policy.retryDelayCapMs), call.policy.retryDelayCapMs);
        if (Date.now() - started + wait >= call.policy.deadlineMs) {
            if (res) return res;
            const code = outcome.failure?.code ?? "ERR_UNKNOWN";
            throw new TransportError({ ...call.describe, attempts }, `${describeFailure(code, call)}; gave up at the overall deadline of ${call.policy.deadlineMs} ms (setting ${call.namespace}:deadline)`);
        }
        httpStats.retries++;
        await sleep(wait);
    }
}

// The got error carries request options (headers included); keep only its code as the cause.
function redactedCause(code: string): Error {
    const e = new Error(code);
    e.name = "TransportFailure";
    return e;
}
