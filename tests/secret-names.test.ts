import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { sdkChecker } from "./helpers/sdk-checker";
import { operations } from "../provider/operations";
import { descriptionOf } from "../provider/operations/describe";
import { hasResource, READS, sdkNamesOf } from "./helpers/reads";
import { nameSaysSecret } from "./helpers/secret-names";


describe("a field whose name says secret is a secret, whatever its description says", function () {
    this.timeout(120_000);

    it("the rule knows secret names when it sees them, and leaves other names alone", () => {
        for (const name of ["password", "passphrase", "privateKey", "targetMgmtPrivateKey", "private_key", "apiToken", "secretKey", "securityToken", "credentials", "clientSecret"]) {
            assert.equal(nameSaysSecret(name), true, name);
        }
        for (const name of ["taskId", "certificate", "cert", "keyId", "brokenState", "privateIp", "isSelfSigned", "keyPairName"]) {
            assert.equal(nameSaysSecret(name), false, name);
        }
    });

    for (const token of READS) {
        it(`${token}: each result field named like a secret is secret, or its description says why not`, () => {
            const fields = descriptionOf(operations[token]).fields;
            const wrong = Object.entries(fields).filter(([name, f]) => nameSaysSecret(name) && !f.secret && !f.notSecret?.trim()).map(([name]) => name);
            assert.deepEqual(wrong, [], `${token}: mark these secret (field.x(doc, { secret: true })) or give notSecret: "why"`);
            for (const [name, f] of Object.entries(fields)) assert.ok(!(f.secret && f.notSecret !== undefined), `${token}.${name}: both secret and notSecret`);
        });
    }

    describe("in the SDK's declared result types, nested fields included", () => {
        let checker: ts.TypeChecker;
    let exported: ReturnType<typeof sdkChecker>["exported"];
    before(() => ({ checker, exported } = sdkChecker()));

        /** Every property path of `type` whose last name says secret, nested object and array types included. */
        function secretNamed(type: ts.Type, at: string, seen = new Set<ts.Type>()): string[] {
            if (seen.has(type)) return [];
            seen.add(type);
            return checker.getPropertiesOfType(type).flatMap((p) => {
                let t = checker.getNonNullableType(checker.getTypeOfSymbol(p));
                if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0]!;
                const here = nameSaysSecret(p.name) ? [`${at}.${p.name}`] : [];
                const nested = t.flags & ts.TypeFlags.Object && t.getCallSignatures().length === 0 ? secretNamed(t, `${at}.${p.name}`, seen) : [];
                return [...here, ...nested];
            });
        }

        for (const token of READS) {
            const { module, name } = sdkNamesOf(token);
            it(`${token}: Get${name}Result${hasResource(token) ? ` and ${name}` : ""} hold no secret-named field outside a secret one`, () => {
                const fields = descriptionOf(operations[token]).fields;
                const result = checker.getDeclaredTypeOfSymbol(exported(module, `Get${name}Result`));
                // The top-level field a path is in must be secret (an Output keeps all of it secret) or say why not.
                const open = secretNamed(result, "").filter((p) => {
                    const top = fields[p.split(".")[1]!];
                    return !top || (!top.secret && !top.notSecret?.trim());
                });
                assert.deepEqual(open, []);
            });
        }
    });
});
