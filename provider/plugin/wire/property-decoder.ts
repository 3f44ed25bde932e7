import { SECRET_SIG, SIG, type Unwrapped } from "../properties";
import { WireError, WireReader, WireType } from "./wire-reader";

/**
 * An engine property map (google.protobuf.Struct) read from its bytes straight into the plain
 * values `unwrap(Struct.deserializeBinary(bytes))` gives: secret wrappers removed, the top-level
 * keys that held one remembered, each object's keys in sorted order (as google-protobuf's map
 * gives them), a repeated key's last value kept, `__proto__` keys dropped. Field numbers from
 * google/protobuf/struct.proto: Struct{fields=1 (map entry: key=1, value=2)},
 * Value{null_value=1, number_value=2, string_value=3, bool_value=4, struct_value=5, list_value=6},
 * ListValue{values=1}.
 */

/**
 * Deepest nesting of objects and lists a property value may have: a vendor's body may be 64
 * levels deep (MAX_JSON_DEPTH), and its secret wrapper and the engine's state add a few.
 *
 * @example
 * ```ts
 * decodeCheck(bytesOfAValue100ListsDeep); // Error: ... property values nested deeper than 100 levels (the map around it is one)
 * ```
 */
export const MAX_PROPERTY_DEPTH = 100;

const TAG_NULL = (1 << 3) | WireType.VARINT;
const TAG_NUMBER = (2 << 3) | WireType.I64;
const TAG_STRING = (3 << 3) | WireType.LEN;
const TAG_BOOL = (4 << 3) | WireType.VARINT;
const TAG_STRUCT = (5 << 3) | WireType.LEN;
const TAG_LIST = (6 << 3) | WireType.LEN;
const TAG_FIELD1_LEN = (1 << 3) | WireType.LEN;
const TAG_FIELD2_LEN = (2 << 3) | WireType.LEN;

/** One decoded map entry: whether a secret wrapper was read in its value, and whether it was sent as a string. */
interface Entry {
    readonly key: string;
    readonly value: unknown;
    readonly secret: boolean;
    readonly sentAsString: boolean;
}

/** Which of the entries to keep, in key order: a key's last entry wins (the entries' order on the wire is any). */
function inKeyOrder(entries: Entry[]): Entry[] {
    let sorted = true;
    for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1].key < entries[i].key;
    if (sorted) return entries;
    // Array#sort is stable: equal keys stay in wire order, so the last of each run is the last sent.
    const order = entries.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return order.filter((e, i) => i === order.length - 1 || order[i + 1].key !== e.key);
}

/**
 * A Struct's decoder. `secret` says whether the value just read held a secret wrapper in the
 * parts `unwrap` reads (a wrapper's `value`, every entry of other objects, every list item).
 */
class PropertyDecoder {
    secret = false;
    /** Whether the value just read was a string_value (not, say, a wrapper around a string). */
    sentAsString = false;

    constructor(private readonly r: WireReader) {}

    /** The entries of the Struct in [r.pos, end). */
    entries(end: number, depth: number): Entry[] {
        if (depth > MAX_PROPERTY_DEPTH) throw new WireError(`property values nested deeper than ${MAX_PROPERTY_DEPTH} levels`);
        const r = this.r;
        const outer = r.limit;
        r.limit = end;
        const out: Entry[] = [];
        while (r.more()) {
            const tag = r.tag();
            if (tag === TAG_FIELD1_LEN) out.push(this.entry(r.lengthEnd(), depth));
            else if (tag >>> 3 === 1) r.expect(tag, WireType.LEN);
            else r.skip(tag);
        }
        r.limit = outer;
        return out;
    }

    private entry(end: number, depth: number): Entry {
        const r = this.r;
        const outer = r.limit;
        r.limit = end;
        let key = "";
        let value: unknown;
        let found = false;
        let secret = false;
        let sentAsString = false;
        while (r.more()) {
            const tag = r.tag();
            if (tag === TAG_FIELD1_LEN) key = r.string();
            else if (tag === TAG_FIELD2_LEN) {
                value = this.value(r.lengthEnd(), depth);
                found = true;
                secret = this.secret;
                sentAsString = this.sentAsString;
            } else if (tag >>> 3 === 1 || tag >>> 3 === 2) r.expect(tag, WireType.LEN);
            else r.skip(tag);
        }
        r.limit = outer;
        if (!found) throw new WireError(`property ${JSON.stringify(key)} has no value`);
        return { key, value, secret, sentAsString };
    }

    /** A Value in [r.pos, end); with several kinds set, the last one read wins. */
    private value(end: number, depth: number): unknown {
        const r = this.r;
        const outer = r.limit;
        r.limit = end;
        let value: unknown;
        let found = false;
        let secret = false;
        let kind = 0;
        while (r.more()) {
            const tag = r.tag();
            this.secret = false;
            switch (tag) {
                case TAG_NULL:
                    r.varint();
                    value = null;
                    break;
                case TAG_NUMBER:
                    value = r.double();
                    break;
                case TAG_STRING:
                    value = r.string();
                    break;
                case TAG_BOOL:
                    value = r.varint() !== 0;
                    break;
                case TAG_STRUCT:
                    value = this.object(r.lengthEnd(), depth + 1);
                    break;
                case TAG_LIST:
                    value = this.list(r.lengthEnd(), depth + 1);
                    break;
                default:
                    if (tag >>> 3 <= 6) throw new WireError(`Value field ${tag >>> 3} has the wrong wire type ${tag & 7}`);
                    r.skip(tag);
                    continue;
            }
            found = true;
            secret = this.secret;
            kind = tag;
        }
        r.limit = outer;
        if (!found) throw new WireError("a property value with no kind set");
        this.secret = secret;
        this.sentAsString = kind === TAG_STRING;
        return value;
    }

    /** A nested Struct as `plain()` makes it: a secret wrapper becomes its value; else an object without a prototype. */
    private object(end: number, depth: number): unknown {
        const entries = inKeyOrder(this.entries(end, depth));
        const sig = entries.find((e) => e.key === SIG);
        // unwrap() compares the raw value: a wrapper around the signature string is no signature.
        if (sig !== undefined && sig.sentAsString && sig.value === SECRET_SIG) {
            const inner = entries.find((e) => e.key === "value");
            this.secret = true;
            return inner?.value;
        }
        const out = Object.create(null) as Record<string, unknown>;
        let secret = false;
        for (const e of entries) {
            if (e.key === "__proto__") continue;
            out[e.key] = e.value;
            secret ||= e.secret;
        }
        this.secret = secret;
        return out;
    }

    private list(end: number, depth: number): unknown[] {
        if (depth > MAX_PROPERTY_DEPTH) throw new WireError(`property values nested deeper than ${MAX_PROPERTY_DEPTH} levels`);
        const r = this.r;
        const outer = r.limit;
        r.limit = end;
        const out: unknown[] = [];
        let secret = false;
        while (r.more()) {
            const tag = r.tag();
            if (tag === TAG_FIELD1_LEN) {
                out.push(this.value(r.lengthEnd(), depth));
                secret ||= this.secret;
            } else if (tag >>> 3 === 1) r.expect(tag, WireType.LEN);
            else r.skip(tag);
        }
        r.limit = outer;
        this.secret = secret;
        return out;
    }
}

/**
 * The Struct whose bytes are `r`'s next `end - r.pos` as plain values (what `unwrap` gives).
 *
 * @example
 * ```ts
 * const bytes = Struct.fromJavaScript({ taskId: { [SIG]: SECRET_SIG, value: "t-1" } }).serializeBinary();
 * const r = new WireReader(bytes);
 * readProperties(r, bytes.length); // values { taskId: "t-1" }, secret {"taskId"}
 * ```
 */
export function readProperties(r: WireReader, end: number): Unwrapped {
    const decoder = new PropertyDecoder(r);
    const values = Object.create(null) as Record<string, unknown>;
    const secret = new Set<string>();
    for (const e of inKeyOrder(decoder.entries(end, 1))) {
        if (e.key === "__proto__") continue;
        values[e.key] = e.value;
        if (e.secret) secret.add(e.key);
    }
    return { values, secret };
}

/**
 * No properties: what `unwrap(undefined)` gives, for a request without the field.
 *
 * @example
 * ```ts
 * noProperties().secret.size; // 0
 * ```
 */
export function noProperties(): Unwrapped {
    return { values: Object.create(null) as Record<string, unknown>, secret: new Set<string>() };
}
