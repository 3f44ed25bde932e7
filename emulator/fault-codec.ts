import * as t from "io-ts";
import { decodeWithPaths, nonEmptyString, strictObject } from "./fixture-codec";
import type { Fault } from "./fault-types";
import { EMULATED_SERVICES, type EmulatedService } from "./types";

const nonNegativeInteger = new t.Type<number, number, unknown>(
  "a non-negative integer",
  (u): u is number => typeof u === "number" && Number.isSafeInteger(u) && u >= 0,
  (u, c) => (typeof u === "number" && Number.isSafeInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

function oneOf<T extends number>(values: readonly T[]): t.Type<T, T, unknown> {
  const name = `one of ${values.join(", ")}`;
  const is = (u: unknown): u is T => values.some((v) => v === u);
  return new t.Type<T, T, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

/** Any string of at most `max` characters, the empty one included. */
function boundedString(max: number): t.Type<string, string, unknown> {
  const is = (u: unknown): u is string => typeof u === "string" && u.length <= max;
  return new t.Type<string, string, unknown>(`a string of at most ${max} characters`, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

const kind = <K extends Fault["kind"]>(k: K) => t.literal(k);

/** The codec of each fault kind. */
const FAULT_CODECS: { readonly [K in Fault["kind"]]: t.Decoder<unknown, Extract<Fault, { kind: K }>> } = {
  status: strictObject(
    "a status fault",
    { kind: kind("status"), status: oneOf([400, 401, 403, 404, 409, 429, 500, 502, 503, 504] as const) },
    { retryAfter: nonEmptyString, problem: nonNegativeInteger, code: boundedString(80), message: boundedString(300) },
  ),
  reset: strictObject("a reset fault", { kind: kind("reset") }, {}),
  hang: strictObject("a hang fault", { kind: kind("hang") }, {}),
  delay: strictObject("a delay fault", { kind: kind("delay"), ms: nonNegativeInteger }, {}),
  upgrade: strictObject("an upgrade fault", { kind: kind("upgrade") }, {}),
  "partial-body": strictObject("a partial-body fault", { kind: kind("partial-body") }, {}),
  "truncated-json": strictObject("a truncated-json fault", { kind: kind("truncated-json") }, {}),
  html: strictObject("an html fault", { kind: kind("html") }, {}),
  "non-json": strictObject("a non-json fault", { kind: kind("non-json") }, {}),
  "wrong-types": strictObject("a wrong-types fault", { kind: kind("wrong-types") }, {}),
  "missing-fields": strictObject("a missing-fields fault", { kind: kind("missing-fields") }, {}),
  oversize: strictObject("an oversize fault", { kind: kind("oversize"), bytes: nonNegativeInteger }, {}),
  gzip: strictObject("a gzip fault", { kind: kind("gzip") }, {}),
  redirect: strictObject("a redirect fault", { kind: kind("redirect"), location: nonEmptyString }, { status: oneOf([301, 302, 307, 308] as const) }),
};

/** Every fault kind, in the order the docs list them. */
export const FAULT_KINDS = Object.keys(FAULT_CODECS) as readonly Fault["kind"][];

function isFaultKind(u: unknown): u is Fault["kind"] {
  return typeof u === "string" && (FAULT_KINDS as readonly string[]).includes(u);
}

/** A decoded value, or `path: problem` lines. */
export type Checked<A> = { ok: true; value: A } | { ok: false; problems: string[] };

/** `fault` as a {@link Fault}, or what is wrong with it, each problem under `path`. */
export function decodeFault(fault: unknown, path = "fault"): Checked<Fault> {
  const k: unknown = typeof fault === "object" && fault !== null && "kind" in fault ? fault.kind : undefined;
  if (!isFaultKind(k)) {
    const got = typeof k === "string" ? JSON.stringify(k.slice(0, 40)) : k === undefined ? "nothing" : `a ${typeof k}`;
    return { ok: false, problems: [`${path}.kind: expected one of ${FAULT_KINDS.join(", ")}, got ${got}`] };
  }
  const codec: t.Decoder<unknown, Fault> = FAULT_CODECS[k];
  const decoded = decodeWithPaths(codec, fault);
  if (decoded.ok) return decoded;
  const top = "(the top level)";
  return { ok: false, problems: decoded.problems.map((p) => (p.startsWith(top) ? `${path}${p.slice(top.length)}` : `${path}.${p}`)) };
}

/** `service` as an emulated service name or `*`, or what is wrong with it. */
export function decodeService(service: unknown, path = "service"): Checked<EmulatedService | "*"> {
  if (service === "*") return { ok: true, value: service };
  const known = EMULATED_SERVICES.find((s) => s === service);
  if (known !== undefined) return { ok: true, value: known };
  const got = typeof service === "string" ? JSON.stringify(service.slice(0, 40)) : `a ${typeof service}`;
  return { ok: false, problems: [`${path}: expected one of ${[...EMULATED_SERVICES, "*"].join(", ")}, got ${got}`] };
}

/** The problems of a check, none when it passed. */
export function problemsOf(checked: Checked<unknown>): string[] {
  return checked.ok ? [] : checked.problems;
}
