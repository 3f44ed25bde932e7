import * as t from "io-ts";
import { isLeft } from "fp-ts/lib/Either";
import { InputError, InputFailure } from "./errors";

/** A read's argument codec; `oneOf` lists groups of arguments of which exactly one must be given. */
export type ArgsDecoder<A> = t.Decoder<unknown, A> & { readonly oneOf?: readonly (readonly string[])[] };

/** Pulumi's marker for a value not known during preview. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const UNRESERVED_CHAR = /[A-Za-z0-9._~-]/;

/** The class of a character, never the character itself. */
function charClass(c: string): string {
    if (c === "/") return "a slash";
    if (c === " ") return "a space";
    if (/\s/.test(c)) return "whitespace";
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(c)) return "a control character";
    if (c.codePointAt(0)! > 0x7e) return "a non-ASCII character";
    if (/[A-Z]/.test(c)) return "an upper-case letter";
    if (/[a-z]/.test(c)) return "a letter";
    if (/[0-9]/.test(c)) return "a digit";
    if (c === "-") return "a dash";
    return "punctuation";
}

/**
 * Which characters a rule (named by its codec's `expected` text) allows at each position, and how
 * to say it; undefined for rules that are not about characters.
 */
function characterRule(expected: string): { allowed(c: string, at: number): boolean; what(at: number): string } | undefined {
    if (expected.includes("characters from A-Z a-z 0-9 . _ ~ -")) return { allowed: (c) => UNRESERVED_CHAR.test(c), what: () => "A-Z a-z 0-9 . _ ~ -" };
    if (expected.startsWith("a UUID")) {
        const dash = (at: number): boolean => at === 8 || at === 13 || at === 18 || at === 23;
        return { allowed: (c, at) => (dash(at) ? c === "-" : /[0-9a-fA-F]/.test(c)), what: (at) => (dash(at) ? "a dash" : "a hexadecimal digit") };
    }
    if (expected.includes("as a digit string")) return { allowed: (c) => /[0-9]/.test(c), what: () => "a digit" };
    if (expected.startsWith("a region name")) return { allowed: (c) => /[a-z0-9-]/.test(c), what: () => "a lower-case letter, digit or dash" };
    return undefined;
}

/** How a string falls short of the rule named `expected`: its length, and its first bad character's position and class. */
function describeString(u: string, expected: string): string {
    if (u.trim() === "") return u === "" ? "an empty string" : `a blank string of ${u.length} characters`;
    const chars = [...u];
    const parts = [`a string of ${chars.length} character${chars.length === 1 ? "" : "s"}`];
    const rule = characterRule(expected);
    const at = rule ? chars.findIndex((c, i) => !rule.allowed(c, i)) : -1;
    if (rule && at >= 0) parts.push(`character ${at + 1} is ${charClass(chars[at]!)}${expected.startsWith("a UUID") ? ` where ${rule.what(at)} belongs` : ""}`);
    else if (u === "." || u === "..") parts.push(`"${u}" would change the path requested`);
    else if (expected.includes("as a digit string") && /^0[0-9]/.test(u)) parts.push("with a leading zero");
    return parts.join(", ");
}

/** How a number falls short; a number above 2^53-1 has already lost digits before it got here. */
function describeNumber(u: number): string {
    if (!Number.isFinite(u)) return `a number that is not finite`;
    if (!Number.isInteger(u)) return "a number with a fraction";
    if (u < 0) return "a negative number";
    if (!Number.isSafeInteger(u)) return `a number above 2^53-1 (${Number.MAX_SAFE_INTEGER}), which JavaScript had already rounded before this package saw it; pass the id as a digit string`;
    return "a number";
}

function kind(u: unknown, expected = ""): string {
    if (u === undefined) return "nothing";
    if (u === null) return "null";
    if (Array.isArray(u)) return "an array";
    if (typeof u === "string") return describeString(u, expected);
    if (typeof u === "number") return describeNumber(u);
    return `a ${typeof u}`;
}

/**
 * Checks arguments against a read's codec and its list of known names. Returns the failures,
 * one per property, each naming what was expected and the kind of value found, never the value.
 * Properties whose value is the preview unknown sentinel are skipped when `tolerateUnknown`.
 */
export function argFailures<A>(codec: ArgsDecoder<A>, names: readonly string[], raw: unknown, tolerateUnknown = false): { value?: A; failures: InputFailure[] } {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        return { failures: [{ property: "(arguments)", reason: "expected an object of arguments" }] };
    }
    const failures: InputFailure[] = [];
    // Own properties only, into an object without a prototype: a polluted Object.prototype
    // (e.g. an inherited `endpoint`) can never become an argument.
    const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(raw)) {
        if (v === undefined) continue;
        if (!names.includes(k)) {
            failures.push({ property: k, reason: `unknown property; expected one of ${names.join(", ")}` });
            continue;
        }
        if (tolerateUnknown && v === UNKNOWN_SENTINEL) continue;
        input[k] = v;
    }
    // Exactly one of each group, counting a value unknown at preview as given.
    for (const group of codec.oneOf ?? []) {
        const given = group.filter((k) => (raw as Record<string, unknown>)[k] !== undefined && names.includes(k));
        const alternatives = `exactly one of ${group.join(" or ")}`;
        if (given.length === 0) failures.push({ property: group[0]!, reason: `expected ${alternatives} (required), got neither` });
        else if (given.length > 1) failures.push({ property: given[1]!, reason: `expected ${alternatives}, got ${given.join(" and ")}` });
    }
    const decoded = codec.decode(input);
    if (isLeft(decoded)) {
        const seen = new Set<string>();
        for (const e of decoded.left) {
            const property = e.context.map((c) => c.key).find((k) => k !== "" && !/^[0-9]+$/.test(k)) ?? "(arguments)";
            if (seen.has(property)) continue;
            if (tolerateUnknown && (raw as Record<string, unknown>)[property] === UNKNOWN_SENTINEL) continue;
            seen.add(property);
            const expected = e.context[e.context.length - 1]?.type.name ?? "a valid value";
            const required = e.value === undefined ? " (required)" : "";
            failures.push({ property, reason: `expected ${expected}${required}, got ${kind(e.value, expected)}` });
        }
        return { failures };
    }
    return failures.length ? { failures } : { value: withoutPrototype(decoded.right), failures };
}

/** A copy of `value`'s own properties in an object without a prototype, so nothing can be inherited. */
export function withoutPrototype<A>(value: A): A {
    if (typeof value !== "object" || value === null) return value;
    return Object.assign(Object.create(null) as object, value) as A;
}

/** Like {@link argFailures}, but throws one {@link InputError} listing every failure. */
export function validateArgs<A>(subject: string, codec: ArgsDecoder<A>, names: readonly string[], raw: unknown): A {
    const { value, failures } = argFailures(codec, names, raw);
    if (failures.length || value === undefined) throw new InputError(subject, failures);
    return value;
}
