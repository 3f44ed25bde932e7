import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../emulator";
import { FIXTURE } from "./helpers/stack";
import { formatResult, runHarness, SECRET_SIG, SIG_KEY, type HarnessResult, type HarnessRun, type Step } from "./harness";

const ROOT = path.join(__dirname, "..");
// examples/quickstart has no Pulumi.yaml; this project file's `main` points at its index.ts.
const PROGRAM_DIR = path.join(__dirname, "harness", "fixtures", "quickstart-project");
const RESOURCE_TYPES = [
    "pulumi-nodejs:dynamic/cloudreads:huaweicloud.sms.TaskPassphrase",
    "pulumi-nodejs:dynamic/cloudreads:huaweicloud.roma.ProductAuthentication",
    "pulumi-nodejs:dynamic/cloudreads:huaweicloud.kps.KeypairTask",
    "pulumi-nodejs:dynamic/cloudreads:astracontrol.Certificate",
];

function ready(): boolean {
    return ["dist/sdk/index.js", "emulator/index.ts", "examples/quickstart/index.ts"].every((f) => fs.existsSync(path.join(ROOT, f)));
}

function step(result: HarnessResult, name: string): Step {
    const s = result.steps.find((x) => x.name === name);
    assert.ok(s, `no step for ${name}`);
    return s;
}

function assertNoErrors(result: HarnessResult): void {
    assert.deepEqual(result.errors, [], `${result.errors.join("\n")}\n${result.programStderr}\n${result.hostStderr}`);
}

describe("harness with the quickstart program against the emulator", function () {
    this.timeout(30_000);
    let emulator: Emulator;
    let fixtureSecrets: readonly string[];
    let dir: string;
    let statePath: string;

    before(async function () {
        // A missing build must fail, not skip: `npm test` builds dist/ first (pretest).
        assert.ok(ready(), "dist/sdk/index.js, emulator/index.ts or examples/quickstart is missing: run `npm run build`");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require("../emulator") as typeof import("../emulator");
        emulator = await mod.startEmulator({ port: 0 });
        fixtureSecrets = mod.FIXTURE_SECRETS;
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-quickstart-"));
        statePath = path.join(dir, "state.json");
    });

    after(async () => {
        await emulator?.close();
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    function run(mode: HarnessRun["mode"], config: Record<string, string> = {}, state = statePath): Promise<HarnessResult> {
        return runHarness({
            mode,
            programDir: PROGRAM_DIR,
            statePath: state,
            config: {
                "huaweicloud:region": "cn-north-4",
                "huaweicloud:projectId": FIXTURE.projectId,
                "huaweicloud:endpoints": JSON.stringify({
                    sms: emulator.endpoints.sms,
                    roma: emulator.endpoints.roma,
                    kms: emulator.endpoints.kms,
                    iam: emulator.endpoints.iam,
                }),
                "astracontrol:url": emulator.endpoints.astra,
                "astracontrol:accountId": FIXTURE.astraAccountId,
                ...config,
            },
            secretConfig: { "huaweicloud:token": FIXTURE.huaweiToken, "astracontrol:apiToken": FIXTURE.astraToken },
        });
    }

    /** Runs `f` and returns the emulator requests it caused, as `service path`. */
    async function requestsDuring<T>(f: () => Promise<T>): Promise<[T, string[]]> {
        const before = emulator.requests.length;
        const result = await f();
        return [result, emulator.requests.slice(before).map((r) => `${r.service} ${r.path}`)];
    }

    it("preview sends no request from resources, while getXOutput values are known", async () => {
        const [result, requests] = await requestsDuring(() => run("preview", {}, path.join(dir, "preview-state.json")));
        assertNoErrors(result);
        assert.deepEqual(result.steps.filter((s) => s.custom).map((s) => s.op), ["create", "create", "create", "create"]);
        assert.equal(result.grpcCalls.some((c) => c.method === "Create"), false);
        // Only the two data-source functions, which run in the program process.
        assert.deepEqual(requests.map((r) => r.split(" ")[0]).sort(), ["astra", "kms"]);
        assert.equal(result.outputs.previewKnownTaskStatus, "RUNNING_RESET");
        assert.equal(result.outputs.previewKnownCaTrustState, "untrusted");
        assert.equal(result.outputs.keypairTaskStatus, "[unknown]");
        assert.equal(result.outputs.migrationPassphrase, "[unknown]");
    });

    it("a first up creates each resource by reading it, with the stack config given to Configure", async () => {
        const [result, requests] = await requestsDuring(() => run("up"));
        assertNoErrors(result);
        assert.deepEqual(
            result.steps.filter((s) => s.custom).map((s) => [s.type, s.op, s.calls]).sort(),
            RESOURCE_TYPES.map((t) => [t, "create", ["Check", "Create"]]).sort(),
        );
        assert.equal(result.grpcCalls.filter((c) => c.method === "Configure").length, 1);
        assert.ok(requests.some((r) => r.startsWith("sms ")));
        assert.ok(requests.some((r) => r.startsWith("roma ")));
        // SMS and ROMA are read only by resources, i.e. by the provider host, with the configured token.
        const hostRequests = emulator.requests.filter((r) => r.service === "sms" || r.service === "roma");
        assert.ok(hostRequests.length >= 2);
        for (const r of hostRequests) {
            assert.equal(r.headers["x-auth-token"], FIXTURE.huaweiToken);
        }
        assert.equal(result.outputs.keypairTaskStatus, "RUNNING_RESET");
        assert.equal(result.outputs.deviceUserName, "emulatorUser0001");
        assert.equal(result.outputs.migrationPassphrase, "[secret]");
        assert.equal(result.outputs.devicePassword, "[secret]");
        assert.equal(result.reveal.resourceOutput("agent-pass", "passphrase"), "emulator-sms-passphrase-0000000000000001");
    });

    it("the state file holds passphrase and password only as secrets, and no credential anywhere", async () => {
        const stateText = fs.readFileSync(statePath, "utf8");
        const state = JSON.parse(stateText) as HarnessResult["state"];
        for (const [name, key] of [
            ["agent-pass", "passphrase"],
            ["device-auth", "password"],
        ] as const) {
            const value = state.resources.find((r) => r.name === name)?.outputs[key] as Record<string, unknown>;
            assert.equal(value[SIG_KEY], SECRET_SIG);
            assert.equal(typeof value.ciphertext, "string");
        }
        const [result] = await requestsDuring(() => run("up"));
        const visible = [stateText, fs.readFileSync(statePath, "utf8"), JSON.stringify(result), formatResult(result), result.hostStdout, result.hostStderr, result.programStdout, result.programStderr];
        for (const secret of fixtureSecrets) {
            for (const text of visible) {
                assert.equal(text.includes(secret), false, `found a fixture secret in ${text.slice(0, 80)}…`);
            }
        }
    });

    it("an up with nothing changed is a no-op, and resources send no request", async () => {
        const [result, requests] = await requestsDuring(() => run("up"));
        assertNoErrors(result);
        assert.deepEqual([...new Set(result.steps.map((s) => s.op))], ["same"]);
        assert.equal(result.grpcCalls.some((c) => ["Create", "Update", "Delete"].includes(c.method)), false);
        assert.deepEqual(requests.map((r) => r.split(" ")[0]).sort(), ["astra", "kms"]);
    });

    it("refresh configures the provider with the config of the last up, not the current one (as the engine does)", async () => {
        const before = emulator.requests.length;
        const result = await run("refresh", { "huaweicloud:region": "eu-west-101", "huaweicloud:endpoints": JSON.stringify({ kms: "https://127.0.0.1:1" }) });
        assertNoErrors(result);
        const kms = emulator.requests.slice(before).filter((r) => r.service === "kms");
        assert.ok(kms.length > 0, "refresh did not reach the emulator configured at up");
    });

    it("refresh after the KPS task moves to SUCCESS_RESET updates the stored status", async () => {
        emulator.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        const result = await run("refresh");
        assertNoErrors(result);
        const task = step(result, "reset-task");
        assert.equal(task.refresh, "update");
        assert.ok(task.diff?.changedKeys.includes("taskStatus"));
        assert.equal(result.reveal.resourceOutput("reset-task", "taskStatus"), "SUCCESS_RESET");
        assert.equal(step(result, "agent-pass").refresh, "same");
        assert.equal(result.state.resources.find((r) => r.name === "agent-pass")?.secretOutputs.includes("passphrase"), true);
    });

    it("changing a taskId replaces the resource", async () => {
        const result = await run("up", { "cloudreads-quickstart:keypairTaskId": FIXTURE.kpsOtherTaskId });
        assertNoErrors(result);
        const task = step(result, "reset-task");
        assert.equal(task.op, "replace");
        assert.deepEqual(task.diff?.replaceKeys, ["taskId"]);
        assert.deepEqual(task.calls, ["Check", "Diff", "Create", "Delete"]);
        assert.equal(result.outputs.keypairTaskStatus, "SUCCESS_BIND");
        assert.equal(step(result, "agent-pass").op, "same");
    });

    it("a refresh meeting a 404 drops the resource from state", async () => {
        emulator.remove("kpsTask", FIXTURE.kpsOtherTaskId);
        const result = await run("refresh");
        assertNoErrors(result);
        assert.equal(step(result, "reset-task").refresh, "deleted");
        assert.equal(result.state.resources.some((r) => r.name === "reset-task"), false);
        assert.equal(result.state.resources.filter((r) => r.custom).length, 3);
    });

    it("destroy deletes every resource and sends no HTTP request", async () => {
        const [result, requests] = await requestsDuring(() => run("destroy"));
        assertNoErrors(result);
        assert.deepEqual(requests, []);
        assert.equal(result.steps.filter((s) => s.op === "delete").length, 4);
        assert.deepEqual(result.state.resources, []);
    });
});
