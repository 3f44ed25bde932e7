import * as http from "node:http";
import * as net from "node:net";
import { expectedSignature, formatSdkDate } from "../../emulator/huawei-signature";

/** What came back: a complete response, or the transport error instead of one. */
export type Outcome =
  | { kind: "response"; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  | { kind: "error"; code: string; message: string };

/** Options for {@link send}. */
export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up (outcome code "TIMEOUT") after this long; none by default. */
  timeoutMs?: number;
}

/**
 * One request on a fresh connection (no keep-alive), resolving to the response or to
 * the transport error: tests of resets, hangs and cut bodies need the error itself,
 * which `fetch` wraps.
 */
export function send(url: string, options: SendOptions = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome): void => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    const fail = (error: NodeJS.ErrnoException): void => settle({ kind: "error", code: error.code ?? "ERROR", message: error.message });
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("close", () => {
        if (res.complete) settle({ kind: "response", status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        else settle({ kind: "error", code: "INCOMPLETE", message: "response ended before its Content-Length" });
      });
    });
    req.on("error", fail);
    if (options.timeoutMs !== undefined) {
      req.setTimeout(options.timeoutMs, () => {
        settle({ kind: "error", code: "TIMEOUT", message: "no response in time" });
        req.destroy();
      });
    }
    req.end(options.body);
  });
}

/** The response of an outcome, failing the test with the transport error otherwise. */
export function response(outcome: Outcome): Extract<Outcome, { kind: "response" }> {
  if (outcome.kind !== "response") throw new Error(`expected a response, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}

/** The parsed JSON body of a response. */
export function json(outcome: Outcome): Record<string, unknown> {
  return JSON.parse(response(outcome).body.toString("utf8")) as Record<string, unknown>;
}

/** GETs and returns the response, for the common case. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Extract<Outcome, { kind: "response" }>> {
  return response(await send(url, { headers }));
}

/** Inputs of {@link signHuawei}. */
export interface SignInput {
  method: string;
  url: string;
  accessKey: string;
  secretKey: string;
  /** Headers to send and sign besides `host` and `x-sdk-date` (names are lower-cased). */
  headers?: Record<string, string>;
  /** Headers to send but leave unsigned. */
  unsignedHeaders?: Record<string, string>;
  body?: string;
  date?: Date;
}

/**
 * Headers for an `SDK-HMAC-SHA256` request signed like the official Go SDK: every
 * given header plus `host` and `x-sdk-date` signed, names sorted.
 */
export function signHuawei(input: SignInput): Record<string, string> {
  const url = new URL(input.url);
  const signedValues: Record<string, string> = { host: url.host, "x-sdk-date": formatSdkDate(input.date ?? new Date()) };
  for (const [name, value] of Object.entries(input.headers ?? {})) signedValues[name.toLowerCase()] = value;
  const signedHeaders = Object.keys(signedValues).sort();
  const signature = expectedSignature(
    { method: input.method, target: `${url.pathname}${url.search}`, headers: signedValues, body: input.body ?? "" },
    signedHeaders,
    input.secretKey,
  );
  return {
    ...signedValues,
    ...(input.unsignedHeaders ?? {}),
    authorization: `SDK-HMAC-SHA256 Access=${input.accessKey}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
  };
}

/**
 * Sends `GET path` on a raw TCP socket and returns every byte received until the server
 * closes it, for faults whose point is what lies on the wire (cut bodies).
 */
export function rawGet(baseUrl: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const lines = [`GET ${pathAndQuery} HTTP/1.1`, `Host: ${url.host}`, "Connection: close", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.on("error", reject);
  });
}
