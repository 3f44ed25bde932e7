import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/**
 * Property values between the engine and the plugin. The engine's values (inputs, stored state)
 * may carry secret wrappers `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
 * value }`: they are unwrapped for the read, and the top-level properties that held one stay secret
 * on the way back. Results are built here, never unmarshalled: a secret field is wrapped, and an
 * object from a vendor that holds the signature key has it renamed, so no vendor value can pass
 * for a secret, an asset or a resource reference.
 */

/** The key of a special value's signature, and the signature of a secret. */
export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The value the engine sends for (and takes as) an unknown during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Plain values of an engine property map, and which top-level properties held a secret. */
export interface Unwrapped {
    readonly values: Record<string, unknown>;
    readonly secret: ReadonlySet<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function plain(v: unknown, found: { secret: boolean }): unknown {
    if (Array.isArray(v)) return v.map((x) => plain(x, found));
    if (!isObject(v)) return v;
    if (v[SIG] === SECRET_SIG) {
        found.secret = true;
        return plain(v.value, found);
    }
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) out[k] = plain(x, found);
    return out;
}

/**
 * The engine's property map (a Struct) as plain values; secret wrappers removed and remembered by top-level key.
 *
 * @example
 * ```ts
 * unwrap(Struct.fromJavaScript({ taskId: { [SIG]: SECRET_SIG, value: "t-1" } })); // values { taskId: "t-1" }, secret {"taskId"}
 * ```
 */
export function unwrap(struct: Struct | undefined): Unwrapped {
    const raw = struct ? struct.toJavaScript() : {};
    const values = Object.create(null) as Record<string, unknown>;
    const secret = new Set<string>();
    for (const [k, v] of Object.entries(raw)) {
        const found = { secret: false };
        values[k] = plain(v, found);
        if (found.secret) secret.add(k);
    }
    return { values, secret };
}

/** A vendor's value as a property value: objects holding the signature key have it renamed. */
function inert(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(inert);
    if (!isObject(v)) return v === undefined ? null : v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        out[k === SIG ? `_${k}` : k] = inert(x);
    }
    return out;
}

/**
 * A property map for the engine: every key in `secret` wrapped as a secret; undefined values left out.
 *
 * @example
 * ```ts
 * wrap({ passphrase: "p" }, new Set(["passphrase"])); // { passphrase: { [SIG]: SECRET_SIG, value: "p" } }
 * ```
 */
export function wrap(values: Readonly<Record<string, unknown>>, secret: ReadonlySet<string>): Struct {
    return Struct.fromJavaScript(engineValues(values, secret) as Record<string, never>);
}

/**
 * The plain object `wrap` makes its Struct of (what wire/property-writer.ts writes as bytes).
 *
 * @example
 * ```ts
 * engineValues({ passphrase: "p", gone: undefined }, new Set(["passphrase"])); // { passphrase: { [SIG]: SECRET_SIG, value: "p" } }
 * ```
 */
export function engineValues(values: Readonly<Record<string, unknown>>, secret: ReadonlySet<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
        if (v === undefined) continue;
        out[k] = secret.has(k) ? { [SIG]: SECRET_SIG, value: inert(v) } : inert(v);
    }
    return out;
}
