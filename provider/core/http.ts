import { Attempt, attemptOnce, CANCELLED } from "./attempt";
import { sleepUnlessCancelled, throwIfCancelled } from "./cancel";
import { ApiErrorDetails, ConfigurationError, TransportError } from "./errors";
import { backoffDelay, retryAfterDelay } from "./backoff";
import { HostLimiter } from "./host-limiter";
import { ProxyChoice, proxyAgents, proxyFor } from "./proxy";
import { safeText } from "./safe-text";
import { agentsFor, type TlsSettings } from "./tls-agents";

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
    /** Bodies larger than this (after decompression) are cut off with an error. */
    readonly maxResponseBytes: number;
    /** Requests in flight per host from this process. */
    readonly maxConcurrency: number;
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
    /** Which setting chose the host, for messages about reaching it (e.g. `stack config huaweicloud:endpoints (kms)`). */
    readonly hostFrom?: string;
    /**
     * What is left of the read's deadline when this call starts (settings and look-ups came
     * first); defaults to the whole `policy.deadlineMs`, which messages always name.
     */
    readonly budgetMs?: number;
    /** Told once when retrying has gone on for more than {@link PROGRESS_AFTER_MS}. */
    readonly progress?: (message: string) => void;
    /** Once aborted, the call fails with a CancelledError: the attempt in flight ends, no retry starts. */
    readonly signal?: AbortSignal;
}

/** How long a read retries silently before it says so. */
export const PROGRESS_AFTER_MS = 2000;

/** A response with its body as text. */
export interface HttpResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly body: string;
    readonly attempts: number;
    /**
     * Why `send` returned this response: `answered` (below 400), `not-retryable` (an error status
     * that is not transient), or, for a transient status still failing, `retries-exhausted`
     * (maxRetries reached) or `deadline` (the next wait would pass it).
     */
    readonly stopped: "answered" | "not-retryable" | "retries-exhausted" | "deadline";
}

/** Counters for the reliability report; process-wide. */
export const httpStats = {
    /** Requests started (first tries and retries). */
    attempts: 0,
    /** Retries made after a transient failure. */
    retries: 0,
    /** Retries by cause: `HTTP 503`, `ECONNRESET`, `ETIMEDOUT`, ... */
    retriesByCause: {} as Record<string, number>,
};

/** Zeroes {@link httpStats} (reports and tests). */
export function resetHttpStats(): void {
    httpStats.attempts = 0;
    httpStats.retries = 0;
    httpStats.retriesByCause = {};
}

/** Status codes that are transient for every API here. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Connection-level failures worth another try: nothing useful arrived, and GET is safe to repeat. */
const TRANSIENT_CODES = new Set([
    "ECONNRESET",
    "ECONNREFUSED",
    "ECONNABORTED",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "ENETUNREACH",
    "EHOSTUNREACH",
    "ERR_STREAM_PREMATURE_CLOSE",
    "ERR_INCOMPLETE_BODY",
]);

/** Certificate verification failures that do not name "CERT" themselves. */
const TLS_VERIFY_CODES = new Set(["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_SIGNATURE_FAILURE"]);

const limiter = new HostLimiter();
const warnedInsecure = new Set<string>();

function headerValue(headers: HttpResponse["headers"], name: string): string | undefined {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}

function describeFailure(code: string, message: string, call: HttpCall, url: URL, proxy: ProxyChoice | undefined, timeoutMs: number): string {
    const host = url.host;
    const from = call.hostFrom ? ` (the host comes from ${call.hostFrom})` : "";
    const via = proxy ? ` through proxy ${proxy.display} (from ${proxy.from})` : "";
    const proxyStatus = /^Bad response: ([0-9]{3})$/.exec(message);
    if (proxy && proxyStatus) {
        return `could not open a tunnel to ${host}: proxy ${proxy.display} (from ${proxy.from}) answered CONNECT with HTTP ${proxyStatus[1]}; check the proxy, or exempt the host with NO_PROXY`;
    }
    switch (code) {
        case "ETIMEDOUT":
            return timeoutMs < call.policy.timeoutMs
                ? `timed out: no complete response before the overall deadline of ${call.policy.deadlineMs} ms (setting ${call.namespace}:deadline)${via}`
                : `timed out: no complete response within ${call.policy.timeoutMs} ms (per-attempt timeout, setting ${call.namespace}:requestTimeout)${via}`;
        case "ECONNREFUSED":
            return `could not connect to ${host}${via}: connection refused${from}`;
        case "ECONNRESET":
        case "EPIPE":
        case "ECONNABORTED":
        case "ERR_STREAM_PREMATURE_CLOSE":
        case "ERR_INCOMPLETE_BODY":
            return `lost the connection to ${host}${via} before a complete response (${code})`;
        case "ENOTFOUND":
        case "EAI_AGAIN":
            return `could not resolve host ${proxy ? proxy.url.host : host} (${code})${from}; check the region, cloud and endpoint settings${proxy ? ` and ${proxy.from}` : ""}`;
        case "ERR_TLS_CERT_ALTNAME_INVALID":
            return `could not verify the TLS certificate of ${host}: it is not valid for that host name (${code}); use the host name the certificate names`;
        case "CERT_HAS_EXPIRED":
        case "CERT_NOT_YET_VALID":
            return `could not verify the TLS certificate of ${host}: it is outside its validity period (${code})`;
        case "ERR_UPGRADE":
            return `answered a GET with 101 Switching Protocols (a protocol upgrade), which is no HTTP answer; check the endpoint setting`;
        case "Z_DATA_ERROR":
        case "Z_BUF_ERROR":
        case "ERR_CONTENT_DECODING_FAILED":
            return `sent a compressed body that could not be decompressed (${code})`;
        default:
            if (code.startsWith("HPE_")) return `sent a malformed HTTP response (${code})`;
            if (TLS_VERIFY_CODES.has(code) || code.includes("CERT") || code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL")) {
                return `could not verify the TLS certificate of ${host} (${code}); trust its CA with ${call.namespace}:caCert (PEM text or a file path)`;
            }
            return `failed to reach ${host}${via} (${code})`;
    }
}

/**
 * Sends a GET with retries on transient failures (429, 502, 503, 504, the vendor's own
 * transient codes, connection errors and timeouts), exponential backoff with full jitter,
 * `Retry-After` honoured up to a cap, and an overall deadline that also bounds each
 * attempt and the wait for a connection slot. Redirects are refused, never followed.
 * Returns the final response, whatever its status; throws {@link TransportError} when no
 * usable response arrived.
 */
export async function send(call: HttpCall): Promise<HttpResponse> {
    const url = new URL(call.url);
    const host = url.host;
    // Resolved before the first attempt: a malformed proxy variable fails without a request.
    const proxy = proxyFor(url);
    if (call.tls?.insecure && url.protocol === "https:" && !warnedInsecure.has(`${call.namespace} ${host}`)) {
        warnedInsecure.add(`${call.namespace} ${host}`);
        process.emitWarning(
            `${call.namespace}:insecure is set: the TLS certificate of ${host} is not verified for this package's requests (other requests in this process are unaffected). Prefer ${call.namespace}:caCert.`,
            "CloudReadsInsecureTLS",
        );
    }
    const started = Date.now();
    const budget = Math.min(call.budgetMs ?? call.policy.deadlineMs, call.policy.deadlineMs);
    const remaining = (): number => budget - (Date.now() - started);
    const failure = (attempts: number, summary: string, extra: Partial<ApiErrorDetails> = {}): TransportError =>
        new TransportError({ ...call.describe, ...extra, attempts }, summary);
    // Signed once per attempt; the first attempt's headers are also checked before anything is sent.
    let headers = call.headers();
    const unsendable = unsendableHeader(headers);
    if (unsendable) {
        throw new ConfigurationError(
            `${call.describe.service} ${call.describe.operation}: header ${unsendable} would hold characters HTTP does not allow (line breaks, control characters or characters beyond Latin-1); check the ${call.namespace} setting it comes from. Nothing was sent.`,
        );
    }
    let attempts = 0;
    let told = false;
    // Says once, when retrying runs past PROGRESS_AFTER_MS, what is happening and what ends it.
    const wait = async (cause: string, ms: number): Promise<void> => {
        if (!told && call.progress && Date.now() - started + ms > PROGRESS_AFTER_MS) {
            told = true;
            call.progress(
                `${call.describe.service} ${call.describe.operation}: ${host} is not answering usefully (${cause}); retrying, attempt ${attempts + 1} of at most ${call.policy.maxRetries + 1}, until ${call.namespace}:deadline (${Math.round(call.policy.deadlineMs / 1000)} s)`,
            );
        }
        countRetry(cause);
        await sleepUnlessCancelled(ms, call.signal, subject);
    };
    // A cancelled call names what it was reading, as every error of the transport does.
    const subject = `${call.describe.service} ${call.describe.operation}${call.describe.target ? ` for ${call.describe.target}` : ""}`;
    for (;;) {
        throwIfCancelled(call.signal, subject);
        attempts++;
        const release = await limiter.acquire(host, call.policy.maxConcurrency, remaining(), call.signal);
        if (!release) {
            throwIfCancelled(call.signal, subject);
            throw failure(
                attempts - 1,
                `got no free connection slot for ${host} (setting ${call.namespace}:maxConcurrency) before the overall deadline of ${call.policy.deadlineMs} ms (setting ${call.namespace}:deadline)`,
            );
        }
        const timeoutMs = Math.max(1, Math.min(call.policy.timeoutMs, remaining()));
        httpStats.attempts++;
        // A retry signs again, so its signature carries a fresh date.
        if (attempts > 1) headers = call.headers();
        let outcome: Attempt;
        try {
            const agents = agentsFor(call.tls);
            const pool = proxy ? proxyAgents(proxy, agents.options, agents.key) : agents.direct;
            outcome = await attemptOnce({ url, headers, agent: url.protocol === "https:" ? pool.https : pool.http, timeoutMs, maxBytes: call.policy.maxResponseBytes, signal: call.signal });
        } finally {
            release();
        }
        if (outcome.kind === "too-large") {
            throw failure(attempts, `returned a body larger than ${call.policy.maxResponseBytes} bytes, which was cut off (setting ${call.namespace}:maxResponseBytes)`, {
                status: outcome.status || undefined,
                requestId: outcome.requestId,
            });
        }
        if (outcome.kind === "failure") {
            if (outcome.code === CANCELLED) throwIfCancelled(call.signal, subject);
            const summary = describeFailure(outcome.code, outcome.message, call, url, proxy, timeoutMs);
            // A timeout cut short by the deadline already says so.
            const deadlineHit = outcome.code === "ETIMEDOUT" && timeoutMs < call.policy.timeoutMs;
            if (!TRANSIENT_CODES.has(outcome.code) || deadlineHit) throw failure(attempts, summary);
            if (attempts > call.policy.maxRetries) throw failure(attempts, `${summary}${gaveUpAfter(call)}`);
            const delay = backoffDelay(attempts, call.policy.retryBaseDelayMs, call.policy.retryDelayCapMs);
            if (delay >= remaining()) throw failure(attempts, `${summary}${gaveUpAtDeadline(call)}`);
            await wait(outcome.code, delay);
            continue;
        }
        const res: HttpResponse = { ...outcome.response, attempts, stopped: "answered" };
        if (res.status >= 300 && res.status < 400) {
            const target = safeText(redirectTarget(res, url), 120);
            throw failure(attempts, `answered with a redirect to ${target}, which is not followed so that credentials are never sent elsewhere; set the endpoint to the final URL`, {
                status: res.status,
                requestId: headerValue(res.headers, "x-request-id"),
            });
        }
        // The last response is returned as it is: the caller turns it into an error with the vendor's fields.
        if (res.status < 400) return res;
        if (!call.isTransient(res.status, res.body)) return { ...res, stopped: "not-retryable" };
        if (attempts > call.policy.maxRetries) return { ...res, stopped: "retries-exhausted" };
        const fromHeader = retryAfterDelay(headerValue(res.headers, "retry-after"), Date.now());
        const delay = Math.min(fromHeader ?? backoffDelay(attempts, call.policy.retryBaseDelayMs, call.policy.retryDelayCapMs), call.policy.retryDelayCapMs);
        if (delay >= remaining()) return { ...res, stopped: "deadline" };
        await wait(`HTTP ${res.status}`, delay);
    }
}

/** The name of the first header Node would refuse to send (its own rule: no CTL except tab, nothing past U+00FF). */
function unsendableHeader(headers: Record<string, string>): string | undefined {
    return Object.entries(headers).find(([, value]) => /[^\t\x20-\x7e\x80-\xff]/.test(value))?.[0];
}

function gaveUpAfter(call: HttpCall): string {
    return call.policy.maxRetries > 0 ? `; gave up after ${call.policy.maxRetries + 1} attempts (setting ${call.namespace}:maxRetries is ${call.policy.maxRetries})` : "";
}

function gaveUpAtDeadline(call: HttpCall): string {
    return `; gave up at the overall deadline of ${call.policy.deadlineMs} ms (setting ${call.namespace}:deadline)`;
}

function redirectTarget(res: HttpResponse, url: URL): string {
    const location = headerValue(res.headers, "location");
    if (!location) return "another location";
    try {
        const to = new URL(location, url);
        return to.host === url.host ? "another path on the same host" : `host ${to.host}`;
    } catch {
        return "an unparsable location";
    }
}

function countRetry(cause: string): void {
    httpStats.retries++;
    httpStats.retriesByCause[cause] = (httpStats.retriesByCause[cause] ?? 0) + 1;
}
