import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { ConfigurationError } from "../provider/core/errors";
import { cloudDomain, serviceBaseUrl, smsSite, validateEndpointUrl } from "../provider/vendors/huaweicloud/endpoints";

const SENTINEL = "SENTINEL0000000000000000000000000001";

function rejection(run: () => unknown): ConfigurationError {
    try {
        run();
    } catch (e) {
        assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
        return e;
    }
    assert.fail("expected an error");
}

describe("Huawei Cloud endpoints", () => {
    describe("derived hosts", () => {
        it("serves KPS from the KMS (DEW) host of the region", () => {
            assert.equal(serviceBaseUrl("kms", { region: "cn-north-4" }), "https://kms.cn-north-4.myhuaweicloud.com");
        });

        it("serves ROMA Connect from the roma host of the region", () => {
            assert.equal(serviceBaseUrl("roma", { region: "ap-southeast-1" }), "https://roma.ap-southeast-1.myhuaweicloud.com");
        });

        it("serves IAM from the iam host of the region", () => {
            assert.equal(serviceBaseUrl("iam", { region: "cn-east-3" }), "https://iam.cn-east-3.myhuaweicloud.com");
        });

        it("sends SMS of a cn-* region to the China site host", () => {
            assert.equal(serviceBaseUrl("sms", { region: "cn-east-3" }), "https://sms.cn-north-4.myhuaweicloud.com");
            assert.equal(smsSite("cn-south-1"), "china");
        });

        it("sends SMS of any other non-Europe region to the international site host", () => {
            for (const region of ["ap-southeast-1", "ap-southeast-3", "la-south-2", "af-south-1", "eu-west-0", "tr-west-1"]) {
                assert.equal(serviceBaseUrl("sms", { region }), "https://sms.ap-southeast-3.myhuaweicloud.com", region);
                assert.equal(smsSite(region), "international", region);
            }
        });

        it("sends SMS of an eu-west-1xx region to the Europe site host on myhuaweicloud.eu", () => {
            assert.equal(serviceBaseUrl("sms", { region: "eu-west-101" }), "https://sms.eu-west-101.myhuaweicloud.eu");
            assert.equal(smsSite("eu-west-102"), "europe");
        });

        it("uses myhuaweicloud.eu for every service of eu-west-1xx regions (terraform's getCloudDomain)", () => {
            assert.equal(serviceBaseUrl("kms", { region: "eu-west-101" }), "https://kms.eu-west-101.myhuaweicloud.eu");
            assert.equal(serviceBaseUrl("roma", { region: "eu-west-101" }), "https://roma.eu-west-101.myhuaweicloud.eu");
            assert.equal(serviceBaseUrl("iam", { region: "eu-west-101" }), "https://iam.eu-west-101.myhuaweicloud.eu");
            assert.equal(cloudDomain("eu-west-102"), "myhuaweicloud.eu");
        });

        it("keeps myhuaweicloud.com for eu-west-0 (Paris), which is not on the Europe site", () => {
            assert.equal(serviceBaseUrl("kms", { region: "eu-west-0" }), "https://kms.eu-west-0.myhuaweicloud.com");
        });

        it("derives the host of a region that no SDK lists yet", () => {
            assert.equal(serviceBaseUrl("kms", { region: "xx-future-9" }), "https://kms.xx-future-9.myhuaweicloud.com");
            assert.equal(serviceBaseUrl("sms", { region: "xx-future-9" }), "https://sms.ap-southeast-3.myhuaweicloud.com");
        });
    });

    describe("the cloud setting", () => {
        it("replaces the cloud domain of every derived host, SMS included", () => {
            const cloud = "hcso.example.com";
            assert.equal(serviceBaseUrl("kms", { region: "cn-north-4", cloud }), "https://kms.cn-north-4.hcso.example.com");
            assert.equal(serviceBaseUrl("roma", { region: "cn-north-4", cloud }), "https://roma.cn-north-4.hcso.example.com");
            assert.equal(serviceBaseUrl("iam", { region: "cn-north-4", cloud }), "https://iam.cn-north-4.hcso.example.com");
            assert.equal(serviceBaseUrl("sms", { region: "cn-north-4", cloud }), "https://sms.cn-north-4.hcso.example.com");
        });

        it("wins over the Europe default and is lower-cased", () => {
            assert.equal(serviceBaseUrl("kms", { region: "eu-west-101", cloud: "MyHuaweiCloud.COM" }), "https://kms.eu-west-101.myhuaweicloud.com");
        });

        it("is rejected, naming huaweicloud:cloud, when it is not a domain name", () => {
            for (const cloud of ["example.com/evil", "localhost", "exa mple.com", `${SENTINEL}@example.com`]) {
                const e = rejection(() => serviceBaseUrl("kms", { region: "cn-north-4", cloud }));
                assert.match(e.message, /huaweicloud:cloud/);
                assert.ok(!e.message.includes(SENTINEL));
            }
        });
    });

    describe("the region setting", () => {
        it("is required to derive a host, naming huaweicloud:region and HW_REGION_NAME", () => {
            const e = rejection(() => serviceBaseUrl("kms", { region: "" }));
            assert.match(e.message, /huaweicloud:region/);
            assert.match(e.message, /HW_REGION_NAME/);
        });

        it("is rejected when it could change the host", () => {
            for (const region of ["cn-north-4.evil.com", "cn-north-4/x", "CN-NORTH-4", "cn_north_4", "-cn"]) {
                const e = rejection(() => serviceBaseUrl("roma", { region }));
                assert.match(e.message, /huaweicloud:region/);
            }
        });

        it("is not needed when the service has an override", () => {
            assert.equal(serviceBaseUrl("kms", { region: "", overrides: { kms: "https://kms.internal.example.com" } }), "https://kms.internal.example.com");
        });
    });

    describe("overrides", () => {
        it("huaweicloud:endpoints replaces one service and leaves the others derived", () => {
            const inputs = { region: "cn-north-4", overrides: { kms: "https://kms.internal.example.com:8443/" } };
            assert.equal(serviceBaseUrl("kms", inputs), "https://kms.internal.example.com:8443");
            assert.equal(serviceBaseUrl("roma", inputs), "https://roma.cn-north-4.myhuaweicloud.com");
        });

        it("an SMS override corrects the site chosen from the region", () => {
            assert.equal(
                serviceBaseUrl("sms", { region: "ap-southeast-1", overrides: { sms: "https://sms.cn-north-4.myhuaweicloud.com" } }),
                "https://sms.cn-north-4.myhuaweicloud.com",
            );
        });

        it("the per-call endpoint wins over the override and the derived host", () => {
            assert.equal(
                serviceBaseUrl("kms", {
                    region: "cn-north-4",
                    overrides: { kms: "https://kms.internal.example.com" },
                    endpoint: "https://kms-proxy.example.com/huawei/kms/",
                }),
                "https://kms-proxy.example.com/huawei/kms",
            );
        });

        it("a bad override is reported under its own setting name", () => {
            const e = rejection(() => serviceBaseUrl("roma", { region: "cn-north-4", overrides: { roma: "http://roma.example.com" } }));
            assert.match(e.message, /^huaweicloud:endpoints\.roma /);
        });

        it("a bad per-call endpoint is reported under the name the caller gives", () => {
            const e = rejection(() => serviceBaseUrl("kms", { region: "cn-north-4", endpoint: "kms.example.com", endpointSetting: "endpoint (getKeypairTask)" }));
            assert.match(e.message, /^endpoint \(getKeypairTask\) /);
        });
    });

    describe("endpoint URL validation", () => {
        it("accepts https URLs, keeps a path prefix and drops trailing slashes", () => {
            assert.equal(validateEndpointUrl("https://kms.example.com", "s"), "https://kms.example.com");
            assert.equal(validateEndpointUrl("HTTPS://KMS.Example.com:443//", "s"), "https://kms.example.com");
            assert.equal(validateEndpointUrl("https://gw.example.com/huawei/kms/", "s"), "https://gw.example.com/huawei/kms");
        });

        it("accepts http only for loopback hosts", () => {
            assert.equal(validateEndpointUrl("http://127.0.0.1:8080", "s"), "http://127.0.0.1:8080");
            assert.equal(validateEndpointUrl("http://localhost:8080/", "s"), "http://localhost:8080");
            assert.equal(validateEndpointUrl("http://[::1]:8080", "s"), "http://[::1]:8080");
            const e = rejection(() => validateEndpointUrl("http://127.0.0.2:8080", "huaweicloud:endpoints.kms"));
            assert.match(e.message, /http:\/\/ is allowed only for 127\.0\.0\.1, localhost and \[::1\]/);
        });

        const bad: Array<[string, string, RegExp]> = [
            ["an empty value", "", /is empty/],
            ["a host without scheme", "kms.example.com", /https:\/\//],
            ["another scheme", "ftp://kms.example.com", /https:\/\//],
            ["a third slash", "https:///kms.example.com", /followed by a host/],
            ["a user name and password", `https://user:${SENTINEL}@kms.example.com`, /user name or password/],
            ["a user name alone", `https://${SENTINEL}@kms.example.com`, /user name or password/],
            ["a query string", `https://kms.example.com/?token=${SENTINEL}`, /query string or fragment/],
            ["an empty query", "https://kms.example.com/?", /query string or fragment/],
            ["a fragment", `https://kms.example.com/#${SENTINEL}`, /query string or fragment/],
            ["whitespace", `https://kms.example.com/ ${SENTINEL}`, /spaces, control characters or backslashes/],
            ["a newline the parser would drop", `https://kms.exa\nmple.com/${SENTINEL}`, /control characters/],
            ["a backslash", `https://kms.example.com\\${SENTINEL}`, /backslashes/],
            ["an invalid port", `https://kms.example.com:99999/${SENTINEL}`, /not a valid URL/],
            ["plain http to a remote host", `http://kms.example.com/${SENTINEL}`, /not loopback/],
        ];
        for (const [what, value, reason] of bad) {
            it(`rejects ${what}, naming the setting and what was expected, without echoing the value`, () => {
                const e = rejection(() => validateEndpointUrl(value, "huaweicloud:endpoints.kms"));
                assert.match(e.message, /^huaweicloud:endpoints\.kms /);
                assert.match(e.message, reason);
                assert.match(e.message, /expected an absolute https:\/\/ URL/);
                for (const rendered of [e.message, String(e), e.stack ?? "", inspect(e)]) {
                    assert.ok(!rendered.includes(SENTINEL), `value echoed for ${what}`);
                    assert.ok(!rendered.includes("kms.example.com"), `URL echoed for ${what}`);
                }
            });
        }
    });
});
