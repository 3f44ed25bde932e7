import { strict as assert } from "node:assert";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { startFakeEngine } from "./helpers/fake-engine";
import { rawServer, type RawServer } from "./helpers/hostile-servers";
import { rpc, startPlugin, type PluginProcess } from "./helpers/plugin-process";
import { FIXTURE } from "./helpers/stack";

/**
 * The engine's Cancel (sent on Ctrl-C in `pulumi up`) over gRPC, against a vendor that accepts
 * every request and never answers: each read in flight fails at once with a "cancelled" error,
 * nothing is retried, and no read starts afterwards. A Cancel before Configure, or a second one,
 * is harmless.
 */

const KPS_TOKEN = "cloudreads:huaweicloud/kps:getKeypairTask";
const KPS_TYPE = "cloudreads:huaweicloud/kps:KeypairTask";

/** Configure pointing every Huawei read at `url`, with timeouts far beyond the test's length. */
function configureAt(url: string): proto.ConfigureRequest {
    const req = new proto.ConfigureRequest();
    const vars = req.getVariablesMap();
    vars.set("cloudreads:huaweicloudToken", FIXTURE.huaweiToken);
    vars.set("cloudreads:huaweicloudProjectId", FIXTURE.projectId);
    vars.set("cloudreads:huaweicloudRegion", FIXTURE.region);
    vars.set("cloudreads:huaweicloudEndpoints", JSON.stringify({ kms: url, sms: url, roma: url }));
    vars.set("cloudreads:huaweicloudRequestTimeout", "120");
    vars.set("cloudreads:huaweicloudDeadline", "300");
    return req;
}

function invokeKps(): proto.InvokeRequest {
    const req = new proto.InvokeRequest();
    req.setTok(KPS_TOKEN);
    req.setArgs(Struct.fromJavaScript({ taskId: FIXTURE.kpsTaskId }));
    return req;
}

function createKps(): proto.CreateRequest {
    const req = new proto.CreateRequest();
    req.setType(KPS_TYPE);
    req.setUrn(`urn:pulumi:dev::p::${KPS_TYPE}::task`);
    req.setProperties(Struct.fromJavaScript({ taskId: FIXTURE.kpsTaskId }));
    return req;
}

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}

const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => "succeeded", (e: Error) => e.message);

describe("provider plugin over gRPC: Cancel against a vendor that never answers", function () {
    this.timeout(120_000);
    let vendor: RawServer;
    let p: PluginProcess | undefined;

    beforeEach(async () => {
        // Accepts every request and never answers.
        vendor = await rawServer(() => undefined);
    });

    afterEach(async () => {
        p?.stop();
        p = undefined;
        await vendor.close();
    });

    it("Cancel ends every read in flight with a cancelled error, retries nothing, and no read starts after it", async () => {
        p = await startPlugin();
        const api = rpc(p.client);
        await api.configure(configureAt(vendor.url));
        const reads = [outcome(api.invoke(invokeKps())), outcome(api.create(createKps())), outcome(api.invoke(invokeKps()))];
        // Two reach the vendor; with the default per-host cap of requests in flight the third may wait for a slot.
        await until("requests at the vendor", () => vendor.hits() >= 2);
        await new Promise((r) => setTimeout(r, 200));
        const sent = vendor.hits();
        await api.cancel(new Empty());
        // Well before the reads' own 120 s timeout: a Cancel that does nothing leaves them pending.
        const messages = await Promise.race([Promise.all(reads), new Promise<string[]>((r) => setTimeout(() => r(["still pending 10 s after Cancel"]), 10_000))]);
        assert.equal(messages.length, 3, messages[0]);
        for (const m of messages) assert.match(m, /cancelled: the engine cancelled the operation \(Cancel\)/, m);
        assert.match(messages[0]!, /UNKNOWN: cloudreads:huaweicloud\/kps:getKeypairTask: cancelled/, messages[0]);
        assert.match(messages[1]!, /UNKNOWN: cloudreads:huaweicloud\/kps:KeypairTask: cancelled/, messages[1]);
        // No read starts after Cancel: it fails before any request.
        const later = await outcome(api.invoke(invokeKps()));
        assert.match(later, /cancelled/, later);
        // Nothing was retried, and nothing was sent after Cancel (a retry would come within its 5 ms base delay).
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(vendor.hits(), sent);
        // A second Cancel is harmless; the process still answers.
        await api.cancel(new Empty());
        assert.match((await api.getPluginInfo(new Empty())).getVersion(), /^\d+\.\d+\.\d+/);
        assert.equal(p.child.exitCode, null);
    });

    it("Cancel before Configure, and twice, is harmless: Configure and GetPluginInfo still answer", async () => {
        // Started as the engine starts it, with the engine's address, so stderr holds only what the plugin says about the calls.
        const engine = await startFakeEngine();
        try {
            p = await startPlugin({}, [engine.address]);
            const api = rpc(p.client);
            await api.cancel(new Empty());
            await api.cancel(new Empty());
            const res = await api.configure(configureAt(vendor.url));
            assert.equal(res.getAcceptsecrets(), true);
            assert.match((await api.getPluginInfo(new Empty())).getVersion(), /^\d+\.\d+\.\d+/);
            // Reads are refused, naming the cancellation, and reach no vendor.
            assert.match(await outcome(api.invoke(invokeKps())), /cancelled/);
            assert.equal(vendor.hits(), 0);
            assert.equal(p.child.exitCode, null);
            assert.equal(p.stderr(), "");
        } finally {
            engine.close();
        }
    });
});
