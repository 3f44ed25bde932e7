/**
 * gRPC's status codes and its `grpc-message` text, as the gRPC over HTTP/2 protocol defines them
 * (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md): the few codes the plugin sends
 * or reads, and the percent-encoding of a message in a trailer.
 */

/**
 * The status codes used here (google.rpc.Code).
 *
 * @example
 * ```ts
 * Status.UNIMPLEMENTED; // 12
 * ```
 */
export const Status = {
    OK: 0,
    CANCELLED: 1,
    UNKNOWN: 2,
    INVALID_ARGUMENT: 3,
    DEADLINE_EXCEEDED: 4,
    RESOURCE_EXHAUSTED: 8,
    UNIMPLEMENTED: 12,
    INTERNAL: 13,
    UNAVAILABLE: 14,
} as const;

/**
 * A call that ended with a status other than OK: its code and its message.
 *
 * @example
 * ```ts
 * throw new GrpcError(Status.UNIMPLEMENTED, "unknown method /pulumirpc.ResourceProvider/List");
 * ```
 */
export class GrpcError extends Error {
    constructor(readonly code: number, message: string) {
        super(message);
        this.name = "GrpcError";
    }
}

/**
 * A message as a `grpc-message` value: UTF-8, each byte outside printable ASCII (and `%`) as `%XX`.
 *
 * @example
 * ```ts
 * encodeStatusMessage("100% sûr"); // "100%25 s%C3%BBr"
 * ```
 */
export function encodeStatusMessage(message: string): string {
    let plain = true;
    for (let i = 0; i < message.length && plain; i++) {
        const c = message.charCodeAt(i);
        plain = c >= 0x20 && c <= 0x7e && c !== 0x25;
    }
    if (plain) return message;
    let out = "";
    for (const b of Buffer.from(message, "utf8")) out += b >= 0x20 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    return out;
}

/**
 * A `grpc-message` value as text; a malformed escape is kept as it is (as the protocol asks).
 *
 * @example
 * ```ts
 * decodeStatusMessage("100%25 s%C3%BBr"); // "100% sûr"
 * ```
 */
export function decodeStatusMessage(value: string): string {
    if (!value.includes("%")) return value;
    const bytes: number[] = [];
    for (let i = 0; i < value.length; i++) {
        const hex = value[i] === "%" ? value.slice(i + 1, i + 3) : "";
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 2;
        } else bytes.push(...Buffer.from(value[i]!, "utf8"));
    }
    return Buffer.from(bytes).toString("utf8");
}
