import { expectedSignature, formatSdkDate, parseAuthorization, parseSdkDate, signaturesMatch } from "./huawei-signature";
import type { EmulatorResponse, HuaweiPrincipal, RequestContext } from "./types";
import { GATEWAY_MESSAGES, gatewayError } from "./vendor-errors";

/** The gateway rejects an `X-Sdk-Date` further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Either who the caller is, or the gateway's 401 to send back. */
export type HuaweiAuthResult = { principal: HuaweiPrincipal } | { denied: EmulatorResponse };

/**
 * Checks a Huawei request the way the API gateway does: `X-Auth-Token` first, else an
 * `SDK-HMAC-SHA256` signature. `requiredSignedHeaders` are the extra headers the
 * service needs signed (`x-project-id` for regional services, `x-domain-id` for SMS).
 */
export function authenticateHuawei(ctx: RequestContext, requiredSignedHeaders: readonly string[]): HuaweiAuthResult {
  const token = ctx.headers["x-auth-token"];
  if (token !== undefined) {
    return ctx.data.huawei.tokens.includes(token)
      ? { principal: { kind: "token", token } }
      : deny(ctx, "APIGW.0301", GATEWAY_MESSAGES.badToken);
  }
  const authorization = ctx.headers["authorization"];
  if (authorization === undefined) return deny(ctx, "APIGW.0301", GATEWAY_MESSAGES.missingToken);

  const parsed = parseAuthorization(authorization);
  if (!parsed) return deny(ctx, "APIGW.0301", `${GATEWAY_MESSAGES.badSignature}: malformed Authorization header`);
  const credential = ctx.data.huawei.credentials.find((c) => c.accessKey === parsed.accessKey);
  if (!credential) return deny(ctx, "APIGW.0301", "Incorrect IAM authentication information: the access key does not exist");

  const signed = new Set(parsed.signedHeaders);
  for (const name of ["x-sdk-date", "host", ...requiredSignedHeaders]) {
    if (!signed.has(name) || ctx.headers[name] === undefined) {
      return deny(ctx, "APIGW.0301", `${GATEWAY_MESSAGES.badSignature}: header ${name} must be sent and signed`);
    }
  }
  if (credential.securityToken !== undefined) {
    // Temporary credentials are only valid together with their own security token.
    if (!signed.has("x-security-token") || ctx.headers["x-security-token"] !== credential.securityToken) {
      return deny(ctx, "APIGW.0301", `${GATEWAY_MESSAGES.badSignature}: x-security-token missing, unsigned or wrong`);
    }
  }

  const sdkDate = ctx.headers["x-sdk-date"];
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) return deny(ctx, "APIGW.0301", `${GATEWAY_MESSAGES.badSignature}: X-Sdk-Date is not in 20060102T150405Z form`);
  if (Math.abs(ctx.now.getTime() - signedAt) > MAX_CLOCK_SKEW_MS) {
    return deny(
      ctx,
      "APIGW.0303",
      `Incorrect IAM authentication information: signature expired, signature time:${sdkDate},server time:${formatSdkDate(ctx.now)}`,
    );
  }

  const expected = expectedSignature(
    { method: ctx.method, target: ctx.target, headers: ctx.headers, body: ctx.body },
    parsed.signedHeaders,
    credential.secretKey,
  );
  if (!signaturesMatch(expected, parsed.signature)) return deny(ctx, "APIGW.0301", GATEWAY_MESSAGES.badSignature);
  return { principal: { kind: "aksk", accessKey: credential.accessKey } };
}

function deny(ctx: RequestContext, code: string, message: string): HuaweiAuthResult {
  return { denied: gatewayError(ctx, 401, code, message) };
}
