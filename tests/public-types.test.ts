import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const DIST = path.join(__dirname, "..", "dist");

/** Every declaration the package ships (SDK, dynamic provider modules, emulator): no `any` a user's code could meet. */
describe("public .d.ts files", () => {
    it("declare no `any` outside comments", () => {
        const files = fs.readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".d.ts"));
        assert.ok(files.length > 20, "dist/ is not built");
        const found: string[] = [];
        for (const file of files) {
            const code = fs
                .readFileSync(path.join(DIST, file), "utf8")
                .replace(/\/\*[\s\S]*?\*\//g, "")
                .replace(/\/\/.*$/gm, "")
                .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
            for (const [i, line] of code.split("\n").entries()) if (/\bany\b/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        }
        assert.deepEqual(found, []);
    });
});
