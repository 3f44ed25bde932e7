import type { EmulatorResponse } from "./types";

/** Huawei Cloud APIs answer JSON with this exact Content-Type. */
export const HUAWEI_JSON = "application/json;charset=UTF-8";
/** Astra Control's media type for a Certificate resource. */
export const ASTRA_CERTIFICATE_JSON = "application/astra-certificate+json";
/** Astra Control's media type for a list of Certificate resources ("List all certificates"). */
export const ASTRA_CERTIFICATES_JSON = "application/astra-certificates+json";
/** Astra Control's media type for errors (RFC 7807 style). */
export const PROBLEM_JSON = "application/problem+json";

/** A JSON response with the given Content-Type and extra headers. */
export function jsonResponse(
  status: number,
  body: unknown,
  contentType: string = HUAWEI_JSON,
  headers: Record<string, string> = {},
): EmulatorResponse {
  return { status, headers: { "Content-Type": contentType, ...headers }, body: JSON.stringify(body) };
}
