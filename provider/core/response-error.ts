import { ApiError, type ApiErrorDetails, AuthError, NotFoundError } from "./errors";
import type { HttpPolicy, HttpResponse } from "./http";

/** The documented error fields of a vendor's error body. */
export interface VendorErrorFields {
    readonly vendorCode?: string;
    readonly vendorMessage?: string;
    readonly requestId?: string;
}

/** How to judge an error answer: whether it means "gone", advice, and the limits retrying stopped at. */
export interface ErrorJudgement {
    readonly notFound: boolean;
    readonly hint?: string;
    readonly namespace: string;
    readonly policy: HttpPolicy;
}

/** Why retrying stopped, for an answer that was still transient when `send` gave up; else undefined. */
function givenUp(res: HttpResponse, namespace: string, policy: HttpPolicy): string | undefined {
    if (res.stopped !== "retries-exhausted" && res.stopped !== "deadline") return undefined;
    return `Still failing after ${res.attempts} attempt${res.attempts === 1 ? "" : "s"}: retries stop at ${namespace}:maxRetries (${policy.maxRetries}) or before ${namespace}:deadline (${policy.deadlineMs / 1000} s)`;
}

/**
 * The error for a non-2xx answer `send` returned: a NotFoundError, an AuthError (401, 403) or an
 * ApiError, naming the service, operation, status, vendor code and request id, and why retrying
 * stopped. Raw response text goes in as it is: the error constructors make every field safe.
 */
export function responseError(details: ApiErrorDetails, res: HttpResponse, fields: VendorErrorFields, judgement: ErrorJudgement): ApiError {
    const failure: ApiErrorDetails = {
        ...details,
        status: res.status,
        vendorCode: fields.vendorCode,
        vendorMessage: fields.vendorMessage,
        requestId: fields.requestId,
        attempts: res.attempts,
        hint: [judgement.hint, givenUp(res, judgement.namespace, judgement.policy)].filter(Boolean).join(". ") || undefined,
    };
    if (judgement.notFound) return new NotFoundError(failure);
    if (res.status === 401 || res.status === 403) return new AuthError(failure);
    return new ApiError(failure);
}
