/**
 * Deterministic random requests for comparing our signer with the official Node SDK signer.
 *
 * Each case is described once and rendered twice: for our signer (a percent-encoded URL,
 * plus unsigned headers that must not change the signature) and for the SDK oracle (raw
 * path, `queryParams` object, only the headers it should sign). Characters that the two
 * SDKs treat differently (those Node's URL parser escapes, see REFERENCE 3) and characters
 * that cannot stand raw in a path (`/ ? # %`) are left out; they are pinned in their own tests.
 */

import { seededRandom } from "./seeded-random";

/** One generated request, rendered for both signers. */
export interface GeneratedRequest {
    readonly label: string;
    readonly keys: { readonly accessKey: string; readonly secretKey: string };
    /** For our `signRequest`. */
    readonly ours: { method: string; url: string; headers: Record<string, string>; body?: string };
    /** For `AKSKSigner.sign` of `@huaweicloud/huaweicloud-sdk-core`. */
    readonly oracle: {
        method: string;
        endpoint: string;
        headers: Record<string, string>;
        queryParams: Record<string, string | string[]>;
        data?: unknown;
    };
}

// Agree in both SDKs: unreserved, sub-delims except "'", ":@[]", Latin-1, CJK and astral.
// Astral and CJK code points are kept below U+E000 / above U+FFFF so UTF-8 byte order (Go)
// and UTF-16 order (JavaScript sort in the Node SDK) agree.
const SEGMENT_CHARS = [
    ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~",
    ..."!$&()*+,;=:@[]",
    "é", "ü", "ß", "ñ", "中", "文", "ключ", "😀", "🚀",
];
// The query is never parsed by the oracle, so anything goes except lone surrogates.
const QUERY_CHARS = [...SEGMENT_CHARS, " ", "'", '"', "<", ">", "/", "?", "#", "%", "+", "&", "=", "{", "}", "|", "^", "`", "\\"];
const VALUE_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!#$%&'*+,/:;=?@[]^`{|}() \"<>\\"];
const HOSTS = [
    "kms.cn-north-4.myhuaweicloud.com",
    "roma.ap-southeast-1.myhuaweicloud.com",
    "sms.eu-west-101.myhuaweicloud.eu",
    "127.0.0.1:8443",
    "iam.la-south-2.myhuaweicloud.com",
];
const EXTRA_HEADER_NAMES = ["Accept", "User-Agent", "X-Request-Trace", "X-Client-Version", "Accept-Language"];

/** Generates `count` requests from `seed`; the same arguments always give the same list. */
export function generateRequests(seed: number, count: number): GeneratedRequest[] {
    const random = seededRandom(seed);
    const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
    const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
    const chance = (p: number): boolean => random() < p;
    const text = (alphabet: readonly string[], min: number, max: number): string =>
        Array.from({ length: int(min, max) }, () => pick(alphabet)).join("");
    const mixCase = (name: string): string =>
        [...name].map((c) => (chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
    const headerValue = (): string => {
        const v = text(VALUE_CHARS, 1, 40);
        // The Node SDK does not trim values; trimming (Go) is pinned separately.
        return v.trim() === "" ? "v" : v.trim();
    };

    const out: GeneratedRequest[] = [];
    for (let i = 0; i < count; i++) {
        const method = pick(["GET", "GET", "GET", "POST", "PUT", "DELETE"]);
        const host = pick(HOSTS);

        const segments = Array.from({ length: int(1, 6) }, () => {
            if (chance(0.08)) return "";
            let s = text(SEGMENT_CHARS, 1, 12);
            // "." and ".." are removed by URL parsing before anything is sent.
            if (s === "." || s === "..") s = `${s}x`;
            return s;
        });

        const query: Array<[string, string]> = [];
        for (let q = int(0, 5); q > 0; q--) {
            const key = chance(0.3) && query.length > 0 ? pick(query)[0] : text(QUERY_CHARS, 1, 8);
            query.push([key, chance(0.2) ? "" : text(QUERY_CHARS, 1, 10)]);
        }

        const signed: Record<string, string> = {};
        const used = new Set<string>(["host", "x-sdk-date"]);
        const add = (name: string, value: string): void => {
            if (used.has(name.toLowerCase())) return;
            used.add(name.toLowerCase());
            signed[mixCase(name)] = value;
        };
        if (chance(0.6)) add("X-Project-Id", text([..."0123456789abcdef"], 32, 32));
        if (chance(0.4)) add("X-Domain-Id", text([..."0123456789abcdef"], 32, 32));
        if (chance(0.4)) add("X-Security-Token", text([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="], 40, 200));
        for (let h = int(0, 3); h > 0; h--) {
            add(chance(0.5) ? pick(EXTRA_HEADER_NAMES) : `X-Custom-${text([..."abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 8)}`, headerValue());
        }

        const date = new Date(Date.UTC(int(2000, 2035), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59)));
        const sdkDate = date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
        const data = method === "POST" || method === "PUT" ? { name: text(SEGMENT_CHARS, 0, 10), id: int(0, 1e6), tags: [text(VALUE_CHARS, 0, 5)] } : undefined;

        const unsigned: Record<string, string> = {};
        if (data !== undefined || chance(0.3)) unsigned[pick(["Content-Type", "content-type"])] = "application/json;charset=UTF-8";
        if (chance(0.3)) unsigned[pick(["X_Trace_Id", "TEST_UNDERSCORE", "x_b3_spanid"])] = headerValue();

        const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
        const queryParams: Record<string, string | string[]> = {};
        for (const [k, v] of query) {
            const prev = queryParams[k];
            queryParams[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
        }

        out.push({
            label: `#${i} ${method} ${host} ${segments.length} segments, ${query.length} query params, ${Object.keys(signed).length} extra signed headers`,
            keys: {
                accessKey: `AK${String(i).padStart(18, "0")}`,
                secretKey: `SK-${text([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"], 20, 40)}`,
            },
            ours: {
                method,
                url: `https://${host}/${segments.map(encodeURIComponent).join("/")}${search ? `?${search}` : ""}`,
                headers: { [chance(0.5) ? "Host" : "host"]: host, ...signed, ...unsigned, [mixCase("X-Sdk-Date")]: sdkDate },
                ...(data !== undefined ? { body: JSON.stringify(data) } : {}),
            },
            oracle: {
                method,
                endpoint: `https://${host}/${segments.join("/")}`,
                headers: { ...signed, "X-Sdk-Date": sdkDate },
                queryParams,
                ...(data !== undefined ? { data } : {}),
            },
        });
    }
    return out;
}
