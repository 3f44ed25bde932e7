import * as t from "io-ts";
import { CONNECTION_NAME } from "./connections";
import { PLAIN_HTTP_HOSTS, PLAIN_HTTP_HOSTS_TEXT } from "./url";

/**
 * io-ts codecs for read arguments. Each codec's `name` is the phrase shown after
 * "expected" in an {@link InputError}, so it describes the rule, never the value.
 */

const UNRESERVED = /^[A-Za-z0-9._~-]+$/;

function refinedString(name: string, accept: (s: string) => boolean): t.Type<string, string, unknown> {
    return new t.Type<string, string, unknown>(
        name,
        (u): u is string => typeof u === "string" && accept(u),
        (u, c) => (typeof u === "string" && accept(u) ? t.success(u) : t.failure(u, c)),
        t.identity,
    );
}

/**
 * An identifier that travels as one URL path segment: `min`..`max` characters from the
 * URL-unreserved set, and not `.` or `..`, so it can never change which path is requested.
 */
export function idSegment(min: number, max: number, extra?: string): t.Type<string, string, unknown> {
    const range = min === max ? `${min}` : `${min} to ${max}`;
    return refinedString(
        `a string of ${range} characters from A-Z a-z 0-9 . _ ~ -${extra ? ` (${extra})` : ""}`,
        (s) => s.length >= min && s.length <= max && UNRESERVED.test(s) && s !== "." && s !== "..",
    );
}

/** A UUID in 8-4-4-4-12 hex form; any version (Astra uses v5 and the all-zero UUID). */
export const Uuid = refinedString(
    "a UUID (8-4-4-4-12 hexadecimal digits)",
    (s) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s),
);

const MAX_PRODUCT_ID = "99999999999999999";

function isProductIdDigits(s: string): boolean {
    return /^(0|[1-9][0-9]{0,16})$/.test(s) && (s.length < MAX_PRODUCT_ID.length || s <= MAX_PRODUCT_ID);
}

/**
 * ROMA's product id: an integer 0..99999999999999999. That maximum is above 2^53, so the
 * value is carried as a digit string; a number is accepted only while it is a safe integer.
 */
export const ProductId = new t.Type<string, string, unknown>(
    "an integer from 0 to 99999999999999999 as a digit string (or a number up to 2^53-1), without sign, decimal point or leading zeros",
    (u): u is string => typeof u === "string" && isProductIdDigits(u),
    (u, c) => {
        if (typeof u === "number" && Number.isSafeInteger(u) && u >= 0) return t.success(String(u));
        if (typeof u === "string" && isProductIdDigits(u)) return t.success(u);
        return t.failure(u, c);
    },
    t.identity,
);

/** A Huawei Cloud region name such as `cn-north-4` or `eu-west-101`; it becomes part of a host name. */
export const Region = refinedString(
    "a region name such as cn-north-4 (lower-case letters, digits and dashes)",
    (s) => s.length <= 64 && /^[a-z]+(-[a-z0-9]+){1,4}$/.test(s),
);

/**
 * A base URL: absolute `https://` with a host, no credentials, query or fragment;
 * `http://` only for a loopback host (a local emulator).
 */
export const BaseUrl = refinedString(
    `an absolute https:// URL without credentials, query or fragment (http:// only for ${PLAIN_HTTP_HOSTS_TEXT})`,
    (s) => checkBaseUrl(s) === undefined,
);

/**
 * Why `s` is not an acceptable base URL, or undefined when it is: the one rule for every base URL
 * (the `endpoint` and `url` arguments, `huaweicloud:endpoints`, `astracontrol:url`). The reason
 * never repeats the value, which may hold a pasted credential.
 */
export function checkBaseUrl(s: string): string | undefined {
    // The URL parser silently drops tabs and newlines, reads a backslash as "/" and "https:///h" as
    // "https://h/", so such input would be accepted as a different URL than the one written.
    if (s.length > 2048) return "is longer than 2048 characters";
    if (/[\s\\\u0000-\u001f\u007f]/.test(s)) return "contains spaces, control characters or backslashes";
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(s)) return "does not start with https:// followed by a host";
    let u: URL;
    try {
        u = new URL(s);
    } catch {
        return "is not a valid URL";
    }
    if (u.username || u.password) return "must not contain a user name or password";
    if (u.search || u.hash || s.includes("?") || s.includes("#")) return "must not contain a query string or fragment";
    if (u.protocol === "https:") return u.hostname ? undefined : "has no host";
    if (u.protocol === "http:") return PLAIN_HTTP_HOSTS.includes(u.hostname) ? undefined : `uses http:// for a host that is not loopback (http:// is allowed only for ${PLAIN_HTTP_HOSTS_TEXT})`;
    return "must use https://";
}

/** The name of a connection under `<namespace>:connections` in stack config: never a credential. */
export const ConnectionName = refinedString("a connection name of 1 to 64 letters, digits, _ or -", (s) => CONNECTION_NAME.test(s));

/** A whole number of days, 0 to 36500 (a hundred years): `minValidDays`. */
export const DayCount = new t.Type<number, number, unknown>(
    "a whole number of days from 0 to 36500",
    (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= 0 && u <= 36500,
    (u, c) => (typeof u === "number" && Number.isInteger(u) && u >= 0 && u <= 36500 ? t.success(u) : t.failure(u, c)),
    t.identity,
);

/** `waitFor`: the phases to wait for (one or several) and a timeout in seconds (1 to 86400); no other key. */
export interface WaitFor {
    readonly phase?: string | readonly string[];
    readonly timeout?: number;
}

const phaseName = (u: unknown): boolean => typeof u === "string" && /^[A-Za-z_]{1,64}$/.test(u);

/** The codec of {@link WaitFor}. */
export const WaitForCodec = new t.Type<WaitFor, WaitFor, unknown>(
    "an object { phase?: a phase name or a list of them (letters and _), timeout?: whole seconds from 1 to 86400 }",
    (u): u is WaitFor => WaitForCodec.validate(u, [])._tag === "Right",
    (u, c) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
        const o = u as Record<string, unknown>;
        if (Object.keys(o).some((k) => k !== "phase" && k !== "timeout")) return t.failure(u, c);
        const phase = o.phase;
        if (phase !== undefined && !phaseName(phase) && !(Array.isArray(phase) && phase.length > 0 && phase.length <= 16 && phase.every(phaseName))) return t.failure(u, c);
        const timeout = o.timeout;
        if (timeout !== undefined && !(typeof timeout === "number" && Number.isInteger(timeout) && timeout >= 1 && timeout <= 86400)) return t.failure(u, c);
        return t.success({ ...(phase !== undefined ? { phase: phase as string | readonly string[] } : {}), ...(timeout !== undefined ? { timeout } : {}) });
    },
    t.identity,
);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A name to look up (a product's, a task's, a certificate's cn): 1 to `max` characters, none a control character. */
export function NameText(max: number): t.Type<string, string, unknown> {
    return refinedString(`a name of 1 to ${max} characters without control characters`, (s) => s.length >= 1 && [...s].length <= max && !CONTROL.test(s));
}

/** A vendor's state or kind word (`RUNNING`, `rootCA`): 1 to 64 letters and `_`. */
export const StateName = refinedString("a state name of 1 to 64 letters and _", (s) => /^[A-Za-z_]{1,64}$/.test(s));
