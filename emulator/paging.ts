import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { RequestContext } from "./types";

/**
 * Shared pieces of the list routes: strict integer query parameters, the page size after the
 * emulator's `maxPageSize` cap, and Astra's opaque `continue` tokens.
 */

/** A query parameter read as a whole number: absent, a value in range, or invalid (present but not an integer in range). */
export type IntegerParam = { kind: "absent" } | { kind: "value"; value: number } | { kind: "invalid" };

const DIGITS = /^[0-9]{1,10}$/;

/**
 * `name` from the query as a decimal integer from `min` to `max`. Only plain digits count
 * (no sign, no spaces, no exponent, no fraction): `"2"` is 2, `"-1"`, `"1.5"`, `"1e3"`, `""` are invalid.
 * A parameter given more than once is invalid too, as there is no way to tell which one a client meant.
 */
export function integerParam(ctx: RequestContext, name: string, min: number, max: number): IntegerParam {
  const values = ctx.query.getAll(name);
  if (values.length === 0) return { kind: "absent" };
  const raw = values[0];
  if (values.length > 1 || !DIGITS.test(raw)) return { kind: "invalid" };
  const value = Number(raw);
  return value >= min && value <= max ? { kind: "value", value } : { kind: "invalid" };
}

/** The number of items a page holds: what the request asked for, capped by the emulator's `maxPageSize` when set. */
export function pageSize(ctx: RequestContext, asked: number): number {
  return ctx.maxPageSize === undefined ? asked : Math.min(asked, ctx.maxPageSize);
}

/** Validates a `maxPageSize` option: a whole number of at least 1. */
export function checkMaxPageSize(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${where}: maxPageSize: expected a whole number of at least 1, got ${String(value)}`);
  }
  return value;
}

/** What an Astra `continue` token stands for: where the next page starts, in which listing. */
export interface ContinueState {
  /** The account the listing is in. */
  account: string;
  /** The index of the first item of the next page among the matching items. */
  offset: number;
  /** The listing's `filter` and `orderBy` query values ("" when absent); a token is only good for the same ones. */
  filter: string;
  orderBy: string;
}

/**
 * Tokens are signed with a key made when the module loads: opaque to clients, checkable without
 * any stored state (so `reset()` and several emulators in one process need nothing), and a token
 * a client made up or edited is refused rather than read.
 */
const TOKEN_KEY = randomBytes(32);

function mac(payload: string): Buffer {
  return createHmac("sha256", TOKEN_KEY).update(payload).digest();
}

/** An opaque token for `state`: base64url JSON, a dot, and its base64url HMAC. */
export function issueContinueToken(state: ContinueState): string {
  const payload = Buffer.from(JSON.stringify([state.account, state.offset, state.filter, state.orderBy]), "utf8").toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The state of a token this emulator issued, or undefined for anything else. */
export function readContinueToken(token: string): ContinueState | undefined {
  const dot = token.indexOf(".");
  if (dot <= 0 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
    const [account, offset, filter, orderBy] = parsed as unknown[];
    if (typeof account !== "string" || typeof offset !== "number" || typeof filter !== "string" || typeof orderBy !== "string") return undefined;
    return { account, offset, filter, orderBy };
  } catch {
    return undefined;
  }
}
