import { inspect } from "node:util";
import { redactKnown, safeText } from "./safe-text";

/**
 * The errors every read can raise. Messages name the service, operation, HTTP status,
 * vendor error code and request id, and never carry a credential, a secret value or an
 * undocumented part of a response body.
 *
 * @example
 * ```ts
 * import { huaweicloud, NotFoundError } from "pulumi-cloudreads";
 *
 * try {
 *     await huaweicloud.kps.getKeypairTask({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * } catch (e) {
 *     if (e instanceof NotFoundError) { console.log(e.requestId); }
 * }
 * ```
 */
export class CloudReadsError extends Error {
    /** A stable machine-readable code, e.g. `ERR_NOT_FOUND`. */
    readonly code: string;

    constructor(message: string, code = "ERR_CLOUDREADS", options?: { cause?: unknown }) {
        // Every credential this process has used is redacted from every message, whatever built it.
        super(redactKnown(message), options);
        this.name = "CloudReadsError";
        this.code = code;
    }

    /**
     * What `util.inspect` (and so Pulumi's report of a failed program, and `console.log`) shows: the
     * class and the message, which say what failed and what to do. Node's own rendering of an error
     * marks the node_modules frames of the stack, which with Pulumi's deep Output chains took up to
     * two minutes of CPU per error; `stack` stays available as it is.
     */
    [inspect.custom](): string {
        return `${this.name}: ${this.message}`;
    }
}

/** One rejected input property. */
export interface InputFailure {
    /** The property name as the user wrote it, e.g. `taskId`. */
    readonly property: string;
    /** What was expected, never the value given. */
    readonly reason: string;
}

/**
 * An argument failed validation before any request was sent.
 *
 * @example
 * ```ts
 * import { huaweicloud, InputError } from "pulumi-cloudreads";
 *
 * huaweicloud.sms.getTaskPassphrase({ taskId: "" }).catch((e) => {
 *     if (e instanceof InputError) { console.log(e.failures[0].property); } // "taskId"
 * });
 * ```
 */
export class InputError extends CloudReadsError {
    /** Every property that was rejected. */
    readonly failures: readonly InputFailure[];

    constructor(subject: string, failures: readonly InputFailure[]) {
        super(
            `${subject}: invalid input: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`,
            "ERR_INVALID_INPUT",
        );
        this.name = "InputError";
        this.failures = failures;
    }
}

/**
 * A setting (credential, region, project, account, endpoint) is missing or malformed.
 * The message names every stack config key and environment variable that can supply it.
 *
 * @example
 * ```ts
 * import { astracontrol, ConfigurationError } from "pulumi-cloudreads";
 *
 * astracontrol.getCertificate({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" }).catch((e) => {
 *     if (e instanceof ConfigurationError) { console.log(e.message); }
 * });
 * ```
 */
export class ConfigurationError extends CloudReadsError {
    constructor(message: string) {
        super(message, "ERR_CONFIGURATION");
        this.name = "ConfigurationError";
    }
}

/**
 * A read succeeded, but its result does not meet a condition its arguments set, e.g. a
 * certificate that expires sooner than `minValidDays`. Names the object and why, never a secret.
 *
 * @example
 * ```ts
 * import { astracontrol, ConditionError } from "pulumi-cloudreads";
 *
 * astracontrol.getCertificate({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a", minValidDays: 30 }).catch((e) => {
 *     if (e instanceof ConditionError) console.log(e.message);
 * });
 * ```
 */
export class ConditionError extends CloudReadsError {
    constructor(message: string) {
        super(message, "ERR_CONDITION");
        this.name = "ConditionError";
    }
}

/** What an {@link ApiError} knows about the failed call. */
export interface ApiErrorDetails {
    /** Human name of the service, e.g. `Huawei Cloud KPS`. */
    readonly service: string;
    /** The vendor's operation name, e.g. `ListKeypairTask`. */
    readonly operation: string;
    /** HTTP status, or undefined when no response arrived. */
    readonly status?: number;
    /** Vendor error code (`error_code`, or the Astra problem type). */
    readonly vendorCode?: string;
    /** Vendor error message (`error_msg`, or Astra `title: detail`), already redacted. */
    readonly vendorMessage?: string;
    /** Request id (`request_id`, `X-Request-Id`, or Astra `correlationID`). */
    readonly requestId?: string;
    /** How many attempts were made. */
    readonly attempts?: number;
    /** What we were looking for, e.g. `taskId "aee8…"`; only non-secret identifiers. */
    readonly target?: string;
    /** Extra explanation appended to the message. */
    readonly hint?: string;
    /** The function whose read failed, e.g. `huaweicloud.kps.getKeypairTask`; the message starts with it. Unset for resources. */
    readonly caller?: string;
}

/**
 * The details with every string that can come from a server made safe: credentials redacted,
 * control, line-separator and bidi characters removed, length bounded. Applied by the
 * {@link ApiError} constructor, so it holds for every error of every read.
 */
function safeDetails(d: ApiErrorDetails): ApiErrorDetails {
    const text = (v: string | undefined, max: number): string | undefined => (v === undefined ? undefined : safeText(v, max) || undefined);
    return {
        ...d,
        vendorCode: text(d.vendorCode, 80),
        vendorMessage: text(d.vendorMessage, 300),
        requestId: text(d.requestId, 120),
        target: text(d.target, 300),
        hint: text(d.hint, 1200),
    };
}

function describe(summary: string, d: ApiErrorDetails): string {
    const parts: string[] = [];
    if (d.status !== undefined) parts.push(`HTTP ${d.status}`);
    if (d.vendorCode) parts.push(`error code ${d.vendorCode}`);
    if (d.vendorMessage) parts.push(JSON.stringify(d.vendorMessage));
    if (d.requestId) parts.push(`request id ${d.requestId}`);
    // Said once: a summary that already counts retries or attempts is not repeated here.
    if (d.attempts !== undefined && d.attempts > 1 && !/\b(retries|attempts)\b/.test(summary)) parts.push(`after ${d.attempts} attempts`);
    const target = d.target ? ` for ${d.target}` : "";
    const hint = d.hint ? `. ${d.hint}` : "";
    return `${d.caller ? `${d.caller}: ` : ""}${d.service} ${d.operation}${target} ${summary}${parts.length ? `: ${parts.join(", ")}` : ""}${hint}`;
}

/**
 * The service answered with an error, or did not answer usefully.
 *
 * @example
 * ```ts
 * import { huaweicloud, ApiError } from "pulumi-cloudreads";
 *
 * huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: "1" }).catch((e) => {
 *     if (e instanceof ApiError) { console.log(e.status, e.vendorCode, e.requestId); }
 * });
 * ```
 */
export class ApiError extends CloudReadsError implements ApiErrorDetails {
    readonly service: string;
    readonly operation: string;
    readonly status?: number;
    readonly vendorCode?: string;
    readonly vendorMessage?: string;
    readonly requestId?: string;
    readonly attempts?: number;
    readonly target?: string;
    readonly caller?: string;

    constructor(given: ApiErrorDetails, summary = "failed", code = "ERR_API", options?: { cause?: unknown }) {
        const details = safeDetails(given);
        super(describe(summary, details), code, options);
        this.name = "ApiError";
        this.service = details.service;
        this.operation = details.operation;
        this.status = details.status;
        this.vendorCode = details.vendorCode;
        this.vendorMessage = details.vendorMessage;
        this.requestId = details.requestId;
        this.attempts = details.attempts;
        this.target = details.target;
        this.caller = details.caller;
    }
}

/**
 * The object read does not exist (HTTP 404, or a vendor code that means the same).
 *
 * @example
 * ```ts
 * import { astracontrol, NotFoundError } from "pulumi-cloudreads";
 *
 * astracontrol.getCertificate({ certificateId: "00000000-0000-0000-0000-000000000000" })
 *     .catch((e) => { if (e instanceof NotFoundError) { console.log("gone"); } });
 * ```
 */
export class NotFoundError extends ApiError {
    constructor(details: ApiErrorDetails) {
        super(details, "found nothing", "ERR_NOT_FOUND");
        this.name = "NotFoundError";
    }
}

/**
 * The credentials were rejected (HTTP 401) or lack permission (HTTP 403).
 *
 * @example
 * ```ts
 * import { huaweicloud, AuthError } from "pulumi-cloudreads";
 *
 * huaweicloud.sms.getTaskPassphrase({ taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" })
 *     .catch((e) => { if (e instanceof AuthError) { console.log("check huaweicloud:token"); } });
 * ```
 */
export class AuthError extends ApiError {
    constructor(details: ApiErrorDetails) {
        super(details, details.status === 403 ? "was not permitted" : "was not authenticated", "ERR_AUTH");
        this.name = "AuthError";
    }
}

/**
 * No usable response: a timeout, a refused or reset connection, a body over the size cap,
 * or a redirect that was not followed.
 *
 * @example
 * ```ts
 * import { huaweicloud, TransportError } from "pulumi-cloudreads";
 *
 * huaweicloud.kps.getKeypairTask({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" })
 *     .catch((e) => { if (e instanceof TransportError) { console.log(e.message); } });
 * ```
 */
export class TransportError extends ApiError {
    constructor(details: ApiErrorDetails, summary: string, options?: { cause?: unknown }) {
        super(details, summary, "ERR_TRANSPORT", options);
        this.name = "TransportError";
    }
}

/**
 * A success response whose body does not match the documented shape. The message names
 * the offending field paths and the expected types, never the values.
 *
 * @example
 * ```ts
 * import { astracontrol, ResponseDecodeError } from "pulumi-cloudreads";
 *
 * astracontrol.getCertificate({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" })
 *     .catch((e) => { if (e instanceof ResponseDecodeError) { console.log(e.problems); } });
 * ```
 */
export class ResponseDecodeError extends ApiError {
    /** `path: expected type` lines. */
    readonly problems: readonly string[];

    constructor(details: ApiErrorDetails, given: readonly string[]) {
        const problems = given.map((p) => safeText(p, 200));
        super(
            { ...details, hint: `Unexpected response body: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}` },
            "returned a response that could not be decoded",
            "ERR_RESPONSE_DECODE",
        );
        this.name = "ResponseDecodeError";
        this.problems = problems;
    }
}
