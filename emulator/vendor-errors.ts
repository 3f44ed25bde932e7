import { astraProblem, astraProblemForStatus } from "./astra-problems";
import { HUAWEI_JSON, jsonResponse } from "./responses";
import type { EmulatedService, EmulatorResponse, RequestContext } from "./types";

/**
 * Error bodies in each vendor's documented shape.
 *
 * Codes marked "documented" come from the vendors' API pages (shared/api/) or their
 * public error-code lists. The others are illustrative: the vendor documents the shape
 * but no code for that case, so the emulator picks one in the vendor's style. Clients
 * must treat codes as opaque strings, so the exact choice does not matter to them.
 */

/** Huawei API gateway errors (`APIGW.*`): `{error_code, error_msg, request_id}`. */
export function gatewayError(ctx: RequestContext, status: number, code: string, message: string, headers: Record<string, string> = {}): EmulatorResponse {
  return jsonResponse(status, { error_code: code, error_msg: message, request_id: ctx.requestId }, HUAWEI_JSON, headers);
}

/** Documented gateway messages (Huawei "API Request Signing Guide", error codes). */
export const GATEWAY_MESSAGES = {
  missingToken: "Incorrect IAM authentication information: x-auth-token not found",
  badToken: "Incorrect IAM authentication information: decrypt token fail",
  badSignature: "Incorrect IAM authentication information: verify aksk signature fail",
  notFound: "The API does not exist or has not been published in the environment.",
  methodNotFound: "The API does not exist.",
  throttled: "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second",
  backendUnavailable: "Backend unavailable.",
  backendTimeout: "Backend timeout.",
} as const;

/**
 * SMS errors: `{error_code, error_msg, encoded_authorization_message?, error_param?, details?}`.
 * `details` repeats the code, as the documented 403 example does.
 */
export function smsError(
  status: number,
  code: string,
  message: string,
  extra: { encodedAuthorizationMessage?: string; errorParam?: string[] } = {},
): EmulatorResponse {
  const body: Record<string, unknown> = { error_code: code, error_msg: message };
  if (extra.encodedAuthorizationMessage !== undefined) body.encoded_authorization_message = extra.encodedAuthorizationMessage;
  if (extra.errorParam !== undefined) body.error_param = extra.errorParam;
  body.details = [{ error_code: code, error_msg: message }];
  return jsonResponse(status, body);
}

/** The documented SMS 403 (`SMS.9004`), with every optional field present; `action` is the IAM action refused. */
export function smsForbidden(reason: string, action = "sms:server:queryTaskPassphrase"): EmulatorResponse {
  const sentence = `You do not have permission to perform action ${action} on resource ${reason}.`;
  return smsError(403, "SMS.9004", `The current account does not have the permission to execute policy. ${sentence}`, {
    encodedAuthorizationMessage: Buffer.from("emulator: access denied").toString("base64"),
    errorParam: [sentence],
  });
}

/** ROMA Connect errors: `{error_code, error_msg, request_id}`. */
export function romaError(ctx: RequestContext, status: number, code: string, message: string): EmulatorResponse {
  return jsonResponse(status, { error_code: code, error_msg: message, request_id: ctx.requestId });
}

/** KPS errors: `{error_code: "KPS.XXX", error_msg}` (no request_id in the body). */
export function kpsError(status: number, code: string, message: string): EmulatorResponse {
  return jsonResponse(status, { error_code: code, error_msg: message });
}

const HTTP_TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** IAM (Keystone-style) errors: `{error: {code, message, title}}`. */
export function iamError(status: number, message: string): EmulatorResponse {
  return jsonResponse(status, { error: { code: status, message, title: HTTP_TITLES[status] ?? "Error" } });
}

type ServiceErrorTable = Readonly<Record<number, readonly [code: string, message: string]>>;

const SMS_ERRORS: ServiceErrorTable = {
  400: ["SMS.9002", "Invalid request parameter."], // illustrative
  404: ["SMS.1807", "The task does not exist."], // illustrative
  409: ["SMS.9009", "The task is in a state that does not allow this operation."], // illustrative
  500: ["SMS.2007", "Background exception"], // documented (SMS out-of-date error codes)
  503: ["SMS.9999", "The service is temporarily unavailable."], // illustrative
};

const KPS_ERRORS: ServiceErrorTable = {
  400: ["KPS.0001", "Invalid request parameter."], // illustrative
  403: ["KPS.0003", "You do not have permission to access this project."], // illustrative
  404: ["KPS.0002", "The key pair task does not exist."], // illustrative
  409: ["KPS.0009", "The key pair is being processed by another task."], // illustrative
  500: ["KPS.0005", "Internal system error."], // illustrative
  503: ["KPS.0006", "The service is temporarily unavailable."], // illustrative
};

const ROMA_ERRORS: ServiceErrorTable = {
  400: ["SCB.00000000", "Parameter is not valid for operation [romalink.link-product.queryAuthentication]. Parameter is [productId]. Processor is [path]."], // documented
  403: ["ROMA.00110008", "You do not have permission to access this resource."], // illustrative
  404: ["ROMA.00110006", "The resource does not exist. Check whether the resource ID is correct."], // documented
  409: ["ROMA.00110009", "The resource is being modified. Try again later."], // illustrative
  503: ["ROMA.00110010", "The service is temporarily unavailable."], // illustrative
};

/** ROMA's documented 500: a missing instance, which is not transient. */
export function romaInstanceMissing(ctx: RequestContext, projectId: string, instanceId: string): EmulatorResponse {
  return romaError(ctx, 500, "ROMA.00110002", `The instance does not exist. project_id: ${projectId}, instance_id: ${instanceId}`);
}

/** The vendor's error of the given status, as the `status` fault injects it. */
export function statusError(ctx: RequestContext, service: EmulatedService, status: number, problem?: number, retryAfter?: string, code?: { code: string; message?: string }): EmulatorResponse {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": retryAfter };
  if (service === "astra") {
    return astraProblem(problem ?? astraProblemForStatus(status), { status, headers, correlationId: ctx.requestId });
  }
  const response = code === undefined ? huaweiStatusError(ctx, service, status) : anyCode(ctx, status, code.code, code.message);
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** A Huawei error body with any `code` (none at all for `""`), in the gateway's and ROMA's shape. */
function anyCode(ctx: RequestContext, status: number, code: string, message = "Emulated error."): EmulatorResponse {
  return jsonResponse(status, { ...(code === "" ? {} : { error_code: code }), error_msg: message, request_id: ctx.requestId });
}

function huaweiStatusError(ctx: RequestContext, service: Exclude<EmulatedService, "astra">, status: number): EmulatorResponse {
  // These statuses come from the gateway in front of every Huawei service.
  if (status === 401) return gatewayError(ctx, 401, "APIGW.0301", GATEWAY_MESSAGES.badToken);
  if (status === 429) return gatewayError(ctx, 429, "APIGW.0308", GATEWAY_MESSAGES.throttled);
  if (status === 502) return gatewayError(ctx, 502, "APIGW.0202", GATEWAY_MESSAGES.backendUnavailable);
  if (status === 504) return gatewayError(ctx, 504, "APIGW.0203", GATEWAY_MESSAGES.backendTimeout);
  switch (service) {
    case "sms":
      if (status === 403) return smsForbidden("emulated");
      return fromTable(SMS_ERRORS, status, (code, message) => smsError(status, code, message));
    case "kms":
      return fromTable(KPS_ERRORS, status, (code, message) => kpsError(status, code, message));
    case "roma":
      if (status === 500) return romaInstanceMissing(ctx, "emulated", "emulated");
      return fromTable(ROMA_ERRORS, status, (code, message) => romaError(ctx, status, code, message));
    case "iam":
      return iamError(status, `${HTTP_TITLES[status] ?? "Error"} (emulated).`);
  }
}

function fromTable(table: ServiceErrorTable, status: number, build: (code: string, message: string) => EmulatorResponse): EmulatorResponse {
  const [code, message] = table[status] ?? table[500] ?? ["APIGW.0000", "Unexpected error."];
  return build(code, message);
}

/** The error table entry used for a Huawei service's status, for route handlers. */
export function huaweiErrorEntry(service: "sms" | "kms" | "roma", status: number): readonly [string, string] {
  const table = service === "sms" ? SMS_ERRORS : service === "kms" ? KPS_ERRORS : ROMA_ERRORS;
  const entry = table[status];
  if (!entry) throw new Error(`no ${service} error for ${status}`);
  return entry;
}
