/**
 * Huawei Cloud API Gateway request signing, `SDK-HMAC-SHA256`: the signing time, the string to
 * sign and the `Authorization` header, over the canonical request of `canonical-request.ts`.
 * Only `node:crypto` is used, so the module can run inside a serialized dynamic provider.
 */
import { createHmac } from "node:crypto";
import { canonicalParts, checkedHeaders, sha256Hex, type SignableRequest } from "./canonical-request";
import { SigningError } from "./signing-error";

/**
 * The algorithm name that starts the string to sign and the `Authorization` header.
 *
 * @example
 * ```ts
 * import { SIGNING_ALGORITHM } from "./signer";
 *
 * headers.Authorization.startsWith(`${SIGNING_ALGORITHM} `); // true
 * ```
 */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/**
 * The header that carries the signing time, `20060102T150405Z` (UTC). The gateway rejects
 * a skew over 15 minutes (`APIGW.0303`).
 *
 * @example
 * ```ts
 * import { SDK_DATE_HEADER, signRequest } from "./signer";
 *
 * signRequest(request, keys)[SDK_DATE_HEADER]; // "20240101T000000Z"
 * ```
 */
export const SDK_DATE_HEADER = "X-Sdk-Date";

const SDK_DATE_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * A Huawei Cloud access key pair (permanent or temporary).
 *
 * @example
 * ```ts
 * import type { AccessKeyPair } from "./signer";
 *
 * const keys: AccessKeyPair = { accessKey: process.env.HW_ACCESS_KEY!, secretKey: process.env.HW_SECRET_KEY! };
 * ```
 */
export interface AccessKeyPair {
    /** Access key id (AK); it appears in the `Authorization` header. */
    readonly accessKey: string;
    /** Secret access key (SK); only ever used as the HMAC key. */
    readonly secretKey: string;
}

/**
 * Formats a time as `X-Sdk-Date` wants it: `YYYYMMDDTHHmmssZ` in UTC.
 *
 * @example
 * ```ts
 * import { formatSdkDate } from "./signer";
 *
 * formatSdkDate(new Date("2024-01-01T00:00:00Z")); // "20240101T000000Z"
 * ```
 */
let lastSecond = NaN;
let lastFormatted = "";

export function formatSdkDate(date: Date): string {
    const t = date.getTime();
    if (!Number.isFinite(t)) throw new SigningError("the signing time is not a valid date");
    // Signatures within one second share the date text: formatted once per second.
    const second = Math.floor(t / 1000);
    if (second === lastSecond) return lastFormatted;
    const formatted = new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
    if (!SDK_DATE_FORMAT.test(formatted)) throw new SigningError("the signing time is outside the years 0000-9999");
    lastSecond = second;
    lastFormatted = formatted;
    return formatted;
}

/**
 * The string to sign: algorithm, `X-Sdk-Date` value and hex SHA-256 of the canonical request.
 *
 * @example
 * ```ts
 * import { canonicalRequest } from "./canonical-request";
 * import { stringToSign } from "./signer";
 *
 * stringToSign(canonicalRequest(request), "20240101T000000Z");
 * // "SDK-HMAC-SHA256\n20240101T000000Z\n<hex sha256>"
 * ```
 */
export function stringToSign(canonical: string, sdkDate: string): string {
    return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/**
 * Signs a request. Returns the full header set to send: the given headers, plus
 * `X-Sdk-Date` (from `now`, default the current time, unless the caller supplied one) and
 * `Authorization`. Every given header is signed except those {@link isSignedHeaderName}
 * excludes, so add `Host`, `X-Project-Id`, `X-Domain-Id` and `X-Security-Token` before
 * calling. The secret key never appears in a thrown error.
 *
 * @example
 * ```ts
 * import { signRequest } from "./signer";
 *
 * const headers = signRequest(
 *     {
 *         method: "GET",
 *         url: "https://kms.cn-north-4.myhuaweicloud.com/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c",
 *         headers: { Host: "kms.cn-north-4.myhuaweicloud.com", "X-Project-Id": "0123456789abcdef0123456789abcdef" },
 *     },
 *     { accessKey: "AccessKey", secretKey: "SecretKey" },
 *     new Date("2024-01-01T00:00:00Z"),
 * );
 * // headers.Authorization === "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, Signature=9e33da4e…"
 * ```
 */
export function signRequest(req: SignableRequest, keys: AccessKeyPair, now?: Date): Record<string, string> {
    checkKeys(keys);
    const given = checkedHeaders(req.headers);
    if (given.some((h) => h.lower === "authorization")) {
        throw new SigningError("the request already has an Authorization header");
    }
    const suppliedDate = given.find((h) => h.lower === SDK_DATE_HEADER.toLowerCase());
    let sdkDate: string;
    const headers: Record<string, string> = { ...req.headers };
    if (suppliedDate) {
        sdkDate = suppliedDate.value;
        if (!isValidSdkDate(sdkDate)) throw new SigningError(`the ${SDK_DATE_HEADER} header must be a UTC time like 20240101T000000Z`);
    } else {
        sdkDate = formatSdkDate(now ?? new Date());
        headers[SDK_DATE_HEADER] = sdkDate;
    }
    // The headers were checked once above; the date header added here is a valid token and value.
    const checked = suppliedDate ? given : [...given, { name: SDK_DATE_HEADER, lower: SDK_DATE_HEADER.toLowerCase(), value: sdkDate }];
    const { canonical, signedNames } = canonicalParts({ ...req, headers }, checked);
    const signature = createHmac("sha256", keys.secretKey).update(stringToSign(canonical, sdkDate), "utf8").digest("hex");
    headers.Authorization = `${SIGNING_ALGORITHM} Access=${keys.accessKey}, SignedHeaders=${signedNames}, Signature=${signature}`;
    return headers;
}

function checkKeys(keys: AccessKeyPair): void {
    if (keys === null || typeof keys !== "object") throw new SigningError("no access key pair was given");
    if (typeof keys.accessKey !== "string" || keys.accessKey === "") throw new SigningError("the access key is empty");
    // A comma or space would split the Authorization header's Access= field.
    if (!/^[\x21-\x2b\x2d-\x7e]+$/.test(keys.accessKey)) {
        throw new SigningError("the access key contains characters that cannot appear in an Authorization header");
    }
    if (typeof keys.secretKey !== "string" || keys.secretKey === "") throw new SigningError("the secret key is empty");
}

function isValidSdkDate(value: string): boolean {
    const m = SDK_DATE_FORMAT.exec(value);
    if (!m) return false;
    const [, y, mo, d, h, mi, s] = m.map(Number);
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}
