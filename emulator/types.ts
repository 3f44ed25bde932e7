import type { FixtureData } from "./fixture-types";

/**
 * The emulated APIs, each served under `/<name>` on the emulator.
 *
 * @example
 * ```ts
 * const service: EmulatedService = "kms"; // KPS is served by the KMS (DEW) host
 * ```
 */
export type EmulatedService = "sms" | "roma" | "kms" | "iam" | "astra";

/**
 * All emulated services, in the order the emulator lists them.
 *
 * @example
 * ```ts
 * for (const service of EMULATED_SERVICES) console.log(emulator.endpoints[service]);
 * ```
 */
export const EMULATED_SERVICES: readonly EmulatedService[] = ["sms", "roma", "kms", "iam", "astra"];

/** The Huawei Cloud services, which share the API gateway's auth and X-Request-Id. */
export function isHuaweiService(service: EmulatedService | "unknown"): service is Exclude<EmulatedService, "astra"> {
  return service === "sms" || service === "roma" || service === "kms" || service === "iam";
}

/**
 * One request as the emulator received it.
 *
 * @example
 * ```ts
 * const attempts = emulator.requests.filter((r: RecordedRequest) => r.service === "sms").map((r) => r.outcome); // e.g. ["fault", 200]
 * ```
 */
export interface RecordedRequest {
  service: EmulatedService | "unknown";
  method: string;
  /** Raw path including the query, as received (still percent-encoded). */
  path: string;
  /** Header values by lower-case name; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The status sent, or "fault" when an injected fault answered instead. */
  outcome: number | "fault";
}

/** A complete response, built before anything is written so faults can rework it. */
export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Who a Huawei request authenticated as. */
export type HuaweiPrincipal =
  | { kind: "token"; token: string }
  | { kind: "aksk"; accessKey: string };

/** Everything a route handler may look at. */
export interface RequestContext {
  service: EmulatedService;
  method: string;
  /** Raw request target (path plus query), as received. */
  target: string;
  /** Percent-decoded path segments after the service prefix. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  /** The X-Request-Id (Huawei) or correlationID (Astra) of this response. */
  requestId: string;
  /** This service's base URL on the emulator, e.g. `http://127.0.0.1:1234/iam`. */
  endpoint: string;
  data: FixtureData;
  now: Date;
  /** Set by Huawei authentication before a route handler runs. */
  principal?: HuaweiPrincipal;
  /** The emulator's `maxPageSize` option: no list page holds more items, whatever `limit` asks. */
  maxPageSize?: number;
}

/** Route parameters by name, already percent-decoded. */
export type RouteParams = Record<string, string>;

/** A documented success body, for faults that serve a damaged copy of it. */
export interface SuccessSample {
  contentType: string;
  body: unknown;
  /** Top-level fields the `missing-fields` fault drops. */
  required: string[];
}
