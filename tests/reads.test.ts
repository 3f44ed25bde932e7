import * as assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { Emulator, startEmulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { descriptionOf } from "../provider/operations/describe";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";
import { examplesOf, isList, READS } from "./helpers/reads";

const sms = operations["huaweicloud.sms.TaskPassphrase"];
const roma = operations["huaweicloud.roma.ProductAuthentication"];
const kps = operations["huaweicloud.kps.KeypairTask"];
const astra = operations["astracontrol.Certificate"];

describe("the four reads against the emulator", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    beforeEach(() => emu.reset());
    const s = () => sources(emulatorStackConfig(emu));

    it("reads an SMS task's certificate passphrase with the token in X-Auth-Token", async () => {
        const out = await performRead(sms, { taskId: FIXTURE.smsTaskId }, s());
        assert.deepEqual(out.result, { taskId: FIXTURE.smsTaskId, passphrase: FIXTURE.smsPassphrase });
        assert.equal(out.id, FIXTURE.smsTaskId);
        const req = emu.requests.at(-1);
        assert.equal(req?.path, `/sms/v3/tasks/${FIXTURE.smsTaskId}/passphrase`);
        assert.equal(req?.headers["x-auth-token"], FIXTURE.huaweiToken);
    });

    it("reads ROMA credentials for product 99999999999999999 exactly, above 2^53", async () => {
        const out = await performRead(roma, { instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaBigProductId }, s());
        assert.deepEqual(out.result, {
            projectId: FIXTURE.projectId,
            instanceId: FIXTURE.romaInstanceId,
            productId: "99999999999999999",
            userName: FIXTURE.romaUserName,
            password: FIXTURE.romaPassword,
        });
        assert.equal(emu.requests.at(-1)?.path, `/roma/v2/${FIXTURE.projectId}/link/instances/${FIXTURE.romaInstanceId}/products/99999999999999999/authentication`);
    });

    it("accepts a ROMA product id given as a number and carries it as a digit string", async () => {
        const out = await performRead(roma, { instanceId: FIXTURE.romaInstanceId, productId: 1024 }, s());
        assert.equal(out.result.productId, "1024");
        assert.equal(out.args.productId, "1024");
    });

    it("accepts the literal default as ROMA project and instance", async () => {
        const out = await performRead(roma, { projectId: "default", instanceId: "default", productId: "1024" }, s());
        assert.equal(out.result.projectId, "default");
        assert.match(emu.requests.at(-1)?.path ?? "", /^\/roma\/v2\/default\/link\/instances\/default\/products\/1024\/authentication$/);
    });

    it("splits the KPS task status into phase and operation", async () => {
        const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s());
        assert.deepEqual(out.result, {
            projectId: FIXTURE.projectId,
            taskId: FIXTURE.kpsTaskId,
            taskStatus: "RUNNING_RESET",
            phase: "RUNNING",
            operation: "RESET",
            serverId: FIXTURE.kpsServerId,
        });
    });

    it("passes unknown KPS statuses through, splitting at the first underscore", async () => {
        emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "PAUSED_KEY_ROTATE");
        let out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s());
        assert.deepEqual([out.result.taskStatus, out.result.phase, out.result.operation], ["PAUSED_KEY_ROTATE", "PAUSED", "KEY_ROTATE"]);
        emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "QUEUED");
        out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s());
        assert.deepEqual([out.result.phase, out.result.operation], ["QUEUED", ""]);
    });

    it("reads an Astra certificate with a Bearer token and the documented Accept type", async () => {
        const out = await performRead(astra, { certificateId: FIXTURE.certificateId }, s());
        const r = out.result as Record<string, unknown>;
        assert.equal(r.accountId, FIXTURE.astraAccountId);
        assert.equal(r.id, FIXTURE.certificateId);
        assert.equal(r.cn, "vcenter.example.com");
        assert.equal(typeof r.isSelfSigned, "boolean");
        assert.equal(r.isSelfSigned, true);
        assert.ok(Array.isArray(r.trustStateTransitions));
        const req = emu.requests.at(-1);
        assert.equal(req?.headers.authorization, `Bearer ${FIXTURE.astraToken}`);
        assert.equal(req?.headers.accept, "application/astra-certificate+json");
    });

    it("returns PEM whether Astra stores the certificate as PEM or as DER", async () => {
        for (const certificateId of [FIXTURE.certificateId, FIXTURE.derCertificateId]) {
            const out = await performRead(astra, { certificateId }, s());
            const pem = String(out.result.pem);
            assert.match(pem, /^-----BEGIN CERTIFICATE-----\n/);
            const parsed = new X509Certificate(pem);
            assert.match(parsed.subject, new RegExp(`CN=${String(out.result.cn).replace(/\./g, "\\.")}`));
        }
    });

    it("keeps the expiry timestamp as the exact string Astra sent", async () => {
        const cert = emu.data.astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId);
        assert.ok(cert);
        cert.resource.expiryTimestamp = "2031-03-23T16:48:38.523346123Z";
        const out = await performRead(astra, { certificateId: FIXTURE.certificateId }, s());
        assert.equal(out.result.expiryTimestamp, "2031-03-23T16:48:38.523346123Z");
    });

    it("ignores extra fields and unknown enum values in a response", async () => {
        const cert = emu.data.astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId);
        assert.ok(cert);
        cert.resource.trustState = "quarantined";
        cert.resource.certUse = "leaf";
        cert.resource.somethingNew = { nested: true };
        const out = await performRead(astra, { certificateId: FIXTURE.certificateId }, s());
        assert.equal(out.result.trustState, "quarantined");
        assert.equal(out.result.certUse, "leaf");
        assert.ok(!("somethingNew" in out.result));
    });

    it("takes region, endpoint and url from per-call arguments before stack config", async () => {
        const config = emulatorStackConfig(emu, { "huaweicloud:endpoints": "{}", "astracontrol:url": "https://astra.invalid" });
        const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId, endpoint: emu.endpoints.kms, region: "cn-north-4" }, sources(config));
        assert.equal(out.result.taskStatus, "RUNNING_RESET");
        const cert = await performRead(astra, { certificateId: FIXTURE.certificateId, url: emu.endpoints.astra }, sources(config));
        assert.equal(cert.result.cn, "vcenter.example.com");
    });
});

describe("every registered read against the emulator", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    const s = () => sources(emulatorStackConfig(emu));

    for (const token of READS) {
        it(`${token}: its example gives every documented field${isList(token) ? " of a list" : ""}, and each secret field a non-empty value`, async () => {
            const op = operations[token];
            const out = await performRead(op, examplesOf(token).args, s());
            const result = out.result as Readonly<Record<string, unknown>>;
            const optional = new Set(Object.entries(descriptionOf(op).fields).filter(([, f]) => f.optional).map(([n]) => n));
            assert.deepEqual(Object.keys(result).filter((k) => !optional.has(k)).sort(), op.resultNames.filter((n) => !optional.has(n)).sort());
            for (const name of op.secretFields) assert.ok(result[name] !== undefined && result[name] !== "", `${token}.${name} is empty in the example`);
        });
    }
});
