/**
 * Writing protobuf's wire format by hand, in two passes over the same steps: a {@link WireSizer}
 * measures every nested message (and string) first, then a {@link WireBytes} writes the bytes into
 * one buffer of the exact size, each length known before its message. Linear in the output.
 */

/**
 * The steps a message is written in; both passes take the same ones, in the same order.
 *
 * @example
 * ```ts
 * const write = (w: WireSink) => { w.begin(2); w.string(1, "taskId"); w.end(); }; // a CheckFailure in field 2
 * encodeMessage(write); // <12 08 0a 06 74 61 73 6b 49 64>
 * ```
 */
export interface WireSink {
    /** Starts field `field`'s nested message (LEN); `end()` closes it. */
    begin(field: number): void;
    end(): void;
    /** A LEN field of UTF-8 text (written even when empty). */
    string(field: number, s: string): void;
    /** A VARINT field (a bool, an enum; `n` from 0 to 2^32 - 1). */
    varint(field: number, n: number): void;
    /** An I64 field holding a double. */
    double(field: number, v: number): void;
    /** The keys of `obj` in the order to write them (computed in the first pass, reused in the second). */
    keys(obj: Record<string, unknown>): readonly string[];
}

const varintSize = (n: number): number => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** UTF-8 length: a loop for the usual short ASCII text (cheaper than a call into C++). */
function utf8Length(s: string): number {
    if (s.length > 64) return Buffer.byteLength(s, "utf8");
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, "utf8");
    return s.length;
}

/**
 * The first pass: sizes only.
 *
 * @example
 * ```ts
 * const sizer = new WireSizer();
 * sizer.string(1, "abc");
 * sizer.size; // 5
 * ```
 */
export class WireSizer implements WireSink {
    size = 0;
    /** Each nested message's and string's byte length, in the order they were met. */
    readonly lengths: number[] = [];
    /** Each object's keys, in the order they were met. */
    readonly keyLists: (readonly string[])[] = [];
    private readonly open: number[] = [];

    begin(field: number): void {
        this.size += varintSize(field << 3);
        this.open.push(this.lengths.length, this.size);
        this.lengths.push(0);
    }

    end(): void {
        const start = this.open.pop() as number;
        const at = this.open.pop() as number;
        const n = this.size - start;
        this.lengths[at] = n;
        this.size += varintSize(n);
    }

    string(field: number, s: string): void {
        const n = utf8Length(s);
        this.lengths.push(n);
        this.size += varintSize(field << 3) + varintSize(n) + n;
    }

    varint(field: number, n: number): void {
        this.size += varintSize(field << 3) + varintSize(n);
    }

    double(field: number): void {
        this.size += varintSize(field << 3) + 8;
    }

    keys(obj: Record<string, unknown>): readonly string[] {
        const keys: string[] = [];
        // for-in, as Struct.fromJavaScript: the keys of a prototype set by a vendor's `__proto__` key too.
        for (const k in obj) keys.push(k);
        keys.sort();
        this.keyLists.push(keys);
        return keys;
    }
}

/**
 * The second pass: the bytes, into a buffer of the size the first pass found.
 *
 * @example
 * ```ts
 * const sizer = new WireSizer();
 * sizer.string(1, "abc");
 * const out = new WireBytes(sizer);
 * out.string(1, "abc");
 * out.buf; // <0a 03 61 62 63>
 * ```
 */
export class WireBytes implements WireSink {
    readonly buf: Buffer;
    private pos = 0;
    private nextLength = 0;
    private nextKeys = 0;

    constructor(private readonly sizer: WireSizer) {
        this.buf = Buffer.allocUnsafe(sizer.size);
    }

    private raw(n: number): void {
        const buf = this.buf;
        while (n > 0x7f) {
            buf[this.pos++] = (n & 0x7f) | 0x80;
            n >>>= 7;
        }
        buf[this.pos++] = n;
    }

    begin(field: number): void {
        this.raw((field << 3) | 2);
        this.raw(this.sizer.lengths[this.nextLength++]);
    }

    end(): void {}

    string(field: number, s: string): void {
        const n = this.sizer.lengths[this.nextLength++];
        this.raw((field << 3) | 2);
        this.raw(n);
        const buf = this.buf;
        if (n === s.length) for (let i = 0; i < n; i++) buf[this.pos++] = s.charCodeAt(i);
        else this.pos += buf.write(s, this.pos, n, "utf8");
    }

    varint(field: number, n: number): void {
        this.raw(field << 3);
        this.raw(n);
    }

    double(field: number, v: number): void {
        this.raw((field << 3) | 1);
        this.pos = this.buf.writeDoubleLE(v, this.pos);
    }

    keys(): readonly string[] {
        return this.sizer.keyLists[this.nextKeys++];
    }

    /** The bytes written, checked to fill the buffer (both passes took the same steps). */
    done(): Buffer {
        if (this.pos !== this.buf.length) throw new Error(`cloudreads provider: encoder wrote ${this.pos} of ${this.buf.length} bytes`);
        return this.buf;
    }
}

/**
 * A message's bytes from the steps `write` takes (run twice: sizes, then bytes).
 *
 * @example
 * ```ts
 * encodeMessage((w) => w.string(1, "i-1")); // <0a 03 69 2d 31>
 * ```
 */
export function encodeMessage(write: (w: WireSink) => void): Buffer {
    const sizer = new WireSizer();
    write(sizer);
    const bytes = new WireBytes(sizer);
    write(bytes);
    return bytes.done();
}
