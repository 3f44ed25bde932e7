import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

/** The `go` line of a go.mod or go.work text. */
const goLine = (text: string): string | undefined => /^go (\d+\.\d+(?:\.\d+)?)\s*$/m.exec(text)?.[1];

/** Every go.mod and go.work under tools/ (the CLI builds, the language hosts, the SDK generator). */
function toolModules(): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const rel = `${dir}/${e.name}`;
            if (e.isDirectory()) walk(rel);
            else if (e.name === "go.mod" || e.name.endsWith(".work")) found.push(rel);
        }
    };
    walk("tools");
    return found.sort();
}

/** The Go minimum the README names ("Go 1.26.6 or later"). */
function readmeMinimum(): string {
    const m = /Go (\d+\.\d+(?:\.\d+)?) or later/.exec(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    assert.ok(m, "the README names no Go minimum (\"Go X.Y.Z or later\")");
    return m[1]!;
}

/** One Go minimum: the README, docs/development.md, the tools' modules and the Go SDK that the generator writes agree. */
describe("one Go minimum", () => {
    it("the README and docs/development.md name the same Go minimum", () => {
        const dev = /Go \((\d+\.\d+(?:\.\d+)?) or later\)/.exec(fs.readFileSync(path.join(ROOT, "docs", "development.md"), "utf8"));
        assert.equal(dev?.[1], readmeMinimum());
    });

    it("every go.mod and go.work under tools/ says the README's minimum", () => {
        const modules = toolModules();
        assert.ok(modules.length >= 5, modules.join(", "));
        assert.deepEqual(modules.map((m) => `${m}: go ${goLine(fs.readFileSync(path.join(ROOT, m), "utf8")) ?? "(none)"}`), modules.map((m) => `${m}: go ${readmeMinimum()}`));
    });

    it("the Go SDK's go.mod, as tools/sdkgen writes it, says the README's minimum", () => {
        const main = fs.readFileSync(path.join(ROOT, "tools", "sdkgen", "main.go"), "utf8");
        const written = /module %s\\n\\ngo (\d+\.\d+(?:\.\d+)?)\\n/.exec(main)?.[1];
        assert.ok(written, "tools/sdkgen/main.go writes no `go` line that this test can read");
        assert.equal(written, readmeMinimum(), "tools/sdkgen/main.go (goMod) writes another Go minimum into the Go SDK's go.mod");
        for (const generated of ["sdks/go/cloudreads/go.mod", "sdk/go/cloudreads/go.mod"]) {
            const file = path.join(ROOT, generated);
            if (fs.existsSync(file)) assert.equal(goLine(fs.readFileSync(file, "utf8")), readmeMinimum(), generated);
        }
    });
});
