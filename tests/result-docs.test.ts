import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { hasResource, READS as REGISTERED, sdkNamesOf } from "./helpers/reads";
import { sdkChecker } from "./helpers/sdk-checker";

// Every read of the registry: its result, and its resource unless it is function-only.
const ALL = REGISTERED.map((token) => {
    const { module, name } = sdkNamesOf(token);
    return { module, result: `Get${name}Result`, resource: name, hasResource: hasResource(token) };
});
const READS = ALL.filter((r) => r.hasResource);

describe("results are fully documented, and resources expose the same fields under the same names", function () {
    this.timeout(120_000);
    let checker: ts.TypeChecker;
    let exported: ReturnType<typeof sdkChecker>["exported"];
    before(() => ({ checker, exported } = sdkChecker()));

    const doc = (s: ts.Symbol): string => ts.displayPartsToString(s.getDocumentationComment(checker)).trim();

    /** Every property of `type`, and of the object types its properties hold (arrays included), as `path: doc`. */
    function undocumented(type: ts.Type, at: string, seen = new Set<ts.Type>()): string[] {
        if (seen.has(type)) return [];
        seen.add(type);
        const missing: string[] = [];
        for (const p of checker.getPropertiesOfType(type)) {
            if (!doc(p)) missing.push(`${at}.${p.name}`);
            let t = checker.getNonNullableType(checker.getTypeOfSymbol(p));
            if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0]!;
            if (t.flags & ts.TypeFlags.Object && !checker.isArrayType(t) && t.getCallSignatures().length === 0) missing.push(...undocumented(t, `${at}.${p.name}`, seen));
        }
        return missing;
    }

    for (const r of ALL) {
        it(`${r.module}.${r.result}: every field, nested ones included, has TSDoc`, () => {
            const type = checker.getDeclaredTypeOfSymbol((exported(r.module, r.result)));
            assert.ok(checker.getPropertiesOfType(type).length > 0);
            assert.deepEqual(undocumented(type, r.result), []);
        });
    }

    for (const r of READS) {
        it(`${r.module}.${r.result}: every field, nested ones included, has TSDoc (resource read)`, () => {
            const type = checker.getDeclaredTypeOfSymbol((exported(r.module, r.result)));
            assert.ok(checker.getPropertiesOfType(type).length > 0);
            assert.deepEqual(undocumented(type, r.result), []);
        });

        it(`${r.module}.${r.resource}: declares each result field as a documented output of the same name`, () => {
            const result = checker.getDeclaredTypeOfSymbol((exported(r.module, r.result)));
            const resource = checker.getDeclaredTypeOfSymbol((exported(r.module, r.resource)));
            for (const field of checker.getPropertiesOfType(result)) {
                const output = resource.getProperty(field.name);
                assert.ok(output, `${r.resource} has no output ${field.name}`);
                // `id` is the resource's own (the certificate id for Astra, under `certificateId` too).
                if (field.name !== "id") assert.ok(doc(output), `${r.resource}.${field.name} has no TSDoc`);
            }
        });
    }

    it("the Astra result and resource name the certificate id `certificateId` and keep type, version and modifiedBy", () => {
        const result = checker.getDeclaredTypeOfSymbol((exported("astracontrol", "GetCertificateResult")));
        for (const name of ["certificateId", "type", "version", "modifiedBy"]) assert.ok(result.getProperty(name), name);
    });
});
