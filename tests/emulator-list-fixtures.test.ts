import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE_SECRETS, loadDefaultFixtures } from "../emulator";
import { parseCliOptions } from "../emulator/cli-options";
import { DESCRIBED_COLLECTIONS } from "../emulator/fixture-listing";
import { FIXTURE_COLLECTIONS } from "../emulator/fixtures";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "dist", "emulator", "cli.js");

/** Runs the built `cloudreads-emulator` with `args`; it must exit by itself. */
function emulatorBin(args: string[]): { status: number | null; stdout: string; stderr: string } {
    assert.ok(fs.existsSync(BIN), "dist/emulator/cli.js is missing: run `npm run build`");
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 30_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The section of `text` under the table title starting with `title` (up to the blank line after it). */
function section(text: string, title: string): string {
    const at = text.indexOf(`\n${title}`);
    assert.ok(at >= 0 || text.startsWith(title), `no table "${title}"`);
    const from = at < 0 ? 0 : at + 1;
    const end = text.indexOf("\n\n", from);
    return text.slice(from, end < 0 ? undefined : end);
}

/** The first line of `text` that holds `id` (the hand-described tables come first); there must be one. */
function lineOf(text: string, id: string): string {
    const line = text.split("\n").find((l) => l.includes(id));
    assert.ok(line, `${id} is not listed`);
    return line;
}

describe("cloudreads-emulator --list-fixtures: what a stack can read, where users find it", function () {
    this.timeout(60_000);
    const data = loadDefaultFixtures();

    it("is an option of its own, which the usage text names", () => {
        assert.equal(parseCliOptions(["--list-fixtures"], {}).listFixtures, true);
        assert.equal(parseCliOptions([], {}).listFixtures, false);
        assert.match(emulatorBin(["--help"]).stdout, /--list-fixtures/);
    });

    it("lists every fixture collection a route declares, each record by its unique key, so a new read's records show with no edit", () => {
        const { stdout } = emulatorBin(["--list-fixtures"]);
        for (const c of FIXTURE_COLLECTIONS.filter((x) => !DESCRIBED_COLLECTIONS.has(x.path))) {
            const records = c.in(data);
            if (!c.unique || records.length === 0) continue;
            for (const r of records) assert.ok(stdout.includes(c.unique.key(r).split("/").pop()!), `${c.path}: ${c.unique.key(r)} is not listed`);
        }
        for (const c of FIXTURE_COLLECTIONS) assert.ok(DESCRIBED_COLLECTIONS.has(c.path) || stdout.includes(`\n${c.path} (`), `${c.path} has no table`);
    });

    it("prints every default id with its name, state, CN and trust state, exits 0 without serving, and shows no secret", () => {
        const { status, stdout, stderr } = emulatorBin(["--list-fixtures"]);
        assert.equal(status, 0, stderr);
        assert.doesNotMatch(stdout, /http:\/\/127\.0\.0\.1/, "it started serving");
        for (const p of data.huawei.projects) assert.match(stdout, new RegExp(`^  ${p.name} +${p.id} +${p.domainId}$`, "m"));
        for (const t of data.huawei.sms.tasks) {
            const line = lineOf(stdout, t.taskId);
            assert.ok(line.includes(String(t.detail?.name)) && line.includes(String(t.detail?.state)), line);
        }
        for (const t of data.huawei.kps.tasks) assert.match(lineOf(stdout, t.taskId), new RegExp(`${t.taskStatus}$`));
        for (const i of data.huawei.roma.instances) assert.ok(stdout.includes(i.instanceId), i.instanceId);
        for (const p of data.huawei.roma.products) assert.match(stdout, new RegExp(`  ${p.productId} +${p.name ?? `product-${p.productId}`} +${p.userName}$`, "m"));
        for (const c of data.astra.certificates) {
            const line = lineOf(stdout, c.resource.id);
            for (const field of ["cn", "certUse", "trustState"]) assert.match(line, new RegExp(` ${String(c.resource[field])} `), `${c.resource.id} ${field}`);
            assert.ok(line.startsWith(`  ${c.accountId}`), line);
        }
        for (const secret of FIXTURE_SECRETS) assert.equal(stdout.includes(secret), false, `a secret value is listed: ${secret.slice(0, 12)}…`);
    });

    it("with --fixtures FILE lists that file's records in place of the defaults' lists", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-list-fixtures-"));
        try {
            const file = path.join(dir, "fixtures.json");
            fs.writeFileSync(file, JSON.stringify({ huawei: { kps: { tasks: [{ projectId: data.huawei.projects[0]!.id, taskId: "ci-keypair-task", taskStatus: "SUCCESS_RESET", serverId: "" }] } } }));
            const { status, stdout, stderr } = emulatorBin(["--list-fixtures", "--fixtures", file]);
            assert.equal(status, 0, stderr);
            assert.match(lineOf(stdout, "ci-keypair-task"), /SUCCESS_RESET$/);
            const kps = section(stdout, "KPS key pair tasks");
            for (const t of data.huawei.kps.tasks) assert.equal(kps.includes(t.taskId), false, "a default KPS task is still listed");
            assert.ok(stdout.includes(data.huawei.sms.tasks[0]!.taskId), "a list the file leaves out lost its defaults");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("docs/emulator.md, which the package ships, names every default id, and each certificate with its CN, use and trust state", () => {
        const page = fs.readFileSync(path.join(ROOT, "docs", "emulator.md"), "utf8");
        const rows = page.split("\n");
        const ids = [
            ...data.huawei.projects.map((p) => p.id),
            ...data.huawei.sms.tasks.map((t) => t.taskId),
            ...data.huawei.kps.tasks.map((t) => t.taskId),
            ...data.huawei.roma.instances.map((i) => i.instanceId),
            ...data.astra.tokens.flatMap((t) => t.accounts.slice(0, 1)),
        ];
        for (const id of ids) assert.ok(page.includes(id), `docs/emulator.md does not name ${id}`);
        for (const p of data.huawei.roma.products) assert.ok(page.includes(p.productId) || page.includes(p.name ?? "\0"), `product ${p.productId}`);
        for (const c of data.astra.certificates) {
            const row = rows.find((r) => r.startsWith(`| \`${c.resource.id}\``));
            assert.ok(row, `docs/emulator.md has no row for certificate ${c.resource.id}`);
            for (const field of ["cn", "certUse", "trustState"]) assert.ok(row.includes(`\`${String(c.resource[field])}\``), `${c.resource.id}: ${field} ${String(c.resource[field])} is not in its row`);
        }
    });
});
