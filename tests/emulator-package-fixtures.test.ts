import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  connectionSettings,
  FixtureError,
  loadDefaultFixtures,
  loadFixtureFile,
  parseFixtures,
  startEmulator,
  type Emulator,
  type FixtureInput,
} from "../emulator";
import { get, json } from "./helpers/emulator-http";

const DEFAULT_TOKEN = "emulator-huawei-token-0000000000000001";
const SENTINEL = "SENTINEL-fixture-secret-7f3a9c";

/** The FixtureError `run` throws; fails the test when it throws nothing or something else. */
function fixtureError(run: () => unknown): FixtureError {
  try {
    run();
  } catch (error) {
    if (error instanceof FixtureError) return error;
    throw error;
  }
  assert.fail("expected a FixtureError");
}

const MY_FIXTURES: FixtureInput = {
  huawei: {
    projects: [{ id: "11112222333344445555666677778888", name: "la-south-2", domainId: "d0000000000000000000000000000001" }],
    sms: {
      tasks: [
        { taskId: "my-task-1", passphrase: "my-passphrase-1", detail: { id: "my-task-1", name: "erp", state: "RUNNING" } },
        { taskId: "my-task-2", passphrase: "my-passphrase-2" },
      ],
    },
    kps: { tasks: [{ projectId: "11112222333344445555666677778888", taskId: "my-kps-task", taskStatus: "SUCCESS_UNBIND", serverId: "" }] },
    roma: { instances: [], products: [] },
  },
};

describe("emulator package: fixtures a user gives", () => {
  describe("validation (io-ts, at start)", () => {
    it("names the path of the bad field, what was expected and what was found", () => {
      const tasks = [
        { taskId: "a", passphrase: "p" },
        { taskId: "b", passphrase: "p" },
        { taskId: 42, passphrase: "p" },
      ];
      const error = fixtureError(() => parseFixtures({ huawei: { sms: { tasks } } }, "my.json"));
      assert.deepEqual(error.problems, ["huawei.sms.tasks[2].taskId: expected a non-empty string of at most 36 characters, got 42"]);
      assert.match(error.message, /^invalid emulator fixtures \(my\.json\):\n  - huawei\.sms\.tasks\[2\]\.taskId: /);
    });

    it("reports every problem at once: wrong types, missing keys, empty strings, bad product ids", () => {
      const error = fixtureError(() =>
        parseFixtures({
          huawei: {
            credentials: [{ accessKey: "AK" }],
            roma: { products: [{ projectId: "p", instanceId: "i", productId: "12ab", userName: "u", password: "x" }] },
            kps: { tasks: [{ projectId: "p", taskId: "", taskStatus: "RUNNING_RESET", serverId: 5 }] },
          },
          astra: { tokens: [{ token: "t", accounts: "3b5e2f0a" }] },
        }),
      );
      assert.deepEqual(error.problems, [
        "huawei.credentials[0].secretKey: expected a non-empty string (a secret), got nothing (the key is missing)",
        'huawei.roma.products[0].productId: expected a string of 1 to 17 digits, got "12ab"',
        "huawei.kps.tasks[0].taskId: expected a non-empty string, got an empty string",
        "huawei.kps.tasks[0].serverId: expected a string, got 5",
        "astra.tokens[0].accounts: expected an array, got a string of 8 characters (not shown)",
      ]);
    });

    it("refuses unknown keys, so a misspelt key never leaves a default silently in place", () => {
      const error = fixtureError(() => parseFixtures({ huawei: { sms: { task: [] } }, azure: {} }));
      // The lists SMS's routes declare, in their order (emulator/routes/sms.ts).
      const smsLists = Object.keys(loadDefaultFixtures().huawei.sms).join(", ");
      assert.deepEqual(error.problems, ["azure: unknown key; the fixtures takes huawei, astra", `huawei.sms.task: unknown key; huawei.sms takes ${smsLists}`]);
    });

    it("refuses records the emulator could never serve: duplicates, unknown projects and instances", () => {
      const error = fixtureError(() =>
        parseFixtures({
          huawei: {
            sms: { tasks: [{ taskId: "t", passphrase: "a" }, { taskId: "t", passphrase: "b" }] },
            kps: { tasks: [{ projectId: "no-such-project", taskId: "k", taskStatus: "RUNNING_RESET", serverId: "" }] },
            roma: { products: [{ projectId: "0123456789abcdef0123456789abcdef", instanceId: "nope", productId: "1", userName: "u", password: "p" }] },
          },
        }),
      );
      assert.deepEqual(error.problems, [
        "huawei.sms.tasks[1].taskId: the same as huawei.sms.tasks[0]; the emulator would only ever serve the first",
        "huawei.roma.products[0].instanceId: names no instance of project 0123456789abcdef0123456789abcdef in huawei.roma.instances",
        "huawei.kps.tasks[0].projectId: names no project in huawei.projects (every read of it would be 403)",
      ]);
    });

    it("never shows a secret value, wherever it is misplaced", () => {
      const cases: unknown[] = [
        { huawei: { tokens: SENTINEL } },
        { huawei: { tokens: [SENTINEL, 7] } },
        { huawei: { credentials: [SENTINEL] } },
        { huawei: { credentials: [{ accessKey: "AK", secretKey: SENTINEL, securityToken: 1 }] } },
        { huawei: { sms: { tasks: [{ taskId: 1, passphrase: SENTINEL }] } } },
        { huawei: { sms: { tasks: SENTINEL } } },
        { huawei: { roma: { products: [{ projectId: "p", instanceId: "i", productId: 1, userName: "u", password: SENTINEL }] } } },
        { astra: { tokens: [{ token: SENTINEL, accounts: [SENTINEL.length] }] } },
        { astra: { tokens: [SENTINEL] } },
        { huawei: { apiToken: SENTINEL } },
        SENTINEL,
      ];
      for (const input of cases) {
        const error = fixtureError(() => parseFixtures(input));
        assert.ok(error.problems.length > 0);
        assert.equal(error.message.includes(SENTINEL), false, error.message);
        assert.equal(error.message.includes(SENTINEL.slice(0, 12)), false, error.message);
      }
    });

    it("validates fixtures given to startEmulator, before it listens", async () => {
      await assert.rejects(
        startEmulator({ fixtures: { huawei: { tokens: [""] } } }),
        (e: unknown) => e instanceof FixtureError && e.problems[0] === "huawei.tokens[0]: expected a non-empty string (a secret), got an empty string",
      );
    });
  });

  describe("merging onto the defaults", () => {
    it("replaces each list given and keeps every list left out", () => {
      const data = parseFixtures(MY_FIXTURES);
      const defaults = loadDefaultFixtures();
      assert.deepEqual(data.huawei.sms.tasks.map((t) => t.taskId), ["my-task-1", "my-task-2"]);
      assert.deepEqual(data.huawei.projects.map((p) => p.name), ["la-south-2"]);
      assert.deepEqual(data.huawei.roma, { instances: [], products: [] });
      assert.deepEqual(data.huawei.tokens, defaults.huawei.tokens);
      assert.deepEqual(data.huawei.credentials, defaults.huawei.credentials);
      assert.deepEqual(data.astra, defaults.astra);
    });

    it("an empty object is the defaults; a full default set is accepted as it is", () => {
      assert.deepEqual(parseFixtures({}), loadDefaultFixtures());
      assert.deepEqual(parseFixtures(loadDefaultFixtures()), loadDefaultFixtures());
    });

    it("copies what it is given: later edits of the input change nothing", () => {
      const input = { huawei: { tokens: ["t1"] } };
      const data = parseFixtures(input);
      input.huawei.tokens.push("t2");
      assert.deepEqual(data.huawei.tokens, ["t1"]);
    });
  });

  describe("a fixture file", () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-fixtures-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is read, validated and merged", () => {
      const file = path.join(dir, "good.json");
      fs.writeFileSync(file, JSON.stringify(MY_FIXTURES));
      assert.deepEqual(loadFixtureFile(file), parseFixtures(MY_FIXTURES));
    });

    it("that is not JSON is named with the position, never the text around it", () => {
      const file = path.join(dir, "broken.json");
      fs.writeFileSync(file, `{\n  "huawei": { "tokens": ["${SENTINEL}",] }\n}\n`);
      const error = fixtureError(() => loadFixtureFile(file));
      assert.equal(error.source, file);
      assert.deepEqual(error.problems, [`not valid JSON at line 2, column ${'  "huawei": { "tokens": ["'.length + SENTINEL.length + 3}`]);
      const bare = path.join(dir, "bare.json");
      fs.writeFileSync(bare, `{"huawei": ${SENTINEL}}`);
      const bareError = fixtureError(() => loadFixtureFile(bare));
      assert.deepEqual(bareError.problems, ["not valid JSON at line 1, column 12"]);
      for (const e of [error, bareError]) assert.equal(e.message.includes(SENTINEL.slice(0, 10)), false, e.message);
    });

    it("may start with a byte order mark", () => {
      const file = path.join(dir, "bom.json");
      fs.writeFileSync(file, `\uFEFF${JSON.stringify(MY_FIXTURES)}`);
      assert.deepEqual(loadFixtureFile(file), parseFixtures(MY_FIXTURES));
    });

    it("that is missing says so", () => {
      const error = fixtureError(() => loadFixtureFile(path.join(dir, "missing.json")));
      assert.deepEqual(error.problems, ["cannot read the file (ENOENT)"]);
    });
  });

  describe("a running emulator on the user's fixtures", () => {
    let emulator: Emulator;
    before(async () => {
      emulator = await startEmulator({ fixtures: MY_FIXTURES });
    });
    after(() => emulator.close());

    it("serves the user's records with the default credentials, and not the replaced defaults", async () => {
      const mine = await get(`${emulator.endpoints.sms}/v3/tasks/my-task-2/passphrase`, { "x-auth-token": DEFAULT_TOKEN });
      assert.equal(mine.status, 200);
      assert.equal(json(mine).passphrase, "my-passphrase-2");
      const detail = await get(`${emulator.endpoints.sms}/v3/tasks/my-task-1`, { "x-auth-token": DEFAULT_TOKEN });
      assert.equal(json(detail).name, "erp");
      const replaced = await get(`${emulator.endpoints.sms}/v3/tasks/d7fa81b9-c174-4c0a-a475-51a54c8af8a4/passphrase`, { "x-auth-token": DEFAULT_TOKEN });
      assert.equal(replaced.status, 404);
      const kps = await get(`${emulator.endpoints.kms}/v3/11112222333344445555666677778888/tasks/my-kps-task`, { "x-auth-token": DEFAULT_TOKEN });
      assert.equal(json(kps).task_status, "SUCCESS_UNBIND");
    });

    it("connectionSettings point at it: the user's project, the first token, config and env agreeing", () => {
      const settings = connectionSettings(emulator);
      const config = Object.fromEntries(settings.config.map((c) => [c.key, c.value]));
      assert.equal(config["huaweicloud:region"], "la-south-2");
      assert.equal(config["huaweicloud:projectId"], "11112222333344445555666677778888");
      assert.equal(settings.env.HW_PROJECT_ID, config["huaweicloud:projectId"]);
      assert.equal(settings.env.HW_AUTH_TOKEN, DEFAULT_TOKEN);
      assert.deepEqual(JSON.parse(settings.env.HW_ENDPOINTS ?? ""), { sms: emulator.endpoints.sms, roma: emulator.endpoints.roma, kms: emulator.endpoints.kms, iam: emulator.endpoints.iam });
      assert.equal(config["astracontrol:url"], emulator.endpoints.astra);
      assert.deepEqual(settings.config.filter((c) => c.secret).map((c) => c.key), ["huaweicloud:token", "astracontrol:apiToken"]);
    });
  });

  describe("faults", () => {
    it("queued at start answer the first requests, then the emulator answers normally", async () => {
      const emulator = await startEmulator({ faults: [{ service: "kms", fault: { kind: "status", status: 503, retryAfter: "1" }, times: 2 }] });
      try {
        const url = `${emulator.endpoints.kms}/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c`;
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await get(url, { "x-auth-token": DEFAULT_TOKEN })).status);
        assert.deepEqual(statuses, [503, 503, 200]);
        assert.deepEqual(emulator.requests.map((r) => r.outcome), ["fault", "fault", 200]);
      } finally {
        await emulator.close();
      }
    });

    it("that no vendor could send are refused at start, naming the fault and the field", async () => {
      const bad = [{ service: "kms", fault: { kind: "status", status: 418 } }] as unknown as [];
      await assert.rejects(startEmulator({ faults: bad }), /^RangeError: startEmulator faults\[0\]: invalid fault injection: fault\.status: expected one of 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, got 418$/);
      const typo = [{ service: "ksm", fault: { kind: "stauts" } }] as unknown as [];
      await assert.rejects(startEmulator({ faults: typo }), /service: expected one of sms, roma, kms, iam, astra, \*, got "ksm"; fault\.kind: expected one of status, reset, .*got "stauts"/);
    });
  });
});
