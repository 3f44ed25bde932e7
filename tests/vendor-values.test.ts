import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ASTRA_CERT_USES, ASTRA_TRUST_STATES } from "../provider/operations/astra-certificate";
import { KPS_TASK_STATUSES, splitTaskStatus } from "../provider/operations/kps-keypair-task";
import { KPS_OPERATE_TYPES } from "../provider/operations/kps-running-tasks";
import { ROMA_PRODUCT_TYPES, ROMA_PROTOCOL_TYPES } from "../provider/operations/roma-products";
import { SMS_TASK_STATES } from "../provider/operations/sms-task";
import { comparable, listed, withValues, type VendorValues } from "../provider/operations/vendor-values";
import { discoverReads, generateReference } from "../scripts/generate";

const ROOT = path.join(__dirname, "..");
const DATE = /^20\d\d-\d\d-\d\d$/;
const reads = discoverReads();
const every = (v: VendorValues): readonly string[] => [...v.values, ...(v.seen ?? [])];

/** Every value any description cites, and the first `_` word of each multi-word one (`MIGRATE`, `SYNC`...). */
const CITED = new Set(reads.flatMap((r) => Object.values(r.d.values ?? {}).flatMap(every)));
const FAMILIES = new Set([...CITED].filter((v) => v.includes("_")).map((v) => v.split("_")[0]!));

/** Backticked or quoted UPPER_SNAKE words of a family of cited values that no description cites (`MIGRATE_SUCCEED`). */
function uncited(text: string): string[] {
    const words = [...text.matchAll(/[`"']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[`"']/g)].map((m) => m[1]!);
    return [...new Set(words.filter((w) => FAMILIES.has(w.split("_")[0]!) && !CITED.has(w)))];
}

/**
 * The enumerated values of the vendors' APIs (SMS task states, KPS task statuses, Astra trust states
 * and certificate uses, ROMA product types): each description cites the page that lists them and the
 * date it was read, and its `waitFor`, its docs, the hand-written docs and the emulator's fixtures
 * use only those values.
 */
describe("vendor values: every enumerated value is the vendor's own, cited", () => {
    it("every description cites its page and the date it was read", () => {
        for (const { names, d } of reads) {
            assert.ok(d.api.page.length > 3, names.token);
            assert.match(d.api.read, DATE, `${names.token}: api.read`);
        }
    });

    it("each cited list names a field or argument of its read, a page and a date, and no value twice", () => {
        for (const { names, d } of reads) {
            for (const [key, v] of Object.entries(d.values ?? {})) {
                const top = key.split(".")[0]!;
                assert.ok(top in d.fields || top in d.args, `${names.token}: values.${key} names no field or argument`);
                assert.ok(v.page.length > 3, `${names.token}.${key}: page`);
                assert.match(v.read, DATE, `${names.token}.${key}: read`);
                if (v.updated !== undefined) assert.match(v.updated, DATE, `${names.token}.${key}: updated`);
                assert.equal(new Set(v.values).size, v.values.length, `${names.token}.${key}: a value twice`);
            }
        }
    });

    it("a field or argument with a cited list documents every value of it, from the list", () => {
        for (const { names, d } of reads) {
            for (const [key, v] of Object.entries(d.values ?? {})) {
                if (key.includes(".")) continue;
                const doc = (d.fields as Record<string, { doc: string } | undefined>)[key]?.doc ?? (d.args as Record<string, { doc: string } | undefined>)[key]!.doc;
                assert.ok(doc.includes(withValues("", v).trim()), `${names.token}.${key}: its doc does not list the cited values (use withValues)`);
            }
        }
    });

    it("waitFor's final and failed phases are among the listed phases, and its known phases are a cited list", () => {
        const waits = reads.filter((r) => r.d.wait);
        assert.deepEqual(waits.map((r) => r.names.token).sort(), ["huaweicloud.kps.KeypairTask", "huaweicloud.sms.Task"]);
        for (const { names, d } of waits) {
            const w = d.wait!;
            assert.ok(w.known, `${names.token}: wait.known`);
            assert.ok(Object.values(d.values ?? {}).some((v) => v.values === w.known), `${names.token}: wait.known is not one of its cited lists`);
            for (const p of w.terminal) assert.ok(listed(w.known, p), `${names.token}: final phase ${p} is not in the cited list`);
            for (const p of w.failed) assert.ok(listed(w.terminal, p), `${names.token}: failed phase ${p} is not final`);
        }
    });

    it("SMS: waitFor ends at MIGRATE_SUCCESS, MIGRATE_FAIL, ABORT and SYNC_F_ROLLBACK_SUCCESS, as the pages name them", () => {
        const sms = reads.find((r) => r.names.token === "huaweicloud.sms.Task")!.d.wait!;
        assert.deepEqual([...sms.terminal], ["MIGRATE_SUCCESS", "MIGRATE_FAIL", "ABORT", "SYNC_F_ROLLBACK_SUCCESS"]);
        assert.deepEqual([...sms.failed], ["MIGRATE_FAIL"]);
        assert.equal(SMS_TASK_STATES.page, "Listing Migration Tasks");
    });

    it("KPS: the phases and operations are the parts of the listed statuses", () => {
        const d = reads.find((r) => r.names.token === "huaweicloud.kps.KeypairTask")!.d;
        const parts = KPS_TASK_STATUSES.values.map(splitTaskStatus);
        assert.deepEqual([...d.values!.phase!.values].sort(), [...new Set(parts.map((p) => p.phase))].sort());
        assert.deepEqual([...d.values!.operation!.values].sort(), [...new Set(parts.map((p) => p.operation))].sort());
    });

    it("the docs name no value of a cited family that the pages do not list (MIGRATE_SUCCEED)", () => {
        const files = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`), ...fs.readdirSync(path.join(ROOT, "provider", "operations")).filter((f) => f.endsWith(".ts")).map((f) => `provider/operations/${f}`)];
        const found = files.flatMap((f) => uncited(fs.readFileSync(path.join(ROOT, f), "utf8")).map((w) => `${f}: ${w}`));
        assert.deepEqual(found, []);
        for (const { names, d } of reads) {
            const docs = [...Object.values(d.fields).map((f) => f.doc), ...Object.values(d.args).map((a) => a.doc)].join("\n");
            assert.deepEqual(uncited(docs), [], names.token);
        }
    });

    it("the check catches a misspelt state", () => {
        assert.deepEqual(uncited("waits for `MIGRATE_SUCCEED` or \"SYNC_F_ROLLBACK_SUCCEED\", not `MIGRATE_SUCCESS` nor `HW_REGION_NAME`"), ["MIGRATE_SUCCEED", "SYNC_F_ROLLBACK_SUCCEED"]);
    });

    it("the generated reference pages list each cited value with its page and date", () => {
        const files = generateReference(reads);
        for (const { names, d } of reads) {
            const page = files.get(`docs/reference/${names.token}.md`)!;
            assert.ok(page.includes(`read ${d.api.read}`), `${names.token}: the API line cites no date`);
            for (const [key, v] of Object.entries(d.values ?? {})) {
                const row = page.split("\n").find((l) => l.startsWith(`| \`${key}\` |`));
                assert.ok(row, `${names.token}: no Vendor values row for ${key}`);
                for (const x of v.values) assert.ok(row.includes(`\`${x}\``), `${names.token}.${key}: ${x}`);
                assert.ok(row.includes(v.page) && row.includes(v.read), `${names.token}.${key}: page and date`);
            }
        }
    });

    it("a page that lists no values says that any value passes through", () => {
        assert.match(withValues("The state.", { values: [], page: "P", read: "2026-12-07" }), /lists no values; any value passes through as sent\.$/);
        assert.equal(comparable(" migrate_success\t"), "MIGRATE_SUCCESS");
    });

    describe("the emulator's default fixtures use the vendors' names", () => {
        interface Fixtures {
            huawei: {
                sms: { tasks: { detail: { state?: string; type?: string; os_type?: string } }[] };
                kps: { tasks: { taskStatus: string }[]; runningTasks: { operateType: string }[]; failedTasks: { operateType: string }[] };
                roma: { products: { productType?: number; protocolType?: number }[] };
            };
            astra: { certificates: { resource: { certUse: string; trustState: string } }[] };
        }
        const fixtures = JSON.parse(fs.readFileSync(path.join(ROOT, "emulator", "fixtures", "default.json"), "utf8")) as Fixtures;
        const sms = reads.find((r) => r.names.token === "huaweicloud.sms.Task")!.d.values!;
        const check = (what: string, list: VendorValues, values: readonly (string | number | undefined)[]) =>
            it(`${what}: ${[...new Set(values.filter((x) => x !== undefined))].join(", ")}`, () => {
                for (const x of values) if (x !== undefined) assert.ok(every(list).includes(String(x)), `${what} ${String(x)} is not in "${list.page}"`);
            });
        check("SMS task state", SMS_TASK_STATES, fixtures.huawei.sms.tasks.map((t) => t.detail.state));
        check("SMS task type", sms.type!, fixtures.huawei.sms.tasks.map((t) => t.detail.type));
        check("SMS OS type", sms.osType!, fixtures.huawei.sms.tasks.map((t) => t.detail.os_type));
        check("KPS task status", KPS_TASK_STATUSES, fixtures.huawei.kps.tasks.map((t) => t.taskStatus));
        check("KPS operate type", KPS_OPERATE_TYPES, [...fixtures.huawei.kps.runningTasks, ...fixtures.huawei.kps.failedTasks].map((t) => t.operateType));
        check("ROMA product type", ROMA_PRODUCT_TYPES, fixtures.huawei.roma.products.map((p) => p.productType));
        check("ROMA protocol type", ROMA_PROTOCOL_TYPES, fixtures.huawei.roma.products.map((p) => p.protocolType));
        check("Astra certUse", ASTRA_CERT_USES, fixtures.astra.certificates.map((c) => c.resource.certUse));
        check("Astra trustState", ASTRA_TRUST_STATES, fixtures.astra.certificates.map((c) => c.resource.trustState));
    });
});
