import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { discoverReads, generate } from "../scripts/generate";

const ROOT = path.join(__dirname, "..");

/** The generated files (SDK, dynamic modules, registry, type checks, reference pages) are what the descriptions give, and git ignores them. */
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
            for (const f of [`${r.names.sdkDir}/${r.names.fn}.ts`, `docs/reference/${r.names.token}.md`]) assert.ok(files.has(f), f);
            for (const f of [`${r.names.sdkDir}/${r.names.camel}.ts`, `provider/dynamic/${r.names.dynamicModule}.ts`]) assert.equal(files.has(f), r.d.resource !== false, f);
        }
    });

    it("the provider plugin's schema and its configuration table are generated too (and ignored by git, as the rest)", () => {
        for (const f of ["schema/schema.json", "docs/reference/plugin-config.md"]) assert.ok(files.has(f), f);
    });
});
