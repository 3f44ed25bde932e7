import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { NotFoundError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import * as sdk from "../sdk/nodejs";
import { faultCases } from "./helpers/reliability-faults";
import { argumentCases, VALID_ARGS } from "./helpers/reliability-inputs";
import { dynamicModuleOf, examplesOf, hasResource, isList, READS, sdkEntry } from "./helpers/reads";
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

    it("every read has its SDK functions, its reference page, and (unless function-only) its resource and dynamic provider module", () => {
        for (const token of READS) {
            assert.doesNotThrow(() => sdkEntry(sdk, token), token);
            assert.equal(typeof sdkEntry(sdk, token).Resource, hasResource(token) ? "function" : "undefined", `${token}: resource`);
            assert.equal(fs.existsSync(path.join(ROOT, "provider", "dynamic", `${dynamicModuleOf(token)}.ts`)), hasResource(token), `${token}: provider/dynamic module`);
            assert.ok(fs.existsSync(path.join(ROOT, "docs", "reference", `${token}.md`)), `${token}: no reference page`);
        }
    });

    for (const token of READS) {
        const missing = isList(token) ? "lists nothing" : "is a 404";
        it(`${token}: the description's example reads an object of the emulator's default fixtures, and its missing example ${missing}`, async () => {
            const config = emulatorStackConfig(emu);
            const ok = await performRead(operations[token], examplesOf(token).args, sources(config));
            assert.ok(Object.keys(ok.result).length > 0);
            if (!isList(token)) return void (await assert.rejects(performRead(operations[token], examplesOf(token).missing, sources(config)), NotFoundError));
            // A list's example finds something, and its missing example finds nothing (an empty list, no error).
            const lists = (r: Readonly<Record<string, unknown>>): unknown[][] => Object.values(r).filter(Array.isArray);
            assert.ok(lists(ok.result).some((l) => l.length > 0), `${token}: the example lists nothing`);
            const none = await performRead(operations[token], examplesOf(token).missing, sources(config));
            assert.deepEqual(lists(none.result), [[]]);
        });
    }
});
