import * as assert from "node:assert/strict";
import type * as http from "node:http";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { akskLookups, astraAt, failure, huaweiAt, json, rawServer, visible } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * A gateway that echoes a credential back in any field of its answer must not get it printed:
 * every string taken from a response is redacted before it reaches an error (one case per field
 * and per place the field is read: errors, redirects, over-cap bodies, undecodable 200s, wrong
 * answers, IAM look-ups).
 */

const reads = {
    sms: { op: operations["huaweicloud.sms.TaskPassphrase"], args: { taskId: FIXTURE.smsTaskId } },
    kps: { op: operations["huaweicloud.kps.KeypairTask"], args: { taskId: FIXTURE.kpsTaskId } },
    astra: { op: operations["astracontrol.Certificate"], args: { certificateId: FIXTURE.certificateId } },
} as const;

type Credentials = "token" | "aksk" | "temporary aksk" | "iam temporary aksk" | "astra";

/** Stack config for `credentials` against `url` (IAM look-ups only for "iam temporary aksk"). */
function configFor(credentials: Credentials, url: string): Record<string, string> {
    const cap = { "huaweicloud:maxResponseBytes": "1024" };
    switch (credentials) {
        case "token":
            return huaweiAt(url, cap);
        case "aksk":
            return huaweiAt(url, { ...cap, ...akskLookups(false), "huaweicloud:projectId": FIXTURE.projectId, "huaweicloud:domainId": FIXTURE.domainId });
        case "temporary aksk":
            return huaweiAt(url, { ...cap, ...akskLookups(true), "huaweicloud:projectId": FIXTURE.projectId, "huaweicloud:domainId": FIXTURE.domainId });
        case "iam temporary aksk":
            return huaweiAt(url, { ...cap, ...akskLookups(true) });
        case "astra":
            return astraAt(url);
    }
}

interface Case {
    readonly field: string;
    readonly read: keyof typeof reads;
    readonly credentials: Credentials;
    readonly secret: string;
    respond(res: http.ServerResponse, secret: string): void;
}

const huaweiError = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: http.ServerResponse) => json(res, status, body, headers);
const overCap = (headers: Record<string, string>) => (res: http.ServerResponse) => {
    res.writeHead(200, { "Content-Type": "application/json", ...headers });
    res.end(`{"passphrase":"${"x".repeat(8192)}"}`);
};
const certificate = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
const T = FIXTURE.huaweiToken;
const A = FIXTURE.astraToken;

const cases: readonly Case[] = [
    // Huawei service answers, token credentials.
    { field: "Huawei body request_id on an error", read: "sms", credentials: "token", secret: T, respond: huaweiError(500, { error_code: "SMS.0001", error_msg: "boom", request_id: T }) },
    { field: "Huawei error_msg", read: "sms", credentials: "token", secret: T, respond: huaweiError(400, { error_code: "SMS.0002", error_msg: `bad token ${T.toUpperCase()}` }) },
    { field: "Huawei error_code", read: "sms", credentials: "token", secret: T, respond: huaweiError(400, { error_code: T, error_msg: "bad" }) },
    { field: "Huawei nested error.code, error.message and request_id", read: "kps", credentials: "token", secret: T, respond: huaweiError(400, { error: { code: T, message: `token ${T}` }, request_id: T }) },
    { field: "X-Request-Id header on an error", read: "sms", credentials: "token", secret: T, respond: huaweiError(500, { error_code: "SMS.0001" }, { "X-Request-Id": T }) },
    { field: "X-Request-Id header on a 404", read: "kps", credentials: "token", secret: T, respond: huaweiError(404, { error_code: "KPS.0002" }, { "X-Request-Id": T }) },
    { field: "X-Request-Id header on a 401", read: "kps", credentials: "token", secret: T, respond: huaweiError(401, { error_code: "APIGW.0301" }, { "X-Request-Id": T }) },
    { field: "X-Request-Id header on an undecodable 200", read: "sms", credentials: "token", secret: T, respond: huaweiError(200, { nope: 1 }, { "X-Request-Id": T }) },
    { field: "body request_id on an undecodable 200", read: "sms", credentials: "token", secret: T, respond: huaweiError(200, { nope: 1, request_id: T }) },
    { field: "X-Request-Id header on a 200 that is not JSON", read: "kps", credentials: "token", secret: T, respond: (res) => (res.writeHead(200, { "X-Request-Id": T }), res.end("not json")) },
    { field: "X-Request-Id header on a redirect", read: "sms", credentials: "token", secret: T, respond: huaweiError(302, {}, { Location: "https://elsewhere.invalid/", "X-Request-Id": T }) },
    { field: "a redirect's Location host", read: "sms", credentials: "token", secret: T, respond: huaweiError(302, {}, { Location: `https://${T}.invalid/` }) },
    { field: "X-Request-Id header on an over-cap body", read: "sms", credentials: "token", secret: T, respond: overCap({ "X-Request-Id": T }) },
    { field: "X-Request-Id header on a body declared over the cap", read: "sms", credentials: "token", secret: T, respond: overCap({ "X-Request-Id": T, "Content-Length": String(8192 + 17) }) },
    { field: "the other task_id of a wrong SMS answer", read: "sms", credentials: "token", secret: T, respond: huaweiError(200, { task_id: T, passphrase: "p" }) },
    { field: "the other task_id of a wrong KPS answer", read: "kps", credentials: "token", secret: T, respond: huaweiError(200, { task_id: T, task_status: "SUCCESS_RESET" }) },
    // Huawei service answers, AK/SK credentials: the secret key and the security token are credentials too.
    { field: "the secret key in error_msg and request_id", read: "kps", credentials: "aksk", secret: FIXTURE.secretKey, respond: (res, s) => json(res, 400, { error_code: "KPS.0001", error_msg: `sk=${s}`, request_id: s }) },
    { field: "the security token as X-Request-Id", read: "sms", credentials: "temporary aksk", secret: FIXTURE.tempSecurityToken, respond: (res, s) => json(res, 500, { error_code: "SMS.0001" }, { "X-Request-Id": s }) },
    // IAM look-ups (project id for KPS, domain id for SMS) with temporary AK/SK.
    { field: "IAM X-Request-Id carrying the security token", read: "kps", credentials: "iam temporary aksk", secret: FIXTURE.tempSecurityToken, respond: (res, s) => json(res, 500, { error_code: "IAM.0001" }, { "X-Request-Id": s }) },
    { field: "IAM body request_id", read: "kps", credentials: "iam temporary aksk", secret: FIXTURE.tempSecurityToken, respond: (res, s) => json(res, 500, { error_code: "IAM.0001", request_id: s }) },
    { field: "IAM error.code and error.message", read: "sms", credentials: "iam temporary aksk", secret: FIXTURE.tempSecurityToken, respond: (res, s) => json(res, 401, { error: { code: s, message: `token ${s}`, title: "Unauthorized" } }) },
    { field: "IAM error_code and error_msg with the secret key", read: "sms", credentials: "iam temporary aksk", secret: FIXTURE.tempSecretKey, respond: (res, s) => json(res, 400, { error_code: s, error_msg: s }) },
    { field: "IAM X-Request-Id on a redirect", read: "kps", credentials: "iam temporary aksk", secret: FIXTURE.tempSecurityToken, respond: (res, s) => json(res, 307, {}, { Location: "/v3/elsewhere", "X-Request-Id": s }) },
    // Astra answers.
    { field: "Astra correlationID", read: "astra", credentials: "astra", secret: A, respond: huaweiError(404, { type: "https://astra.netapp.io/problems/2", title: "Resource not found", status: 404, correlationID: A }) },
    { field: "Astra detail", read: "astra", credentials: "astra", secret: A, respond: huaweiError(400, { type: "https://astra.netapp.io/problems/5", title: "Invalid", detail: `token=${A}`, status: 400 }) },
    { field: "Astra title", read: "astra", credentials: "astra", secret: A, respond: huaweiError(403, { type: "https://astra.netapp.io/problems/6", title: `Bearer ${A}`, status: 403 }) },
    { field: "Astra X-Request-Id header", read: "astra", credentials: "astra", secret: A, respond: huaweiError(500, { title: "Internal" }, { "X-Request-Id": A }) },
    { field: "Astra correlationID on an undecodable 200", read: "astra", credentials: "astra", secret: A, respond: huaweiError(200, { correlationID: A }) },
    { field: "the other id of a wrong Astra answer", read: "astra", credentials: "astra", secret: A, respond: huaweiError(200, { ...certificate, id: A }) },
];

describe("security: a credential echoed in any response field never reaches an error (one case per field)", function () {
    this.timeout(15_000);
    beforeEach(() => clearIamCache());

    for (const c of cases) {
        it(c.field, async () => {
            const server = await rawServer((_req, res) => c.respond(res, c.secret));
            try {
                const { op, args } = reads[c.read];
                const e = await failure(performRead(op, args, sources(configFor(c.credentials, server.url))));
                assert.ok(server.hits() > 0, "the server was asked");
                assert.equal(visible(e).toLowerCase().includes(c.secret.toLowerCase()), false, visible(e));
                assert.match(e.message, /\[REDACTED\]/, e.message);
            } finally {
                await server.close();
            }
        });
    }
});
