import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";

const SDK = path.join(__dirname, "..", "..", "sdk", "nodejs", "index.ts");

/** The SDK's entry compiled by the TypeScript checker, and a look-up of its exports by module path (`huaweicloud.sms`). */
export function sdkChecker(): { checker: ts.TypeChecker; exported(modulePath: string, name: string): ts.Symbol } {
    const program = ts.createProgram([SDK], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: ["node"] });
    const checker = program.getTypeChecker();
    const root = checker.getSymbolAtLocation(program.getSourceFile(SDK)!)!;
    const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
    return {
        checker,
        exported(modulePath, name) {
            let scope = root;
            for (const part of modulePath.split(".")) scope = resolve(checker.getExportsOfModule(scope).find((s) => s.name === part)!);
            const found = checker.getExportsOfModule(scope).find((s) => s.name === name);
            assert.ok(found, `${modulePath}.${name} is not exported`);
            return resolve(found);
        },
    };
}
