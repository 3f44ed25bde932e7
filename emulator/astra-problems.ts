import { randomUUID } from "node:crypto";
import { jsonResponse, PROBLEM_JSON } from "./responses";
import type { EmulatorResponse } from "./types";

/** One Astra Control problem type: `https://astra.netapp.io/problems/<number>`. */
interface ProblemType {
  status: number;
  title: string;
  detail: string;
}

/**
 * Problem types by number. 1-6, 11, 41 and 164 are NetApp's documented ones (titles
 * and details as in the API reference). Astra documents nothing for 405, 406, 429,
 * 500, 502 or 504, so the 9xx numbers are the emulator's own choice: far from the
 * documented range so no client mistakes them for a real problem type.
 */
const PROBLEMS: Readonly<Record<number, ProblemType>> = {
  1: { status: 404, title: "Resource not found", detail: "The resource specified in the request URI wasn't found." },
  2: { status: 404, title: "Collection not found", detail: "The collection specified in the request URI wasn't found." },
  3: { status: 401, title: "Missing bearer token", detail: "The request is missing the required bearer token." },
  4: { status: 401, title: "Invalid bearer token", detail: "The supplied bearer token is invalid." },
  5: { status: 400, title: "Invalid query parameters", detail: "The supplied query parameters are invalid." },
  6: { status: 400, title: "Invalid JSON payload", detail: "The supplied JSON payload is invalid." },
  11: { status: 403, title: "Operation not permitted", detail: "The requested operation isn't permitted." },
  41: { status: 503, title: "Service not ready", detail: "Currently, the service can't respond to this request." },
  164: {
    status: 409,
    title: "Requested resource in unexpected state",
    detail:
      "The requested resource can't be returned because it isn't in the expected state. Wait for the conflict to be resolved and retry the request.",
  },
  905: { status: 405, title: "Method not allowed", detail: "The request method isn't supported for this resource." },
  906: { status: 406, title: "Not acceptable", detail: "The requested media type isn't supported for this resource." },
  929: { status: 429, title: "Too many requests", detail: "The request rate limit was exceeded." },
  950: { status: 500, title: "Internal server error", detail: "The service encountered an unexpected error." },
  952: { status: 502, title: "Bad gateway", detail: "The service received an invalid response from an upstream server." },
  954: { status: 504, title: "Gateway timeout", detail: "The service timed out waiting for an upstream server." },
};

/** The problem number an Astra error of each HTTP status uses by default. */
const DEFAULT_PROBLEM_FOR_STATUS: Readonly<Record<number, number>> = {
  400: 5,
  401: 4,
  403: 11,
  404: 2,
  405: 905,
  406: 906,
  409: 164,
  429: 929,
  500: 950,
  502: 952,
  503: 41,
  504: 954,
};

/** Options for {@link astraProblem}. */
export interface ProblemOptions {
  /** HTTP status; defaults to the problem type's own. */
  status?: number;
  detail?: string;
  invalidParams?: { name: string; reason: string }[];
  headers?: Record<string, string>;
  /** Lets a caller tie the body to its request; otherwise a fresh uuid. */
  correlationId?: string;
}

/**
 * An Astra error response: `application/problem+json` with `status` as a **string**
 * (NetApp's schema, unlike RFC 7807) and a fresh correlationID.
 */
export function astraProblem(problem: number, options: ProblemOptions = {}): EmulatorResponse {
  const known = PROBLEMS[problem];
  const status = options.status ?? known?.status ?? 500;
  const body: Record<string, unknown> = {
    type: `https://astra.netapp.io/problems/${problem}`,
    title: known?.title ?? `Problem ${problem}`,
    detail: options.detail ?? known?.detail ?? "The request failed.",
    status: String(status),
    correlationID: options.correlationId ?? randomUUID(),
  };
  if (options.invalidParams) body.invalidParams = options.invalidParams;
  return jsonResponse(status, body, PROBLEM_JSON, options.headers);
}

/** The default Astra problem number for an HTTP status. */
export function astraProblemForStatus(status: number): number {
  return DEFAULT_PROBLEM_FOR_STATUS[status] ?? 950;
}
