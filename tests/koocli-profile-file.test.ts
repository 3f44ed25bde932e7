import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE } from "./helpers/stack";
import { KooCliProfileError, MAX_KOOCLI_FILE_BYTES, readKooCliProfile, resetKooCliWarnings } from "../provider/vendors/huaweicloud/koocli-profile";

/**
 * The KooCLI profile file is read only when it is a regular file of at most 1 MiB: a FIFO, a
 * device or a folder could block the read or never end. A file other users may read is a
 * warning (once per process and file), since it holds access keys.
 */
const reasonOf = (f: () => unknown): string => {
    try {
        f();
    } catch (e) {
        if (e instanceof KooCliProfileError) return e.reason;
        throw e;
    }
    return "read";
};

describe("KooCLI profile file: a regular file, size-capped, warned about when others can read it", () => {
    let dir: string;
    const good = JSON.stringify({ current: "default", profiles: [{ name: "default", mode: "AKSK", accessKeyId: FIXTURE.accessKey, secretAccessKey: FIXTURE.secretKey }] });
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-koocli-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    beforeEach(() => resetKooCliWarnings());

    it("a FIFO is refused without blocking (nothing ever writes to it)", function () {
        if (process.platform === "win32") this.skip();
        const fifo = path.join(dir, "fifo.json");
        execFileSync("mkfifo", [fifo]);
        assert.equal(reasonOf(() => readKooCliProfile({ file: fifo })), "not-a-file");
    });

    it("a folder and a character device are refused", () => {
        assert.equal(reasonOf(() => readKooCliProfile({ file: dir })), "not-a-file");
        if (fs.existsSync("/dev/zero")) assert.equal(reasonOf(() => readKooCliProfile({ file: "/dev/zero" })), "not-a-file");
    });

    it("a file over 1 MiB is refused, even valid JSON", () => {
        const big = path.join(dir, "big.json");
        fs.writeFileSync(big, JSON.stringify({ ...JSON.parse(good), padding: "x".repeat(MAX_KOOCLI_FILE_BYTES) }), { mode: 0o600 });
        assert.equal(reasonOf(() => readKooCliProfile({ file: big })), "too-large");
    });

    it("a file other users can read is a warning, once per file; a private one is not", function () {
        if (process.platform === "win32") this.skip();
        const shared = path.join(dir, "shared.json");
        const own = path.join(dir, "own.json");
        fs.writeFileSync(shared, good);
        fs.chmodSync(shared, 0o644);
        fs.writeFileSync(own, good);
        fs.chmodSync(own, 0o600);
        const warnings: string[] = [];
        const warn = (m: string): void => void warnings.push(m);
        for (let i = 0; i < 3; i++) assert.equal(readKooCliProfile({ file: shared, warn }).accessKey, FIXTURE.accessKey);
        readKooCliProfile({ file: own, warn });
        assert.equal(warnings.length, 1, JSON.stringify(warnings));
        assert.match(warnings[0]!, /shared\.json.* is readable by other users \(mode 0644\); restrict it with chmod 600/);
        assert.ok(!warnings[0]!.includes(FIXTURE.secretKey));
    });
});
