import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, startEmulator } from "../emulator";
import { astracontrol, huaweicloud, InputError } from "../sdk/nodejs";
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";

function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("invoke options of getX (InvokeOptions) and getXOutput (InvokeOutputOptions)", () => {
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

    it("refuses a provider resource, naming the option and the function, before any request", async () => {
        const provider = { urn: pulumi.output("urn:pulumi:s::p::pulumi:providers:x::p") } as unknown as pulumi.ProviderResource;
        await assert.rejects(huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }, { provider }), (e: unknown) => {
            assert.ok(e instanceof InputError);
            assert.match(e.message, /^huaweicloud\.kps\.getKeypairTask: .*opts\.provider: not supported: .*no provider resource/);
            return true;
        });
        assert.throws(() => astracontrol.getCertificateOutput({ certificateId: FIXTURE.certificateId }, { provider }), /astracontrol\.getCertificateOutput: .*opts\.provider/);
        assert.throws(() => huaweicloud.sms.getTaskPassphraseOutput({ taskId: FIXTURE.smsTaskId }, { version: "1.0.0" }), /opts\.version: not supported/);
        assert.throws(() => huaweicloud.roma.getProductAuthenticationOutput({ instanceId: "default", productId: 1 }, { pluginDownloadURL: "https://example.com" }), /opts\.pluginDownloadURL/);
        assert.equal(emu.requests.length, 0);
    });

    it("refuses dependsOn on the plain getX, pointing at getXOutput", async () => {
        const opts = { dependsOn: [] } as pulumi.InvokeOptions;
        await assert.rejects(huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }, opts), /opts\.dependsOn: not supported by huaweicloud\.kps\.getKeypairTask.*getKeypairTaskOutput\(args, \{ dependsOn \}\)/);
        assert.equal(emu.requests.length, 0);
    });

    it("refuses an unknown option key, listing the accepted ones", () => {
        const opts = { dependson: [] } as unknown as pulumi.InvokeOutputOptions;
        assert.throws(() => huaweicloud.kps.getKeypairTaskOutput({ taskId: FIXTURE.kpsTaskId }, opts), /opts\.dependson: not an invoke option \(expected async, dependsOn, parent\)/);
    });

    it("accepts parent and async, and reads as without them", async () => {
        const task = await huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }, { async: true });
        assert.equal(task.taskStatus, "RUNNING_RESET");
    });

    it("getXOutput waits for every Output in dependsOn before it reads", async () => {
        let release: (v: string) => void = () => undefined;
        const gate = new Promise<string>((resolve) => (release = resolve));
        const dependency = { urn: pulumi.output(gate) } as unknown as pulumi.Resource;
        Object.defineProperty(dependency, "__pulumiResource", { value: true });
        const out = huaweicloud.kps.getKeypairTaskOutput({ taskId: FIXTURE.kpsTaskId }, { dependsOn: [dependency] });
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(emu.requests.length, 0, "read before its dependency was ready");
        release("urn:pulumi:s::p::x:y:Z::dep");
        assert.equal(await valueOf(out.taskStatus), "RUNNING_RESET");
        assert.equal(emu.requests.length, 1);
    });
});

describe("runtimes that cannot host dynamic resources", () => {
    it("a resource declared under Bun fails at once, pointing at Node.js and the functions", () => {
        Object.defineProperty(process.versions, "bun", { value: "1.2.0", configurable: true, enumerable: true });
        try {
            assert.throws(() => new huaweicloud.kps.KeypairTask("t", { taskId: FIXTURE.kpsTaskId }), /huaweicloud\.kps\.KeypairTask: this program runs under Bun, which cannot run Pulumi dynamic providers; run it with Node\.js/);
        } finally {
            delete (process.versions as Record<string, string | undefined>).bun;
        }
    });
});
