import { strict as assert } from "node:assert";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { FIXTURE_SECRETS, startEmulator, type Emulator, type SmsTask } from "../emulator";
import { ConditionError, InputError, ResponseDecodeError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const INSTANCE = "7c3e0e8a-0000-4000-8000-000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const ACCOUNT = "3b5e2f0a-7c1d-4e8f-9a6b-000000000001";

type Row = Readonly<Record<string, unknown>>;
const rows = (r: Row, key: string): Row[] => r[key] as Row[];

/**
 * Look-ups by name against the emulator's list routes: every page followed (maxPageSize 2 forces
 * several), exact matches where the vendor's filter is fuzzy, the cap, a looping page token, and
 * `productName` on the ROMA authentication read with none, one and several matches.
 */
describe("look-ups by name: getCertificates, getTasks, getProducts, productName", function () {
    this.timeout(60_000);
    let emu: Emulator;
    const read = (token: keyof typeof operations, args: Record<string, unknown>, config: Record<string, string> = {}) =>
        performRead(operations[token], args, sources({ ...emulatorStackConfig(emu), ...config }));
    const listed = (service: string, path: string): string[] =>
        emu.requests.filter((r) => r.service === service && r.path.split("?")[0]!.endsWith(path)).map((r) => r.path);

    before(async () => {
        emu = await startEmulator({ port: 0, maxPageSize: 2 });
    });
    after(async () => emu?.close());
    beforeEach(() => emu.requests.splice(0));

    it("getTasks follows every page and keeps only the exact name: two tasks share one, in SMS's order", async () => {
        const all = rows((await read("huaweicloud.sms.Tasks", {})).result, "tasks");
        assert.equal(all.length, emu.data.huawei.sms.tasks.length);
        assert.equal(listed("sms", "/v3/tasks").length, Math.ceil(all.length / 2), "one request per page of 2");
        const dup = rows((await read("huaweicloud.sms.Tasks", { name: "web-01-migration" })).result, "tasks");
        assert.deepEqual(dup.map((t) => t.taskId), ["5e0c4b1d-0000-4000-8000-000000000003", "5e0c4b1d-0000-4000-8000-000000000004"]);
        assert.deepEqual(dup.map((t) => t.state), ["READY", "MIGRATE_SUCCESS"]);
        // The vendor narrows by name; the offset moves by what came back.
        for (const p of listed("sms", "/v3/tasks").slice(-1)) assert.match(p, /name=web-01-migration/);
        const running = rows((await read("huaweicloud.sms.Tasks", { state: "RUNNING" })).result, "tasks");
        assert.deepEqual(running.map((t) => t.name).sort(), ["db-02-migration", "migrate-erp-db-01"]);
        assert.deepEqual(rows((await read("huaweicloud.sms.Tasks", { name: "web-01" })).result, "tasks"), [], "a substring is no match");
    });

    it("getTasks items are what getTask returns for the same task", async () => {
        const [item] = rows((await read("huaweicloud.sms.Tasks", { name: "db-02-migration" })).result, "tasks");
        const single = (await read("huaweicloud.sms.Task", { taskId: String(item!.taskId) })).result;
        assert.deepEqual(item, single);
    });

    it("getProducts: every page, exact names, and a 17-digit id above 2^53 kept exact", async () => {
        const all = rows((await read("huaweicloud.roma.Products", { instanceId: INSTANCE, projectId: PROJECT })).result, "products");
        assert.equal(all.length, emu.data.huawei.roma.products.filter((p) => p.instanceId === INSTANCE).length);
        assert.ok(listed("roma", "/products").length >= 6);
        const meter = rows((await read("huaweicloud.roma.Products", { instanceId: INSTANCE, projectId: PROJECT, name: "meter-gateway" })).result, "products");
        assert.deepEqual(meter.map((p) => [p.productId, p.name]), [["2048", "meter-gateway"]], "meter-gateway-2 also matches ROMA's fuzzy filter");
        const big = rows((await read("huaweicloud.roma.Products", { instanceId: INSTANCE, projectId: PROJECT, name: "big-id-product" })).result, "products");
        assert.equal(big[0]?.productId, "99999999999999997");
        for (const p of all) assert.equal(JSON.stringify(p).includes("password"), false);
    });

    it("getCertificates: every page, cn/certUse/trustState filters, each item with getCertificate's fields and insights", async () => {
        const warnings: string[] = [];
        const out = await performRead(operations["astracontrol.Certificates"], { accountId: ACCOUNT }, { ...sources(emulatorStackConfig(emu)), warn: (m) => void warnings.push(m) });
        const all = rows(out.result, "certificates");
        assert.equal(all.length, emu.data.astra.certificates.filter((c) => c.accountId === ACCOUNT).length);
        assert.ok(listed("astra", "/certificates").length >= 5, "several pages of 2");
        assert.ok(warnings.some((w) => w.includes("not-the-certificate.example.com")), "the cn warning of the single read holds for list items");
        const dup = rows((await read("astracontrol.Certificates", { accountId: ACCOUNT, cn: "dup.example.com" })).result, "certificates");
        assert.deepEqual(dup.map((c) => c.id), ["c0000000-0000-4000-8000-0000000000f1", "c0000000-0000-4000-8000-0000000000f2"]);
        const single = (await read("astracontrol.Certificate", { accountId: ACCOUNT, certificateId: String(dup[0]!.id) })).result;
        assert.deepEqual({ ...dup[0], daysUntilExpiry: 0 }, { ...single, daysUntilExpiry: 0 });
        assert.match(String(dup[0]!.fingerprintSha256), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        const roots = rows((await read("astracontrol.Certificates", { accountId: ACCOUNT, certUse: "rootCA" })).result, "certificates");
        assert.deepEqual(roots.map((c) => c.id), all.filter((c) => c.certUse === "rootCA").map((c) => c.id));
        const state = String(roots[0]!.trustState);
        const both = rows((await read("astracontrol.Certificates", { accountId: ACCOUNT, certUse: "rootCA", trustState: state })).result, "certificates");
        assert.deepEqual(both.map((c) => c.id), all.filter((c) => c.certUse === "rootCA" && c.trustState === state).map((c) => c.id));
    });

    it("productName finds the one product of that name and reads its credentials; the id is the product's", async () => {
        const out = await read("huaweicloud.roma.ProductAuthentication", { instanceId: INSTANCE, projectId: PROJECT, productName: "meter-gateway" });
        assert.equal(out.result.productId, "2048");
        assert.equal(out.id, `${PROJECT}/${INSTANCE}/2048`);
        const fixture = emu.data.huawei.roma.products.find((p) => p.productId === "2048")!;
        assert.equal(out.result.password, fixture.password);
        assert.ok(emu.requests.some((r) => r.path.includes("/products/2048/authentication")));
    });

    it("productName with several matches fails before reading credentials, listing their names and ids", async () => {
        const e = await read("huaweicloud.roma.ProductAuthentication", { instanceId: INSTANCE, projectId: PROJECT, productName: "edge-sensor" }).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /^huaweicloud\.roma\.ProductAuthentication: 2 products are named "edge-sensor" in .*: "edge-sensor" \(productId 2049\), "edge-sensor" \(productId 2050\); give productId instead of productName$/);
        assert.equal(emu.requests.some((r) => r.path.includes("/authentication")), false);
    });

    it("productName with no exact match fails listing the closest candidates; a missing one lists nothing", async () => {
        const e = await read("huaweicloud.roma.ProductAuthentication", { instanceId: INSTANCE, projectId: PROJECT, productName: "meter" }).catch((x: unknown) => x);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, /no product is named "meter" in .*: "meter-gateway" \(productId 2048\), "meter-gateway-2" \(productId 2051\)/);
        const none = await read("huaweicloud.roma.ProductAuthentication", { instanceId: INSTANCE, projectId: PROJECT, productName: "zzz" }).catch((x: unknown) => x);
        assert.ok(none instanceof ConditionError);
        assert.match(none.message, /no product is named "zzz" in projectId "0123456789abcdef0123456789abcdef", instanceId "7c3e0e8a-0000-4000-8000-000000000001"; the list is empty/);
        for (const s of FIXTURE_SECRETS) assert.equal(`${String(e)}${String(none)}`.includes(s), false);
    });

    it("productId and productName together, or neither, are refused before any request", async () => {
        for (const args of [{ productId: "2048", productName: "meter-gateway" }, {}]) {
            const e = await read("huaweicloud.roma.ProductAuthentication", { instanceId: INSTANCE, projectId: PROJECT, ...args }).catch((x: unknown) => x);
            assert.ok(e instanceof InputError, String(e));
            assert.match(e.message, /exactly one of productId or productName/);
        }
        assert.equal(emu.requests.length, 0);
    });
});

describe("look-ups: the cap, and a page token that repeats", function () {
    this.timeout(120_000);

    it("a list longer than the cap fails asking to narrow it, after the pages up to the cap", async () => {
        const tasks: SmsTask[] = Array.from({ length: 5001 }, (_, i) => ({ taskId: `cap-${i}`, passphrase: `p-${i}`, detail: { name: `t-${i}`, state: "READY" } }));
        const emu = await startEmulator({ port: 0, fixtures: { huawei: { sms: { tasks } } } });
        try {
            const e = await performRead(operations["huaweicloud.sms.Tasks"], {}, sources(emulatorStackConfig(emu))).catch((x: unknown) => x);
            assert.ok(e instanceof ConditionError, String(e));
            assert.match(e.message, /^huaweicloud\.sms\.Tasks: the list holds more than 5000 tasks \(stopped after 26 pages, 5001 tasks\); narrow it with `name` or `state`$/);
            assert.equal(emu.requests.filter((r) => r.path.startsWith("/sms/v3/tasks")).length, 26);
        } finally {
            await emu.close();
        }
    });

    it("a ROMA page without `total`, with numbers as digit strings and without names, still lists: until an empty page", async () => {
        const pages = [JSON.stringify({ items: [{ id: 5, name: "a", product_type: "1" }, { id: "12345678901234567" }] }), JSON.stringify({ items: [] })];
        const asked: string[] = [];
        const server = http.createServer((req, res) => {
            asked.push(req.url ?? "");
            res.writeHead(200, { "Content-Type": "application/json" }).end(pages[Math.min(asked.length - 1, 1)]);
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        try {
            const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            const config = { "huaweicloud:token": FIXTURE.huaweiToken, "huaweicloud:region": FIXTURE.region, "huaweicloud:endpoints": JSON.stringify({ roma: endpoint }) };
            const out = await performRead(operations["huaweicloud.roma.Products"], { instanceId: INSTANCE, projectId: PROJECT }, sources(config));
            assert.deepEqual(rows(out.result, "products").map((p) => [p.productId, p.name, p.productType]), [["5", "a", 1], ["12345678901234567", "", undefined]]);
            assert.deepEqual(asked.map((u) => new URL(u, "http://x").searchParams.get("offset")), ["0", "2"]);
        } finally {
            server.close();
        }
    });

    it("a server that sends the same continue token again fails the read instead of looping", async () => {
        const page = JSON.stringify({ items: [], metadata: { continue: "again" } });
        let hits = 0;
        const server = http.createServer((_req, res) => {
            hits++;
            res.writeHead(200, { "Content-Type": "application/astra-certificates+json" }).end(page);
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        try {
            const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            const config = { "astracontrol:url": url, "astracontrol:apiToken": FIXTURE.astraToken, "astracontrol:accountId": ACCOUNT };
            const e = await performRead(operations["astracontrol.Certificates"], {}, sources(config)).catch((x: unknown) => x);
            assert.ok(e instanceof ResponseDecodeError, String(e));
            assert.match(e.message, /page 3 would repeat the query of an earlier page .*continue=again.*; the list would never end/);
            assert.equal(hits, 2);
            assert.equal(e.message.includes(FIXTURE.astraToken), false);
        } finally {
            server.close();
        }
    });
});
