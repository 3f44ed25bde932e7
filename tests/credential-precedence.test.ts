import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

/**
 * Stack config before the environment (docs/configuration-precedence.md): an access key pair set
 * in stack config wins over `HW_AUTH_TOKEN` or `OS_AUTH_TOKEN` left in the environment; at the
 * same level a token still comes before a key pair.
 */
describe("Huawei credentials: stack config outranks the environment", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => {
        emu.reset();
        clearIamCache();
    });

    const kps = operations["huaweicloud.kps.KeypairTask"];
    const base = (): Record<string, string> => {
        const c = emulatorStackConfig(emu);
        delete c["huaweicloud:token"];
        return c;
    };
    const pair = { "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey };
    const envPair = { HW_ACCESS_KEY: FIXTURE.accessKey, HW_SECRET_KEY: FIXTURE.secretKey };
    async function sent(config: Record<string, string>, env: Record<string, string>): Promise<"token" | "aksk"> {
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config, env));
        const req = emu.requests.filter((r) => r.service === "kms").at(-1)!;
        if (req.headers["x-auth-token"] !== undefined) return "token";
        assert.match(req.headers.authorization ?? "", /Access=EMULATORAK0000000001/);
        return "aksk";
    }

    for (const variable of ["HW_AUTH_TOKEN", "OS_AUTH_TOKEN"]) {
        it(`an access key pair in stack config wins over ${variable}`, async () => {
            assert.equal(await sent({ ...base(), ...pair }, { [variable]: FIXTURE.huaweiToken }), "aksk");
        });
    }

    it("half a pair in stack config (the other half from the environment) still outranks an env token", async () => {
        assert.equal(await sent({ ...base(), "huaweicloud:accessKey": FIXTURE.accessKey }, { HW_SECRET_KEY: FIXTURE.secretKey, HW_AUTH_TOKEN: FIXTURE.huaweiToken }), "aksk");
    });

    it("a token in stack config wins over a pair in stack config and in the environment", async () => {
        assert.equal(await sent({ ...base(), ...pair, "huaweicloud:token": FIXTURE.huaweiToken }, envPair), "token");
    });

    it("in the environment alone, a token still comes before a pair", async () => {
        assert.equal(await sent(base(), { ...envPair, HW_AUTH_TOKEN: FIXTURE.huaweiToken }), "token");
    });
});
