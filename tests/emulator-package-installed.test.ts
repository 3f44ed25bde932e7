import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as EmulatorModule from "../emulator";
import { installPackages, npmEnv, packProject, runCommand } from "./helpers/installed-package";
import { stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { programDependencies } from "./helpers/versions";
import { canConnect, exitOf, portClosed, printed, printedPort } from "./helpers/emulator-bin";

const ROOT = path.join(__dirname, "..");
const PASSPHRASE = "SENTINEL-user-fixture-passphrase-4d1e";
const PROJECT_ID = "0123456789abcdef0123456789abcdef";

/** The user's own fixtures: their task ids, a passphrase of their own; every other list stays the default. */
const USER_FIXTURES = {
  huawei: {
    sms: { tasks: [{ taskId: "ci-migration-task", passphrase: PASSPHRASE }] },
    kps: { tasks: [{ projectId: PROJECT_ID, taskId: "ci-keypair-task", taskStatus: "SUCCESS_RESET", serverId: "ci-server" }] },
  },
};

const PROGRAM = `import { huaweicloud } from "pulumi-cloudreads";

const pass = new huaweicloud.sms.TaskPassphrase("agent-pass", { taskId: "ci-migration-task" });
const task = huaweicloud.kps.getKeypairTaskOutput({ taskId: "ci-keypair-task" });

export const passphrase = pass.passphrase;
export const taskStatus = task.taskStatus;
`;

const PROJECT_FILE = `name: cloudreads-user-ci
runtime:
  name: nodejs
  options:
    typescript: true
description: A user's stack tested offline against the emulator shipped in pulumi-cloudreads.
`;

/** A user's typed use of the entry point; must compile. */
const TYPED_USE = `import { connectionSettings, FixtureError, startEmulator, type Emulator, type FaultInjection, type FixtureInput } from "pulumi-cloudreads/emulator";

const fixtures: FixtureInput = { huawei: { sms: { tasks: [{ taskId: "t", passphrase: "p", detail: { state: "RUNNING" } }] } } };
const faults: FaultInjection[] = [{ service: "kms", fault: { kind: "status", status: 503, retryAfter: "1" }, times: 2 }];

export async function run(): Promise<string> {
  const emulator: Emulator = await startEmulator({ fixtures, faults });
  emulator.inject("astra", { kind: "delay", ms: 10 });
  const keys: string[] = connectionSettings(emulator).config.map((c) => c.key);
  const passphrase: string | undefined = emulator.data.huawei.sms.tasks[0]?.passphrase;
  await emulator.close();
  return keys.join(",") + String(passphrase) + String(new FixtureError("x", []).problems.length);
}
`;

/** Mistakes the types must catch: a misspelt fault kind, a status no vendor sends, a fixture field of the wrong type. */
const TYPED_MISUSE = `import { startEmulator } from "pulumi-cloudreads/emulator";

export async function run(): Promise<void> {
  const emulator = await startEmulator({ fixtures: { huawei: { sms: { tasks: [{ taskId: 42, passphrase: "p" }] } } } });
  emulator.inject("kms", { kind: "stauts", status: 503 });
  emulator.inject("kms", { kind: "status", status: 418 });
}
`;

/** A user's CI against the installed tarball: their program, their fixture file, the shipped emulator, the real CLI. */
describe("real Pulumi CLI: a user's stack against pulumi-cloudreads/emulator from the installed tarball", function () {
  this.timeout(240_000);
  let tmp: string;
  let programDir: string;
  let fixtureFile: string;
  let installed: typeof EmulatorModule;
  let userRequire: NodeRequire;
  let cli: PulumiCli;

  before(async function () {
    this.timeout(400_000);
    const bin = pulumiCliDir();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-emulator-installed-")));
    const tarball = await packProject(ROOT, path.join(tmp, "stage"), path.join(tmp, "pack"), 150_000);
    programDir = path.join(tmp, "program");
    fs.mkdirSync(programDir);
    fs.writeFileSync(path.join(programDir, "package.json"), `${JSON.stringify({ name: "user-ci", private: true, main: "index.ts" }, null, 2)}\n`);
    fs.writeFileSync(path.join(programDir, "index.ts"), PROGRAM);
    fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), PROJECT_FILE);
    fixtureFile = path.join(programDir, "emulator-fixtures.json");
    fs.writeFileSync(fixtureFile, `${JSON.stringify(USER_FIXTURES, null, 2)}\n`);
    await installPackages(programDir, [tarball, ...programDependencies()], 150_000);
    // What a user's mocha test does: require the entry point, from a module of the user's project
    // (a plain require.resolve from here would self-reference this repository's package).
    userRequire = createRequire(path.join(programDir, "index.ts"));
    installed = userRequire("pulumi-cloudreads/emulator") as typeof EmulatorModule;
    cli = new PulumiCli(bin, { cwd: programDir, env: { CLOUDREADS_RETRY_BASE_DELAY_MS: "20" } });
  });

  after(() => {
    cli?.dispose();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("resolves to the installed package, not this repository", () => {
    const resolved = userRequire.resolve("pulumi-cloudreads/emulator");
    assert.equal(resolved, path.join(programDir, "node_modules", "pulumi-cloudreads", "dist", "emulator", "index.js"));
  });

  it("started with the user's fixture file and one 503: up retries it and reads the user's values", async () => {
    const emulator = await installed.startEmulator({ fixturesFile: fixtureFile, faults: [{ service: "sms", fault: { kind: "status", status: 503 }, times: 1 }] });
    try {
      await cli.ok(["stack", "init", "api"]);
      const { config } = installed.connectionSettings(emulator);
      for (const c of config) await cli.setConfig({ [c.key]: c.value }, c.secret ? new Set([c.key]) : new Set());
      await cli.ok(["up", "--yes", "--skip-preview"]);
      const outputs = await stackOutputs(cli, true);
      assert.equal(outputs.passphrase, PASSPHRASE);
      assert.equal(outputs.taskStatus, "SUCCESS_RESET");
      const sms = emulator.requests.filter((r) => r.service === "sms").map((r) => r.outcome);
      assert.deepEqual(sms, ["fault", 200], "the 503, then the retry");
      const plain = JSON.stringify(await stackOutputs(cli, false));
      assert.equal(plain.includes(PASSPHRASE), false, "the user's passphrase stays secret");

      // A 404 injected on every KPS request: up fails, naming the read and the status.
      emulator.inject("kms", { kind: "status", status: 404 }, Infinity);
      const failed = await cli.run(["up", "--yes", "--skip-preview"]);
      assert.notEqual(failed.code, 0);
      const output = `${failed.stdout}\n${failed.stderr}`;
      assert.match(output, /huaweicloud\.kps\.getKeypairTaskOutput: Huawei Cloud KPS ListKeypairTask .*found nothing: HTTP 404, error code KPS\.0002/);
      assert.equal(output.includes(PASSPHRASE), false);
    } finally {
      await emulator.close();
    }
  });

  it("npx cloudreads-emulator --fixtures FILE --fault ...: its config lines run as printed, up works, SIGTERM to npx stops it", async () => {
    const npx = spawn("npx", ["--no-install", "cloudreads-emulator", "--fixtures", "emulator-fixtures.json", "--format", "config", "--fault", "kms:status=503"], {
      cwd: programDir,
      env: npmEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    const exited = exitOf(npx);
    const out = await printed(npx);
    const port = printedPort(out);
    try {
      await cli.ok(["stack", "init", "bin"]);
      // The printed lines, run by a shell exactly as a user pasting them would.
      await runCommand("bash", ["-euc", out.split("\n").slice(1).join("\n")], programDir, 120_000, cli.env);
      await cli.ok(["up", "--yes", "--skip-preview"]);
      const outputs = await stackOutputs(cli, true);
      assert.equal(outputs.passphrase, PASSPHRASE);
      assert.equal(outputs.taskStatus, "SUCCESS_RESET");
    } finally {
      npx.kill("SIGTERM");
    }
    // npm forwards the SIGTERM to the `sh -c` it runs the bin in, then ends itself by the same signal.
    assert.deepEqual(await exited, { code: null, signal: "SIGTERM" });
    // The bin, no longer the shell's child, closes; wait for that, however long it takes.
    await portClosed(port);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`node_modules/.bin/cloudreads-emulator exits 0 on ${signal} with its port closed`, async () => {
      const bin = spawn(path.join(programDir, "node_modules", ".bin", "cloudreads-emulator"), ["--fixtures", fixtureFile], { cwd: programDir, stdio: ["pipe", "pipe", "pipe"] });
      const exited = exitOf(bin);
      const out = await printed(bin);
      const port = printedPort(out);
      assert.equal(await canConnect(port), true);
      bin.kill(signal);
      assert.deepEqual(await exited, { code: 0, signal: null });
      assert.equal(await canConnect(port), false);
    });
  }

  it("its types resolve from the installed package and catch mistakes, under moduleResolution node16 and node", async () => {
    fs.writeFileSync(path.join(programDir, "typed-use.ts"), TYPED_USE);
    fs.writeFileSync(path.join(programDir, "typed-misuse.ts"), TYPED_MISUSE);
    const tsc = path.join(programDir, "node_modules", "typescript", "bin", "tsc");
    for (const [module, resolution] of [["node16", "node16"], ["commonjs", "node"]]) {
      const flags = ["--noEmit", "--strict", "--module", module, "--moduleResolution", resolution, "--types", "node"];
      // One compile of both files: the misuse must fail, and only the misuse.
      const misuse = await runCommand(process.execPath, [tsc, ...flags, "typed-use.ts", "typed-misuse.ts"], programDir, 120_000).then(
        () => "",
        (e: unknown) => String(e),
      );
      assert.equal(/typed-use\.ts\(/.test(misuse), false, misuse);
      assert.match(misuse, /typed-misuse\.ts\(4,.*Type 'number' is not assignable to type 'string'/, resolution);
      assert.match(misuse, /typed-misuse\.ts\(5,.*"stauts"/, resolution);
      assert.match(misuse, /typed-misuse\.ts\(6,.*Type '418' is not assignable to type 'FaultStatus'/, resolution);
    }
  });
});
