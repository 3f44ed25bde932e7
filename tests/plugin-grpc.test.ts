import { strict as assert } from "node:assert";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type * as grpc from "@grpc/grpc-js";
import { startEmulator, type Emulator } from "../emulator";
import { rpc, startPlugin, type PluginProcess } from "./helpers/plugin-process";
import { FIXTURE } from "./helpers/stack";
import { wrap } from "../provider/plugin/properties";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

/**
 * The packed plugin driven as the engine drives it, call by call: what the CLI tests cannot see
 * directly (the wire form of secrets, the exact failures of CheckConfig, an unknown token).
 */
describe("provider plugin over gRPC: config checks, secrets on the wire, unknown tokens", function () {
    this.timeout(120_000);
    let emulator: Emulator;
    let p: PluginProcess;

    before(async function () {
        this.timeout(180_000);
        emulator = await startEmulator({ port: 0 });
        p = await startPlugin({ HW_REGION_NAME: FIXTURE.region });
        const configure = new proto.ConfigureRequest();
        const vars = configure.getVariablesMap();
        vars.set("cloudreads:huaweicloudToken", FIXTURE.huaweiToken);
        vars.set("cloudreads:huaweicloudProjectId", FIXTURE.projectId);
        vars.set("cloudreads:huaweicloudEndpoints", JSON.stringify({ sms: emulator.endpoints.sms, kms: emulator.endpoints.kms, roma: emulator.endpoints.roma }));
        vars.set("cloudreads:config:astracontrolUrl", emulator.endpoints.astra);
        vars.set("cloudreads:config:astracontrolApiToken", FIXTURE.astraToken);
        vars.set("cloudreads:config:astracontrolAccountId", FIXTURE.astraAccountId);
        // Typed, as an explicit provider's inputs come: a number for an integer key.
        configure.setArgs(Struct.fromJavaScript({ retryBaseDelayMs: 5 }));
        const res = await rpc(p.client).configure(configure);
        assert.equal(res.getAcceptsecrets(), true);
        assert.equal(res.getAcceptresources(), false);
    });

    after(async () => {
        p?.stop();
        await emulator?.close();
    });

    it("GetPluginInfo answers the package version", async () => {
        const info = await rpc(p.client).getPluginInfo(new Empty());
        assert.match(info.getVersion(), /^\d+\.\d+\.\d+/);
    });

    it("CheckConfig names an unknown key and lists the keys; a wrong type names the key; engine keys and typed values pass", async () => {
        const req = new proto.CheckRequest();
        req.setNews(Struct.fromJavaScript({ huaweicloudRegoin: "x", huaweicloudMaxRetries: true, huaweicloudInsecure: "false", astracontrolMaxRetries: 3, version: "0.1.0", huaweicloudSecretKey: "emulator-secret-key-0000000000000000000001" }));
        const res = await rpc(p.client).checkConfig(req);
        const failures = res.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`).sort().reverse();
        assert.equal(failures.length, 2, failures.join("\n"));
        assert.match(failures[0]!, /^huaweicloudRegoin: .*not a configuration key.*huaweicloudRegion/);
        assert.match(failures[1]!, /^huaweicloudMaxRetries: .*expected a whole number, got a boolean/);
        // A credential given as a plain value is stored as a secret all the same.
        const inputs = res.getInputs()!.toJavaScript();
        assert.deepEqual(inputs.huaweicloudSecretKey, { [SIG]: SECRET, value: "emulator-secret-key-0000000000000000000001" });
        assert.equal(JSON.stringify(failures).includes("emulator-secret-key"), false);
    });

    it("Invoke returns a secret result field wrapped as a secret, with the env var's region", async () => {
        const req = new proto.InvokeRequest();
        req.setTok("cloudreads:huaweicloud/sms:getTaskPassphrase");
        req.setArgs(Struct.fromJavaScript({ taskId: FIXTURE.smsTaskId }));
        const res = await rpc(p.client).invoke(req);
        const out = res.getReturn()!.toJavaScript();
        assert.deepEqual(out.passphrase, { [SIG]: SECRET, value: FIXTURE.smsPassphrase });
        assert.equal(out.taskId, FIXTURE.smsTaskId);
    });

    it("a vendor value shaped like a secret envelope is refused, naming the field and never its value (and wrap() would rename the key)", async () => {
        const base = emulator.data.astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!;
        const id = "0a0a0a0a-0000-4000-8000-00000000f00d";
        const envelope = { [SIG]: SECRET, value: "vendor-text-sentinel" };
        emulator.data.astra.certificates.push({ ...base, resource: { ...base.resource, id, trustStateDetails: [{ type: "t", title: "x", detail: "d", additionalDetails: envelope }] } });
        const req = new proto.InvokeRequest();
        req.setTok("cloudreads:astracontrol:getCertificate");
        req.setArgs(Struct.fromJavaScript({ certificateId: id }));
        await assert.rejects(rpc(p.client).invoke(req), (e: grpc.ServiceError) => {
            assert.match(e.details, /trustStateDetails\[0\]\.additionalDetails: holds the key 4dabf18193072939515e22adb298388d/);
            assert.equal(e.details.includes("vendor-text-sentinel"), false, "the vendor value reached the error");
            return true;
        });
        // The second layer: a result value holding the key is marshalled with the key renamed.
        assert.deepEqual(wrap({ d: envelope }, new Set()).toJavaScript(), { d: { [`_${SIG}`]: SECRET, value: "vendor-text-sentinel" } });
    });

    it("a secret input stays secret in the outputs", async () => {
        const req = new proto.CreateRequest();
        req.setUrn("urn:pulumi:s::p::cloudreads:huaweicloud/kps:KeypairTask::t");
        req.setType("cloudreads:huaweicloud/kps:KeypairTask");
        req.setProperties(Struct.fromJavaScript({ taskId: { [SIG]: SECRET, value: FIXTURE.kpsTaskId } }));
        const res = await rpc(p.client).create(req);
        const out = res.getProperties()!.toJavaScript();
        assert.deepEqual(out.taskId, { [SIG]: SECRET, value: FIXTURE.kpsTaskId });
        assert.equal(out.taskStatus, "RUNNING_RESET");
    });

    it("an unknown function token fails naming it and listing every function, with no request", async () => {
        const before = emulator.requests.length;
        const req = new proto.InvokeRequest();
        req.setTok("cloudreads:huaweicloud/sms:getNothing");
        req.setArgs(Struct.fromJavaScript({}));
        await assert.rejects(rpc(p.client).invoke(req), (e: grpc.ServiceError) => {
            assert.match(e.details, /unknown function "cloudreads:huaweicloud\/sms:getNothing"; the functions are .*cloudreads:huaweicloud\/sms:getTaskPassphrase/);
            return true;
        });
        assert.equal(emulator.requests.length, before);
    });

    it("Check fails a bad property before any request, naming it; the connection argument is refused", async () => {
        const before = emulator.requests.length;
        const req = new proto.CheckRequest();
        req.setUrn("urn:pulumi:s::p::cloudreads:huaweicloud/sms:TaskPassphrase::t");
        req.setType("cloudreads:huaweicloud/sms:TaskPassphrase");
        req.setNews(Struct.fromJavaScript({ taskId: "x".repeat(44) }));
        const res = await rpc(p.client).check(req);
        assert.deepEqual(res.getFailuresList().map((f) => f.getProperty()), ["taskId"]);
        req.setNews(Struct.fromJavaScript({ taskId: FIXTURE.smsTaskId, connection: "migration" }));
        const refused = await rpc(p.client).check(req);
        assert.match(refused.getFailuresList()[0]!.getReason(), /explicit provider/);
        assert.equal(emulator.requests.length, before);
    });

    it("Delete sends no request", async () => {
        const before = emulator.requests.length;
        const req = new proto.DeleteRequest();
        req.setUrn("urn:pulumi:s::p::cloudreads:huaweicloud/kps:KeypairTask::t");
        req.setId(`${FIXTURE.projectId}/${FIXTURE.kpsTaskId}`);
        await rpc(p.client).delete(req);
        assert.equal(emulator.requests.length, before);
    });
});
