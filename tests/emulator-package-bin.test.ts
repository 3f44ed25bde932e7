import * as assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { canConnect, exitOf, portClosed, printed, printedPort } from "./helpers/emulator-bin";
import { get, send } from "./helpers/emulator-http";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "emulator", "cli.ts");
const TOKEN = { "x-auth-token": "emulator-huawei-token-0000000000000001" };
const KPS_TASK_PATH = "/kms/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c";
const SENTINEL = "SENTINEL-bin-fixture-secret-91c2";

/** `cloudreads-emulator` from the sources (the shipped bin is the compiled cli.ts, run in emulator-package-installed). */
function startBin(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["-r", "ts-node/register", CLI, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs the bin to completion (it must fail before listening). */
function runToExit(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["-r", "ts-node/register", CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cloudreads-emulator (the bin)", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bin-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`stops on ${signal} with exit code 0, closing the port and a request left hanging by a fault`, async () => {
      const child = startBin(["--fault", "kms:hang"]);
      const out = await printed(child);
      const url = out.split("\n")[0] ?? "";
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(url).port);
      const hanging = send(`${url}${KPS_TASK_PATH}`, { headers: TOKEN });
      assert.equal((await get(`${url}${KPS_TASK_PATH}`, TOKEN)).status, 200, "only the first request hangs");
      child.kill(signal);
      assert.deepEqual(await exitOf(child), { code: 0, signal: null });
      assert.equal((await hanging).kind, "error", "the hanging request ends with the emulator");
      assert.equal(await canConnect(port), false, "the port is closed");
    });
  }

  it("stops when the process that started it is killed, as npx's shell is by a SIGTERM to npx", async () => {
    // `sh -c '<bin>; true'` keeps the shell as the bin's parent, as npx runs bins.
    const command = [process.execPath, "-r", "ts-node/register", CLI].map((w) => `'${w}'`).join(" ");
    const shell = spawn("sh", ["-c", `${command}; true`], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    const out = await printed(shell);
    const port = printedPort(out);
    assert.equal(await canConnect(port), true);
    shell.kill("SIGTERM");
    await exitOf(shell);
    // The bin notices it was re-parented and closes; wait for that, however long it takes.
    await portClosed(port);
  });

  it("--fault queues faults before the first request: kms:status=503:times=2", async () => {
    const child = startBin(["--fault", "kms:status=503:times=2", "--fault", "astra:status=409:problem=164"]);
    try {
      const url = (await printed(child)).split("\n")[0] ?? "";
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(`${url}${KPS_TASK_PATH}`, TOKEN)).status);
      assert.deepEqual(statuses, [503, 503, 200]);
    } finally {
      child.kill("SIGTERM");
      await exitOf(child);
    }
  });

  it("--env prints a script to source: every value round-trips through the shell exactly", async () => {
    const child = startBin(["--env"]);
    let out: string;
    try {
      out = await printed(child);
    } finally {
      child.kill("SIGTERM");
      await exitOf(child);
    }
    assert.match(out.split("\n")[0] ?? "", /^export CLOUDREADS_EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(out.includes("pulumi config set"), false);
    const shell = spawnSync("bash", ["-c", 'eval "$OUT" && printf "%s\\n" "$CLOUDREADS_EMULATOR_URL" "$HW_ENDPOINTS" "$HW_AUTH_TOKEN" "$ASTRA_CONTROL_ACCOUNT_ID"'], {
      env: { PATH: process.env.PATH, OUT: out },
      encoding: "utf8",
    });
    assert.equal(shell.status, 0, shell.stderr);
    const [url = "", endpoints = "", token, account] = shell.stdout.split("\n");
    assert.deepEqual(JSON.parse(endpoints), { sms: `${url}/sms`, roma: `${url}/roma`, kms: `${url}/kms`, iam: `${url}/iam` });
    assert.equal(token, "emulator-huawei-token-0000000000000001");
    assert.equal(account, "3b5e2f0a-7c1d-4e8f-9a6b-000000000001");
  });

  it("--format config prints the URL, then only pulumi config set lines, with the user's fixtures", async () => {
    const file = path.join(dir, "fixtures.json");
    fs.writeFileSync(file, JSON.stringify({ huawei: { tokens: ["my token with 'quotes'"] }, astra: { tokens: [{ token: "my-astra-token", accounts: ["acc-1"] }] } }));
    const child = startBin(["--format", "config", "--fixtures", file]);
    let out: string;
    try {
      out = await printed(child);
    } finally {
      child.kill("SIGTERM");
      await exitOf(child);
    }
    const lines = out.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    assert.match(lines[0] ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
    for (const line of lines.slice(1)) assert.match(line, /^pulumi config set /);
    assert.ok(lines.includes(`pulumi config set --secret huaweicloud:token 'my token with '\\''quotes'\\'''`), out);
    assert.ok(lines.includes("pulumi config set --secret astracontrol:apiToken my-astra-token"), out);
    assert.ok(lines.includes("pulumi config set astracontrol:accountId acc-1"), out);
    assert.equal(out.includes("export "), false);
  });

  it("bad fixtures: exit code 2 and one line per problem, naming the file and the field, no secret", () => {
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, JSON.stringify({ huawei: { credentials: [SENTINEL], sms: { tasks: [{ taskId: "t", passphrase: SENTINEL, state: "x" }] } } }));
    const result = runToExit(["--fixtures", file]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      [
        `cloudreads-emulator: invalid emulator fixtures (${file}):`,
        `  - huawei.credentials[0]: expected an object (a Huawei AK/SK credential), got a string of ${SENTINEL.length} characters (not shown)`,
        "  - huawei.sms.tasks[0].state: unknown key; an SMS task takes taskId, passphrase, detail, timeline",
        "",
      ].join("\n"),
    );
  });

  it("bad arguments: exit code 2 with the reason", () => {
    const cases: [string[], RegExp][] = [
      [["--fault", "kms:stauts=503"], /--fault kms:stauts=503: fault\.kind: expected one of status, reset, hang, /],
      [["--fault", "kps:status=503"], /SERVICE: expected one of sms, roma, kms, iam, astra, \*, got "kps"/],
      [["--fault", "kms:status=503:times=0"], /times: expected a positive integer or "always"/],
      [["--port", "http"], /--port: expected an integer from 0 to 65535, got "http"/],
      [["--format", "yaml"], /--format: expected both, config or env, got "yaml"/],
      [["--fixtures"], /--fixtures needs a value/],
      [["--verbose"], /unknown argument "--verbose"/],
    ];
    for (const [args, message] of cases) {
      const result = runToExit(args);
      assert.equal(result.status, 2, args.join(" "));
      assert.match(result.stderr, message);
    }
  });

  it("a port in use: exit code 1, saying so", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const result = runToExit(["--port", String(port)]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it("--help prints the usage and exits 0", () => {
    const result = runToExit(["--help"]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: cloudreads-emulator /);
  });
});
