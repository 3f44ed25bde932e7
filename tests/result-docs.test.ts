import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";

const SDK = path.join(__dirname, "..", "sdk", "index.ts");
const READS = [
    { module: "huaweicloud.sms", result: "GetTaskPassphraseResult", resource: "TaskPassphrase" },
    { module: "huaweicloud.roma", result: "GetProductAuthenticationResult", resource: "ProductAuthentication" },
    { module: "huaweicloud.kps", result: "GetKeypairTaskResult", resource: "KeypairTask" },
    { module: "astracontrol", result: "GetCertificateResult", resource: "Certificate" },
];
// Look-ups, offered as functions only.
const LOOKUPS = [
    { module: "astracontrol", result: "GetCertificatesResult" },
    { module: "huaweicloud.sms", result: "GetTasksResult" },
    { module: "huaweicloud.roma", result: "GetProductsResult" },
];

describe("results are fully documented, and resources expose the same fields under the same names", function () {
    this.timeout(120_000);
    let checker: ts.TypeChecker;
    let root: ts.Symbol;

    before(() => {
        const program = ts.createProgram([SDK], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: ["node"] });
        checker = program.getTypeChecker();
        root = checker.getSymbolAtLocation(program.getSourceFile(SDK)!)!;
    });

    function exported(modulePath: string, name: string): ts.Symbol {
        const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
        let scope = root;
        for (const part of modulePath.split(".")) scope = resolve(checker.getExportsOfModule(scope).find((s) => s.name === part)!);
        const found = checker.getExportsOfModule(scope).find((s) => s.name === name);
        assert.ok(found, `${modulePath}.${name} is not exported`);
        return resolve(found);
    }

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

    for (const r of [...READS, ...LOOKUPS]) {
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
