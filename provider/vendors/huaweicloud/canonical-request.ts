/**
 * The canonical request of Huawei Cloud's `SDK-HMAC-SHA256` signing: what is signed of a
 * request (method, canonical URI and query, signed headers, body hash), and the checks that
 * a request can be signed at all.
 *
 * Follows the official Go SDK (`core/auth/signer/signer.go`, `escape.go`) where the Go and
 * Node SDKs disagree: the path is percent-decoded and each segment re-encoded, so a segment
 * is never encoded twice. Only `node:crypto` is used, so the module can run inside a
 * serialized dynamic provider.
 */
import { createHash } from "node:crypto";
import { SigningError } from "./signing-error";

// Both SDKs let this header replace the body hash (e.g. "UNSIGNED-PAYLOAD"); honouring it keeps
// us in step with what the gateway verifies when a caller sends it.
const CONTENT_SHA256_HEADER = "x-sdk-content-sha256";

const UNRESERVED_SEGMENT = /^[A-Za-z0-9._~-]*$/;
// RFC 9110 token: what Node's HTTP client accepts as a header name or method.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * One HTTP request as it will be sent.
 *
 * @example
 * ```ts
 * import type { SignableRequest } from "./canonical-request";
 *
 * const request: SignableRequest = {
 *     method: "GET",
 *     url: "https://kms.cn-north-4.myhuaweicloud.com/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c",
 *     headers: { Host: "kms.cn-north-4.myhuaweicloud.com", "X-Project-Id": "0123456789abcdef0123456789abcdef" },
 * };
 * ```
 */
export interface SignableRequest {
    /** Upper-case HTTP method, e.g. `GET`. */
    readonly method: string;
    /** Absolute `http(s)://` URL exactly as it will be sent (path segments percent-encoded). */
    readonly url: string;
    /** Headers to send and sign; see {@link isSignedHeaderName} for the ones left unsigned. */
    readonly headers: Readonly<Record<string, string>>;
    /** The exact body bytes (strings are UTF-8); omitted means empty. */
    readonly body?: string | Uint8Array;
}

/**
 * Whether a header is signed. The Go SDK signs every header except `Content-Type` (any name
 * starting with it) and, as its test vectors show, names containing `_`, which proxies such
 * as nginx drop by default; so callers choose what is signed by what they pass.
 *
 * @example
 * ```ts
 * import { isSignedHeaderName } from "./canonical-request";
 *
 * isSignedHeaderName("X-Project-Id"); // true
 * isSignedHeaderName("Content-Type"); // false
 * isSignedHeaderName("TEST_UNDERSCORE"); // false
 * ```
 */
export function isSignedHeaderName(name: string): boolean {
    return !name.includes("_") && !name.toLowerCase().startsWith("content-type");
}

/**
 * The lower-case names of the signed headers, sorted, as they appear in `SignedHeaders=`.
 *
 * @example
 * ```ts
 * import { signedHeaderNames } from "./canonical-request";
 *
 * signedHeaderNames({ Host: "kms.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240101T000000Z", "Content-Type": "application/json" });
 * // ["host", "x-sdk-date"]
 * ```
 */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
    return checkedHeaders(headers)
        .filter((h) => isSignedHeaderName(h.name))
        .map((h) => h.lower)
        .sort(compareAscii);
}

/**
 * The canonical URI: the path split on `/`, each segment percent-decoded and re-encoded
 * (keeping `A-Z a-z 0-9 _ - ~ .`, upper-case `%XX`), always ending in `/`.
 *
 * @example
 * ```ts
 * import { canonicalUri } from "./canonical-request";
 *
 * canonicalUri("/v3/tasks/t%20x"); // "/v3/tasks/t%20x/"
 * canonicalUri("/v3/tasks/a:b"); // "/v3/tasks/a%3Ab/"
 * ```
 */
export function canonicalUri(pathname: string): string {
    const path = pathname
        .split("/")
        // Unreserved characters decode and re-escape to themselves: the common case skips both.
        .map((segment) => (UNRESERVED_SEGMENT.test(segment) ? segment : escapeBytes(percentDecode(segment, "URL path", false))))
        .join("/");
    return path.endsWith("/") ? path : `${path}/`;
}

/**
 * The canonical query string: parameters decoded (`+` is a space, as Go's `url.ParseQuery`
 * reads it), keys sorted, values of one key sorted (byte order of UTF-8, as Go sorts), each
 * `key=value` re-encoded like {@link canonicalUri}, joined by `&`. A bare `key` is `key=`.
 *
 * @example
 * ```ts
 * import { canonicalQueryString } from "./canonical-request";
 *
 * canonicalQueryString("?limit=1&marker=b&marker=a&flag"); // "flag=&limit=1&marker=a&marker=b"
 * ```
 */
export function canonicalQueryString(search: string): string {
    if (search === "" || search === "?") return "";
    const query = search.startsWith("?") ? search.slice(1) : search;
    const byKey = new Map<string, { key: Buffer; values: Buffer[] }>();
    for (const part of query.split("&")) {
        if (part === "") continue;
        const eq = part.indexOf("=");
        const key = percentDecode(eq < 0 ? part : part.slice(0, eq), "URL query", true);
        const value = percentDecode(eq < 0 ? "" : part.slice(eq + 1), "URL query", true);
        const id = key.toString("latin1");
        const entry = byKey.get(id);
        if (entry) entry.values.push(value);
        else byKey.set(id, { key, values: [value] });
    }
    const pairs: string[] = [];
    for (const { key, values } of [...byKey.values()].sort((a, b) => Buffer.compare(a.key, b.key))) {
        const k = escapeBytes(key);
        for (const v of values.sort(Buffer.compare)) pairs.push(`${k}=${escapeBytes(v)}`);
    }
    return pairs.join("&");
}

/**
 * The canonical request of a request whose headers are final (including `X-Sdk-Date`):
 * method, canonical URI, canonical query, canonical headers, signed header names and the
 * hex SHA-256 of the body, joined by newlines.
 *
 * @example
 * ```ts
 * import { canonicalRequest } from "./canonical-request";
 *
 * canonicalRequest({ method: "GET", url: "https://example.com/path?limit=1", headers: { "X-Sdk-Date": "20060102T150405Z" } });
 * // "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c442…b855"
 * ```
 */
export function canonicalRequest(req: SignableRequest): string {
    return canonicalParts(req, checkedHeaders(req.headers)).canonical;
}

/** The canonical request and the signed header names, from headers checked once by the caller. */
export function canonicalParts(req: SignableRequest, headers: readonly CheckedHeader[]): { canonical: string; signedNames: string } {
    if (typeof req.method !== "string" || !/^[A-Z]+$/.test(req.method)) {
        throw new SigningError("the HTTP method must be upper-case letters, e.g. GET");
    }
    const url = parseUrl(req.url, headers);
    const signed = headers.filter((h) => isSignedHeaderName(h.name)).sort((a, b) => compareAscii(a.lower, b.lower));
    const canonicalHeaders = signed.map((h) => `${h.lower}:${trimOws(h.value)}`).join("\n") + "\n";
    const body = req.body ?? "";
    const payloadHash = headers.find((h) => h.lower === CONTENT_SHA256_HEADER)?.value ?? (body === "" ? EMPTY_BODY_SHA256 : sha256Hex(body));
    const signedNames = signed.map((h) => h.lower).join(";");
    return {
        canonical: [req.method, canonicalUri(url.pathname), canonicalQueryString(url.search), canonicalHeaders, signedNames, payloadHash].join("\n"),
        signedNames,
    };
}

/** SHA-256 of an empty body: every GET's payload hash. */
const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A header whose name and value were checked once, with its lower-case name. */
export interface CheckedHeader {
    readonly name: string;
    readonly lower: string;
    readonly value: string;
}

/** The headers as {@link CheckedHeader}s; throws a {@link SigningError} for a name or value that cannot be sent or signed. */
export function checkedHeaders(headers: Readonly<Record<string, string>>): CheckedHeader[] {
    if (headers === null || typeof headers !== "object") throw new SigningError("headers must be an object of strings");
    const seen = new Set<string>();
    return Object.entries(headers).map(([name, value]) => {
        if (!TOKEN.test(name)) throw new SigningError("a header name is not a valid HTTP token");
        const lower = name.toLowerCase();
        if (seen.has(lower)) throw new SigningError(`the header ${lower} is given more than once (names differ only in case)`);
        seen.add(lower);
        // Only visible ASCII, space and tab: Node refuses control characters, and non-ASCII
        // bytes would be trimmed and hashed differently by the gateway than here.
        if (typeof value !== "string" || !/^[\t\x20-\x7e]*$/.test(value)) {
            throw new SigningError(`the value of header ${lower} must be a string of printable ASCII characters`);
        }
        return { name, lower, value };
    });
}

function parseUrl(raw: string, headers: readonly CheckedHeader[]): URL {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        // The URL is not echoed: a malformed one may hold anything the caller pasted.
        throw new SigningError("the request URL is not an absolute URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new SigningError("the request URL must use https:// or http://");
    if (url.username !== "" || url.password !== "") throw new SigningError("the request URL must not contain credentials");
    const host = headers.find((h) => h.lower === "host");
    // The gateway verifies against the Host it receives, which is taken from the URL.
    if (host && trimOws(host.value).toLowerCase() !== url.host.toLowerCase()) {
        throw new SigningError("the Host header does not match the host of the request URL");
    }
    return url;
}

function trimOws(value: string): string {
    return value.replace(/^[ \t]+|[ \t]+$/g, "");
}

function compareAscii(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Hex SHA-256 of a text (UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
    return createHash("sha256").update(data).digest("hex");
}

function isUnreserved(byte: number): boolean {
    return (
        (byte >= 0x41 && byte <= 0x5a) || // A-Z
        (byte >= 0x61 && byte <= 0x7a) || // a-z
        (byte >= 0x30 && byte <= 0x39) || // 0-9
        byte === 0x5f || byte === 0x2d || byte === 0x7e || byte === 0x2e // _ - ~ .
    );
}

function escapeBytes(bytes: Buffer): string {
    let out = "";
    for (const byte of bytes) {
        out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return out;
}

// Decodes to bytes rather than a string, so an escape such as %FF that is not UTF-8 is kept
// byte for byte, as the Go SDK keeps its raw path bytes.
function percentDecode(text: string, where: string, plusIsSpace: boolean): Buffer {
    const source = Buffer.from(plusIsSpace ? text.replace(/\+/g, " ") : text, "utf8");
    const out = Buffer.alloc(source.length);
    let n = 0;
    for (let i = 0; i < source.length; i++) {
        const byte = source[i];
        if (byte !== 0x25) {
            out[n++] = byte;
            continue;
        }
        const hex = source.subarray(i + 1, i + 3).toString("latin1");
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new SigningError(`the ${where} has a "%" that is not followed by two hex digits`);
        out[n++] = parseInt(hex, 16);
        i += 2;
    }
    return out.subarray(0, n);
}
