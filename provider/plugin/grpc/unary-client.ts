import * as http2 from "node:http2";
import { framed, unframed } from "./frames";
import { decodeStatusMessage, GrpcError, Status } from "./status";

/**
 * A gRPC client of unary calls on raw message bytes, on Node's own HTTP/2 (h2c): what the plugin
 * sends the engine (its log, its health check). One connection, made at the first call and made
 * again after it closes; it never keeps the process alive on its own.
 */

/**
 * The client.
 *
 * @example
 * ```ts
 * const client = new UnaryClient("127.0.0.1:41237");
 * await client.call("/grpc.health.v1.Health/Check", Buffer.alloc(0), 2000);
 * client.close();
 * ```
 */
export class UnaryClient {
    private session: http2.ClientHttp2Session | undefined;
    private closed = false;

    constructor(private readonly address: string) {}

    /**
     * One call: resolves with the response message, or rejects with a {@link GrpcError}
     * (UNAVAILABLE when nothing answers at the address, DEADLINE_EXCEEDED after `deadlineMs`).
     */
    call(path: string, message: Buffer, deadlineMs?: number): Promise<Buffer> {
        return new Promise<Buffer>((resolve, reject) => {
            if (this.closed) return reject(new GrpcError(Status.CANCELLED, "the client is closed"));
            const session = this.connected();
            const headers: http2.OutgoingHttpHeaders = { ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" };
            if (deadlineMs !== undefined) headers["grpc-timeout"] = `${Math.max(1, Math.ceil(deadlineMs))}m`;
            let settled = false;
            const settle = (e: GrpcError | undefined, res?: Buffer): void => {
                if (settled) return;
                settled = true;
                if (timer) clearTimeout(timer);
                if (e) reject(e);
                else resolve(res!);
            };
            const req = session.request(headers);
            const timer = deadlineMs === undefined ? undefined : setTimeout(() => {
                req.close(http2.constants.NGHTTP2_CANCEL);
                settle(new GrpcError(Status.DEADLINE_EXCEEDED, `no answer within ${deadlineMs} ms`));
            }, deadlineMs);
            timer?.unref();
            const chunks: Buffer[] = [];
            let total = 0;
            let status: string | undefined;
            let statusMessage = "";
            const take = (h: http2.IncomingHttpHeaders): void => {
                const s = h["grpc-status"];
                if (typeof s === "string") {
                    status = s;
                    statusMessage = decodeStatusMessage(typeof h["grpc-message"] === "string" ? h["grpc-message"] : "");
                }
            };
            req.on("response", (h) => {
                if (h[":status"] !== 200) {
                    req.close(http2.constants.NGHTTP2_CANCEL);
                    return settle(new GrpcError(h[":status"] === 503 ? Status.UNAVAILABLE : Status.UNKNOWN, `HTTP status ${h[":status"]}`));
                }
                take(h);
            });
            req.on("trailers", take);
            req.on("data", (c: Buffer) => {
                chunks.push(c);
                total += c.length;
            });
            req.on("error", (e: Error) => settle(new GrpcError(Status.UNAVAILABLE, e.message)));
            req.on("close", () => {
                if (status === undefined) return settle(new GrpcError(Status.UNAVAILABLE, "the call ended without a status"));
                if (status !== "0") return settle(new GrpcError(/^\d+$/.test(status) ? Number(status) : Status.UNKNOWN, statusMessage));
                try {
                    settle(undefined, unframed(chunks, total));
                } catch (e) {
                    settle(e instanceof GrpcError ? e : new GrpcError(Status.INTERNAL, String(e)));
                }
            });
            req.end(framed(message));
        });
    }

    /** Closes the connection; later calls fail with CANCELLED. */
    close(): void {
        this.closed = true;
        this.session?.destroy();
        this.session = undefined;
    }

    private connected(): http2.ClientHttp2Session {
        if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
        const session = http2.connect(`http://${this.address}`);
        // An error here (nothing listening) fails the calls on it; the next call connects again.
        session.on("error", () => undefined);
        session.on("close", () => {
            if (this.session === session) this.session = undefined;
        });
        session.on("goaway", () => {
            if (this.session === session) this.session = undefined;
        });
        session.unref();
        this.session = session;
        return session;
    }
}
