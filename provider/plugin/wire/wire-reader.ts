/**
 * Reading protobuf's wire format by hand, without trusting it: every varint, length and group is
 * checked against the bytes left, so malformed input fails with a {@link WireError} (never a hang,
 * never a read past the end), in time linear in the input.
 */

/**
 * Malformed protobuf bytes: a truncated varint, a length past the end, a wire type that does not
 * fit its field, nesting past the bound.
 *
 * @example
 * ```ts
 * try { new WireReader(new Uint8Array([0x80])).varint(); } catch (e) { e instanceof WireError; } // true: truncated
 * ```
 */
export class WireError extends Error {
    override readonly name = "WireError";
}

/**
 * The wire types (https://protobuf.dev/programming-guides/encoding/#structure).
 *
 * @example
 * ```ts
 * (3 << 3) | WireType.LEN; // 0x1a: the tag of field 3 holding a string
 * ```
 */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

/** Deepest group nesting a skipped field may have (the engine never sends groups). */
const MAX_GROUP_DEPTH = 32;

/**
 * A cursor over a message's bytes. `pos` moves forward only; `limit` is where the current
 * (sub)message ends.
 *
 * @example
 * ```ts
 * const r = new WireReader(new Uint8Array([0x08, 0x96, 0x01]));
 * r.tag(); // 8: field 1, wire type VARINT
 * r.varint(); // 150
 * ```
 */
export class WireReader {
    readonly buf: Buffer;
    pos = 0;
    limit: number;

    constructor(bytes: Uint8Array) {
        this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        this.limit = this.buf.length;
    }

    /** Whether bytes remain before `limit`. */
    more(): boolean {
        return this.pos < this.limit;
    }

    /** A varint of up to 10 bytes as a number (exact to 2^53; larger ones only need to be consumed). */
    varint(): number {
        const { buf, limit } = this;
        let result = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            if (this.pos >= limit) throw new WireError("truncated varint");
            const b = buf[this.pos++];
            result += (b & 0x7f) * scale;
            if (b < 0x80) return result;
            scale *= 128;
        }
        throw new WireError("varint longer than 10 bytes");
    }

    /** A field's tag (field number << 3 | wire type); field 0 and wire types 6 and 7 are refused. */
    tag(): number {
        const t = this.varint();
        if (t > 0xffffffff || t >>> 3 === 0 || (t & 7) > 5) throw new WireError(`invalid tag ${t}`);
        return t;
    }

    /** A LEN field's length, checked against the bytes left; returns where the field ends. */
    lengthEnd(): number {
        const n = this.varint();
        if (n > this.limit - this.pos) throw new WireError(`length ${n} past the end of the message`);
        return this.pos + n;
    }

    /** A LEN field as UTF-8 text. */
    string(): string {
        const end = this.lengthEnd();
        const s = this.buf.toString("utf8", this.pos, end);
        this.pos = end;
        return s;
    }

    /** An I64 field as a double. */
    double(): number {
        if (this.limit - this.pos < 8) throw new WireError("truncated double");
        const v = this.buf.readDoubleLE(this.pos);
        this.pos += 8;
        return v;
    }

    /** Skips the value of the field whose tag was just read (a group up to its own end tag). */
    skip(tag: number, groupDepth = 0): void {
        switch (tag & 7) {
            case WireType.VARINT:
                this.varint();
                return;
            case WireType.I64:
                return this.advance(8);
            case WireType.LEN:
                this.pos = this.lengthEnd();
                return;
            case WireType.I32:
                return this.advance(4);
            case WireType.SGROUP:
                return this.skipGroup(tag >>> 3, groupDepth + 1);
            default:
                throw new WireError(`unexpected wire type ${tag & 7} (field ${tag >>> 3})`);
        }
    }

    private advance(n: number): void {
        if (this.limit - this.pos < n) throw new WireError("truncated fixed-width field");
        this.pos += n;
    }

    private skipGroup(field: number, depth: number): void {
        if (depth > MAX_GROUP_DEPTH) throw new WireError(`groups nested deeper than ${MAX_GROUP_DEPTH}`);
        for (;;) {
            if (!this.more()) throw new WireError(`group ${field} without its end`);
            const t = this.tag();
            if ((t & 7) === WireType.EGROUP) {
                if (t >>> 3 !== field) throw new WireError(`group ${field} ended by field ${t >>> 3}`);
                return;
            }
            this.skip(t, depth);
        }
    }

    /** Fails unless `tag`'s wire type is `expected` (a field of the wrong type is malformed, not skipped). */
    expect(tag: number, expected: number): void {
        if ((tag & 7) !== expected) throw new WireError(`field ${tag >>> 3} has wire type ${tag & 7}, expected ${expected}`);
    }
}
