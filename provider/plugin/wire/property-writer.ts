import type { WireSink } from "./wire-writer";

/**
 * A property map for the engine written straight as google.protobuf.Struct bytes: the same bytes
 * `wrap(values, secret).serializeBinary()` gives (keys sorted, as google-protobuf's map writes
 * them), without building its messages. Field numbers as in property-decoder.ts.
 */

/** One value as a google.protobuf.Value's fields; what Value.fromJavaScript refuses is refused. */
function writeValue(w: WireSink, v: unknown): void {
    switch (typeof v) {
        case "string":
            return w.string(3, v);
        case "number":
            return w.double(2, v);
        case "boolean":
            return w.varint(4, v ? 1 : 0);
        case "object":
            if (v === null) return w.varint(1, 0);
            if (Array.isArray(v)) {
                w.begin(6);
                for (const x of v as unknown[]) {
                    w.begin(1);
                    writeValue(w, x);
                    w.end();
                }
                return w.end();
            }
            w.begin(5);
            writeFields(w, v as Record<string, unknown>);
            return w.end();
        default:
            throw new Error("Unexpected struct type.");
    }
}

/** An object's entries as a Struct's fields (map entries: key=1, value=2). */
function writeFields(w: WireSink, obj: Record<string, unknown>): void {
    for (const k of w.keys(obj)) {
        w.begin(1);
        w.string(1, k);
        w.begin(2);
        writeValue(w, obj[k]);
        w.end();
        w.end();
    }
}

/**
 * Writes `obj` (what `engineValues` makes of a result: secrets wrapped, vendor objects inert) as
 * field `field` of the message being written, a Struct.
 *
 * @example
 * ```ts
 * const outs = engineValues({ id: "i-1" }, new Set());
 * encodeMessage((w) => writeStruct(w, 1, outs)); // CheckResponse{inputs: {id: "i-1"}}
 * ```
 */
export function writeStruct(w: WireSink, field: number, obj: Record<string, unknown>): void {
    w.begin(field);
    writeFields(w, obj);
    w.end();
}
