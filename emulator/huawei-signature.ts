import * as crypto from "node:crypto";

/** The only algorithm Huawei Cloud's gateway accepts for AK/SK signing. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** The parts of an `Authorization: SDK-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  accessKey: string;
  /** Lower-case names exactly in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
}

/** A request as the server received it, for rebuilding the canonical request. */
export interface ReceivedRequest {
  method: string;
  /** Raw request target: path plus optional `?query`, still percent-encoded. */
  target: string;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer | string;
}

/** Bytes the Go SDK's `escape` leaves as they are: `A-Z a-z 0-9 _ - ~ .`. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x5f ||
    byte === 0x2d ||
    byte === 0x7e ||
    byte === 0x2e
  );
}

/**
 * Percent-encodes like the official Go SDK's `escape`: keeps `A-Z a-z 0-9 _ - ~ .`,
 * encodes every other byte as upper-case `%XX` (so a space is `%20`, never `+`).
 */
export function huaweiEscape(value: string | Buffer): string {
  let out = "";
  for (const byte of typeof value === "string" ? Buffer.from(value, "utf8") : value) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * Percent-decodes to bytes, not a string, so an escape that is not UTF-8 (`%FF`) stays
 * that byte, as the Go SDK keeps raw path bytes. A `%` without two hex digits is kept.
 */
export function percentDecodeBytes(text: string, plusIsSpace: boolean): Buffer {
  const source = Buffer.from(plusIsSpace ? text.replace(/\+/g, " ") : text, "utf8");
  const out = Buffer.alloc(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const hex = source.subarray(i + 1, i + 3).toString("latin1");
    if (source[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      out[n++] = source[i];
    }
  }
  return out.subarray(0, n);
}

/** Decodes one percent-encoded path segment for lookups; a malformed escape is kept as sent. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The canonical URI: each received path segment decoded, then re-encoded with
 * {@link huaweiEscape}, always ending in "/". Decoding first is what the Go SDK does
 * (it signs the unescaped path); the Node SDK diverges for characters URL parsing
 * escapes, see REFERENCE section 3.
 */
export function canonicalUri(rawPath: string): string {
  const joined = rawPath
    .split("/")
    .map((segment) => huaweiEscape(percentDecodeBytes(segment, false)))
    .join("/");
  return joined.endsWith("/") ? joined : `${joined}/`;
}

/**
 * The canonical query: keys sorted, each key's values sorted (both by UTF-8 bytes, as Go
 * sorts strings), `k=v` escaped, joined by `&`. `+` reads as a space, as in Go's
 * `url.ParseQuery`; a bare key reads as `key=`.
 */
export function canonicalQuery(rawQuery: string): string {
  const byKey = new Map<string, { key: Buffer; values: Buffer[] }>();
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = percentDecodeBytes(eq < 0 ? part : part.slice(0, eq), true);
    const value = percentDecodeBytes(eq < 0 ? "" : part.slice(eq + 1), true);
    const id = key.toString("hex");
    const entry = byKey.get(id) ?? { key, values: [] };
    entry.values.push(value);
    byKey.set(id, entry);
  }
  const pairs: string[] = [];
  for (const { key, values } of [...byKey.values()].sort((a, b) => Buffer.compare(a.key, b.key))) {
    for (const value of values.sort(Buffer.compare)) pairs.push(`${huaweiEscape(key)}=${huaweiEscape(value)}`);
  }
  return pairs.join("&");
}

/** The canonical request text that is hashed into the string to sign. */
export function canonicalRequest(request: ReceivedRequest, signedHeaders: readonly string[]): string {
  const queryAt = request.target.indexOf("?");
  const rawPath = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? "" : request.target.slice(queryAt + 1);
  // Only spaces and tabs are trimmed (HTTP's optional whitespace), as the Go SDK's TrimSpace
  // would for any value an HTTP header can carry.
  const headerLines = signedHeaders.map((name) => `${name}:${(request.headers[name] ?? "").replace(/^[ \t]+|[ \t]+$/g, "")}\n`).join("");
  // The Go SDK signs a caller-supplied X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) in place of the body hash.
  const payloadHash = request.headers["x-sdk-content-sha256"] ?? sha256Hex(request.body);
  return [
    request.method.toUpperCase(),
    canonicalUri(rawPath),
    canonicalQuery(rawQuery),
    headerLines,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** `SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(canonical request))`. */
export function stringToSign(canonical: string, sdkDate: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** hex(HMAC-SHA256(SK, string to sign)); Huawei does no key derivation. */
export function computeSignature(secretKey: string, toSign: string): string {
  return crypto.createHmac("sha256", secretKey).update(toSign, "utf8").digest("hex");
}

/** The signature a client holding `secretKey` should have sent for `request`. */
export function expectedSignature(request: ReceivedRequest, signedHeaders: readonly string[], secretKey: string): string {
  const sdkDate = request.headers["x-sdk-date"] ?? "";
  return computeSignature(secretKey, stringToSign(canonicalRequest(request, signedHeaders), sdkDate));
}

/** Constant-time comparison of two hex signatures. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received.toLowerCase(), "utf8");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Parses an `SDK-HMAC-SHA256 Access=.., SignedHeaders=.., Signature=..` header, or undefined. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (header === undefined || !header.startsWith(`${SIGNING_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(SIGNING_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKey = fields.get("Access");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKey || !signedHeaders || !signature) return undefined;
  return { accessKey, signedHeaders: signedHeaders.split(";").map((h) => h.trim().toLowerCase()), signature };
}

/** Parses `X-Sdk-Date` (`20060102T150405Z`, UTC) into epoch milliseconds, or undefined. */
export function parseSdkDate(value: string | undefined): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Formats a date as `X-Sdk-Date` wants it. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

function sha256Hex(data: Buffer | string): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}
