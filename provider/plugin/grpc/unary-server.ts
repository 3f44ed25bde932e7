import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { framed, MAX_MESSAGE_BYTES, unframed } from "./frames";
import { encodeStatusMessage, GrpcError, Status } from "./status";

/**
 * A gRPC server of unary calls on raw message bytes, on Node's own HTTP/2 (h2c, as the engine
 * dials plugins): each call's one request message goes to the handler for its path, and the
 * message it returns is sent with status OK; a thrown error is sent as its status and message, in a
 * trailers-only answer. No metadata, compression, streaming or deadlines: the engine's calls to a
 * provider need none (Cancel is its own call). What grpc-js's server did here, for less work per call.
 */

/** A method: the request message's bytes in, the response message's bytes out. */
export type UnaryHandler = (request: Buffer) => Buffer | Promise<Buffer>;

/** A thrown error as the status and message to send. */
export type ErrorStatus = (e: unknown) => { code: number; message: string };

const GRPC = "application/grpc";

/**
 * The server.
 *
 * @example
 * ```ts
 * const server = new UnaryServer(new Map([["/pkg.Svc/Echo", (b) => b]]), () => ({ code: 13, message: "failed" }));
 * const port = await server.listen("127.0.0.1");
 * server.close(() => console.log("closed"));
 * ```
 */
export class UnaryServer {
    private readonly server: http2.Http2Server;
    private readonly sessions = new Set<http2.ServerHttp2Session>();

    constructor(private readonly routes: ReadonlyMap<string, UnaryHandler>, private readonly statusOf: ErrorStatus) {
        // maxSessionMemory (MB) bounds what a session may buffer: room for the largest message.
        this.server = http2.createServer({ maxSessionMemory: 1024 });
        this.server.on("session", (session) => {
            this.sessions.add(session);
            session.on("close", () => this.sessions.delete(session));
            session.on("error", () => session.destroy());
        });
        this.server.on("stream", (stream, headers) => this.serve(stream, headers));
    }

    /** Listens on a free port of `host`; resolves with the port. */
    listen(host: string): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once("error", reject);
            this.server.listen(0, host, () => {
                this.server.off("error", reject);
                resolve((this.server.address() as AddressInfo).port);
            });
        });
    }

    /** Takes no new connection or call; `done` once the calls in flight are answered and every connection is closed. */
    close(done: () => void): void {
        this.server.close(() => done());
        for (const session of this.sessions) session.close();
    }

    private serve(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
        // A peer that resets its call: nothing is left to answer.
        stream.on("error", () => undefined);
        const type = headers["content-type"] ?? "";
        if (headers[":method"] !== "POST" || !type.startsWith(GRPC)) {
            // Not a gRPC call: plain HTTP, as the protocol asks (415 for another content type).
            return this.plain(stream, headers[":method"] !== "POST" ? 405 : 415);
        }
        const path = headers[":path"] ?? "";
        const handler = this.routes.get(path);
        if (!handler) {
            stream.resume();
            return this.fail(stream, Status.UNIMPLEMENTED, `unknown method ${JSON.stringify(path.slice(0, 200))}`);
        }
        const chunks: Buffer[] = [];
        let total = 0;
        let refused = false;
        stream.on("data", (chunk: Buffer) => {
            if (refused) return;
            total += chunk.length;
            if (total > MAX_MESSAGE_BYTES + 5) {
                refused = true;
                chunks.length = 0;
                this.fail(stream, Status.RESOURCE_EXHAUSTED, `a request larger than ${MAX_MESSAGE_BYTES} bytes`);
                return;
            }
            chunks.push(chunk);
        });
        stream.on("end", () => {
            if (refused) return;
            Promise.resolve()
                .then(() => handler(unframed(chunks, total)))
                .then(
                    (response) => this.answer(stream, response),
                    (e: unknown) => {
                        const { code, message } = e instanceof GrpcError ? { code: e.code, message: e.message } : this.statusOf(e);
                        this.fail(stream, code, message);
                    },
                );
        });
    }

    private answer(stream: http2.ServerHttp2Stream, response: Buffer): void {
        if (stream.destroyed || stream.closed || stream.headersSent) return;
        stream.respond({ ":status": 200, "content-type": GRPC }, { waitForTrailers: true });
        stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(Status.OK) }));
        stream.end(framed(response));
    }

    private fail(stream: http2.ServerHttp2Stream, code: number, message: string): void {
        if (stream.destroyed || stream.closed || stream.headersSent) return;
        stream.respond({ ":status": 200, "content-type": GRPC, "grpc-status": String(code), "grpc-message": encodeStatusMessage(message) }, { endStream: true });
    }

    private plain(stream: http2.ServerHttp2Stream, status: number): void {
        stream.resume();
        if (!stream.headersSent) stream.respond({ ":status": status }, { endStream: true });
    }
}
