import { seededRandom } from "./seeded-random";

/** Random property values and hand-made protobuf bytes, for the plugin's wire codec tests. */

export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET = "1b47061264138c4ac30d75fd1eb44270";

/** Keys that matter to the codec (the signature key, `value`, numeric keys that sort apart, non-ASCII), and plain ones. */
const KEYS = [SIG, "value", "taskId", "a", "b", "", "10", "2", "ü", "😀", "z\u0000", "キー"];
const STRINGS = ["", "t-1", SECRET, SIG, "ü", "😀 emoji", "line\nbreak", "x".repeat(200), "ümlaut".repeat(30), "\u0000"];
const NUMBERS = [0, -0, 1, -1, 0.5, 1e308, -1e-308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 123456.789];

/** A generator of property values: nested objects and lists, secret wrappers, look-alike wrappers. */
export class ValueGen {
    readonly next: () => number;

    constructor(seed: number) {
        this.next = seededRandom(seed);
    }

    int(n: number): number {
        return Math.floor(this.next() * n);
    }

    pick<T>(xs: readonly T[]): T {
        return xs[this.int(xs.length)]!;
    }

    key(): string {
        return this.next() < 0.7 ? this.pick(KEYS) : this.next().toString(36).slice(2, 2 + this.int(8));
    }

    /** A value as the engine may send it (JSON-like; wrappers anywhere). */
    value(depth: number): unknown {
        const r = this.next();
        if (depth <= 0 || r < 0.45) return this.scalar();
        if (r < 0.6) return Array.from({ length: this.int(4) }, () => this.value(depth - 1));
        if (r < 0.7) return { [SIG]: SECRET, value: this.value(depth - 1) };
        if (r < 0.75) return { [SIG]: this.pick([SECRET, "other", { [SIG]: SECRET, value: SECRET }]), value: this.value(depth - 1), other: this.value(depth - 1) };
        return this.object(depth - 1);
    }

    object(depth: number): Record<string, unknown> {
        const out: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i--) out[this.key()] = this.value(depth);
        return out;
    }

    scalar(): unknown {
        switch (this.int(5)) {
            case 0:
                return null;
            case 1:
                return this.next() < 0.5;
            case 2:
                return this.pick(NUMBERS);
            default:
                return this.pick(STRINGS);
        }
    }

    /** A value as a vendor's body or a result may hold it: undefined entries and items too. */
    result(depth: number): unknown {
        if (this.next() < 0.1) return undefined;
        const v = this.value(depth);
        if (v !== null && typeof v === "object" && !Array.isArray(v) && this.next() < 0.3) return { ...v, gone: undefined };
        if (Array.isArray(v) && this.next() < 0.3) return [...v, undefined];
        return v;
    }
}

// Hand-made wire bytes: the tests' own encoder, so order, repeats and unknown fields can be chosen.

export function varint(n: number): Buffer {
    const out: number[] = [];
    while (n > 0x7f) {
        out.push((n % 128) | 0x80);
        n = Math.floor(n / 128);
    }
    out.push(n);
    return Buffer.from(out);
}

export const tag = (field: number, wireType: number): Buffer => varint(field * 8 + wireType);
export const len = (field: number, body: Buffer): Buffer => Buffer.concat([tag(field, 2), varint(body.length), body]);
export const str = (field: number, s: string): Buffer => len(field, Buffer.from(s, "utf8"));

/** Unknown fields of every wire type (a group with a nested group too), with field numbers no message here uses. */
export function unknownFields(g: ValueGen): Buffer {
    const f = 100 + g.int(1000);
    const double = Buffer.alloc(8);
    double.writeDoubleLE(g.next());
    const parts = [
        Buffer.concat([tag(f, 0), varint(2 ** 40 + g.int(1000))]),
        Buffer.concat([tag(f + 1, 1), double]),
        str(f + 2, "unknown"),
        Buffer.concat([tag(f + 3, 5), Buffer.from([1, 2, 3, 4])]),
        Buffer.concat([tag(f + 4, 3), tag(f + 5, 0), varint(7), tag(f + 6, 3), str(1, "in a group"), tag(f + 6, 4), tag(f + 4, 4)]),
    ];
    return Buffer.concat(parts.filter(() => g.next() < 0.5));
}

/**
 * A google.protobuf.Struct's bytes for `obj`, entries shuffled, some keys sent twice (an earlier
 * junk value first). Unknown fields: none (`noise` 0), at every level (1), in map entries too (2:
 * google-protobuf's map reader does not skip them, so only this codec reads those).
 */
export function structBytes(g: ValueGen, obj: Record<string, unknown>, noise: number): Buffer {
    const entries: Buffer[] = [];
    const extra = (inEntry = false) => (noise > (inEntry ? 1 : 0) ? unknownFields(g) : Buffer.alloc(0));
    for (const [k, v] of Object.entries(obj)) {
        if (g.next() < 0.15) entries.push(len(1, Buffer.concat([str(1, k), len(2, valueBytes(g, g.value(1), noise))])));
        entries.push(len(1, Buffer.concat([extra(true), str(1, k), extra(true), len(2, valueBytes(g, v, noise))])));
    }
    for (let i = entries.length - 1; i > 0; i--) {
        const j = g.int(i + 1);
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Buffer.concat([...entries.flatMap((e) => [extra(), e]), extra()]);
}

/** A google.protobuf.Value's bytes for `v` (a JSON-like value). */
export function valueBytes(g: ValueGen, v: unknown, noise: number): Buffer {
    const extra = noise ? unknownFields(g) : Buffer.alloc(0);
    if (v === null) return Buffer.concat([extra, tag(1, 0), varint(0)]);
    if (typeof v === "boolean") return Buffer.concat([extra, tag(4, 0), varint(v ? 1 : 0)]);
    if (typeof v === "string") return Buffer.concat([extra, str(3, v)]);
    if (typeof v === "number") {
        const d = Buffer.alloc(8);
        d.writeDoubleLE(v);
        return Buffer.concat([extra, tag(2, 1), d]);
    }
    if (Array.isArray(v)) return Buffer.concat([extra, len(6, Buffer.concat(v.map((x) => Buffer.concat([noise ? unknownFields(g) : Buffer.alloc(0), len(1, valueBytes(g, x, noise))]))))]);
    return Buffer.concat([extra, len(5, structBytes(g, v as Record<string, unknown>, noise))]);
}
