import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { FIXTURE_SECRETS, loadDefaultFixtures, startEmulator, type Emulator } from "../emulator";
import { expectedSignature, parseAuthorization } from "../emulator/huawei-signature";
import { get, json, rawGet, response, send, signHuawei } from "./helpers/emulator-http";

const TOKEN = "emulator-huawei-token-0000000000000001";
const AUTH = { "x-auth-token": TOKEN };
const PROJECT = "0123456789abcdef0123456789abcdef";
const OTHER_PROJECT = "abcdef0123456789abcdef0123456789";
const DOMAIN = "d0000000000000000000000000000001";
const SMS_TASK = "d7fa81b9-c174-4c0a-a475-51a54c8af8a4";
const KPS_TASK = "aee8d2fe-5484-4753-9177-5a38dc15546c";
const ROMA_INSTANCE = "7c3e0e8a-0000-4000-8000-000000000001";
const BIG_PRODUCT = "99999999999999999";
const ACCOUNT = "3b5e2f0a-7c1d-4e8f-9a6b-000000000001";
const PEM_CERT = "a26cbed4-2183-58ce-aa19-e37ca8b0531a";
const DER_CERT = "5a1f3c9e-8b7d-5e2a-9c4f-0d6e7b8a9c10";
const ASTRA_AUTH = { authorization: "Bearer emulator-astra-token-0000000000000001" };
const AK = "EMULATORAK0000000001";
const SK = "emulator-secret-key-0000000000000000000001";

describe("emulator", () => {
  let emulator: Emulator;
  let kmsTask: string;
  let smsTask: string;
  let romaProduct: (product: string, instance?: string, project?: string) => string;
  let astraCert: (certificate: string, account?: string) => string;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    kmsTask = `${emulator.endpoints.kms}/v3/${PROJECT}/tasks/${KPS_TASK}`;
    smsTask = `${emulator.endpoints.sms}/v3/tasks/${SMS_TASK}/passphrase`;
    romaProduct = (product, instance = ROMA_INSTANCE, project = PROJECT) =>
      `${emulator.endpoints.roma}/v2/${project}/link/instances/${instance}/products/${product}/authentication`;
    astraCert = (certificate, account = ACCOUNT) => `${emulator.endpoints.astra}/accounts/${account}/core/v1/certificates/${certificate}`;
  });

  afterEach(() => emulator.reset());
  after(() => emulator.close());

  describe("startup", () => {
    it("listens on 127.0.0.1 and names one base URL per service under its own prefix", () => {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(emulator.endpoints, {
        sms: `${emulator.url}/sms`,
        roma: `${emulator.url}/roma`,
        kms: `${emulator.url}/kms`,
        iam: `${emulator.url}/iam`,
        astra: `${emulator.url}/astra`,
      });
    });

    it("hands out deep copies of the default fixtures", () => {
      const first = loadDefaultFixtures();
      first.huawei.tokens.length = 0;
      assert.equal(loadDefaultFixtures().huawei.tokens[0], TOKEN);
    });

    it("lists every fixture secret for leak scans", () => {
      for (const secret of [TOKEN, SK, "emulator-sms-passphrase-0000000000000001", "Emulator-Pass-0001!", "emulator-astra-token-0000000000000001"]) {
        assert.ok(FIXTURE_SECRETS.includes(secret), secret);
      }
    });
  });

  describe("success routes", () => {
    it("serves an SMS task passphrase as Huawei JSON with an X-Request-Id", async () => {
      const res = await get(smsTask, AUTH);
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json;charset=UTF-8");
      assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
      assert.deepEqual(json(res), { task_id: SMS_TASK, passphrase: "emulator-sms-passphrase-0000000000000001" });
    });

    it("gives every Huawei response a fresh X-Request-Id", async () => {
      const a = await get(smsTask, AUTH);
      const b = await get(smsTask, AUTH);
      assert.notEqual(a.headers["x-request-id"], b.headers["x-request-id"]);
    });

    it("serves ROMA product authentication for a product id above 2^53, matched exactly", async () => {
      assert.deepEqual(json(await get(romaProduct(BIG_PRODUCT), AUTH)), { user_name: "emulatorUser0001", password: "Emulator-Pass-0001!" });
      // 99999999999999998 rounds to the same double as the fixture id; it must not match.
      assert.equal((await get(romaProduct("99999999999999998"), AUTH)).status, 404);
    });

    it("serves a ROMA product with a small id", async () => {
      assert.deepEqual(json(await get(romaProduct("1024"), AUTH)), { user_name: "emulatorUser0002", password: "Emulator-Pass-0002!" });
    });

    it("maps ROMA's literal default project and instance to the fixture's default instance", async () => {
      assert.equal((await get(romaProduct("1024", "default", "default"), AUTH)).status, 200);
      assert.equal((await get(romaProduct("1024", "default"), AUTH)).status, 200);
    });

    it("serves a KPS task with its raw status string", async () => {
      assert.deepEqual(json(await get(kmsTask, AUTH)), {
        task_id: KPS_TASK,
        task_status: "RUNNING_RESET",
        server_id: "c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006",
      });
    });

    it("percent-decodes each path segment before lookup", async () => {
      const encoded = `${emulator.endpoints.kms}/v3/${PROJECT}/tasks/${KPS_TASK.replace(/-/g, "%2D")}`;
      assert.equal((await get(encoded, AUTH)).status, 200);
    });

    it("lists the IAM project of a region in Keystone's shape", async () => {
      const res = await get(`${emulator.endpoints.iam}/v3/projects?name=cn-north-4`, AUTH);
      assert.equal(res.status, 200);
      assert.deepEqual(json(res), {
        projects: [
          {
            id: PROJECT,
            name: "cn-north-4",
            domain_id: DOMAIN,
            enabled: true,
            description: "",
            parent_id: DOMAIN,
            is_domain: false,
            links: { self: `${emulator.endpoints.iam}/v3/projects/${PROJECT}` },
          },
        ],
        links: { self: `${emulator.endpoints.iam}/v3/projects?name=cn-north-4`, next: null, previous: null },
      });
    });

    it("answers an unknown region with an empty IAM project list", async () => {
      assert.deepEqual(json(await get(`${emulator.endpoints.iam}/v3/projects?name=xx-nowhere-1`, AUTH)).projects, []);
    });

    it("lists the account's IAM domain", async () => {
      assert.deepEqual(json(await get(`${emulator.endpoints.iam}/v3/auth/domains`, AUTH)), {
        domains: [{ id: DOMAIN, name: "emulator-account", enabled: true, description: "", links: { self: `${emulator.endpoints.iam}/v3/domains/${DOMAIN}` } }],
      });
    });

    it("serves an Astra certificate as application/astra-certificate+json, PEM inside, matching its fields", async () => {
      const res = await get(astraCert(PEM_CERT), { ...ASTRA_AUTH, accept: "application/astra-certificate+json" });
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/astra-certificate+json");
      const body = json(res);
      const der = Buffer.from(String(body.cert), "base64");
      assert.ok(der.toString("latin1").startsWith("-----BEGIN CERTIFICATE-----"));
      const x509 = new X509Certificate(der);
      assert.match(x509.subject, /CN=vcenter\.example\.com/);
      assert.equal(body.cn, "vcenter.example.com");
      assert.equal(body.isSelfSigned, "true");
      assert.equal(Date.parse(String(body.expiryTimestamp)), Date.parse(x509.validTo));
      assert.equal(body.certUse, "rootCA");
    });

    it("serves an intermediate CA whose cert is base64 DER, signed by the root", async () => {
      const root = new X509Certificate(Buffer.from(String(json(await get(astraCert(PEM_CERT), ASTRA_AUTH)).cert), "base64"));
      const body = json(await get(astraCert(DER_CERT), { ...ASTRA_AUTH, accept: "*/*" }));
      const der = Buffer.from(String(body.cert), "base64");
      assert.equal(der[0], 0x30);
      const x509 = new X509Certificate(der);
      assert.equal(body.certUse, "intermediateCA");
      assert.equal(body.isSelfSigned, "false");
      assert.equal(body.cn, "intermediate-ca.example.com");
      assert.equal(Date.parse(String(body.expiryTimestamp)), Date.parse(x509.validTo));
      assert.ok(x509.checkIssued(root) && x509.verify(root.publicKey));
    });
  });

  describe("Huawei errors", () => {
    it("answers an unknown SMS task with an SMS-shaped 404 and an X-Request-Id", async () => {
      const res = await get(`${emulator.endpoints.sms}/v3/tasks/00000000-0000-4000-8000-00000000dead/passphrase`, AUTH);
      assert.equal(res.status, 404);
      assert.ok(res.headers["x-request-id"]);
      const body = json(res);
      assert.match(String(body.error_code), /^SMS\.\d{4}$/);
      assert.equal(typeof body.error_msg, "string");
      assert.deepEqual(body.details, [{ error_code: body.error_code, error_msg: body.error_msg }]);
      assert.equal(body.request_id, undefined);
    });

    it("rejects an SMS task id longer than 36 characters with an SMS-shaped 400", async () => {
      const res = await get(`${emulator.endpoints.sms}/v3/tasks/${"a".repeat(37)}/passphrase`, AUTH);
      assert.equal(res.status, 400);
      assert.match(String(json(res).error_code), /^SMS\./);
    });

    it("rejects a non-digit ROMA product id with 400 SCB.00000000 whose request_id is the X-Request-Id", async () => {
      const res = await get(romaProduct("12ab"), AUTH);
      assert.equal(res.status, 400);
      const body = json(res);
      assert.equal(body.error_code, "SCB.00000000");
      assert.equal(body.request_id, res.headers["x-request-id"]);
    });

    it("rejects a ROMA product id above the documented maximum with 400", async () => {
      assert.equal((await get(romaProduct("100000000000000000"), AUTH)).status, 400);
    });

    it("answers an unknown ROMA instance with the documented non-transient 500 ROMA.00110002", async () => {
      const res = await get(romaProduct("1024", "00000000-0000-4000-8000-00000000dead"), AUTH);
      assert.equal(res.status, 500);
      const body = json(res);
      assert.equal(body.error_code, "ROMA.00110002");
      assert.match(String(body.error_msg), /^The instance does not exist\. project_id: 0123456789abcdef0123456789abcdef, instance_id: /);
      assert.equal(body.request_id, res.headers["x-request-id"]);
    });

    it("answers an unknown ROMA product with 404 ROMA.00110006", async () => {
      const res = await get(romaProduct("7"), AUTH);
      assert.equal(res.status, 404);
      assert.equal(json(res).error_code, "ROMA.00110006");
    });

    it("answers a ROMA project that is not the caller's with a ROMA-shaped 403", async () => {
      const res = await get(romaProduct("1024", ROMA_INSTANCE, "ffffffffffffffffffffffffffffffff"), AUTH);
      assert.equal(res.status, 403);
      assert.deepEqual(Object.keys(json(res)).sort(), ["error_code", "error_msg", "request_id"]);
    });

    it("answers an unknown KPS task with a KPS-shaped 404 and an X-Request-Id", async () => {
      const res = await get(`${emulator.endpoints.kms}/v3/${PROJECT}/tasks/00000000-0000-4000-8000-00000000dead`, AUTH);
      assert.equal(res.status, 404);
      assert.ok(res.headers["x-request-id"]);
      const body = json(res);
      assert.deepEqual(Object.keys(body).sort(), ["error_code", "error_msg"]);
      assert.match(String(body.error_code), /^KPS\.\d{4}$/);
    });

    it("answers a KPS task in another fixture project with 404, and an unknown project with a KPS-shaped 403", async () => {
      assert.equal((await get(`${emulator.endpoints.kms}/v3/${OTHER_PROJECT}/tasks/${KPS_TASK}`, AUTH)).status, 404);
      const res = await get(`${emulator.endpoints.kms}/v3/ffffffffffffffffffffffffffffffff/tasks/${KPS_TASK}`, AUTH);
      assert.equal(res.status, 403);
      assert.match(String(json(res).error_code), /^KPS\./);
    });

    it("answers an unknown path under each Huawei prefix with the gateway's 404 APIGW.0101", async () => {
      for (const service of ["sms", "roma", "kms", "iam"] as const) {
        const res = await get(`${emulator.endpoints[service]}/v9/nothing-here`, AUTH);
        assert.equal(res.status, 404, service);
        const body = json(res);
        assert.equal(body.error_code, "APIGW.0101");
        assert.equal(body.request_id, res.headers["x-request-id"]);
      }
    });

    it("answers a wrong method with 405 and an Allow header", async () => {
      const res = response(await send(kmsTask, { method: "DELETE", headers: AUTH }));
      assert.equal(res.status, 405);
      assert.equal(res.headers.allow, "GET");
      assert.equal(json(res).error_code, "APIGW.0101");
    });

    it("answers a path outside every service prefix with a plain 404 recorded as unknown", async () => {
      const res = await get(`${emulator.url}/nowhere`);
      assert.equal(res.status, 404);
      assert.equal(emulator.requests.at(-1)?.service, "unknown");
    });
  });

  describe("Huawei token auth", () => {
    it("rejects a request without credentials with the gateway's 401 APIGW.0301", async () => {
      const res = await get(kmsTask);
      assert.equal(res.status, 401);
      const body = json(res);
      assert.equal(body.error_code, "APIGW.0301");
      assert.match(String(body.error_msg), /^Incorrect IAM authentication information: /);
      assert.equal(body.request_id, res.headers["x-request-id"]);
    });

    it("rejects an unknown X-Auth-Token with 401 APIGW.0301 on every Huawei service", async () => {
      for (const url of [kmsTask, smsTask, romaProduct("1024"), `${emulator.endpoints.iam}/v3/auth/domains`]) {
        const res = await get(url, { "x-auth-token": "emulator-huawei-token-ffffffffffffffff" });
        assert.equal(res.status, 401, url);
        assert.equal(json(res).error_code, "APIGW.0301");
      }
    });

    it("accepts a token edited into the live fixture data", async () => {
      emulator.data.huawei.tokens.push("emulator-huawei-token-added-by-test");
      assert.equal((await get(kmsTask, { "x-auth-token": "emulator-huawei-token-added-by-test" })).status, 200);
    });
  });

  describe("Huawei AK/SK signing", () => {
    it("reproduces the three REFERENCE test vectors", () => {
      const vectors = [
        {
          request: { method: "GET", target: "/path?limit=1", headers: { "x-sdk-date": "20060102T150405Z", x_unsigned_header: "ignored" }, body: "" },
          signed: ["x-sdk-date"],
          signature: "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
        },
        {
          request: {
            method: "POST",
            target: "/path?key=value",
            headers: { "x-sdk-date": "20060102T150405Z", "content-type": "application/json" },
            body: '{"Name":"test","Id":1}\n',
          },
          signed: ["x-sdk-date"],
          signature: "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
        },
        {
          request: {
            method: "GET",
            target: `/v3/${PROJECT}/tasks/${KPS_TASK}`,
            headers: { host: "kms.cn-north-4.myhuaweicloud.com", "x-project-id": PROJECT, "x-sdk-date": "20240101T000000Z" },
            body: "",
          },
          signed: ["host", "x-project-id", "x-sdk-date"],
          signature: "9e33da4edd4c363d6ad556833d9417ea76dcb4366a2c29f8a024cfa61061ef81",
        },
      ];
      for (const vector of vectors) {
        assert.equal(expectedSignature(vector.request, vector.signed, "SecretKey"), vector.signature);
      }
    });

    it("parses the Authorization header the SDKs send", () => {
      assert.deepEqual(parseAuthorization("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=abc"), {
        accessKey: "AccessKey",
        signedHeaders: ["host", "x-sdk-date"],
        signature: "abc",
      });
      assert.equal(parseAuthorization("Bearer x"), undefined);
    });

    it("accepts a correctly signed KPS request", async () => {
      const headers = signHuawei({ method: "GET", url: kmsTask, accessKey: AK, secretKey: SK, headers: { "x-project-id": PROJECT } });
      assert.equal((await get(kmsTask, headers)).status, 200);
    });

    it("accepts a correctly signed SMS request that signs X-Domain-Id", async () => {
      const headers = signHuawei({ method: "GET", url: smsTask, accessKey: AK, secretKey: SK, headers: { "x-domain-id": DOMAIN } });
      assert.equal((await get(smsTask, headers)).status, 200);
    });

    it("accepts a signed IAM request with a query string", async () => {
      const url = `${emulator.endpoints.iam}/v3/projects?name=cn-north-4`;
      assert.equal((await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK }))).status, 200);
    });

    it("accepts a request signed by the official Huawei Node SDK signer", async () => {
      const headers = AKSKSigner.sign(
        { method: "GET", endpoint: kmsTask, headers: { "X-Project-Id": PROJECT }, queryParams: {} },
        // The oracle only calls getAk/getSk; its full ICredential interface is not needed.
        { getAk: () => AK, getSk: () => SK } as unknown as Parameters<typeof AKSKSigner.sign>[1],
      ) as Record<string, string>;
      assert.equal((await get(kmsTask, headers)).status, 200);
    });

    it("verifies over decoded-then-re-encoded path segments, as the Go SDK signs", async () => {
      const url = `${emulator.endpoints.sms}/v3/tasks/t%20x/passphrase`;
      const res = await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-domain-id": DOMAIN } }));
      assert.equal(res.status, 404);
      assert.match(String(json(res).error_code), /^SMS\./);
    });

    it("rejects a wrong signature with 401 APIGW.0301", async () => {
      const headers = signHuawei({ method: "GET", url: kmsTask, accessKey: AK, secretKey: "not-the-secret-key", headers: { "x-project-id": PROJECT } });
      const res = await get(kmsTask, headers);
      assert.equal(res.status, 401);
      assert.equal(json(res).error_code, "APIGW.0301");
    });

    it("rejects an unknown access key with 401 APIGW.0301", async () => {
      const headers = signHuawei({ method: "GET", url: kmsTask, accessKey: "EMULATORAKFFFFFFFFFF", secretKey: SK, headers: { "x-project-id": PROJECT } });
      assert.equal(json(await get(kmsTask, headers)).error_code, "APIGW.0301");
    });

    it("rejects a KPS request whose X-Project-Id is sent but not signed", async () => {
      const headers = signHuawei({ method: "GET", url: kmsTask, accessKey: AK, secretKey: SK, unsignedHeaders: { "x-project-id": PROJECT } });
      const res = await get(kmsTask, headers);
      assert.equal(res.status, 401);
      assert.equal(json(res).error_code, "APIGW.0301");
    });

    it("rejects an SMS request that does not sign X-Domain-Id", async () => {
      const res = await get(smsTask, signHuawei({ method: "GET", url: smsTask, accessKey: AK, secretKey: SK }));
      assert.equal(res.status, 401);
    });

    it("rejects a signature whose signed headers leave out host", async () => {
      const date = "20991231T000000Z";
      const headers = { "x-sdk-date": date, "x-project-id": PROJECT };
      const signature = expectedSignature({ method: "GET", target: new URL(kmsTask).pathname, headers, body: "" }, ["x-project-id", "x-sdk-date"], SK);
      const res = await get(kmsTask, { ...headers, authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=x-project-id;x-sdk-date, Signature=${signature}` });
      assert.equal(res.status, 401);
    });

    it("rejects a signed KPS request whose X-Project-Id is not the path's project with 403", async () => {
      const headers = signHuawei({ method: "GET", url: kmsTask, accessKey: AK, secretKey: SK, headers: { "x-project-id": OTHER_PROJECT } });
      assert.equal((await get(kmsTask, headers)).status, 403);
    });

    it("requires temporary credentials to sign their X-Security-Token", async () => {
      const credential = { accessKey: "EMULATORAK0000000002", secretKey: "emulator-secret-key-0000000000000000000002" };
      const token = "emulator-security-token-0000000000000000000002";
      const without = signHuawei({ method: "GET", url: kmsTask, ...credential, headers: { "x-project-id": PROJECT } });
      assert.equal((await get(kmsTask, without)).status, 401);
      const withToken = signHuawei({ method: "GET", url: kmsTask, ...credential, headers: { "x-project-id": PROJECT, "x-security-token": token } });
      assert.equal((await get(kmsTask, withToken)).status, 200);
    });

    describe("with a fixed clock", () => {
      const now = new Date("2024-06-01T12:00:00Z");
      let fixed: Emulator;
      before(async () => {
        fixed = await startEmulator({ port: 0, now: () => now });
      });
      after(() => fixed.close());

      const signedAt = (minutesBefore: number) => {
        const url = `${fixed.endpoints.kms}/v3/${PROJECT}/tasks/${KPS_TASK}`;
        const date = new Date(now.getTime() - minutesBefore * 60_000);
        return { url, headers: signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-project-id": PROJECT }, date }) };
      };

      it("rejects a signature 16 minutes old with 401 APIGW.0303", async () => {
        const { url, headers } = signedAt(16);
        const res = await get(url, headers);
        assert.equal(res.status, 401);
        assert.equal(json(res).error_code, "APIGW.0303");
      });

      it("rejects a signature dated 16 minutes in the future", async () => {
        const { url, headers } = signedAt(-16);
        assert.equal(json(await get(url, headers)).error_code, "APIGW.0303");
      });

      it("accepts a signature 14 minutes old", async () => {
        const { url, headers } = signedAt(14);
        assert.equal((await get(url, headers)).status, 200);
      });
    });
  });

  describe("Astra Control", () => {
    const expectProblem = (res: Awaited<ReturnType<typeof get>>, status: number, problem: number) => {
      assert.equal(res.status, status);
      assert.equal(res.headers["content-type"], "application/problem+json");
      const body = json(res);
      assert.equal(body.type, `https://astra.netapp.io/problems/${problem}`);
      assert.equal(body.status, String(status));
      assert.equal(typeof body.title, "string");
      assert.equal(typeof body.detail, "string");
      assert.match(String(body.correlationID), /^[0-9a-f-]{36}$/);
      assert.equal(res.headers["x-request-id"], undefined);
      return body;
    };

    it("answers a missing bearer token with 401 problem 3", async () => {
      expectProblem(await get(astraCert(PEM_CERT)), 401, 3);
    });

    it("answers an unknown bearer token with 401 problem 4", async () => {
      expectProblem(await get(astraCert(PEM_CERT), { authorization: "Bearer emulator-astra-token-ffffffffffffffff" }), 401, 4);
    });

    it("answers a token not allowed for the account with 403 problem 11", async () => {
      expectProblem(await get(astraCert(PEM_CERT), { authorization: "Bearer emulator-astra-token-0000000000000002" }), 403, 11);
    });

    it("answers an unknown certificate with 404 problem 2", async () => {
      expectProblem(await get(astraCert("00000000-0000-0000-0000-000000000000"), ASTRA_AUTH), 404, 2);
    });

    it("answers an unknown account the token may read with 404 problem 2", async () => {
      const other = "3b5e2f0a-7c1d-4e8f-9a6b-0000000000ff";
      emulator.data.astra.tokens[0].accounts.push(other);
      expectProblem(await get(astraCert(PEM_CERT, other), ASTRA_AUTH), 404, 2);
    });

    it("answers query parameters with 400 problem 5 listing them", async () => {
      const body = expectProblem(await get(`${astraCert(PEM_CERT)}?include=cert`, ASTRA_AUTH), 400, 5);
      assert.deepEqual(body.invalidParams, [{ name: "include", reason: "Unsupported query parameter" }]);
    });

    it("answers an Accept it cannot satisfy with 406", async () => {
      expectProblem(await get(astraCert(PEM_CERT), { ...ASTRA_AUTH, accept: "application/json" }), 406, 906);
    });

    it("accepts an absent Accept header", async () => {
      assert.equal((await get(astraCert(PEM_CERT), ASTRA_AUTH)).status, 200);
    });

    it("answers an unknown path with 404 problem 1 and a wrong method with 405", async () => {
      expectProblem(await get(`${emulator.endpoints.astra}/accounts/${ACCOUNT}/core/v1/nothing`, ASTRA_AUTH), 404, 1);
      const res = response(await send(astraCert(PEM_CERT), { method: "PUT", headers: ASTRA_AUTH, body: "{}" }));
      expectProblem(res, 405, 905);
      assert.equal(res.headers.allow, "GET");
    });
  });

  describe("test controls", () => {
    it("records each request with its raw path, lower-case headers, body and status", async () => {
      await send(`${kmsTask}?x=%20y`, { method: "POST", headers: { "X-Auth-Token": TOKEN, "Content-Type": "text/plain" }, body: "hello" });
      const recorded = emulator.requests.at(-1);
      assert.ok(recorded);
      assert.equal(recorded.service, "kms");
      assert.equal(recorded.method, "POST");
      assert.equal(recorded.path, `/kms/v3/${PROJECT}/tasks/${KPS_TASK}?x=%20y`);
      assert.equal(recorded.headers["x-auth-token"], TOKEN);
      assert.equal(recorded.body, "hello");
      assert.equal(recorded.outcome, 405);
    });

    it("changes a KPS task status with setKeypairTaskStatus", async () => {
      emulator.setKeypairTaskStatus(PROJECT, KPS_TASK, "SUCCESS_RESET");
      assert.equal(json(await get(kmsTask, AUTH)).task_status, "SUCCESS_RESET");
    });

    it("throws from setKeypairTaskStatus for an unknown task", () => {
      assert.throws(() => emulator.setKeypairTaskStatus(PROJECT, "no-such-task", "SUCCESS_RESET"), /no KPS task/);
    });

    it("removes each kind of record so later GETs give the vendor's 404", async () => {
      emulator.remove("smsTask", SMS_TASK);
      emulator.remove("romaProduct", BIG_PRODUCT);
      emulator.remove("kpsTask", KPS_TASK);
      emulator.remove("astraCertificate", PEM_CERT);
      assert.match(String(json(await get(smsTask, AUTH)).error_code), /^SMS\./);
      assert.equal(json(await get(romaProduct(BIG_PRODUCT), AUTH)).error_code, "ROMA.00110006");
      assert.match(String(json(await get(kmsTask, AUTH)).error_code), /^KPS\./);
      assert.equal(json(await get(astraCert(PEM_CERT), ASTRA_AUTH)).type, "https://astra.netapp.io/problems/2");
    });

    it("throws from remove when there is nothing to remove", () => {
      assert.throws(() => emulator.remove("smsTask", "no-such-task"), /no smsTask/);
    });

    it("resets data, requests and faults to the start", async () => {
      emulator.remove("kpsTask", KPS_TASK);
      emulator.inject("kms", { kind: "status", status: 503 }, Infinity);
      await get(kmsTask, AUTH);
      const data = emulator.data;
      emulator.reset();
      assert.equal(emulator.requests.length, 0);
      assert.equal(emulator.data, data);
      assert.equal((await get(kmsTask, AUTH)).status, 200);
    });
  });

  describe("faults", () => {
    it("injects a Huawei 429 as gateway throttling APIGW.0308 with Retry-After, before auth", async () => {
      emulator.inject("kms", { kind: "status", status: 429, retryAfter: "2" });
      const res = await get(kmsTask);
      assert.equal(res.status, 429);
      assert.equal(res.headers["retry-after"], "2");
      const body = json(res);
      assert.equal(body.error_code, "APIGW.0308");
      assert.equal(body.request_id, res.headers["x-request-id"]);
      assert.equal(emulator.requests.at(-1)?.outcome, "fault");
    });

    it("injects ROMA's 500 as the documented ROMA.00110002 and other 500s as the vendor's internal error", async () => {
      emulator.inject("roma", { kind: "status", status: 500 });
      emulator.inject("sms", { kind: "status", status: 500 });
      emulator.inject("kms", { kind: "status", status: 500 });
      assert.equal(json(await get(romaProduct("1024"), AUTH)).error_code, "ROMA.00110002");
      assert.equal(json(await get(smsTask, AUTH)).error_code, "SMS.2007");
      assert.match(String(json(await get(kmsTask, AUTH)).error_code), /^KPS\./);
    });

    it("injects Astra 409 as problem 164 and 503 as problem 41, with a problem override", async () => {
      emulator.inject("astra", { kind: "status", status: 409 });
      emulator.inject("astra", { kind: "status", status: 503 });
      emulator.inject("astra", { kind: "status", status: 400, problem: 6 });
      const conflict = await get(astraCert(PEM_CERT), ASTRA_AUTH);
      assert.equal(conflict.status, 409);
      assert.equal(json(conflict).type, "https://astra.netapp.io/problems/164");
      const notReady = json(await get(astraCert(PEM_CERT), ASTRA_AUTH));
      assert.equal(notReady.type, "https://astra.netapp.io/problems/41");
      assert.equal(notReady.status, "503");
      assert.equal(json(await get(astraCert(PEM_CERT), ASTRA_AUTH)).type, "https://astra.netapp.io/problems/6");
    });

    it("serves a fault `times` times, then answers normally", async () => {
      emulator.inject("kms", { kind: "status", status: 503 }, 2);
      assert.equal((await get(kmsTask, AUTH)).status, 503);
      assert.equal((await get(kmsTask, AUTH)).status, 503);
      assert.equal((await get(kmsTask, AUTH)).status, 200);
      assert.deepEqual(emulator.requests.map((r) => r.outcome), ["fault", "fault", 200]);
    });

    it("queues faults first in, first out, matching only their service unless '*'", async () => {
      emulator.inject("astra", { kind: "status", status: 503 });
      emulator.inject("*", { kind: "status", status: 502 });
      emulator.inject("kms", { kind: "status", status: 504 });
      assert.equal((await get(kmsTask, AUTH)).status, 502);
      assert.equal((await get(kmsTask, AUTH)).status, 504);
      assert.equal((await get(astraCert(PEM_CERT), ASTRA_AUTH)).status, 503);
    });

    it("keeps an Infinity fault until clearFaults", async () => {
      emulator.inject("sms", { kind: "status", status: 403 }, Infinity);
      for (let i = 0; i < 3; i++) assert.equal(json(await get(smsTask, AUTH)).error_code, "SMS.9004");
      emulator.clearFaults();
      assert.equal((await get(smsTask, AUTH)).status, 200);
    });

    it("rejects a fault no vendor could send", () => {
      assert.throws(() => emulator.inject("kms", { kind: "status", status: 418 as 400 }), RangeError);
      assert.throws(() => emulator.inject("kms", { kind: "reset" }, 0), RangeError);
    });

    it("resets the connection without a response", async () => {
      emulator.inject("kms", { kind: "reset" });
      const outcome = await send(kmsTask, { headers: AUTH });
      assert.equal(outcome.kind, "error");
      assert.equal(emulator.requests.length, 1);
    });

    it("hangs without answering", async () => {
      emulator.inject("kms", { kind: "hang" });
      const outcome = await send(kmsTask, { headers: AUTH, timeoutMs: 300 });
      assert.deepEqual(outcome.kind === "error" && outcome.code, "TIMEOUT");
    });

    it("cuts the body short of its Content-Length", async () => {
      emulator.inject("sms", { kind: "partial-body" });
      const outcome = await send(smsTask, { headers: AUTH });
      assert.equal(outcome.kind, "error");
    });

    it("puts a partial body on the wire after headers that promise more", async () => {
      emulator.inject("sms", { kind: "partial-body" });
      const wire = (await rawGet(emulator.url, new URL(smsTask).pathname, AUTH)).toString("utf8");
      const [head, body] = wire.split("\r\n\r\n");
      assert.match(head, /^HTTP\/1\.1 200 /);
      assert.match(head, /X-Request-Id: /i);
      const promised = Number(/Content-Length: (\d+)/i.exec(head)?.[1]);
      assert.ok(body.length > 0 && body.length < promised, `${body.length} of ${promised}`);
    });

    it("sends truncated JSON with a matching Content-Length", async () => {
      emulator.inject("kms", { kind: "truncated-json" });
      const res = await get(kmsTask, AUTH);
      assert.equal(res.status, 200);
      assert.equal(Number(res.headers["content-length"]), res.body.length);
      assert.ok(res.body.length > 0);
      assert.throws(() => JSON.parse(res.body.toString("utf8")), SyntaxError);
    });

    it("sends a proxy's HTML 502 page", async () => {
      emulator.inject("astra", { kind: "html" });
      const res = await get(astraCert(PEM_CERT), ASTRA_AUTH);
      assert.equal(res.status, 502);
      assert.match(String(res.headers["content-type"]), /^text\/html/);
      assert.match(res.body.toString("utf8"), /<html>/);
    });

    it("sends a 200 application/json body that is not JSON", async () => {
      emulator.inject("roma", { kind: "non-json" });
      const res = await get(romaProduct("1024"), AUTH);
      assert.equal(res.status, 200);
      assert.match(String(res.headers["content-type"]), /^application\/json/);
      assert.throws(() => JSON.parse(res.body.toString("utf8")), SyntaxError);
    });

    it("sends the right field names with the wrong types and no secret values", async () => {
      emulator.inject("sms", { kind: "wrong-types" });
      emulator.inject("astra", { kind: "wrong-types" });
      const sms = json(await get(smsTask, AUTH));
      assert.deepEqual(Object.keys(sms).sort(), ["passphrase", "task_id"]);
      assert.notEqual(typeof sms.passphrase, "string");
      assert.notEqual(typeof sms.task_id, "string");
      const astraRes = await get(astraCert(PEM_CERT), ASTRA_AUTH);
      assert.equal(astraRes.headers["content-type"], "application/astra-certificate+json");
      const astra = json(astraRes);
      assert.equal(astra.isSelfSigned, true);
      assert.notEqual(typeof astra.cert, "string");
    });

    it("sends a 200 with required fields, secrets included, missing", async () => {
      emulator.inject("sms", { kind: "missing-fields" });
      emulator.inject("kms", { kind: "missing-fields" });
      assert.deepEqual(json(await get(smsTask, AUTH)), { task_id: SMS_TASK });
      assert.deepEqual(json(await get(kmsTask, AUTH)), { task_id: KPS_TASK });
    });

    it("sends a JSON body of exactly the requested size", async () => {
      for (const bytes of [5, 1_000_000]) {
        emulator.inject("kms", { kind: "oversize", bytes });
        const res = await get(kmsTask, AUTH);
        assert.equal(res.status, 200);
        assert.equal(res.body.length, bytes);
        assert.doesNotThrow(() => JSON.parse(res.body.toString("utf8")));
      }
    });

    it("gzips the normal response with Content-Encoding: gzip", async () => {
      emulator.inject("kms", { kind: "gzip" });
      const res = await get(kmsTask, AUTH);
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-encoding"], "gzip");
      assert.equal(JSON.parse(zlib.gunzipSync(res.body).toString("utf8")).task_status, "RUNNING_RESET");
    });

    it("gzips whatever the normal response is, auth failures included", async () => {
      emulator.inject("kms", { kind: "gzip" });
      const res = await get(kmsTask);
      assert.equal(res.status, 401);
      assert.equal(JSON.parse(zlib.gunzipSync(res.body).toString("utf8")).error_code, "APIGW.0301");
    });

    it("redirects with the given status and Location", async () => {
      emulator.inject("astra", { kind: "redirect", location: "http://127.0.0.1:1/elsewhere", status: 307 });
      emulator.inject("astra", { kind: "redirect", location: "/astra/again" });
      const first = await get(astraCert(PEM_CERT), ASTRA_AUTH);
      assert.equal(first.status, 307);
      assert.equal(first.headers.location, "http://127.0.0.1:1/elsewhere");
      assert.equal((await get(astraCert(PEM_CERT), ASTRA_AUTH)).status, 302);
    });

    it("injects IAM errors in Keystone's shape", async () => {
      emulator.inject("iam", { kind: "status", status: 404 });
      const res = await get(`${emulator.endpoints.iam}/v3/auth/domains`, AUTH);
      assert.equal(res.status, 404);
      assert.deepEqual(Object.keys(json(res)), ["error"]);
      assert.equal((json(res).error as { code: number }).code, 404);
    });

    it("answers unknown-prefix requests with '*' faults too", async () => {
      emulator.inject("*", { kind: "status", status: 503 });
      assert.equal((await get(`${emulator.url}/nowhere`)).status, 503);
    });
  });

  describe("close", () => {
    it("closes promptly while a request hangs, failing that request", async () => {
      const own = await startEmulator({ port: 0 });
      own.inject("*", { kind: "hang" });
      const pending = send(`${own.endpoints.kms}/v3/${PROJECT}/tasks/${KPS_TASK}`, { headers: AUTH });
      while (own.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const started = Date.now();
      await own.close();
      assert.ok(Date.now() - started < 1000);
      assert.equal((await pending).kind, "error");
    });

    it("can be closed twice", async () => {
      const own = await startEmulator({ port: 0 });
      await own.close();
      await own.close();
    });
  });

  describe("cli", () => {
    it("prints its URL first, serves it, and stops on SIGTERM", async function () {
      this.timeout(60_000);
      const root = path.join(__dirname, "..");
      const child = spawn(process.execPath, ["-r", "ts-node/register", "emulator/cli.ts", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      try {
        while (!stdout.includes("\n")) {
          if (child.exitCode !== null) throw new Error("cli exited early");
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const url = stdout.split("\n")[0];
        assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal((await get(`${url}/kms/v3/${PROJECT}/tasks/${KPS_TASK}`, AUTH)).status, 200);
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.match(stdout, /huaweicloud:endpoints/);
        assert.match(stdout, /astracontrol:apiToken/);
      } finally {
        child.kill("SIGTERM");
      }
      assert.equal(await exited, 0);
    });
  });
});
