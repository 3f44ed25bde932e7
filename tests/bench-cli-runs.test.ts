import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { saveRuns } from "../bench/parts/saved-runs";

/**
 * `npm run bench:cli` saved its runs at a fixed name in the shared temp folder, where another user
 * could plant a symlink (the write then lands in a file of theirs choosing) or read the file. It
 * now writes into a private folder made with mkdtemp.
 */
describe("bench:cli saves its runs in a private temp folder", () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-runs-test-"));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("a symlink planted at the old fixed name is not followed, and each save gets its own 0700 folder", () => {
        const victim = path.join(tmp, "victim.txt");
        fs.writeFileSync(victim, "untouched");
        fs.symlinkSync(victim, path.join(tmp, "cloudreads-bench-cli-runs.json"));
        const first = saveRuns({ runs: [1] }, tmp);
        const second = saveRuns({ runs: [2] }, tmp);
        assert.equal(fs.readFileSync(victim, "utf8"), "untouched");
        assert.notEqual(path.dirname(first), path.dirname(second));
        for (const file of [first, second]) {
            assert.equal(path.dirname(path.dirname(file)), tmp);
            assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
            assert.equal(fs.statSync(file).mode & 0o077, 0);
        }
        assert.deepEqual(JSON.parse(fs.readFileSync(second, "utf8")), { runs: [2] });
    });
});
