import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packProject, runCommand } from "./helpers/installed-package";
import { anchorsOf, brokenLinks, headingSlug, markdownFiles, type BrokenLink } from "./helpers/markdown-links";

const ROOT = path.join(__dirname, "..");
const REPOSITORY_BLOB = "https://github.com/pulumi-cloudreads/pulumi-cloudreads/blob/main/";

/**
 * Pages other branches add (the provider plugin's, the Registry-shaped ones). Links to them may be
 * dangling until those branches are merged. Lead: remove each entry when its page lands.
 */
const show = (broken: readonly BrokenLink[]): string => broken.map((b) => `${b.file}: (${b.link}) ${b.why}`).join("\n");

describe("documentation links: README.md and docs/ in the repository and in the npm tarball", function () {
    this.timeout(240_000);

    describe("the link checker", () => {
        let dir: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-links-"));
            fs.mkdirSync(path.join(dir, "docs"));
            fs.writeFileSync(path.join(dir, "docs", "page.md"), "# A page\n\n## `getX` / `getXOutput`: the two forms\n\n## Notes\n\n## Notes\n");
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("names headings as GitHub does, numbering repeats", () => {
            assert.equal(headingSlug("`huaweicloud.sms.TaskPassphrase` / `getTaskPassphrase`"), "huaweicloudsmstaskpassphrase--gettaskpassphrase");
            assert.equal(headingSlug("Several accounts, regions and installations in one stack: named connections"), "several-accounts-regions-and-installations-in-one-stack-named-connections");
            assert.deepEqual([...anchorsOf(fs.readFileSync(path.join(dir, "docs", "page.md"), "utf8"))], ["a-page", "getx--getxoutput-the-two-forms", "notes", "notes-1"]);
        });

        it("finds a missing file, a missing anchor and a link out of the folder; ignores code, URLs and expected pages", () => {
            fs.writeFileSync(
                path.join(dir, "README.md"),
                [
                    "[ok](docs/page.md#notes-1) [ok](#top) [url](https://example.com/x.md) `[code](nowhere.md)`",
                    "[gone](docs/gone.md) [anchor](docs/page.md#no-such) [out](../x.md)",
                    "```md",
                    "[in a fence](fence.md)",
                    "```",
                    "# Top",
                ].join("\n"),
            );
            const broken = brokenLinks(dir, markdownFiles(dir));
            assert.deepEqual(
                broken.map((b) => b.link),
                ["docs/gone.md", "docs/page.md#no-such", "../x.md"],
            );
        });
    });

    it("README.md is a front door: at most 200 lines", () => {
        const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n").length;
        assert.ok(lines <= 200, `README.md has ${lines} lines`);
    });

    describe("in the repository as committed (what GitHub and the Registry show: no generated or ignored file)", () => {
        let committed: string;
        before(() => {
            // The index (what the next commit holds), written out file by file: a page or a target
            // that only a build writes, or that git ignores, is not there.
            committed = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-committed-")));
            execFileSync("git", ["checkout-index", "--all", "--force", `--prefix=${committed}/`], { cwd: ROOT });
        });
        after(() => fs.rmSync(committed, { recursive: true, force: true }));

        it("every relative link (file and #anchor) in README.md and docs/ resolves", () => {
            const files = markdownFiles(committed);
            assert.ok(files.includes("docs/reference/README.md"), "docs/reference is not committed: run `npm run generate` and commit it");
            const broken = brokenLinks(committed, files);
            assert.deepEqual(broken, [], show(broken));
        });

        it("every link into the repository on GitHub names a committed file", () => {
            for (const file of markdownFiles(committed)) {
                const text = fs.readFileSync(path.join(committed, file), "utf8");
                for (const m of text.matchAll(/\]\((https:\/\/github\.com\/pulumi-cloudreads\/pulumi-cloudreads\/blob\/main\/[^)\s#]+)/g)) {
                    const link = (m[1] ?? "").slice(REPOSITORY_BLOB.length);
                    assert.ok(fs.existsSync(path.join(committed, link)), `${file} links to ${REPOSITORY_BLOB}${link}, which is not committed`);
                }
            }
        });

        it("the check sees only committed files: an ignored page linked from a committed one is broken", () => {
            fs.writeFileSync(path.join(committed, "docs", "links-probe.md"), "[schema](../schema/schema.json) [reference](reference/README.md)\n");
            try {
                assert.deepEqual(brokenLinks(committed, ["docs/links-probe.md"]).map((b) => b.link), ["../schema/schema.json"]);
            } finally {
                fs.rmSync(path.join(committed, "docs", "links-probe.md"));
            }
        });
    });

    describe("in the packed tarball", () => {
        let tmp: string;
        let unpacked: string;
        before(async function () {
            this.timeout(300_000);
            tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-docs-pack-")));
            const tarball = await packProject(ROOT, path.join(tmp, "stage"), path.join(tmp, "pack"), 200_000);
            fs.mkdirSync(path.join(tmp, "unpacked"));
            await runCommand("tar", ["-xzf", tarball, "-C", path.join(tmp, "unpacked")], tmp, 60_000);
            unpacked = path.join(tmp, "unpacked", "package");
        });
        after(() => {
            if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
        });

        it("ships every documentation page of the repository (README.md, docs/ and the generated reference)", () => {
            const shipped = markdownFiles(unpacked);
            const repository = markdownFiles(path.join(tmp, "stage"));
            assert.deepEqual(shipped, repository);
            for (const page of ["README.md", "docs/emulator.md", "docs/configuration.md", "docs/errors.md", "docs/reference/README.md"]) assert.ok(shipped.includes(page), `${page} is not shipped`);
        });

        it("every relative link (file and #anchor) resolves inside the unpacked package", () => {
            const broken = brokenLinks(unpacked, markdownFiles(unpacked));
            assert.deepEqual(broken, [], show(broken));
        });
    });
});
