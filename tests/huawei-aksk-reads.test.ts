import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Emulator, startEmulator } from "../emulator";
import { ApiError, AuthError, ConfigurationError, TransportError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { vendorFor } from "../provider/vendors";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const sms = operations["huaweicloud.sms.TaskPassphrase"];
const roma = operations["huaweicloud.roma.ProductAuthentication"];
const kps = operations["huaweicloud.kps.KeypairTask"];

/** Emulator endpoints with AK/SK and nothing else: project and domain ids come from IAM. */
function akskConfig(emu: Emulator, extra: Record<string, string> = {}): Record<string, string> {
    const base = emulatorStackConfig(emu);
    delete base["huaweicloud:token"];
    delete base["huaweicloud:projectId"];
    return { ...base, "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey, ...extra };
}

function iamCalls(emu: Emulator, what: "projects" | "domains"): number {
    return emu.requests.filter((r) => r.service === "iam" && r.path.startsWith(what === "projects" ? "/iam/v3/projects" : "/iam/v3/auth/domains")).length;
}

describe("Huawei AK/SK signing, credential precedence and IAM look-ups", () => {
    let emu: Emulator;
    let tmp: string;
    before(async () => {
        emu = await startEmulator({ port: 0 });
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-aksk-"));
    });
    after(async () => {
        await emu.close();
        fs.rmSync(tmp, { recursive: true, force: true });
    });
    beforeEach(() => {
        emu.reset();
        clearIamCache();
    });

    it("signs KPS, ROMA and SMS reads that the emulator's independent verifier accepts", async () => {
        const s = sources(akskConfig(emu));
        const task = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
        assert.equal(task.result.projectId, FIXTURE.projectId);
        const auth = await performRead(roma, { instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaBigProductId }, s);
        assert.equal(auth.result.userName, FIXTURE.romaUserName);
        const pass = await performRead(sms, { taskId: FIXTURE.smsTaskId }, s);
        assert.equal(pass.result.passphrase, FIXTURE.smsPassphrase);
        const kpsReq = emu.requests.find((r) => r.service === "kms");
        assert.match(kpsReq?.headers.authorization ?? "", /^SDK-HMAC-SHA256 Access=EMULATORAK0000000001, SignedHeaders=[a-z;-]*host[a-z;-]*x-project-id;x-sdk-date/);
        assert.equal(kpsReq?.headers["x-project-id"], FIXTURE.projectId);
        const smsReq = emu.requests.find((r) => r.service === "sms");
        assert.equal(smsReq?.headers["x-domain-id"], FIXTURE.domainId);
        assert.match(smsReq?.headers.authorization ?? "", /x-domain-id/);
        assert.equal(kpsReq?.headers["x-auth-token"], undefined);
    });

    it("signs X-Security-Token for temporary keys", async () => {
        const s = sources(akskConfig(emu, { "huaweicloud:accessKey": FIXTURE.tempAccessKey, "huaweicloud:secretKey": FIXTURE.tempSecretKey, "huaweicloud:securityToken": FIXTURE.tempSecurityToken }));
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
        const req = emu.requests.find((r) => r.service === "kms");
        assert.equal(req?.headers["x-security-token"], FIXTURE.tempSecurityToken);
        assert.match(req?.headers.authorization ?? "", /x-security-token/);
    });

    it("is rejected with an AuthError for a wrong secret key, which never appears in the message", async () => {
        const wrong = "SENTINEL-SECRET-KEY-000000000000000001";
        const s = sources(akskConfig(emu, { "huaweicloud:projectId": FIXTURE.projectId, "huaweicloud:secretKey": wrong }));
        await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, s), (e: unknown) => e instanceof AuthError && e.vendorCode === "APIGW.0301" && !e.message.includes(wrong) && !e.message.includes(FIXTURE.accessKey));
    });

    it("explains a clock skew over 15 minutes", async () => {
        const skewed = await startEmulator({ port: 0, now: () => new Date(Date.now() + 16 * 60 * 1000) });
        try {
            const s = sources(akskConfig(skewed, { "huaweicloud:projectId": FIXTURE.projectId }));
            await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, s), (e: unknown) => e instanceof AuthError && e.vendorCode === "APIGW.0303" && /system clock/.test(e.message));
        } finally {
            await skewed.close();
        }
    });

    it("looks up the project id once per process and region, however many reads ask at once", async () => {
        const s = sources(akskConfig(emu));
        const reads = Array.from({ length: 25 }, () => performRead(kps, { taskId: FIXTURE.kpsTaskId }, s));
        const results = await Promise.all(reads);
        assert.ok(results.every((r) => r.result.projectId === FIXTURE.projectId));
        assert.equal(iamCalls(emu, "projects"), 1);
        await performRead(roma, { instanceId: FIXTURE.romaInstanceId, productId: "1024" }, s);
        assert.equal(iamCalls(emu, "projects"), 1);
        await performRead(kps, { taskId: "3f6b2d8c-0000-4000-8000-000000000002", projectId: FIXTURE.projectId }, s);
        assert.equal(iamCalls(emu, "projects"), 1);
    });

    it("looks up the domain id once for SMS", async () => {
        const s = sources(akskConfig(emu));
        await Promise.all(Array.from({ length: 10 }, () => performRead(sms, { taskId: FIXTURE.smsTaskId }, s)));
        assert.equal(iamCalls(emu, "domains"), 1);
    });

    it("uses configured project and domain ids without asking IAM", async () => {
        const s = sources(akskConfig(emu, { "huaweicloud:projectId": FIXTURE.projectId, "huaweicloud:domainId": FIXTURE.domainId }));
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
        await performRead(sms, { taskId: FIXTURE.smsTaskId }, s);
        assert.equal(iamCalls(emu, "projects") + iamCalls(emu, "domains"), 0);
    });

    it("says which look-up failed, and tries again next time", async () => {
        emu.inject("iam", { kind: "status", status: 403 });
        const s = sources(akskConfig(emu));
        await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, s), (e: unknown) => e instanceof ApiError && /Huawei Cloud IAM KeystoneListProjects/.test(e.message) && /region cn-north-4/.test(e.message));
        const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
        assert.equal(out.result.projectId, FIXTURE.projectId);
    });

    it("reports a region IAM does not know as a configuration error naming the setting", async () => {
        const s = sources(akskConfig(emu, { "huaweicloud:region": "xx-nowhere-1" }));
        await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, s), (e: unknown) => e instanceof ConfigurationError && /xx-nowhere-1/.test(e.message) && /huaweicloud:projectId/.test(e.message));
    });

    describe("precedence: token, then AK/SK, then a KooCLI profile", () => {
        function profileFile(name: string, profiles: object[], current?: string): string {
            const file = path.join(tmp, name);
            fs.writeFileSync(file, JSON.stringify({ current: current ?? "default", profiles }));
            return file;
        }
        const keys = { mode: "AKSK", accessKeyId: FIXTURE.accessKey, secretAccessKey: FIXTURE.secretKey, region: "cn-north-4" };

        it("prefers an explicit token over AK/SK", async () => {
            const s = sources(akskConfig(emu, { "huaweicloud:token": FIXTURE.huaweiToken, "huaweicloud:projectId": FIXTURE.projectId }));
            await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
            const req = emu.requests.at(-1);
            assert.equal(req?.headers["x-auth-token"], FIXTURE.huaweiToken);
            assert.equal(req?.headers.authorization, undefined);
        });

        it("prefers AK/SK over a KooCLI profile", async () => {
            const file = profileFile("aksk-wins.json", [{ name: "default", ...keys, accessKeyId: "PROFILEAK0000000001", secretAccessKey: "profile-secret" }]);
            const s = sources(akskConfig(emu, { "huaweicloud:sharedConfigFile": file }));
            await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
            assert.match(emu.requests.at(-1)?.headers.authorization ?? "", /Access=EMULATORAK0000000001/);
        });

        it("uses the KooCLI profile named by HW_PROFILE from HW_SHARED_CONFIG_FILE", async () => {
            const file = profileFile("named.json", [{ name: "default", mode: "AKSK", accessKeyId: "WRONGAK", secretAccessKey: "wrong" }, { name: "emu", ...keys, projectId: FIXTURE.projectId }]);
            const config = akskConfig(emu);
            delete config["huaweicloud:accessKey"];
            delete config["huaweicloud:secretKey"];
            const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config, { HW_SHARED_CONFIG_FILE: file, HW_PROFILE: "emu" }));
            assert.equal(out.result.taskStatus, "RUNNING_RESET");
            assert.equal(iamCalls(emu, "projects"), 0, "the profile's project id is used");
        });

        it("uses the default ~/.hcloud/config.json when nothing else is set", async () => {
            const home = path.join(tmp, "home");
            fs.mkdirSync(path.join(home, ".hcloud"), { recursive: true });
            fs.writeFileSync(path.join(home, ".hcloud", "config.json"), JSON.stringify({ current: "default", profiles: [{ name: "default", ...keys }] }));
            const config = akskConfig(emu);
            delete config["huaweicloud:accessKey"];
            delete config["huaweicloud:secretKey"];
            const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config, { HOME: home }));
            assert.equal(out.result.projectId, FIXTURE.projectId);
        });

        it("names the missing half of an access key pair", async () => {
            const config = akskConfig(emu);
            delete config["huaweicloud:secretKey"];
            await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)), (e: unknown) => e instanceof ConfigurationError && /HW_SECRET_KEY/.test(e.message) && !e.message.includes(FIXTURE.accessKey));
        });
    });

    describe("endpoints", () => {
        async function baseUrl(op: typeof kps | typeof sms | typeof roma, config: Record<string, string>, args: Record<string, unknown> = {}): Promise<string> {
            const conn = await vendorFor("huaweicloud").connect(op, { taskId: "t", instanceId: "i", productId: "1", ...args }, sources({ "huaweicloud:token": "t", "huaweicloud:projectId": FIXTURE.projectId, ...config }));
            return conn.baseUrl;
        }

        it("derives KPS on kms.{region}, ROMA on roma.{region} and SMS on its site host", async () => {
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "cn-north-4" }), "https://kms.cn-north-4.myhuaweicloud.com");
            assert.equal(await baseUrl(roma, { "huaweicloud:region": "ap-southeast-1" }), "https://roma.ap-southeast-1.myhuaweicloud.com");
            assert.equal(await baseUrl(sms, { "huaweicloud:region": "cn-east-3" }), "https://sms.cn-north-4.myhuaweicloud.com");
            assert.equal(await baseUrl(sms, { "huaweicloud:region": "la-south-2" }), "https://sms.ap-southeast-3.myhuaweicloud.com");
            assert.equal(await baseUrl(sms, { "huaweicloud:region": "eu-west-101" }), "https://sms.eu-west-101.myhuaweicloud.eu");
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "eu-west-101" }), "https://kms.eu-west-101.myhuaweicloud.eu");
        });

        it("honours huaweicloud:cloud, HW_CLOUD, per-service endpoints and the per-call endpoint, in that rising order", async () => {
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "cn-north-4", "huaweicloud:cloud": "example.com" }), "https://kms.cn-north-4.example.com");
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "cn-north-4", "huaweicloud:endpoints": '{"kms":"https://kms.internal.example.com/"}' }), "https://kms.internal.example.com");
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "cn-north-4", "huaweicloud:endpoints": '{"kms":"https://kms.internal.example.com"}' }, { endpoint: "https://call.example.com" }), "https://call.example.com");
        });

        it("derives a host for a region no service lists, and a failure there names the host tried", async () => {
            assert.equal(await baseUrl(kps, { "huaweicloud:region": "zz-future-9" }), "https://kms.zz-future-9.myhuaweicloud.com");
            const s = sources(emulatorStackConfig(emu, { "huaweicloud:maxRetries": "0" }));
            await assert.rejects(performRead(kps, { taskId: FIXTURE.kpsTaskId, endpoint: "http://127.0.0.1:1" }, s), (e: unknown) => e instanceof TransportError && /127\.0\.0\.1:1/.test(e.message));
        });
    });
});
