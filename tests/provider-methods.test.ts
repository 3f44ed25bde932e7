import * as assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Emulator, startEmulator } from "../emulator";
import { InputError, NotFoundError } from "../provider/core/errors";
import { UNKNOWN_SENTINEL } from "../provider/core/validate-args";
import astraProvider = require("../provider/dynamic/astracontrol-certificate");
import kpsProvider = require("../provider/dynamic/huaweicloud-kps-keypair-task");
import romaProvider = require("../provider/dynamic/huaweicloud-roma-product-authentication");
import smsProvider = require("../provider/dynamic/huaweicloud-sms-task-passphrase");
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";

const PROVIDER = "serialized-provider-text";

function required<T>(v: T | undefined): T {
    assert.ok(v !== undefined);
    return v;
}

describe("dynamic provider methods, as the host calls them", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
        const config = emulatorStackConfig(emu);
        const req: dynamic.ConfigureRequest = { config: { get: (k) => config[k], require: (k) => required(config[k]) } };
        for (const p of [kpsProvider, smsProvider, romaProvider, astraProvider]) await required(p.configure)(req);
    });
    after(() => emu.close());
    beforeEach(() => emu.reset());

    describe("check", () => {
        it("returns property-level failures for bad inputs", async () => {
            const res = await required(kpsProvider.check)({}, { __provider: PROVIDER, taskId: "", projectId: "short" });
            assert.deepEqual(res.failures?.map((f) => f.property).sort(), ["projectId", "taskId"]);
        });

        it("tolerates the preview unknown sentinel", async () => {
            const res = await required(kpsProvider.check)({}, { __provider: PROVIDER, taskId: UNKNOWN_SENTINEL });
            assert.deepEqual(res.failures ?? [], []);
            assert.equal(res.inputs?.taskId, UNKNOWN_SENTINEL);
        });

        it("normalizes a numeric productId to a digit string", async () => {
            const res = await required(romaProvider.check)({}, { __provider: PROVIDER, instanceId: "default", productId: 1024 });
            assert.deepEqual(res.failures ?? [], []);
            assert.equal(res.inputs?.productId, "1024");
        });

        it("sends no request", async () => {
            await required(smsProvider.check)({}, { __provider: PROVIDER, taskId: FIXTURE.smsTaskId });
            assert.equal(emu.requests.length, 0);
        });
    });

    describe("diff", () => {
        const olds = { __provider: "old provider text", taskId: FIXTURE.kpsTaskId, projectId: FIXTURE.projectId, taskStatus: "RUNNING_RESET" };

        it("reports no change for the same inputs, whatever __provider holds", async () => {
            const res = await required(kpsProvider.diff)("id", olds, { __provider: "new provider text", taskId: FIXTURE.kpsTaskId });
            assert.equal(res.changes, false);
        });

        it("replaces when the task id changes", async () => {
            const res = await required(kpsProvider.diff)("id", olds, { __provider: PROVIDER, taskId: "3f6b2d8c-0000-4000-8000-000000000002" });
            assert.equal(res.changes, true);
            assert.deepEqual(res.replaces, ["taskId"]);
        });

        it("replaces when an override or explicit project id changes", async () => {
            const res = await required(kpsProvider.diff)("id", olds, { __provider: PROVIDER, taskId: FIXTURE.kpsTaskId, projectId: "abcdef0123456789abcdef0123456789", region: "ap-southeast-1" });
            assert.deepEqual(res.replaces?.sort(), ["projectId", "region"]);
        });

        it("replaces when the configured project id now names another project, and not when it is unchanged", async () => {
            assert.equal((await required(kpsProvider.diff)("id", olds, { __provider: PROVIDER, taskId: FIXTURE.kpsTaskId })).changes, false);
            const moved = { ...olds, projectId: "abcdef0123456789abcdef0123456789" };
            const res = await required(kpsProvider.diff)("id", moved, { __provider: PROVIDER, taskId: FIXTURE.kpsTaskId });
            assert.deepEqual(res.replaces, ["projectId"]);
        });

        it("replaces when an identifying input is unknown during preview", async () => {
            const res = await required(kpsProvider.diff)("id", olds, { __provider: PROVIDER, taskId: UNKNOWN_SENTINEL });
            assert.deepEqual(res.replaces, ["taskId"]);
        });
    });

    describe("create and read", () => {
        it("creates by reading, with every documented field as an output", async () => {
            const res = await kpsProvider.create({ __provider: PROVIDER, taskId: FIXTURE.kpsTaskId });
            assert.equal(res.id, `${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`);
            assert.deepEqual(res.outs, {
                taskId: FIXTURE.kpsTaskId,
                projectId: FIXTURE.projectId,
                taskStatus: "RUNNING_RESET",
                phase: "RUNNING",
                operation: "RESET",
                serverId: FIXTURE.kpsServerId,
            });
        });

        it("uses the certificate id as the Astra resource id and keeps `id` out of outputs", async () => {
            const res = await astraProvider.create({ __provider: PROVIDER, certificateId: FIXTURE.certificateId });
            assert.equal(res.id, FIXTURE.certificateId);
            assert.ok(!("id" in (res.outs ?? {})));
            assert.equal(String(res.outs?.pem).startsWith("-----BEGIN CERTIFICATE-----"), true);
        });

        it("fails create on a missing object with a NotFoundError naming the ids", async () => {
            await assert.rejects(smsProvider.create({ __provider: PROVIDER, taskId: "missing-task" }), (e: unknown) => e instanceof NotFoundError && /taskId "missing-task"/.test(e.message));
        });

        it("refreshes to the current status", async () => {
            const created = await kpsProvider.create({ __provider: PROVIDER, taskId: FIXTURE.kpsTaskId });
            emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
            const res = await required(kpsProvider.read)(created.id, { ...created.outs, __provider: PROVIDER });
            assert.equal(res.id, created.id);
            assert.equal(res.props?.taskStatus, "SUCCESS_RESET");
            assert.equal(res.props?.phase, "SUCCESS");
        });

        it("drops a resource whose object is gone on refresh (empty id)", async () => {
            const created = await smsProvider.create({ __provider: PROVIDER, taskId: FIXTURE.smsTaskId });
            emu.remove("smsTask", FIXTURE.smsTaskId);
            const res = await required(smsProvider.read)(created.id, { ...created.outs, __provider: PROVIDER });
            assert.equal(res.id, "");
        });

        it("reads from the resource id alone when nothing else is stored (X.get)", async () => {
            const res = await required(kpsProvider.read)(`${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`, { __provider: PROVIDER });
            assert.equal(res.props?.taskStatus, "RUNNING_RESET");
            assert.equal(res.props?.projectId, FIXTURE.projectId);
        });

        it("rejects a resource id of the wrong shape with an InputError, sending nothing", async () => {
            await assert.rejects(required(kpsProvider.read)("no-slash-here", { __provider: PROVIDER }), (e: unknown) => e instanceof InputError && /taskId/.test(e.message));
            assert.equal(emu.requests.length, 0);
        });

        it("deletes without sending a request", async () => {
            await required(kpsProvider.delete)("id", { __provider: PROVIDER, taskId: FIXTURE.kpsTaskId });
            assert.equal(emu.requests.length, 0);
        });
    });
});
