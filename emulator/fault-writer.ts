import type * as http from "node:http";
import * as zlib from "node:zlib";
import { BAD_GATEWAY_HTML, oversizeJson, truncatedJson, withoutFields, withWrongTypes } from "./fault-bodies";
import type { Fault } from "./fault-types";
import type { EmulatorResponse, SuccessSample } from "./types";

/** What a fault needs from the request it replaces. */
export interface FaultTarget {
  /** The response the request would have had without the fault (auth and routing included). */
  normal(): EmulatorResponse;
  /** The vendor's error for a status. */
  statusError(status: number, problem?: number, retryAfter?: string, code?: { code: string; message?: string }): EmulatorResponse;
  /** The documented success body of the route the request names. */
  sample(): SuccessSample;
  /** Writes a complete response, adding the vendor's standard headers. */
  send(response: EmulatorResponse): void;
  /** The vendor's standard headers (X-Request-Id for Huawei), for responses written by hand. */
  standardHeaders: Record<string, string>;
}

/** Answers (or refuses to answer) `res` as `fault` says. */
export function writeFault(fault: Fault, res: http.ServerResponse, target: FaultTarget): void {
  switch (fault.kind) {
    case "status":
      return target.send(target.statusError(fault.status, fault.problem, fault.retryAfter, fault.code === undefined ? undefined : { code: fault.code, message: fault.message }));
    case "reset":
      res.socket?.resetAndDestroy();
      return;
    case "hang":
      // Nothing is written; close() destroys the socket.
      return;
    case "delay": {
      const timer = setTimeout(() => target.send(target.normal()), fault.ms);
      res.once("close", () => clearTimeout(timer));
      return;
    }
    case "upgrade":
      // Written on the socket itself: Node's ServerResponse has no way to send a 101 to a plain GET.
      res.socket?.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
      return;
    case "partial-body": {
      const sample = target.sample();
      const body = Buffer.from(JSON.stringify(sample.body));
      const half = body.subarray(0, Math.floor(body.length / 2));
      res.writeHead(200, { ...target.standardHeaders, "Content-Type": sample.contentType, "Content-Length": String(body.length) });
      res.write(half, () => res.socket?.destroy());
      return;
    }
    case "truncated-json": {
      const sample = target.sample();
      return target.send({ status: 200, headers: { "Content-Type": sample.contentType }, body: truncatedJson(sample.body) });
    }
    case "html":
      return target.send({ status: 502, headers: { "Content-Type": "text/html; charset=utf-8" }, body: BAD_GATEWAY_HTML });
    case "non-json": {
      const sample = target.sample();
      return target.send({ status: 200, headers: { "Content-Type": sample.contentType }, body: "upstream answered with plain text, not JSON" });
    }
    case "wrong-types": {
      const sample = target.sample();
      return target.send({ status: 200, headers: { "Content-Type": sample.contentType }, body: JSON.stringify(withWrongTypes(sample.body)) });
    }
    case "missing-fields": {
      const sample = target.sample();
      return target.send({
        status: 200,
        headers: { "Content-Type": sample.contentType },
        body: JSON.stringify(withoutFields(sample.body, sample.required)),
      });
    }
    case "oversize": {
      const sample = target.sample();
      return target.send({ status: 200, headers: { "Content-Type": sample.contentType }, body: oversizeJson(sample.body, fault.bytes) });
    }
    case "gzip": {
      const normal = target.normal();
      return target.send({
        ...normal,
        headers: { ...normal.headers, "Content-Encoding": "gzip" },
        body: zlib.gzipSync(normal.body),
      });
    }
    case "redirect":
      return target.send({
        status: fault.status ?? 302,
        headers: { Location: fault.location, "Content-Type": "text/plain; charset=utf-8" },
        body: `Redirecting to ${fault.location}\n`,
      });
  }
}
