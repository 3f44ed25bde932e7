import { vendorFor } from "../vendors";
import type { AnyReadOperation, Scope } from "../operations/operation";
import { joinUrl, jsonObject } from "./connection";
import { decode } from "./decode";
import { ApiError, ApiErrorDetails, AuthError, NotFoundError, ResponseDecodeError } from "./errors";
import { send, TRANSIENT_STATUSES } from "./http";
import { oneLine, redact } from "./redact";
import type { SettingSources } from "./settings";
import { validateArgs } from "./validate-args";

/** A finished read: validated args, the resolved scope, the resource id and the result. */
export interface ReadOutcome {
    readonly args: Readonly<Record<string, unknown>>;
    readonly scope: Scope;
    readonly id: string;
    readonly result: Readonly<Record<string, unknown>>;
}

/**
 * Runs one read: validates the arguments (before any request), resolves settings and
 * credentials, sends the GET with retries, and decodes the response. Every failure is a
 * CloudReadsError whose message holds no credential or secret.
 */
export async function performRead(op: AnyReadOperation, rawArgs: unknown, sources: SettingSources): Promise<ReadOutcome> {
    const args = validateArgs(op.token, op.args, op.argNames, rawArgs) as Record<string, unknown>;
    const vendor = vendorFor(op.vendor);
    const conn = await vendor.connect(op, args, sources);
    const url = joinUrl(conn.baseUrl, op.path(args, conn.scope));
    const details: ApiErrorDetails = { service: op.serviceName, operation: op.operation, target: op.target(args, conn.scope) };
    const res = await send({
        describe: details,
        namespace: conn.namespace,
        url: url.toString(),
        headers: () => conn.headers(url, op.accept),
        policy: conn.policy,
        tls: conn.tls,
        isTransient: (status, body) => TRANSIENT_STATUSES.has(status) || vendor.isTransient(status, body),
    });
    if (res.status >= 200 && res.status < 300) {
        const fields = vendor.errorFields(res.status, res.headers, "");
        const withStatus = { ...details, status: res.status, requestId: fields.requestId, attempts: res.attempts };
        const body = jsonObject(res.body);
        if (!body) throw new ResponseDecodeError(withStatus, ["(body): expected a JSON object"]);
        const decoded = decode(op.response, body);
        if (!decoded.ok) throw new ResponseDecodeError(withStatus, decoded.problems);
        return { args, scope: conn.scope, id: op.id(args, conn.scope), result: op.result(decoded.value, args, conn.scope) as Record<string, unknown> };
    }
    const fields = vendor.errorFields(res.status, res.headers, res.body);
    // A transient status that is still the answer after retries: say why retrying stopped.
    const givenUp = (attempts: number, status: number, body: string): string | undefined =>
        TRANSIENT_STATUSES.has(status) || vendor.isTransient(status, body)
            ? `Still failing after ${attempts} attempt${attempts === 1 ? "" : "s"}: retries stop at ${conn.namespace}:maxRetries (${conn.policy.maxRetries}) or before ${conn.namespace}:deadline (${conn.policy.deadlineMs / 1000} s)`
            : undefined;
    const failure: ApiErrorDetails = {
        ...details,
        status: res.status,
        vendorCode: fields.vendorCode && oneLine(redact(fields.vendorCode, conn.secrets), 80),
        vendorMessage: fields.vendorMessage && oneLine(redact(fields.vendorMessage, conn.secrets)),
        requestId: fields.requestId && oneLine(fields.requestId, 120),
        attempts: res.attempts,
        hint: [vendor.hint(res.status, fields.vendorCode), givenUp(res.attempts, res.status, res.body)].filter(Boolean).join(". ") || undefined,
    };
    if (vendor.isNotFound(res.status, fields.vendorCode)) throw new NotFoundError(failure);
    if (res.status === 401 || res.status === 403) throw new AuthError(failure);
    throw new ApiError(failure);
}

