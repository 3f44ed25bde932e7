import * as assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { inspect } from "node:util";
import { canonicalQueryString, canonicalRequest, canonicalUri, signedHeaderNames, type SignableRequest } from "../provider/vendors/huaweicloud/canonical-request";
import { formatSdkDate, signRequest, stringToSign } from "../provider/vendors/huaweicloud/signer";
import { SigningError } from "../provider/vendors/huaweicloud/signing-error";
import { generateRequests } from "./helpers/huawei-request-generator";

// The official Node SDK signer, used only as an independent oracle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
    AKSKSigner: {
        sign(request: unknown, credential: { getAk(): string; getSk(): string }): Record<string, string>;
        CanonicalURI(path: string): string;
    };
};

const KEYS = { accessKey: "AccessKey", secretKey: "SecretKey" };
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SECRET_SENTINEL = "SENTINEL-secret-0000000000000000000000000001";

function hmacHex(key: string, text: string): string {
    return createHmac("sha256", key).update(text).digest("hex");
}

function sha256Hex(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

function oracleSign(request: unknown, keys: { accessKey: string; secretKey: string }): Record<string, string> {
    return AKSKSigner.sign(request, { getAk: () => keys.accessKey, getSk: () => keys.secretKey });
}

describe("Huawei Cloud SDK-HMAC-SHA256 signer", () => {
    describe("reference vectors (REFERENCE section 3, from the Go SDK's signer_test.go)", () => {
        it("signs GET /path?limit=1 without signing a header whose name has an underscore", () => {
            const headers = signRequest(
                {
                    method: "GET",
                    url: "https://example.huaweicloud.com/path?limit=1",
                    headers: { "X-Sdk-Date": "20060102T150405Z", TEST_UNDERSCORE: "TEST_VALUE" },
                },
                KEYS,
            );
            assert.equal(
                headers.Authorization,
                "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
                    "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
            );
            assert.equal(headers.TEST_UNDERSCORE, "TEST_VALUE", "unsigned headers are still returned for sending");
        });

        it("signs POST /path?key=value with a JSON body without signing Content-Type", () => {
            const headers = signRequest(
                {
                    method: "POST",
                    url: "https://example.huaweicloud.com/path?key=value",
                    headers: { "X-Sdk-Date": "20060102T150405Z", TEST_UNDERSCORE: "TEST_VALUE", "Content-Type": "application/json" },
                    body: '{"Name":"test","Id":1}\n',
                },
                KEYS,
            );
            assert.equal(
                headers.Authorization,
                "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
                    "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
            );
        });

        it("signs a KPS task read with Host and X-Project-Id, taking X-Sdk-Date from now", () => {
            const headers = signRequest(
                {
                    method: "GET",
                    url: "https://kms.cn-north-4.myhuaweicloud.com/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c",
                    headers: { Host: "kms.cn-north-4.myhuaweicloud.com", "X-Project-Id": "0123456789abcdef0123456789abcdef" },
                },
                KEYS,
                new Date("2024-01-01T00:00:00Z"),
            );
            assert.deepEqual(headers, {
                Host: "kms.cn-north-4.myhuaweicloud.com",
                "X-Project-Id": "0123456789abcdef0123456789abcdef",
                "X-Sdk-Date": "20240101T000000Z",
                Authorization:
                    "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, " +
                    "Signature=9e33da4edd4c363d6ad556833d9417ea76dcb4366a2c29f8a024cfa61061ef81",
            });
        });
    });

    describe("agreement with the official Node SDK signer (@huaweicloud/huaweicloud-sdk-core)", () => {
        const cases = generateRequests(20240101, 240);

        it("uses at least 200 generated requests covering the features under test", () => {
            assert.ok(cases.length >= 200);
            const urls = cases.map((c) => c.ours.url);
            assert.ok(urls.some((u) => /%[89A-F][0-9A-F]/.test(u)), "non-ASCII path or query");
            assert.ok(urls.some((u) => /\/\//.test(u.slice(8))), "empty path segments");
            assert.ok(cases.some((c) => Object.values(c.oracle.queryParams).some(Array.isArray)), "repeated query keys");
            assert.ok(cases.some((c) => Object.values(c.oracle.queryParams).flat().includes("")), "empty query values");
            for (const name of ["x-project-id", "x-domain-id", "x-security-token"]) {
                assert.ok(cases.some((c) => Object.keys(c.ours.headers).some((h) => h.toLowerCase() === name)), `with ${name}`);
                assert.ok(cases.some((c) => !Object.keys(c.ours.headers).some((h) => h.toLowerCase() === name)), `without ${name}`);
            }
            const titleCase = (h: string): string => h.toLowerCase().replace(/(^|-)[a-z]/g, (m) => m.toUpperCase());
            const oddlyCased = (h: string): boolean => h !== h.toLowerCase() && h !== titleCase(h);
            assert.ok(cases.some((c) => Object.keys(c.ours.headers).some(oddlyCased)), "mixed-case header names");
            assert.ok(cases.some((c) => c.ours.body !== undefined), "requests with a body");
        });

        it("produces the same Authorization header for every generated request", () => {
            const mismatches: string[] = [];
            for (const c of cases) {
                const ours = signRequest(c.ours, c.keys).Authorization;
                const theirs = oracleSign(c.oracle, c.keys).Authorization;
                if (ours !== theirs) mismatches.push(`${c.label}\n  ours:   ${ours}\n  oracle: ${theirs}\n  url:    ${c.ours.url}`);
            }
            assert.deepEqual(mismatches, []);
        });
    });

    describe("where the Go and Node SDKs disagree, we follow Go", () => {
        // The Node SDK percent-encodes the path that URL parsing already escaped, so "t x"
        // becomes t%2520x. The Go SDK decodes first and encodes once; we do the same.
        const url = "https://kms.cn-north-4.myhuaweicloud.com/v3/tasks/t%20x%22%3C%3E%27";

        it("encodes a space, quote, < and > in a path segment once", () => {
            const expectedUri = "/v3/tasks/t%20x%22%3C%3E%27/";
            assert.equal(canonicalUri(new URL(url).pathname), expectedUri);

            const request: SignableRequest = {
                method: "GET",
                url,
                headers: { Host: "kms.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240101T000000Z" },
            };
            const expectedCanonical = [
                "GET",
                expectedUri,
                "",
                "host:kms.cn-north-4.myhuaweicloud.com\nx-sdk-date:20240101T000000Z\n",
                "host;x-sdk-date",
                EMPTY_SHA256,
            ].join("\n");
            assert.equal(canonicalRequest(request), expectedCanonical);
            const expectedSignature = hmacHex("SecretKey", `SDK-HMAC-SHA256\n20240101T000000Z\n${sha256Hex(expectedCanonical)}`);
            assert.equal(
                signRequest(request, KEYS).Authorization,
                `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${expectedSignature}`,
            );
        });

        it("differs from the Node SDK exactly there (documenting the oracle's double encoding)", () => {
            assert.equal(AKSKSigner.CanonicalURI("/v3/tasks/t%20x"), "/v3/tasks/t%2520x/");
            assert.equal(canonicalUri("/v3/tasks/t%20x"), "/v3/tasks/t%20x/");
        });

        it("trims header values as Go's strings.TrimSpace does (the Node SDK does not trim)", () => {
            const canonical = canonicalRequest({
                method: "GET",
                url: "https://example.com/",
                headers: { "X-Project-Id": " \t0123 456\t ", "X-Sdk-Date": "20240101T000000Z" },
            });
            assert.equal(canonical.split("\n")[3], "x-project-id:0123 456");
        });

        it("sorts query keys and values by UTF-8 bytes, as Go sorts strings", () => {
            // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16.
            assert.equal(
                canonicalQueryString(`?k=${encodeURIComponent("😀")}&k=${encodeURIComponent("Ａ")}`),
                "k=%EF%BC%A1&k=%F0%9F%98%80",
            );
        });
    });

    describe("canonical request details", () => {
        it("keeps an encoded slash inside one path segment", () => {
            assert.equal(canonicalUri("/v3/tasks/a%2Fb"), "/v3/tasks/a%2Fb/");
        });

        it("encodes reserved characters and keeps only A-Z a-z 0-9 _ - ~ . unescaped", () => {
            assert.equal(canonicalUri("/a:b@c/!$&'()*+,;=/[x]/_-~.Z9"), "/a%3Ab%40c/%21%24%26%27%28%29%2A%2B%2C%3B%3D/%5Bx%5D/_-~.Z9/");
        });

        it("re-encodes non-ASCII path segments as upper-case UTF-8 escapes, raw or pre-encoded", () => {
            assert.equal(canonicalUri(new URL("https://h.example/é中/😀").pathname), "/%C3%A9%E4%B8%AD/%F0%9F%98%80/");
            assert.equal(canonicalUri("/%c3%a9"), "/%C3%A9/");
        });

        it("keeps a percent escape that is not UTF-8 byte for byte", () => {
            assert.equal(canonicalUri("/%FF%fe"), "/%FF%FE/");
        });

        it("always ends the canonical URI with a slash, including for the root", () => {
            assert.equal(canonicalUri(""), "/");
            assert.equal(canonicalUri("/"), "/");
            assert.equal(canonicalUri("/a/"), "/a/");
        });

        it("signs the path that is actually sent, after URL parsing removed dot segments", () => {
            const canonical = canonicalRequest({ method: "GET", url: "https://h.example/a/./b/../c", headers: {} });
            assert.equal(canonical.split("\n")[1], "/a/c/");
        });

        it("sorts repeated query values, keeps empty ones and reads a bare key as key=", () => {
            assert.equal(canonicalQueryString("?marker=b&limit=1&marker=a&flag&empty=&&"), "empty=&flag=&limit=1&marker=a&marker=b");
        });

        it("reads + in the query as a space, as Go's url.ParseQuery does", () => {
            assert.equal(canonicalQueryString("?q=a+b&r=a%2Bb"), "q=a%20b&r=a%2Bb");
        });

        it("hashes the exact body bytes, whether given as a string or bytes", () => {
            const base = { method: "POST", url: "https://h.example/x", headers: { "X-Sdk-Date": "20240101T000000Z" } };
            const fromString = canonicalRequest({ ...base, body: '{"a":"é"}' });
            const fromBytes = canonicalRequest({ ...base, body: new TextEncoder().encode('{"a":"é"}') });
            assert.equal(fromString, fromBytes);
            assert.equal(fromString.split("\n").at(-1), sha256Hex('{"a":"é"}'));
            assert.equal(canonicalRequest(base).split("\n").at(-1), EMPTY_SHA256);
        });

        it("uses X-Sdk-Content-Sha256 in place of the body hash when the caller sends it", () => {
            const canonical = canonicalRequest({
                method: "PUT",
                url: "https://h.example/x",
                headers: { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" },
                body: "ignored",
            });
            assert.equal(canonical.split("\n").at(-1), "UNSIGNED-PAYLOAD");
        });

        it("leaves Content-Type (and names starting with it) and names with _ unsigned", () => {
            assert.deepEqual(
                signedHeaderNames({ "Content-Type": "a", "content-type-options": "b", X_Trace: "c", "X-Domain-Id": "d", Accept: "e" }),
                ["accept", "x-domain-id"],
            );
        });

        it("builds the string to sign from the algorithm, date and hash of the canonical request", () => {
            assert.equal(stringToSign("abc", "20240101T000000Z"), `SDK-HMAC-SHA256\n20240101T000000Z\n${sha256Hex("abc")}`);
        });
    });

    describe("X-Sdk-Date", () => {
        const request: SignableRequest = { method: "GET", url: "https://h.example/x", headers: { Host: "h.example" } };

        it("is added from now, formatted as UTC YYYYMMDDTHHmmssZ", () => {
            const headers = signRequest(request, KEYS, new Date("2031-12-09T23:59:58.999+02:00"));
            assert.equal(headers["X-Sdk-Date"], "20311209T215958Z");
            assert.match(headers.Authorization, /SignedHeaders=host;x-sdk-date,/);
        });

        it("defaults to the current time", () => {
            const before = formatSdkDate(new Date(Date.now() - 1000));
            const date = signRequest(request, KEYS)["X-Sdk-Date"];
            assert.ok(date >= before && date <= formatSdkDate(new Date(Date.now() + 1000)));
        });

        it("is taken from the caller's header, in any case, over now", () => {
            const headers = signRequest({ ...request, headers: { ...request.headers, "x-sdk-date": "20240101T000000Z" } }, KEYS, new Date(0));
            assert.equal(headers["x-sdk-date"], "20240101T000000Z");
            assert.equal(headers["X-Sdk-Date"], undefined, "no second date header");
            const expected = hmacHex("SecretKey", stringToSign(canonicalRequest({ ...request, headers: { ...request.headers, "x-sdk-date": "20240101T000000Z" } }), "20240101T000000Z"));
            assert.match(headers.Authorization, new RegExp(`Signature=${expected}$`));
        });

        it("is rejected when the caller's value is not a valid UTC time", () => {
            for (const bad of ["2024-01-01T00:00:00Z", "20241301T000000Z", "20240101T250000Z", "20240230T000000Z", ""]) {
                assert.throws(() => signRequest({ ...request, headers: { "X-Sdk-Date": bad } }, KEYS), SigningError, bad);
            }
        });
    });

    describe("errors", () => {
        const good: SignableRequest = {
            method: "GET",
            url: "https://kms.cn-north-4.myhuaweicloud.com/v3/p/tasks/t",
            headers: { Host: "kms.cn-north-4.myhuaweicloud.com" },
        };
        const keys = { accessKey: "AK0000000000000000001", secretKey: SECRET_SENTINEL };
        const failures: Array<[string, () => unknown]> = [
            ["a lower-case method", () => signRequest({ ...good, method: "get" }, keys)],
            ["a relative URL", () => signRequest({ ...good, url: "/v3/p/tasks/t" }, keys)],
            ["an ftp URL", () => signRequest({ ...good, url: "ftp://kms.cn-north-4.myhuaweicloud.com/x" }, keys)],
            ["credentials in the URL", () => signRequest({ ...good, url: `https://u:${SECRET_SENTINEL}@kms.cn-north-4.myhuaweicloud.com/x` }, keys)],
            ["a malformed percent escape", () => signRequest({ ...good, url: "https://kms.cn-north-4.myhuaweicloud.com/a%zz" }, keys)],
            ["a Host header for another host", () => signRequest({ ...good, headers: { Host: "evil.example.com" } }, keys)],
            ["an Authorization header", () => signRequest({ ...good, headers: { ...good.headers, Authorization: "x" } }, keys)],
            ["header names differing only in case", () => signRequest({ ...good, headers: { ...good.headers, "X-A": "1", "x-a": "2" } }, keys)],
            ["a header value with a newline", () => signRequest({ ...good, headers: { ...good.headers, "X-A": "1\r\nX-B: 2" } }, keys)],
            ["a header name that is not a token", () => signRequest({ ...good, headers: { ...good.headers, "X A": "1" } }, keys)],
            ["an empty access key", () => signRequest(good, { ...keys, accessKey: "" })],
            ["an access key with a comma", () => signRequest(good, { ...keys, accessKey: "AK,Signature=x" })],
            ["an empty secret key", () => signRequest(good, { ...keys, secretKey: "" })],
            ["an invalid now", () => signRequest(good, keys, new Date(Number.NaN))],
        ];

        for (const [what, run] of failures) {
            it(`rejects ${what} with a SigningError that never shows the secret key`, () => {
                let caught: unknown;
                try {
                    run();
                } catch (e) {
                    caught = e;
                }
                assert.ok(caught instanceof SigningError, `expected a SigningError, got ${String(caught)}`);
                assert.equal(caught.code, "ERR_SIGNING");
                for (const rendered of [caught.message, String(caught), caught.stack ?? "", inspect(caught), JSON.stringify(caught)]) {
                    assert.ok(!rendered.includes(SECRET_SENTINEL), `secret leaked for ${what}`);
                }
            });
        }

        it("accepts the Host header with the URL's port", () => {
            const headers = signRequest({ method: "GET", url: "http://127.0.0.1:8443/x", headers: { host: "127.0.0.1:8443" } }, keys);
            assert.match(headers.Authorization, /SignedHeaders=host;x-sdk-date,/);
        });
    });
});
