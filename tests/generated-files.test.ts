import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { discoverReads, generate, generateReference } from "../scripts/generate";

const ROOT = path.join(__dirname, "..");

/** The generated files (SDK, dynamic modules, registry, type checks, schema) are what the descriptions give, and git ignores them; the reference pages are committed (tests/committed-docs.test.ts). */
describe("npm run generate", () => {
    const files = generate(discoverReads());

    it("every generated file on disk is what the descriptions give (nobody edited one by hand)", () => {
        const differ = [...files].filter(([file, text]) => !fs.existsSync(path.join(ROOT, file)) || fs.readFileSync(path.join(ROOT, file), "utf8") !== text).map(([f]) => f);
        assert.deepEqual(differ, []);
    });

    it("git ignores every generated file, so a new read commits only its description, emulator route and fixture", () => {
        const listed = [...files.keys()];
        const ignored = execFileSync("git", ["check-ignore", ...listed], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
        assert.deepEqual(ignored.sort(), listed.sort());
        const tracked = execFileSync("git", ["ls-files", ...listed], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
        assert.deepEqual(tracked, []);
    });

    it("each read has its functions and reference page, and its resource and dynamic module unless it is function-only", () => {
        for (const r of discoverReads()) {
            assert.ok(files.has(`${r.names.sdkDir}/${r.names.fn}.ts`), r.names.fn);
            assert.ok(generateReference([r]).has(`docs/reference/${r.names.token}.md`), r.names.token);
            for (const f of [`${r.names.sdkDir}/${r.names.camel}.ts`, `provider/dynamic/${r.names.dynamicModule}.ts`]) assert.equal(files.has(f), r.d.resource !== false, f);
        }
    });

    it("the provider plugin's schema is generated too (and ignored by git, as the rest); its configuration table is a committed reference page", () => {
        assert.ok(files.has("schema/schema.json"));
        assert.ok(generateReference(discoverReads()).has("docs/reference/plugin-config.md"));
        assert.equal([...files.keys()].some((f) => f.startsWith("docs/")), false, "a page readers meet in the repository must be committed, not ignored");
    });
});
