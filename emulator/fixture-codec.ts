import * as t from "io-ts";
import { isLeft } from "fp-ts/lib/Either";

/**
 * io-ts building blocks for the emulator's fixture format: strings that must not be empty,
 * secret strings whose values no error ever shows, and objects that refuse unknown keys
 * (a misspelt key would otherwise leave a default in place without a word).
 */

/** A string with at least one character. */
export const nonEmptyString = new t.Type<string, string, unknown>(
  "a non-empty string",
  (u): u is string => typeof u === "string" && u.length > 0,
  (u, c) => (typeof u === "string" && u.length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** A non-empty string holding a secret: errors about it say what it is, never what it holds. */
export const secretString = new t.Type<string, string, unknown>(
  "a non-empty string (a secret)",
  nonEmptyString.is,
  (u, c) => (nonEmptyString.is(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** String codecs whose failing values may be shown in errors (see {@link registerShownString}). */
const NON_SECRET_STRINGS = new Set<t.Decoder<unknown, unknown>>([nonEmptyString]);

/** Marks a non-secret string codec, so an error about it may quote the value found. Returns it. */
export function registerShownString<C extends t.Decoder<unknown, string>>(codec: C): C {
  NON_SECRET_STRINGS.add(codec);
  return codec;
}

/** A JSON object (not null, not an array), whatever its members. */
export const jsonObject = t.UnknownRecord;

/** The members of each object made by {@link strictObject}, so secret paths can be found by walking a codec. */
const MEMBERS = new WeakMap<object, t.Props>();

/** The members of a codec made by {@link strictObject} (required and optional), or undefined for any other codec. */
export function strictObjectMembers(codec: t.Decoder<unknown, unknown>): Readonly<t.Props> | undefined {
  return MEMBERS.get(codec);
}

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/**
 * An object with `required` and `optional` members and no others. Each unknown key is
 * reported at its own path, with the keys that are allowed.
 */
export function strictObject<R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>, unknown, unknown> {
  type Value = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>;
  const known = [...Object.keys(required), ...Object.keys(optional)];
  const requiredMembers = t.type(required);
  const optionalMembers = t.partial(optional);
  const codec = new t.Type<Value, unknown, unknown>(
    name,
    (u): u is Value => isPlainObject(u) && Object.keys(u).every((k) => known.includes(k)) && requiredMembers.is(u) && optionalMembers.is(u),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${name})`);
      const allowed = `unknown key; ${name} takes ${known.join(", ")}`;
      const unknownKeys: t.Errors = Object.keys(u)
        .filter((k) => !known.includes(k))
        .map((key) => ({ value: undefined, context: [...c, { key, type: t.never, actual: undefined }], message: allowed }));
      // Both validated against the same context, so paths name the members directly.
      const a = requiredMembers.validate(u, c);
      const b = optionalMembers.validate(u, c);
      if (isLeft(a) || isLeft(b) || unknownKeys.length > 0) {
        return t.failures([...unknownKeys, ...(isLeft(a) ? a.left : []), ...(isLeft(b) ? b.left : [])]);
      }
      return t.success({ ...b.right, ...a.right });
    },
    t.identity,
  );
  MEMBERS.set(codec, { ...required, ...optional });
  return codec;
}

/**
 * `a.b[0].c` for an io-ts context, skipping the root and the members of unions and intersections.
 * The provider has its own (provider/core/decode.ts): the emulator shares no code with the client it checks.
 */
function pathOf(context: t.Context): string {
  let out = "";
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1].type;
    if (parent instanceof t.UnionType || parent instanceof t.IntersectionType) continue;
    const key = context[i].key;
    out += /^[0-9]+$/.test(key) ? `[${key}]` : out ? `.${key}` : key;
  }
  return out || "(the top level)";
}

const MAX_SHOWN = 40;

/**
 * What was found. A string's text is shown only where a non-secret string was expected (an id
 * too long, a product id with letters): a string where an object or array belongs may be a
 * credential typed in the wrong place, so only its length is given.
 */
function described(value: unknown, showText: boolean): string {
  if (value === undefined) return "nothing (the key is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") {
    if (value === "") return "an empty string";
    return showText && value.length <= MAX_SHOWN ? JSON.stringify(value) : `a string of ${value.length} characters (not shown)`;
  }
  return `a ${typeof value}`;
}

/** The type a failed check expected, in words. */
function expectedOf(context: t.Context): string {
  const name = context[context.length - 1]?.type.name ?? "a valid value";
  if (name === "UnknownRecord") return "an object";
  if (name === "boolean") return "true or false";
  if (name === "string") return "a string";
  if (name.startsWith("Array<")) return "an array";
  return name;
}

/**
 * Decodes `value` with `codec`, or returns one `path: expected X, got Y` line per problem.
 * A value is shown only where it cannot be a secret (see `described`).
 */
export function decodeWithPaths<A>(codec: t.Decoder<unknown, A>, value: unknown): { ok: true; value: A } | { ok: false; problems: string[] } {
  const result = codec.decode(value);
  if (!isLeft(result)) return { ok: true, value: result.right };
  const problems = new Set<string>();
  for (const error of result.left) {
    const path = pathOf(error.context);
    const last = error.context[error.context.length - 1]?.type;
    const showText = last !== undefined && NON_SECRET_STRINGS.has(last) && !error.context.some((entry) => entry.type === secretString);
    if (error.message !== undefined) {
      problems.add(error.value === undefined ? `${path}: ${error.message}` : `${path}: ${error.message}, got ${described(error.value, showText)}`);
    } else {
      problems.add(`${path}: expected ${expectedOf(error.context)}, got ${described(error.value, showText)}`);
    }
  }
  return { ok: false, problems: [...problems] };
}

/** A whole number from `min` to `max`, named for error lines. */
export function wholeNumber(name: string, min: number, max: number): t.Type<number, number, unknown> {
  const is = (u: unknown): u is number => typeof u === "number" && Number.isInteger(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

/** A string matching `pattern`, named `name` in errors, whose value errors may show. */
export function shownString(name: string, pattern: (s: string) => boolean): t.Type<string, string, unknown> {
  const is = (u: unknown): u is string => typeof u === "string" && pattern(u);
  return registerShownString(new t.Type<string, string, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity));
}

/** A scripted timeline of statuses (see emulator/timeline.ts): each step answers `polls` GETs. */
export const timeline = t.array(strictObject("a timeline step", { status: nonEmptyString, polls: wholeNumber("a whole number from 1 to 1000000", 1, 1_000_000) }, {}));
