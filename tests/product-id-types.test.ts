import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");

/** Compiles `source` against the package's own sources and returns each error line with its message. */
function typeErrors(source: string): { line: number; message: string }[] {
    // tmp/ is ignored by git, so a fresh clone has none.
    fs.mkdirSync(path.join(ROOT, "tmp"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, "tmp", "product-id-types-"));
    const file = path.join(dir, "program.ts");
    fs.writeFileSync(file, source.replace(/PACKAGE/g, path.relative(dir, path.join(ROOT, "sdk", "nodejs")).split(path.sep).join("/")));
    try {
        const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: ["node"] });
        return ts
            .getPreEmitDiagnostics(program)
            .filter((d) => d.file?.fileName === file)
            .map((d) => ({ line: d.file!.getLineAndCharacterOfPosition(d.start!).line + 1, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") }));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("a numeric productId above 2^53-1 is refused by the compiler where TypeScript can tell", function () {
    this.timeout(120_000);

    it("refuses number literals above 2^53-1 in the function, the Output function and the resource; accepts digit strings, safe numbers and plain `number`", () => {
        const lines = [
            `import * as pulumi from "@pulumi/pulumi";`,
            `import { huaweicloud } from "PACKAGE";`,
            `const roma = huaweicloud.roma;`,
            `void roma.getProductAuthentication({ instanceId: "default", productId: 99999999999999999 });`, // 4: refused
            `void roma.getProductAuthentication({ instanceId: "default", productId: 9007199254740992 });`, // 5: refused (2^53)
            `void roma.getProductAuthentication({ instanceId: "default", productId: 1e21 });`, // 6: refused
            `roma.getProductAuthenticationOutput({ instanceId: "default", productId: 99999999999999999 });`, // 7: refused
            `new roma.ProductAuthentication("a", { instanceId: "default", productId: 99999999999999999 });`, // 8: refused
            `const big = 12345678901234567; void roma.getProductAuthentication({ instanceId: "default", productId: big });`, // 9: refused
            `void roma.getProductAuthentication({ instanceId: "default", productId: 9007199254740991 });`,
            `void roma.getProductAuthentication({ instanceId: "default", productId: "99999999999999999" });`,
            `void roma.getProductAuthentication({ instanceId: "default", productId: 1024 });`,
            `const n: number = Number(process.env.N); void roma.getProductAuthentication({ instanceId: "default", productId: n });`,
            `roma.getProductAuthenticationOutput({ instanceId: "default", productId: pulumi.output("99999999999999999") });`,
            `new roma.ProductAuthentication("b", { instanceId: "default", productId: 1024 });`,
            // productId is optional (productName may stand for it), and TypeScript infers a union-typed optional
            // property's type parameter from one member only: such a value names the type argument.
            `const id: string | number = Math.random() > 0.5 ? "1" : 2; new roma.ProductAuthentication<string | number>("c", { instanceId: "default", productId: id });`,
            `declare const input: pulumi.Input<string | number>; new roma.ProductAuthentication<pulumi.Input<string | number>>("d", { instanceId: "default", productId: input }); roma.getProductAuthenticationOutput<pulumi.Input<string | number>>({ instanceId: "default", productId: input });`,
            `new roma.ProductAuthentication("e", { instanceId: "default", productId: Promise.resolve(1) });`,
            `const typed: huaweicloud.roma.GetProductAuthenticationArgs = { instanceId: "default", productId: "1" }; void roma.getProductAuthentication(typed);`,
            `void roma.getProductAuthentication({ instanceId: "default", productName: "meter-gateway" });`,
        ];
        const errors = typeErrors(lines.join("\n"));
        assert.deepEqual(errors.map((e) => e.line), [4, 5, 6, 7, 8, 9], JSON.stringify(errors, null, 1).slice(0, 3000));
        for (const e of errors) assert.match(e.message, /a productId number above 2\^53-1 \(9007199254740991\) has already been rounded by JavaScript: pass the id as a digit string/);
    });
});
