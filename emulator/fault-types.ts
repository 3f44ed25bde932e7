import type { EmulatedService } from "./types";

/*
 * The emulator's fault types: a leaf that faults.ts (the queue), fault-codec.ts (their decoding)
 * and fault-writer.ts (their answers) import, so none of them imports another for its types.
 */

/**
 * HTTP statuses the `status` fault can inject.
 *
 * @example
 * ```ts
 * const status: FaultStatus = 503;
 * ```
 */
export type FaultStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 502 | 503 | 504;

/**
 * A misbehaviour to inject in place of the normal answer. Faults apply after the
 * request is recorded (so tests can count attempts) and before auth and routing.
 *
 * @example
 * ```ts
 * emulator.inject("astra", { kind: "status", status: 409, problem: 164 }, 2); // Astra's "retry the request", twice
 * emulator.inject("*", { kind: "delay", ms: 2000 }, Infinity);
 * ```
 */
export type Fault =
  /**
   * The vendor's error body for that service and status: Astra 409 is problem 164 and
   * 503 problem 41 (`problem` overrides the number); Huawei 429 is gateway throttling
   * `APIGW.0308`; ROMA 500 is the documented, non-transient `ROMA.00110002`; a 500
   * elsewhere is the vendor's generic internal error. `retryAfter` adds `Retry-After`. On a
   * Huawei service, `code` answers with that `error_code` instead (any code: `KPS.0404`,
   * `APIGW.0101`...), and `""` with a body that has no `error_code` at all; `message` sets
   * `error_msg`. Astra takes `problem`, not `code`.
   */
  | { kind: "status"; status: FaultStatus; retryAfter?: string; problem?: number; code?: string; message?: string }
  /** Reset the TCP connection without a response. */
  | { kind: "reset" }
  /** Accept the request and never answer (until `close()`). */
  | { kind: "hang" }
  /** The normal answer, sent `ms` milliseconds late (a slow service or IAM look-up). */
  | { kind: "delay"; ms: number }
  /** `101 Switching Protocols` to the request, as a WebSocket server would, then silence on the socket. */
  | { kind: "upgrade" }
  /** Promise a longer Content-Length than is sent, write half the body, then drop the socket. */
  | { kind: "partial-body" }
  /** 200 with valid headers and the success JSON cut in the middle (Content-Length matches). */
  | { kind: "truncated-json" }
  /** 502 with an HTML error page, as a proxy in front of the API would send. */
  | { kind: "html" }
  /** 200 `application/json` whose body is not JSON. */
  | { kind: "non-json" }
  /** 200 with the documented field names but wrong value types. */
  | { kind: "wrong-types" }
  /** 200 with required fields (secret ones included) missing. */
  | { kind: "missing-fields" }
  /** 200 with a JSON body of exactly `bytes` bytes. */
  | { kind: "oversize"; bytes: number }
  /** The normal response, gzip-encoded with `Content-Encoding: gzip`. */
  | { kind: "gzip" }
  /** A redirect (302 unless `status` says otherwise) to `location`. */
  | { kind: "redirect"; location: string; status?: 301 | 302 | 307 | 308 };

/**
 * A fault to queue when the emulator starts: the next `times` (default 1; `Infinity` for every)
 * requests to `service` (or to any service, `"*"`) get `fault` instead of their normal answer.
 *
 * @example
 * ```ts
 * const retried: FaultInjection = { service: "kms", fault: { kind: "status", status: 503 }, times: 1 };
 * ```
 */
export interface FaultInjection {
  service: EmulatedService | "*";
  fault: Fault;
  times?: number;
}

