import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, startEmulator } from "../emulator";
import { astracontrol, huaweicloud, InputError, NotFoundError } from "../sdk/nodejs";
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";

function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("getX and getXOutput functions, reading stack config in the program process", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
        pulumi.runtime.setAllConfig(emulatorStackConfig(emu), ["huaweicloud:token", "astracontrol:apiToken"]);
    });
    after(async () => {
        pulumi.runtime.setAllConfig({});
        await emu.close();
    });
    beforeEach(() => emu.reset());

    it("getTaskPassphrase returns plain values", async () => {
        const r = await huaweicloud.sms.getTaskPassphrase({ taskId: FIXTURE.smsTaskId });
        assert.equal(r.passphrase, FIXTURE.smsPassphrase);
    });

    it("getTaskPassphraseOutput marks the passphrase secret", async () => {
        const out = huaweicloud.sms.getTaskPassphraseOutput({ taskId: pulumi.output(FIXTURE.smsTaskId) });
        assert.equal(await pulumi.isSecret(out.passphrase), true);
        assert.equal(await valueOf(out.passphrase), FIXTURE.smsPassphrase);
    });

    it("getProductAuthenticationOutput marks the password secret and keeps the product id exact", async () => {
        const out = huaweicloud.roma.getProductAuthenticationOutput({ instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaBigProductId });
        assert.equal(await pulumi.isSecret(out.password), true);
        assert.equal(await valueOf(out.productId), "99999999999999999");
        assert.equal(await valueOf(out.userName), FIXTURE.romaUserName);
    });

    it("getKeypairTaskOutput and getCertificateOutput are not secret", async () => {
        const task = huaweicloud.kps.getKeypairTaskOutput({ taskId: FIXTURE.kpsTaskId });
        assert.equal(await pulumi.isSecret(task.taskStatus), false);
        assert.equal(await valueOf(task.phase), "RUNNING");
        const ca = astracontrol.getCertificateOutput({ certificateId: FIXTURE.certificateId });
        assert.equal(await pulumi.isSecret(ca.pem), false);
        assert.equal(await valueOf(ca.isSelfSigned), true);
    });

    it("getKeypairTask and getCertificate return the documented fields", async () => {
        const task = await huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId });
        assert.deepEqual(Object.keys(task).sort(), ["operation", "phase", "projectId", "serverId", "taskId", "taskStatus"]);
        const ca = await astracontrol.getCertificate({ certificateId: FIXTURE.certificateId });
        const required = [
            "accountId", "cert", "certUse", "certificateId", "cn", "createdBy", "creationTimestamp", "expiryTimestamp", "id", "isSelfSigned",
            "labels", "modificationTimestamp", "pem", "trustState", "trustStateDetails", "trustStateTransitions",
            // Insights, from the certificate bytes.
            "chainPems", "daysUntilExpiry", "fingerprintSha1", "fingerprintSha256", "isCa", "issuer", "keyAlgorithm", "keySize", "notAfter", "notBefore", "serialNumber", "subject", "subjectAltNames",
        ].sort();
        const optional = ["modifiedBy", "trustStateDesired", "type", "version"];
        assert.deepEqual(Object.keys(ca).filter((k) => !optional.includes(k)).sort(), required);
        assert.deepEqual(Object.keys(ca).filter((k) => !required.includes(k) && !optional.includes(k)), []);
        // The function result and the resource name the certificate id the same way.
        assert.equal(ca.certificateId, FIXTURE.certificateId);
        assert.equal(ca.type, "application/astra-certificate");
        assert.equal(ca.version, "1.1");
    });

    it("rejects with the exported error classes", async () => {
        await assert.rejects(huaweicloud.sms.getTaskPassphrase({ taskId: "" }), InputError);
        await assert.rejects(huaweicloud.kps.getKeypairTask({ taskId: "00000000-0000-0000-0000-000000000000" }), NotFoundError);
    });
});
