import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { writeFault } from "./fault-writer";
import { FaultQueue, type Fault } from "./faults";
import { cloneFixtures } from "./fixtures";
import type { FixtureData } from "./fixture-types";
import { decodeSegment } from "./huawei-signature";
import { jsonResponse } from "./responses";
import { dispatch, sampleFor, SERVICES } from "./routes";
import {
  EMULATED_SERVICES,
  isHuaweiService,
  type EmulatedService,
  type EmulatorResponse,
  type RecordedRequest,
  type RequestContext,
} from "./types";
import { statusError } from "./vendor-errors";

/**
 * A running emulator of the four APIs (plus IAM) on 127.0.0.1.
 *
 * @example
 * ```ts
 * const emulator: Emulator = await startEmulator();
 * emulator.setKeypairTaskStatus("0123456789abcdef0123456789abcdef", "aee8d2fe-5484-4753-9177-5a38dc15546c", "SUCCESS_RESET");
 * emulator.requests.length; // 0 until a client calls it
 * ```
 */
export interface Emulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Base URLs a client joins documented paths to: `${url}/sms`, `${url}/roma`, ... */
  readonly endpoints: Readonly<Record<EmulatedService, string>>;
  /** The live fixture data; edits take effect on the next request. */
  readonly data: FixtureData;
  /** Every request received, in order: the newest 10,000 (older ones are dropped, so memory stays bounded). */
  readonly requests: RecordedRequest[];
  /** Changes a KPS task's `task_status`; throws if there is no such task. */
  setKeypairTaskStatus(projectId: string, taskId: string, status: string): void;
  /** Deletes a fixture record so later GETs get the vendor's 404; throws if there is none. */
  remove(kind: RemovableKind, id: string): void;
  /** Answers the next `times` (default 1, Infinity allowed) matching requests with `fault`, FIFO. */
  inject(service: EmulatedService | "*", fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Restores the fixtures given at start and clears recorded requests and faults. */
  reset(): void;
  /** Stops the server and destroys every open or hanging socket. */
  close(): Promise<void>;
}

/**
 * Record kinds {@link Emulator.remove} can delete, by taskId / productId / taskId / certificate id.
 *
 * @example
 * ```ts
 * emulator.remove("smsTask", "d7fa81b9-c174-4c0a-a475-51a54c8af8a4"); // later reads of it get SMS's 404
 * ```
 */
export type RemovableKind = "smsTask" | "romaProduct" | "kpsTask" | "astraCertificate";

const HOST = "127.0.0.1";

/** The largest request body read; a larger one is answered 413 and its connection closed. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** How many requests `requests` keeps: the newest, so a long-running emulator's memory stays bounded. */
export const MAX_RECORDED_REQUESTS = 10_000;

/** The emulated service a request path names (`/kms/...`), or "unknown". */
function serviceOf(target: string): EmulatedService | "unknown" {
  const queryAt = target.indexOf("?");
  const prefix = (queryAt < 0 ? target : target.slice(0, queryAt)).split("/")[1] ?? "";
  return (EMULATED_SERVICES as readonly string[]).includes(prefix) ? (prefix as EmulatedService) : "unknown";
}

/** The server behind an {@link Emulator}: it serves the fixture data it is given (see `startEmulator`). */
export class EmulatorServer implements Emulator {
  readonly data: FixtureData;
  readonly requests: RecordedRequest[] = [];
  private readonly initial: FixtureData;
  private readonly faults = new FaultQueue();
  private readonly sockets = new Set<Socket>();
  private readonly server: http.Server;
  private address = "";
  private closing: Promise<void> | undefined;

  constructor(
    fixtures: FixtureData,
    private readonly now: () => Date,
    private readonly maxPageSize: number | undefined,
  ) {
    this.initial = cloneFixtures(fixtures);
    this.data = cloneFixtures(fixtures);
    this.server = http.createServer((req, res) => this.receive(req, res));
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    // A malformed request must not crash the test process that hosts the emulator.
    this.server.on("clientError", (_error, socket) => socket.destroy());
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, HOST, () => {
        this.server.off("error", reject);
        this.address = `http://${HOST}:${(this.server.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  get url(): string {
    return this.address;
  }

  get endpoints(): Readonly<Record<EmulatedService, string>> {
    return { sms: `${this.url}/sms`, roma: `${this.url}/roma`, kms: `${this.url}/kms`, iam: `${this.url}/iam`, astra: `${this.url}/astra` };
  }

  setKeypairTaskStatus(projectId: string, taskId: string, status: string): void {
    const task = this.data.huawei.kps.tasks.find((t) => t.projectId === projectId && t.taskId === taskId);
    if (!task) throw new Error(`emulator has no KPS task ${taskId} in project ${projectId}`);
    task.taskStatus = status;
  }

  remove(kind: RemovableKind, id: string): void {
    const removed = (() => {
      switch (kind) {
        case "smsTask":
          return removeWhere(this.data.huawei.sms.tasks, (t) => t.taskId === id);
        case "romaProduct":
          return removeWhere(this.data.huawei.roma.products, (p) => sameProductId(p.productId, id));
        case "kpsTask":
          return removeWhere(this.data.huawei.kps.tasks, (t) => t.taskId === id);
        case "astraCertificate":
          return removeWhere(this.data.astra.certificates, (c) => c.resource.id === id);
      }
    })();
    if (removed === 0) throw new Error(`emulator has no ${kind} ${id}`);
  }

  inject(service: EmulatedService | "*", fault: Fault, times = 1): void {
    this.faults.add(service, fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  reset(): void {
    // Replaced in place so references tests hold to `data` and `requests` stay live.
    const fresh = cloneFixtures(this.initial);
    this.data.huawei = fresh.huawei;
    this.data.astra = fresh.astra;
    this.requests.length = 0;
    this.faults.clear();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY_BYTES) return void chunks.push(chunk);
      // No emulated operation takes a body this large: answer at once and drop the connection.
      if (res.headersSent) return;
      chunks.length = 0;
      this.record({ service: serviceOf(req.url ?? "/"), method: req.method ?? "GET", path: req.url ?? "/", headers: flattenHeaders(req.headers), body: "", outcome: 413 });
      res.once("finish", () => req.destroy());
      writeResponse(res, jsonResponse(413, { error: `Request body larger than ${MAX_REQUEST_BODY_BYTES} bytes.` }, "application/json"), { Connection: "close" });
    });
    req.on("end", () => {
      if (!res.headersSent) this.answer(req, res, Buffer.concat(chunks));
    });
    req.on("error", () => res.destroy());
  }

  /** Keeps the request log to its newest MAX_RECORDED_REQUESTS entries. */
  private record(entry: RecordedRequest): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_RECORDED_REQUESTS) this.requests.splice(0, this.requests.length - MAX_RECORDED_REQUESTS);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const target = req.url ?? "/";
    const method = req.method ?? "GET";
    const queryAt = target.indexOf("?");
    const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const [, , ...rest] = rawPath.split("/");
    const service = serviceOf(target);
    const headers = flattenHeaders(req.headers);
    const record: RecordedRequest = { service, method, path: target, headers, body: body.toString("utf8"), outcome: "fault" };
    this.record(record);

    const requestId = randomUUID();
    // Huawei's gateway stamps every response, errors included, with the request id.
    const standardHeaders: Record<string, string> = isHuaweiService(service) ? { "X-Request-Id": requestId } : {};
    const fault = this.faults.take(service);
    const send = (response: EmulatorResponse): void => {
      if (!fault) record.outcome = response.status;
      writeResponse(res, response, standardHeaders);
    };

    if (service === "unknown") {
      const normal = () => jsonResponse(404, { error: "No emulated service at this path.", endpoints: this.endpoints }, "application/json");
      if (!fault) return send(normal());
      return writeFault(fault, res, {
        normal,
        statusError: (status) => jsonResponse(status, { error: `Emulated HTTP ${status}.` }, "application/json"),
        sample: () => ({ contentType: "application/json", body: {}, required: [] }),
        send,
        standardHeaders,
      });
    }

    const definition = SERVICES[service];
    const ctx: RequestContext = {
      service,
      method,
      target,
      segments: rest.map(decodeSegment),
      query: new URLSearchParams(queryAt < 0 ? "" : target.slice(queryAt + 1)),
      headers,
      body,
      requestId,
      endpoint: this.endpoints[service],
      data: this.data,
      now: this.now(),
      maxPageSize: this.maxPageSize,
    };
    const normal = (): EmulatorResponse => {
      try {
        return dispatch(definition, ctx);
      } catch (error) {
        // An emulator bug must surface in the test that hit it, not hang the client.
        return jsonResponse(500, { error: `emulator failure: ${error instanceof Error ? error.message : String(error)}` }, "application/json");
      }
    };
    if (!fault) return send(normal());
    writeFault(fault, res, {
      normal,
      statusError: (status, problem, retryAfter, code) => statusError(ctx, service, status, problem, retryAfter, code),
      sample: () => sampleFor(definition, ctx),
      send,
      standardHeaders,
    });
  }
}

function writeResponse(res: http.ServerResponse, response: EmulatorResponse, standardHeaders: Record<string, string>): void {
  const body = typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body;
  res.writeHead(response.status, { ...response.headers, ...standardHeaders, "Content-Length": String(body.length) });
  res.end(body);
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function removeWhere<T>(items: T[], matches: (item: T) => boolean): number {
  let removed = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    if (matches(items[i])) {
      items.splice(i, 1);
      removed++;
    }
  }
  return removed;
}

/** Product ids are compared as integers (BigInt) so leading zeros or 2^53 rounding never matter. */
function sameProductId(a: string, b: string): boolean {
  const digits = /^[0-9]+$/;
  return digits.test(a) && digits.test(b) ? BigInt(a) === BigInt(b) : a === b;
}
