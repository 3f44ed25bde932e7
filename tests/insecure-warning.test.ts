import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { resetInsecureWarnings } from "../provider/core/settings";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

/**
 * `OS_INSECURE` or `HW_INSECURE` (and `ASTRA_CONTROL_INSECURE`, or the stack config key) turn
 * TLS verification off: each says so as a Pulumi warning (the read's `warn` sink, which
 * `--no-warnings` does not hide), once per process, naming the variable.
 */
describe("an insecure setting is a Pulumi warning, once per process, naming the variable", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => resetInsecureWarnings());

    const kps = operations["huaweicloud.kps.KeypairTask"];
    const astra = operations["astracontrol.Certificate"];

    for (const [variable, op, args] of [
        ["OS_INSECURE", kps, { taskId: FIXTURE.kpsTaskId }],
        ["HW_INSECURE", kps, { taskId: FIXTURE.kpsTaskId }],
        ["ASTRA_CONTROL_INSECURE", astra, { certificateId: FIXTURE.certificateId }],
    ] as const) {
        it(variable, async () => {
            const warnings: string[] = [];
            const src = { ...sources(emulatorStackConfig(emu), { [variable]: "true" }), warn: (m: string) => void warnings.push(m) };
            for (let i = 0; i < 3; i++) await performRead(op, args, src);
            const insecure = warnings.filter((w) => w.includes("TLS certificate verification"));
            assert.equal(insecure.length, 1, JSON.stringify(warnings));
            assert.match(insecure[0]!, new RegExp(`^environment variable ${variable} turns off TLS certificate verification for this package's (huaweicloud|astracontrol) requests`));
        });
    }

    it("insecure=false says nothing", async () => {
        const warnings: string[] = [];
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, { ...sources(emulatorStackConfig(emu), { OS_INSECURE: "false" }), warn: (m) => void warnings.push(m) });
        assert.deepEqual(warnings, []);
    });
});
