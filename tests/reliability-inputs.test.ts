import * as assert from "node:assert/strict";
import { startEmulator, type Emulator } from "../emulator";
import { operations } from "../provider/operations";
import { argumentCases, runInputCase, settingCases } from "./helpers/reliability-inputs";
import { trackUnhandledRejections } from "./helpers/reliability-servers";

describe("reliability: bad input is refused before anything is sent", function () {
    this.timeout(20_000);
    let emu: Emulator;
    const rejections = trackUnhandledRejections();
    const args = argumentCases();
    const settings = settingCases();

    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => {
        await emu.close();
        rejections.dispose();
    });

    it("the matrix covers every argument of every read", () => {
        for (const op of Object.values(operations)) {
            const covered = new Set(args.filter((c) => c.token === op.token).map((c) => c.property));
            for (const name of op.argNames) assert.ok(covered.has(name), `${op.token} ${name} has no bad-input cases`);
        }
    });

    for (const [title, cases] of [
        ["arguments: an InputError naming the argument", args],
        ["settings: a ConfigurationError naming the setting", settings],
    ] as const) {
        describe(title, () => {
            for (const c of cases) {
                it(`${c.token} ${c.property}: ${c.label}`, async () => {
                    const outcome = await runInputCase(emu, c);
                    assert.equal(outcome.secretsFound, 0, "a fixture secret is in the error");
                    assert.ok(outcome.ok, `${outcome.problem}: ${outcome.got}: ${outcome.message}`);
                });
            }
        });
    }

    it("no unhandled promise rejection happened", () => {
        assert.deepEqual(rejections.seen, []);
    });
});
