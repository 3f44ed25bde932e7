import * as assert from "node:assert/strict";
import * as zlib from "node:zlib";
import { loadDefaultFixtures, startEmulator, type Emulator } from "../emulator";
import { parseCliOptions, UsageError } from "../emulator/cli-options";
import { get, json, signHuawei } from "./helpers/emulator-http";

const TOKEN = "emulator-huawei-token-0000000000000001";
const AUTH = { "x-auth-token": TOKEN };
const AK = "EMULATORAK0000000001";
const SK = "emulator-secret-key-0000000000000000000001";
const DOMAIN = "d0000000000000000000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const OTHER_PROJECT = "abcdef0123456789abcdef0123456789";
const ROMA_INSTANCE = "7c3e0e8a-0000-4000-8000-000000000001";
const ACCOUNT = "3b5e2f0a-7c1d-4e8f-9a6b-000000000001";
const OTHER_ACCOUNT = "3b5e2f0a-7c1d-4e8f-9a6b-000000000002";
const ASTRA_AUTH = { authorization: "Bearer emulator-astra-token-0000000000000001" };
const OTHER_ASTRA_AUTH = { authorization: "Bearer emulator-astra-token-0000000000000002" };

const DEFAULTS = loadDefaultFixtures();
const SMS_IDS = DEFAULTS.huawei.sms.tasks.map((t) => t.taskId);
const ROMA_IDS = DEFAULTS.huawei.roma.products.filter((p) => p.instanceId === ROMA_INSTANCE).map((p) => p.productId);
const CERT_IDS = DEFAULTS.astra.certificates.filter((c) => c.accountId === ACCOUNT).map((c) => c.resource.id);
const ROMA_ITEM_KEYS = [
  "id", "name", "product_serial", "app_id", "app_name", "manufacturer_id", "manufacturer_name", "model",
  "product_type", "description", "protocol_type", "device_type", "version", "status", "created_datetime", "last_updated_datetime",
];

type Body = Record<string, unknown>;

/** The ids written in a ROMA ListProducts body, as the digits on the wire (JSON.parse would round those above 2^53). */
function rawRomaIds(text: string): string[] {
  return [...text.matchAll(/\{"id":([0-9]+),/g)].map((m) => m[1]);
}

function query(params: Record<string, string | number>): string {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return q === "" ? "" : `?${q}`;
}

describe("emulator list routes", () => {
  let emulator: Emulator;
  let paged: Emulator;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    paged = await startEmulator({ port: 0, maxPageSize: 2 });
  });
  afterEach(() => {
    emulator.reset();
    paged.reset();
  });
  after(async () => {
    await emulator.close();
    await paged.close();
  });

  const smsList = (e: Emulator, params: Record<string, string | number> = {}) => `${e.endpoints.sms}/v3/tasks${query(params)}`;
  const romaList = (e: Emulator, params: Record<string, string | number> = {}, project = PROJECT, instance = ROMA_INSTANCE) =>
    `${e.endpoints.roma}/v2/${project}/link/instances/${instance}/products${query(params)}`;
  const astraList = (e: Emulator, params: Record<string, string | number> = {}, account = ACCOUNT) =>
    `${e.endpoints.astra}/accounts/${account}/core/v1/certificates${query(params)}`;

  describe("default fixtures for lists", () => {
    it("hold the records the list tests page through", () => {
      const sms = DEFAULTS.huawei.sms.tasks.map((t) => t.detail?.name);
      assert.equal(sms.filter((n) => n === "web-01-migration").length, 2);
      const db = DEFAULTS.huawei.sms.tasks.filter((t) => t.detail?.name === "db-02-migration");
      assert.equal(db.length, 1);
      assert.equal(db[0].detail?.state, "RUNNING");
      assert.equal(new Set(DEFAULTS.huawei.sms.tasks.map((t) => t.passphrase)).size, DEFAULTS.huawei.sms.tasks.length);
      assert.ok(ROMA_IDS.length >= 12);
      const names = DEFAULTS.huawei.roma.products.map((p) => p.name);
      assert.equal(names.filter((n) => n === "meter-gateway").length, 1);
      assert.equal(names.filter((n) => n === "edge-sensor").length, 2);
      assert.equal(names.filter((n) => n === "meter-gateway-2").length, 1);
      assert.equal(DEFAULTS.huawei.roma.products.find((p) => p.name === "big-id-product")?.productId, "99999999999999997");
      assert.equal(new Set(DEFAULTS.huawei.roma.products.map((p) => p.password)).size, DEFAULTS.huawei.roma.products.length);
      assert.equal(DEFAULTS.astra.certificates.filter((c) => c.resource.cn === "dup.example.com").length, 2);
    });
  });

  describe("SMS ListTasks: GET /v3/tasks", () => {
    it("answers {count, tasks} with every task in fixture order, each as ShowTask shows it", async () => {
      const res = await get(smsList(emulator), AUTH);
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json;charset=UTF-8");
      assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
      const body = json(res);
      assert.deepEqual(Object.keys(body), ["count", "tasks"]);
      assert.equal(body.count, SMS_IDS.length);
      const tasks = body.tasks as Body[];
      assert.deepEqual(tasks.map((t) => t.id), SMS_IDS);
      for (const task of tasks) {
        const shown = json(await get(`${emulator.endpoints.sms}/v3/tasks/${String(task.id)}`, AUTH));
        assert.deepEqual(task, shown);
      }
      assert.ok(!res.body.toString("utf8").includes("passphrase"));
    });

    it("pages with offset and limit; count is every match whatever the page", async () => {
      const page = json(await get(smsList(emulator, { offset: 2, limit: 3 }), AUTH));
      assert.equal(page.count, SMS_IDS.length);
      assert.deepEqual((page.tasks as Body[]).map((t) => t.id), SMS_IDS.slice(2, 5));
      const past = json(await get(smsList(emulator, { offset: 100 }), AUTH));
      assert.deepEqual(past, { count: SMS_IDS.length, tasks: [] });
      const none = json(await get(smsList(emulator, { limit: 0 }), AUTH));
      assert.deepEqual(none, { count: SMS_IDS.length, tasks: [] });
      const max = json(await get(smsList(emulator, { limit: 200, offset: 65535 }), AUTH));
      assert.deepEqual(max, { count: SMS_IDS.length, tasks: [] });
    });

    it("with maxPageSize 2, following pages by offset give every task once, in order", async () => {
      const seen: unknown[] = [];
      for (let offset = 0; ; offset += 2) {
        const page = json(await get(smsList(paged, { offset, limit: 100 }), AUTH));
        assert.equal(page.count, SMS_IDS.length);
        const tasks = page.tasks as Body[];
        assert.ok(tasks.length <= 2);
        if (tasks.length === 0) break;
        seen.push(...tasks.map((t) => t.id));
      }
      assert.deepEqual(seen, SMS_IDS);
      // Without limit (100 by default) the cap still applies; a smaller limit is kept.
      assert.equal((json(await get(smsList(paged), AUTH)).tasks as Body[]).length, 2);
      assert.equal((json(await get(smsList(paged, { limit: 1 }), AUTH)).tasks as Body[]).length, 1);
    });

    it("filters: state exact, name as a substring, id and source_server_id exact, enterprise_project_id ignored", async () => {
      const names = async (params: Record<string, string>) => {
        const body = json(await get(smsList(emulator, params), AUTH));
        const tasks = body.tasks as Body[];
        assert.equal(body.count, tasks.length);
        return tasks.map((t) => `${String(t.name)}:${String(t.state)}`);
      };
      assert.deepEqual(await names({ name: "web-01-migration" }), ["web-01-migration:READY", "web-01-migration:MIGRATE_SUCCESS"]);
      assert.deepEqual(await names({ name: "web-01" }), ["web-01-migration:READY", "web-01-migration:MIGRATE_SUCCESS"]);
      assert.deepEqual(await names({ name: "db-02-migration" }), ["db-02-migration:RUNNING"]);
      assert.deepEqual(await names({ state: "RUNNING" }), ["migrate-erp-db-01:RUNNING", "db-02-migration:RUNNING"]);
      assert.deepEqual(await names({ state: "RUNNING", name: "migration" }), ["db-02-migration:RUNNING"]);
      assert.deepEqual(await names({ state: "RUN" }), []);
      assert.deepEqual(await names({ id: "5e0c4b1d-0000-4000-8000-000000000002" }), ["migrate-web-02:MIGRATE_FAIL"]);
      assert.deepEqual(await names({ source_server_id: "2f3c1a10-0000-4000-8000-0000000000a5" }), ["db-02-migration:RUNNING"]);
      assert.deepEqual(await names({ name: "no-such-task" }), []);
      assert.equal((await names({ enterprise_project_id: "0" })).length, SMS_IDS.length);
      assert.equal((await names({ name: "" })).length, SMS_IDS.length);
    });

    it("shows a scripted task's current state without using up a poll", async () => {
      const task = emulator.data.huawei.sms.tasks[2];
      task.timeline = [{ status: "SYNCING", polls: 1 }];
      const listed = (json(await get(smsList(emulator, { id: task.taskId }), AUTH)).tasks as Body[])[0];
      assert.equal(listed.state, "SYNCING");
      assert.equal(task.timeline[0].polls, 1);
      assert.equal(json(await get(`${emulator.endpoints.sms}/v3/tasks/${task.taskId}`, AUTH)).state, "SYNCING");
      assert.equal((json(await get(smsList(emulator, { id: task.taskId }), AUTH)).tasks as Body[])[0].state, "READY");
    });

    for (const [name, value] of [
      ["limit", "201"], ["limit", "-1"], ["limit", "abc"], ["limit", "1.5"], ["limit", ""], ["limit", "1e2"],
      ["offset", "65536"], ["offset", "-1"], ["offset", "x"],
    ] as const) {
      it(`answers ${name}=${JSON.stringify(value)} with SMS's 400 naming ${name}`, async () => {
        const res = await get(smsList(emulator, { [name]: value }), AUTH);
        assert.equal(res.status, 400);
        const body = json(res);
        assert.equal(body.error_code, "SMS.9002");
        assert.deepEqual(body.error_param, [name]);
        assert.match(String(body.error_msg), new RegExp(`${name} must be an integer from 0 to ${name === "limit" ? 200 : 65535}`));
      });
    }

    it("needs the gateway's auth; AK/SK must sign a fixture X-Domain-Id (else SMS.9004 for sms:server:listTask)", async () => {
      const missing = await get(smsList(emulator));
      assert.equal(missing.status, 401);
      assert.equal(json(missing).error_code, "APIGW.0301");
      assert.equal((await get(smsList(emulator), { "x-auth-token": "wrong" })).status, 401);
      const url = smsList(emulator, { limit: 2 });
      const signed = await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-domain-id": DOMAIN } }));
      assert.equal(signed.status, 200);
      assert.equal((json(signed).tasks as Body[]).length, 2);
      const wrong = await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-domain-id": "d-other" } }));
      assert.equal(wrong.status, 403);
      assert.equal(json(wrong).error_code, "SMS.9004");
      assert.match(String(json(wrong).error_msg), /sms:server:listTask/);
    });
  });

  describe("ROMA ListProducts: GET /v2/{project_id}/link/instances/{instance_id}/products", () => {
    it("answers {total, size, items}: 10 by default, the documented fields, no password or user name", async () => {
      const res = await get(romaList(emulator), AUTH);
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json;charset=UTF-8");
      const text = res.body.toString("utf8");
      const body = json(res);
      assert.deepEqual(Object.keys(body), ["total", "size", "items"]);
      assert.equal(body.total, ROMA_IDS.length);
      assert.equal(body.size, 10);
      const items = body.items as Body[];
      assert.equal(items.length, 10);
      for (const item of items) assert.deepEqual(Object.keys(item), ROMA_ITEM_KEYS);
      assert.deepEqual(rawRomaIds(text), ROMA_IDS.slice(0, 10));
      assert.ok(!/password|user_name/.test(text));
      for (const p of DEFAULTS.huawei.roma.products) assert.ok(!text.includes(p.password));
      const gateway = items.find((i) => i.name === "meter-gateway");
      assert.deepEqual(gateway, {
        id: 2048,
        name: "meter-gateway",
        product_serial: "emulatorMeterGw2048",
        app_id: "emulator-app-0001",
        app_name: "emulator-app",
        manufacturer_id: "emulator-manufacturer-0001",
        manufacturer_name: "Emulator Metering",
        model: "MG-100",
        product_type: 1,
        description: "Gateway for the fake electricity meters.",
        protocol_type: 0,
        device_type: "Gateway",
        version: "1.0",
        status: 0,
        created_datetime: 1764316800000,
        last_updated_datetime: 1764316800000,
      });
      // A record without the list fields gets the defaults.
      const plain = items.find((i) => i.id === 1024);
      assert.equal(plain?.name, "product-1024");
      assert.equal(plain?.device_type, "Default");
      assert.equal(plain?.product_type, 0);
    });

    it("writes ids above 2^53 as raw JSON integers, never rounded", async () => {
      const text = (await get(romaList(emulator, { limit: 999 }), AUTH)).body.toString("utf8");
      assert.ok(text.includes('{"id":99999999999999999,"name":"product-99999999999999999"'));
      assert.ok(text.includes('{"id":99999999999999997,"name":"big-id-product"'));
      assert.ok(!text.includes("100000000000000000"));
      assert.ok(!/"id":"/.test(text));
      // The point of writing them by hand: JSON.parse cannot tell the two apart.
      const parsed = (JSON.parse(text) as { items: { id: number }[] }).items.map((i) => i.id).filter((id) => id > 2 ** 53);
      assert.deepEqual(parsed, [1e17, 1e17]);
    });

    it("pages with offset; with maxPageSize 2 the following pages give every product once, in order", async () => {
      const second = (await get(romaList(emulator, { offset: 10 }), AUTH)).body.toString("utf8");
      assert.deepEqual(rawRomaIds(second), ROMA_IDS.slice(10));
      const seen: string[] = [];
      for (let offset = 0; ; offset += 2) {
        const res = await get(romaList(paged, { offset, limit: 999 }), AUTH);
        const body = json(res);
        assert.equal(body.total, ROMA_IDS.length);
        const ids = rawRomaIds(res.body.toString("utf8"));
        assert.equal(body.size, ids.length);
        assert.ok(ids.length <= 2);
        if (ids.length === 0) break;
        seen.push(...ids);
      }
      assert.deepEqual(seen, ROMA_IDS);
      assert.equal(json(await get(romaList(paged, { limit: 1 }), AUTH)).size, 1);
    });

    it("filters: name a substring, id exact as an integer; other documented filters are ignored", async () => {
      const listed = async (params: Record<string, string>) => {
        const res = await get(romaList(emulator, { ...params, limit: 999 }), AUTH);
        const body = json(res);
        assert.equal(body.total, body.size);
        return { ids: rawRomaIds(res.body.toString("utf8")), names: (body.items as Body[]).map((i) => i.name) };
      };
      assert.deepEqual((await listed({ name: "meter-gateway" })).names, ["meter-gateway", "meter-gateway-2"]);
      assert.deepEqual((await listed({ name: "meter-gateway-2" })).names, ["meter-gateway-2"]);
      assert.deepEqual((await listed({ name: "edge-sensor" })).ids, ["2049", "2050"]);
      assert.deepEqual((await listed({ name: "sensor" })).names, ["edge-sensor", "edge-sensor"]);
      assert.deepEqual((await listed({ id: "99999999999999997" })).ids, ["99999999999999997"]);
      assert.deepEqual((await listed({ id: "99999999999999999" })).ids, ["99999999999999999"]);
      assert.deepEqual((await listed({ id: "99999999999999998" })).ids, []);
      assert.deepEqual((await listed({ id: "01024" })).ids, ["1024"]);
      assert.deepEqual((await listed({ id: "abc" })).ids, []);
      assert.deepEqual((await listed({ name: "edge", id: "2050" })).ids, ["2050"]);
      assert.equal((await listed({ app_id: "x", model: "y", product_type: "1" })).ids.length, ROMA_IDS.length);
    });

    it("answers at most 999 items when limit asks for more, and 0 for limit=0", async () => {
      const many = Array.from({ length: 1005 }, (_, i) => ({
        projectId: PROJECT,
        instanceId: ROMA_INSTANCE,
        productId: String(100000 + i),
        userName: `bulkUser${i}`,
        password: `Bulk-Pass-${i}!`,
      }));
      const bulk = await startEmulator({ port: 0, fixtures: { huawei: { roma: { products: many } } } });
      try {
        const big = json(await get(romaList(bulk, { limit: 999999 }), AUTH));
        assert.equal(big.total, 1005);
        assert.equal(big.size, 999);
        assert.equal((big.items as Body[]).length, 999);
        assert.equal(json(await get(romaList(bulk, { limit: 1000, offset: 999 }), AUTH)).size, 6);
        assert.equal(json(await get(romaList(bulk), AUTH)).size, 10);
      } finally {
        await bulk.close();
      }
      assert.deepEqual(json(await get(romaList(emulator, { limit: 0 }), AUTH)), { total: ROMA_IDS.length, size: 0, items: [] });
    });

    for (const [name, value] of [
      ["limit", "-1"], ["limit", "abc"], ["limit", "1000000"], ["limit", "2.5"], ["offset", "-5"], ["offset", "1000000"], ["offset", "x"],
    ] as const) {
      it(`answers ${name}=${JSON.stringify(value)} with the documented 400 SCB.00000000 naming ${name}`, async () => {
        const res = await get(romaList(emulator, { [name]: value }), AUTH);
        assert.equal(res.status, 400);
        const body = json(res);
        assert.equal(body.error_code, "SCB.00000000");
        assert.equal(body.error_msg, `Parameter is not valid for operation [romalink.link-product.listProducts]. Parameter is [${name}]. Processor is [query].`);
        assert.equal(body.request_id, res.headers["x-request-id"]);
      });
    }

    it("makes the authentication route's project and instance checks; default/default is the default instance", async () => {
      const viaDefault = await get(romaList(emulator, {}, "default", "default"), AUTH);
      assert.equal(viaDefault.status, 200);
      assert.equal(json(viaDefault).total, ROMA_IDS.length);
      const forbidden = await get(romaList(emulator, {}, "no-such-project"), AUTH);
      assert.equal(forbidden.status, 403);
      assert.equal(json(forbidden).error_code, "ROMA.00110008");
      const missing = await get(romaList(emulator, {}, PROJECT, "no-such-instance"), AUTH);
      assert.equal(missing.status, 500);
      assert.equal(json(missing).error_code, "ROMA.00110002");
      const other = await get(romaList(emulator, {}, OTHER_PROJECT, "7c3e0e8a-0000-4000-8000-000000000002"), AUTH);
      assert.deepEqual(json(other), { total: 0, size: 0, items: [] });
      const url = romaList(emulator, { limit: 3 });
      const signed = await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-project-id": PROJECT } }));
      assert.equal(json(signed).size, 3);
      const wrongScope = await get(url, signHuawei({ method: "GET", url, accessKey: AK, secretKey: SK, headers: { "x-project-id": OTHER_PROJECT } }));
      assert.equal(wrongScope.status, 403);
      const noToken = await get(romaList(emulator));
      assert.equal(noToken.status, 401);
      assert.equal(json(noToken).error_code, "APIGW.0301");
    });
  });

  describe("Astra List all certificates: GET /accounts/{account_id}/core/v1/certificates", () => {
    it("answers every certificate of the account as full resources, without continue, in its own media type", async () => {
      const res = await get(astraList(emulator), ASTRA_AUTH);
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/astra-certificates+json");
      const body = json(res);
      assert.deepEqual(Object.keys(body), ["type", "version", "items", "metadata"]);
      assert.equal(body.type, "application/astra-certificates");
      assert.equal(body.version, "1.1");
      assert.deepEqual(body.metadata, {});
      assert.deepEqual(body.items, DEFAULTS.astra.certificates.filter((c) => c.accountId === ACCOUNT).map((c) => c.resource));
    });

    it("follows continue tokens page by page; the last page has none", async () => {
      const collect = async (e: Emulator, params: Record<string, string | number>) => {
        const pages: string[][] = [];
        let token: string | undefined;
        do {
          const res = await get(astraList(e, token === undefined ? params : { ...params, continue: token }), ASTRA_AUTH);
          assert.equal(res.status, 200);
          const body = json(res);
          const metadata = body.metadata as Body;
          pages.push((body.items as Body[]).map((i) => String(i.id)));
          token = metadata.continue as string | undefined;
          if (token !== undefined) assert.match(token, /^[A-Za-z0-9_.-]+$/);
        } while (token !== undefined && pages.length < 50);
        return pages;
      };
      const byThree = await collect(emulator, { limit: 3 });
      assert.deepEqual(byThree.map((p) => p.length), [3, 3, 3, 1]);
      assert.deepEqual(byThree.flat(), CERT_IDS);
      const capped = await collect(paged, {});
      assert.deepEqual(capped.map((p) => p.length), [2, 2, 2, 2, 2]);
      assert.deepEqual(capped.flat(), CERT_IDS);
      assert.deepEqual((await collect(paged, { limit: 50 })).flat(), CERT_IDS);
      // Exactly one full page: no continue token pointing at an empty page.
      const dups = await collect(paged, { filter: "cn eq 'dup.example.com'" });
      assert.deepEqual(dups, [["c0000000-0000-4000-8000-0000000000f1", "c0000000-0000-4000-8000-0000000000f2"]]);
      assert.deepEqual(await collect(emulator, { limit: 10 }), [CERT_IDS]);
    });

    it("filters with <field> eq '<value>' on cn, certUse and trustState, and with and", async () => {
      const ids = async (filter: string) => {
        const res = await get(astraList(emulator, { filter }), ASTRA_AUTH);
        assert.equal(res.status, 200, res.body.toString("utf8"));
        return (json(res).items as Body[]).map((i) => String(i.id));
      };
      assert.deepEqual(await ids("cn eq 'dup.example.com'"), ["c0000000-0000-4000-8000-0000000000f1", "c0000000-0000-4000-8000-0000000000f2"]);
      assert.deepEqual(await ids("certUse eq 'rootCA'"), ["a26cbed4-2183-58ce-aa19-e37ca8b0531a", "c0000000-0000-4000-8000-0000000000f3"]);
      assert.deepEqual(await ids("trustState eq 'untrusted'"), ["a26cbed4-2183-58ce-aa19-e37ca8b0531a", "c0000000-0000-4000-8000-0000000000f2"]);
      assert.deepEqual(await ids("certUse eq 'rootCA' and trustState eq 'trusted'"), ["c0000000-0000-4000-8000-0000000000f3"]);
      assert.deepEqual(await ids("cn eq 'dup.example.com' and trustState eq 'trusted'"), ["c0000000-0000-4000-8000-0000000000f1"]);
      assert.deepEqual(await ids("cn eq 'nobody.example.com'"), []);
    });

    it("supports include (arrays of the named fields), count, orderBy and skip", async () => {
      const included = json(await get(astraList(emulator, { include: "id,cn,isSelfSigned", filter: "cn eq 'dup.example.com'" }), ASTRA_AUTH));
      assert.deepEqual(included.items, [
        ["c0000000-0000-4000-8000-0000000000f1", "dup.example.com", "false"],
        ["c0000000-0000-4000-8000-0000000000f2", "dup.example.com", "false"],
      ]);
      const counted = json(await get(astraList(emulator, { limit: 3, count: "true" }), ASTRA_AUTH));
      assert.equal((counted.metadata as Body).count, CERT_IDS.length);
      assert.equal((counted.items as Body[]).length, 3);
      const notCounted = json(await get(astraList(emulator, { count: "false" }), ASTRA_AUTH));
      assert.deepEqual(notCounted.metadata, {});
      const ordered = json(await get(astraList(emulator, { orderBy: "cn desc", include: "cn" }), ASTRA_AUTH)).items as string[][];
      const cns = ordered.map((i) => i[0]);
      assert.deepEqual(cns, [...cns].sort().reverse());
      const skipped = json(await get(astraList(emulator, { skip: 8 }), ASTRA_AUTH)).items as Body[];
      assert.deepEqual(skipped.map((i) => i.id), CERT_IDS.slice(8));
    });

    for (const [params, name] of [
      [{ limit: "0" }, "limit"],
      [{ limit: "-1" }, "limit"],
      [{ limit: "two" }, "limit"],
      [{ continue: "not-a-token" }, "continue"],
      [{ continue: "" }, "continue"],
      [{ filter: "cn ne 'x'" }, "filter"],
      [{ filter: "expiryTimestamp eq '2036-11-22T23:16:19Z'" }, "filter"],
      [{ filter: "cn eq dup.example.com" }, "filter"],
      [{ orderBy: "cert" }, "orderBy"],
      [{ count: "yes" }, "count"],
      [{ skip: "-1" }, "skip"],
      [{ page: "2" }, "page"],
    ] as const) {
      it(`answers ${new URLSearchParams(params).toString()} with problem 5 naming ${name}`, async () => {
        const res = await get(astraList(emulator, params), ASTRA_AUTH);
        assert.equal(res.status, 400);
        assert.equal(res.headers["content-type"], "application/problem+json");
        const body = json(res);
        assert.equal(body.type, "https://astra.netapp.io/problems/5");
        assert.equal(body.status, "400");
        assert.deepEqual((body.invalidParams as { name: string }[]).map((p) => p.name), [name]);
      });
    }

    it("refuses a continue token that was edited, or used for another filter, orderBy or account", async () => {
      const first = json(await get(astraList(emulator, { limit: 2, filter: "certUse eq 'intermediateCA'" }), ASTRA_AUTH));
      const token = String((first.metadata as Body).continue);
      assert.equal((await get(astraList(emulator, { limit: 2, filter: "certUse eq 'intermediateCA'", continue: token }), ASTRA_AUTH)).status, 200);
      const [payload, mac] = token.split(".");
      const forged = `${Buffer.from(JSON.stringify([ACCOUNT, 0, "certUse eq 'intermediateCA'", ""])).toString("base64url")}.${mac}`;
      const cases: Record<string, string>[] = [
        { continue: `${payload}.${mac.slice(0, -2)}AA` },
        { continue: forged, filter: "certUse eq 'intermediateCA'" },
        { continue: token },
        { continue: token, filter: "certUse eq 'rootCA'" },
        { continue: token, filter: "certUse eq 'intermediateCA'", orderBy: "cn" },
      ];
      for (const params of cases) {
        const res = await get(astraList(emulator, params), ASTRA_AUTH);
        assert.equal(res.status, 400, JSON.stringify(params));
        assert.deepEqual((json(res).invalidParams as { name: string }[]).map((p) => p.name), ["continue"]);
      }
      const otherAccount = await get(astraList(emulator, { continue: token, filter: "certUse eq 'intermediateCA'" }, OTHER_ACCOUNT), OTHER_ASTRA_AUTH);
      assert.equal(otherAccount.status, 400);
      const withSkip = await get(astraList(emulator, { continue: token, filter: "certUse eq 'intermediateCA'", skip: 1 }), ASTRA_AUTH);
      assert.deepEqual((json(withSkip).invalidParams as { name: string }[]).map((p) => p.name), ["skip"]);
    });

    it("keeps a continue token good across reset (tokens are signed, not stored)", async () => {
      const first = json(await get(astraList(emulator, { limit: 4 }), ASTRA_AUTH));
      emulator.reset();
      const next = json(await get(astraList(emulator, { limit: 4, continue: String((first.metadata as Body).continue) }), ASTRA_AUTH));
      assert.deepEqual((next.items as Body[]).map((i) => i.id), CERT_IDS.slice(4, 8));
    });

    it("needs an Accept that admits application/astra-certificates+json (406 otherwise)", async () => {
      for (const accept of ["application/astra-certificates+json", "application/*", "*/*", "application/json, */*;q=0.1"]) {
        assert.equal((await get(astraList(emulator), { ...ASTRA_AUTH, accept })).status, 200, accept);
      }
      for (const accept of ["application/astra-certificate+json", "application/json", "application/astra-certificates+json;q=0"]) {
        const res = await get(astraList(emulator), { ...ASTRA_AUTH, accept });
        assert.equal(res.status, 406, accept);
        assert.equal(json(res).type, "https://astra.netapp.io/problems/906");
      }
    });

    it("authenticates as the single GET does: 401 problem 3 and 4, 403 problem 11 for another account", async () => {
      const missing = await get(astraList(emulator));
      assert.equal(missing.status, 401);
      assert.equal(json(missing).type, "https://astra.netapp.io/problems/3");
      const bad = await get(astraList(emulator), { authorization: "Bearer wrong" });
      assert.equal(bad.status, 401);
      assert.equal(json(bad).type, "https://astra.netapp.io/problems/4");
      const foreign = await get(astraList(emulator, {}, OTHER_ACCOUNT), ASTRA_AUTH);
      assert.equal(foreign.status, 403);
      assert.equal(json(foreign).type, "https://astra.netapp.io/problems/11");
      const own = json(await get(astraList(emulator, {}, OTHER_ACCOUNT), OTHER_ASTRA_AUTH));
      assert.deepEqual(own, { type: "application/astra-certificates", version: "1.1", items: [], metadata: {} });
    });
  });

  describe("faults on the list routes", () => {
    it("injects vendor status errors", async () => {
      emulator.inject("sms", { kind: "status", status: 503 });
      emulator.inject("roma", { kind: "status", status: 429, retryAfter: "1" });
      emulator.inject("astra", { kind: "status", status: 409 });
      const sms = await get(smsList(emulator), AUTH);
      assert.equal(sms.status, 503);
      assert.equal(json(sms).error_code, "SMS.9999");
      const roma = await get(romaList(emulator), AUTH);
      assert.equal(roma.status, 429);
      assert.equal(roma.headers["retry-after"], "1");
      const astra = await get(astraList(emulator), ASTRA_AUTH);
      assert.equal(astra.status, 409);
      assert.equal(json(astra).type, "https://astra.netapp.io/problems/164");
      assert.deepEqual(emulator.requests.map((r) => r.outcome), ["fault", "fault", "fault"]);
      assert.equal((await get(smsList(emulator), AUTH)).status, 200);
    });

    it("damages the list bodies: missing fields, wrong types, truncated JSON", async () => {
      emulator.inject("sms", { kind: "missing-fields" });
      emulator.inject("roma", { kind: "missing-fields" });
      emulator.inject("astra", { kind: "missing-fields" });
      assert.deepEqual(json(await get(smsList(emulator), AUTH)), {});
      assert.deepEqual(json(await get(romaList(emulator), AUTH)), { size: 10 });
      const astra = await get(astraList(emulator), ASTRA_AUTH);
      assert.equal(astra.headers["content-type"], "application/astra-certificates+json");
      assert.deepEqual(json(astra), { type: "application/astra-certificates", version: "1.1" });

      emulator.inject("sms", { kind: "wrong-types" });
      const wrong = json(await get(smsList(emulator), AUTH));
      assert.equal(typeof wrong.count, "string");
      const damaged = wrong.tasks as Body[];
      assert.equal(damaged.length, SMS_IDS.length);
      for (const task of damaged) assert.notEqual(typeof task.id, "string");

      emulator.inject("roma", { kind: "truncated-json" });
      const cut = await get(romaList(emulator), AUTH);
      assert.equal(cut.status, 200);
      assert.throws(() => JSON.parse(cut.body.toString("utf8")));
      assert.ok(!cut.body.toString("utf8").includes("Emulator-Pass"));
    });

    it("gzips the normal list answer, raw big-integer ids included", async () => {
      emulator.inject("roma", { kind: "gzip" });
      const res = await get(romaList(emulator, { name: "big-id" }), AUTH);
      assert.equal(res.headers["content-encoding"], "gzip");
      const text = zlib.gunzipSync(res.body).toString("utf8");
      assert.ok(text.startsWith('{"total":1,"size":1,"items":[{"id":99999999999999997,'));
    });
  });

  describe("maxPageSize option", () => {
    it("must be a whole number of at least 1", async () => {
      for (const bad of [0, -1, 1.5, Number.NaN]) {
        await assert.rejects(startEmulator({ port: 0, maxPageSize: bad }), RangeError);
      }
    });

    it("is the bin's --max-page-size N", () => {
      assert.equal(parseCliOptions(["--max-page-size", "2"], {}).maxPageSize, 2);
      assert.equal(parseCliOptions(["--max-page-size=5"], {}).maxPageSize, 5);
      assert.equal(parseCliOptions([], {}).maxPageSize, undefined);
      for (const bad of ["0", "-1", "two", "1.5"]) {
        assert.throws(() => parseCliOptions(["--max-page-size", bad], {}), UsageError);
      }
    });
  });
});
