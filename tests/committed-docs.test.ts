import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { discoverReads, generate, generateCommitted } from "../scripts/generate";

const ROOT = path.join(__dirname, "..");
const git = (...args: string[]): string => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** A file as committed (as staged: what the next commit holds), or undefined when git does not track it. */
function committed(file: string): string | undefined {
    try {
        return git("show", `:${file}`);
    } catch {
        return undefined;
    }
}

/** The pages whose committed copy is not `pages`' text. */
const stale = (pages: ReadonlyMap<string, string>): string[] => [...pages].filter(([file, text]) => committed(file) !== text).map(([file]) => file);

/**
 * The generated pages readers meet in the repository (the reference in docs/reference/ and the
 * Registry's two pages) are committed, and the committed copy is what the descriptions give now:
 * they are generated again here, in memory, and compared with git's copy, not with the working
 * tree, which `npm test` and `npm run build` regenerate before any test runs.
 */
describe("committed generated docs (docs/reference/, the Registry pages)", () => {
    const reads = discoverReads();
    const pages = generateCommitted(reads);

    it("every reference page is committed, and none is ignored", () => {
        const reference = [...pages.keys()].filter((p) => p.startsWith("docs/reference/"));
        assert.ok(reference.length >= reads.length + 2, `${reference.length} reference pages`);
        const untracked = reference.filter((p) => committed(p) === undefined);
        assert.deepEqual(untracked, [], "not committed: run `npm run generate`, then commit docs/reference/");
        assert.equal(spawnSync("git", ["check-ignore", "--no-index", "-q", "docs/reference/README.md"], { cwd: ROOT }).status, 1, "git ignores docs/reference/");
    });

    it("the committed copy of each is what the descriptions give (stale pages fail: run `npm run generate` and commit)", () => {
        assert.deepEqual(stale(pages), [], "stale committed pages: run `npm run generate` and commit them");
    });

    it("git holds no page in docs/reference/ that no read gives any more", () => {
        const tracked = git("ls-files", "docs/reference").split("\n").filter(Boolean);
        assert.deepEqual(tracked.filter((f) => !pages.has(f)), []);
    });

    it("a description's change shows as a stale page (the check can fail)", () => {
        const changed = reads.map((r) => (r.names.token === "huaweicloud.sms.Task" ? { ...r, d: { ...r.d, docs: { ...r.d.docs, summary: `${r.d.docs.summary}, changed` } } } : r));
        assert.deepEqual(stale(generateCommitted(changed)), ["docs/_index.md", "docs/reference/huaweicloud.sms.Task.md", "docs/reference/README.md"]);
        for (const file of pages.keys()) assert.equal(generate(reads).has(file), false, `${file} is committed and ignored at once`);
    });
});
