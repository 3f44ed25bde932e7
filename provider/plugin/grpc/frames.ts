import { GrpcError, Status } from "./status";

/**
 * gRPC's length-prefixed messages: a flag byte (1 = compressed) and a 4-byte big-endian length
 * before each message's bytes. A unary call carries exactly one message each way.
 */

/** The largest message taken or given (what the plugin's grpc-js server allowed before). */
export const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/**
 * One message with its prefix, ready to send.
 *
 * @example
 * ```ts
 * framed(Buffer.from([0x0a, 0x01, 0x78])); // <00 00 00 00 03 0a 01 78>
 * ```
 */
export function framed(message: Buffer): Buffer {
    const out = Buffer.allocUnsafe(5 + message.length);
    out[0] = 0;
    out.writeUInt32BE(message.length, 1);
    message.copy(out, 5);
    return out;
}

/**
 * The one message of a unary call's body (its chunks, in order, `total` bytes in all). A body that
 * is not exactly one uncompressed message fails with the status a gRPC peer expects.
 *
 * @example
 * ```ts
 * unframed([Buffer.from([0, 0, 0, 0, 1, 0x08])], 6); // <08>
 * ```
 */
export function unframed(chunks: readonly Buffer[], total: number): Buffer {
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks as Buffer[], total);
    if (body.length < 5) throw new GrpcError(Status.INTERNAL, `a unary call's body of ${body.length} bytes holds no message`);
    if (body[0] !== 0) throw new GrpcError(Status.UNIMPLEMENTED, "compressed messages are not accepted (no grpc-encoding is offered)");
    const length = body.readUInt32BE(1);
    if (length > MAX_MESSAGE_BYTES) throw new GrpcError(Status.RESOURCE_EXHAUSTED, `a message of ${length} bytes is larger than ${MAX_MESSAGE_BYTES}`);
    if (body.length !== 5 + length) throw new GrpcError(Status.INTERNAL, `a unary call's body must hold one message of ${length} bytes; it has ${body.length - 5}`);
    return body.subarray(5);
}
