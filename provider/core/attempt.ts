import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
import * as zlib from "node:zlib";

/** A whole response, its body decoded to text. */
export interface RawResponse {
    readonly status: number;
    readonly headers: Readonly<http.IncomingHttpHeaders>;
    readonly body: string;
}

/** What one attempt produced: a whole response, a body over the cap, or a failure code. */
export type Attempt =
    | { readonly kind: "response"; readonly response: RawResponse }
    | { readonly kind: "too-large"; readonly status: number; readonly requestId?: string }
    | { readonly kind: "failure"; readonly code: string; readonly message: string };

/** One GET attempt, as {@link attemptOnce} needs it. */
export interface AttemptRequest {
    readonly url: URL;
    readonly headers: Readonly<Record<string, string>>;
    /** The agent for the URL's scheme (direct or through a proxy, with the vendor's TLS settings). */
    readonly agent: http.Agent;
    /** The attempt ends with `ETIMEDOUT` after this long, whatever the connection is doing. */
    readonly timeoutMs: number;
    /** Bodies larger than this, after decompression, end the attempt as `too-large`. */
    readonly maxBytes: number;
    /** Ends the attempt at once as the failure {@link CANCELLED} (its socket destroyed) when aborted. */
    readonly signal?: AbortSignal;
}

/** The failure code of an attempt ended by its signal: never transient. */
export const CANCELLED = "ERR_CANCELLED";

/** Encodings asked for and decoded; anything else is taken as it comes. */
const ACCEPT_ENCODING = "gzip, deflate, br";

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
    switch ((encoding ?? "").trim().toLowerCase()) {
        case "gzip":
        case "x-gzip":
            return zlib.createGunzip();
        case "deflate":
            return zlib.createInflate();
        case "br":
            return zlib.createBrotliDecompress();
        default:
            return undefined;
    }
}

function errorCode(e: unknown): string {
    const code = (e as { code?: unknown } | null)?.code;
    return typeof code === "string" && code !== "" ? code : "ERR_UNKNOWN";
}

/** A proxy's refusal of CONNECT (`Bad response: 407`) is the only error text kept; other texts may echo request details. */
function safeMessage(e: unknown): string {
    const message = e instanceof Error ? e.message : "";
    return /^Bad response: [0-9]{3}$/.test(message) ? message : "";
}

/**
 * Sends one GET with Node's own client and reads the answer. Nothing here reads an option object
 * through its prototype chain, so a polluted `Object.prototype` cannot steer the request. The
 * attempt's own timer ends it whatever the connection does (a socket handed over on a
 * `101 Switching Protocols`, a body that trickles, a stalled decompressor). Never rejects.
 */
export function attemptOnce(a: AttemptRequest): Promise<Attempt> {
    return new Promise<Attempt>((resolve) => {
        let settled = false;
        let req: http.ClientRequest | undefined;
        const settle = (outcome: Attempt): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            a.signal?.removeEventListener("abort", onAbort);
            resolve(outcome);
            // Only a complete response leaves its socket to the agent for reuse.
            if (outcome.kind !== "response") req?.destroy();
        };
        const fail = (code: string, message = ""): void => settle({ kind: "failure", code, message });
        const onAbort = (): void => fail(CANCELLED);
        const timer = setTimeout(() => fail("ETIMEDOUT"), a.timeoutMs);
        if (a.signal?.aborted) return onAbort();
        a.signal?.addEventListener("abort", onAbort, { once: true });
        const headers: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, a.headers, { "Accept-Encoding": ACCEPT_ENCODING });
        try {
            req = (a.url.protocol === "https:" ? https : http).request(a.url, { method: "GET", headers, agent: a.agent });
        } catch (e) {
            fail(errorCode(e));
            return;
        }
        req.once("upgrade", (_res: http.IncomingMessage, socket: Socket) => {
            socket.destroy();
            fail("ERR_UPGRADE");
        });
        req.on("error", (e: unknown) => fail(errorCode(e), safeMessage(e)));
        req.once("response", (res: http.IncomingMessage) => {
            const status = res.statusCode ?? 0;
            const tooLarge = (): void => settle({ kind: "too-large", status, requestId: [res.headers["x-request-id"]].flat()[0] });
            // For an encoded body this is the encoded size; the decoded size is counted below.
            const declared = Number(res.headers["content-length"]);
            if (Number.isFinite(declared) && declared > a.maxBytes) return tooLarge();
            res.on("error", (e: unknown) => fail(errorCode(e)));
            // The connection closed before the whole body (a reset, a shorter body than promised).
            res.once("close", () => {
                if (!res.complete) fail("ECONNRESET");
            });
            let received = 0;
            res.on("data", (chunk: Buffer) => {
                received += chunk.length;
            });
            const decoder = decoderFor([res.headers["content-encoding"]].flat()[0]);
            const body: Readable = decoder ? res.pipe(decoder) : res;
            const chunks: Buffer[] = [];
            let size = 0;
            const done = (): void => settle({ kind: "response", response: { status, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") } });
            // Counted after decompression, so a small gzip body cannot expand past the cap in memory.
            body.on("data", (chunk: Buffer) => {
                if (settled) return;
                size += chunk.length;
                if (size > a.maxBytes) tooLarge();
                else chunks.push(chunk);
            });
            body.once("end", done);
            // An empty body labelled as compressed is an empty body.
            if (decoder) decoder.once("error", (e: unknown) => (received === 0 && res.complete ? done() : fail(errorCode(e))));
        });
        req.end();
    });
}
