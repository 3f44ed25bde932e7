import * as t from "io-ts";
import { isLeft } from "fp-ts/lib/Either";

/** Result of a decode: the value, or `path: expected type` lines that never show the value. */
export type Decoded<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problems: readonly string[] };

/** `a.b[0].c` for an io-ts context, skipping the root and the members of unions and intersections. */
function pathOf(context: t.Context): string {
    let out = "";
    for (let i = 1; i < context.length; i++) {
        const parent = context[i - 1].type;
        if (parent instanceof t.UnionType || parent instanceof t.IntersectionType) continue;
        const key = context[i].key;
        out += /^[0-9]+$/.test(key) ? `[${key}]` : out ? `.${key}` : key;
    }
    return out || "(body)";
}

/**
 * Decodes `value` with `codec`. Failures describe where and what was expected, never the
 * value found (a value can be a secret).
 */
export function decode<A>(codec: t.Decoder<unknown, A>, value: unknown): Decoded<A> {
    const result = codec.decode(value);
    if (!isLeft(result)) return { ok: true, value: result.right };
    const problems = new Set<string>();
    for (const error of result.left) {
        const last = error.context[error.context.length - 1];
        const found = error.value === undefined ? "missing" : error.value === null ? "null" : Array.isArray(error.value) ? "an array" : `a ${typeof error.value}`;
        problems.add(`${pathOf(error.context)}: expected ${last?.type.name ?? "a valid value"}, found ${found}`);
    }
    return { ok: false, problems: [...problems] };
}
