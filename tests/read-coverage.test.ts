import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { NotFoundError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import * as sdk from "../sdk";
import { faultCases } from "./helpers/reliability-faults";
import { argumentCases, VALID_ARGS } from "./helpers/reliability-inputs";
import { dynamicModuleOf, examplesOf, READS, sdkEntry } from "./helpers/reads";
import { emulatorStackConfig, sources } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");

/**
 * Fails when a registered read is missing from any test matrix, or when its description's examples
 * do not match the emulator (so a new read is covered everywhere the first four are).
 */
describe("every registered read is covered by every matrix", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu?.close());

    const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

    it("the bad-input matrix has cases for every read", () => {
        assert.deepEqual(sorted(argumentCases().map((c) => c.token)), sorted(READS));
        assert.deepEqual(sorted(Object.keys(VALID_ARGS)), sorted(READS));
    });

    it("the fault matrix runs every read", () => {
        assert.deepEqual(sorted(faultCases().flatMap((c) => (c.token ? [c.token] : []))), sorted(READS));
    });

    it("every read has its SDK resource and functions, its dynamic provider module and its reference page", () => {
        for (const token of READS) {
            assert.doesNotThrow(() => sdkEntry(sdk, token), token);
            assert.ok(fs.existsSync(path.join(ROOT, "provider", "dynamic", `${dynamicModuleOf(token)}.ts`)), `${token}: no provider/dynamic module`);
            assert.ok(fs.existsSync(path.join(ROOT, "docs", "reference", `${token}.md`)), `${token}: no reference page`);
        }
    });

    for (const token of READS) {
        it(`${token}: the description's example reads an object of the emulator's default fixtures, and its missing example is a 404`, async () => {
            const config = emulatorStackConfig(emu);
            const ok = await performRead(operations[token], examplesOf(token).args, sources(config));
            assert.ok(Object.keys(ok.result).length > 0);
            await assert.rejects(performRead(operations[token], examplesOf(token).missing, sources(config)), NotFoundError);
        });
    }
});
