import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURE_SECRETS, startEmulator, type Emulator } from "../emulator";
import { diagnostics, exportedResources, previewSteps } from "./helpers/pulumi-cli-results";
import { disposeStack, filesUnder, pluginStack, requestsDuring } from "./helpers/plugin-stack";
import { findSentinels } from "./helpers/sweep-scanner";
import { FIXTURE } from "./helpers/stack";
import type { PulumiCli } from "./helpers/pulumi-cli";

const CREDENTIALS = [FIXTURE.huaweiToken, FIXTURE.astraToken];
const SECRET_VALUES = [FIXTURE.smsPassphrase, FIXTURE.romaPassword, ...FIXTURE_SECRETS];

/**
 * examples/yaml as a user runs it: the plugin installed with `pulumi plugin install resource
 * cloudreads <version> --file <tarball>`, Pulumi YAML, the real CLI, a file backend and the emulator
 * as the cloud. The steps depend on each other, in order.
 */
describe("provider plugin: examples/yaml through stack init, config set, preview, up, outputs, export, refresh and destroy", function () {
    this.timeout(300_000);
    let emulator: Emulator;
    let s: Awaited<ReturnType<typeof pluginStack>>;
    let cli: PulumiCli;

    before(async function () {
        this.timeout(300_000);
        emulator = await startEmulator({ port: 0 });
        s = await pluginStack(emulator);
        cli = s.cli;
    });

    after(async function () {
        this.timeout(120_000);
        if (s) await cli.run(["stack", "rm", "--yes", "--force", s.stack]);
        disposeStack(s);
        await emulator?.close();
    });

    it("the stack file holds the plugin's credentials only as ciphertext", () => {
        const text = fs.readFileSync(path.join(s.dir, `Pulumi.${s.stack}.yaml`), "utf8");
        for (const c of CREDENTIALS) assert.equal(text.includes(c), false);
        assert.match(text, /cloudreads:huaweicloudToken:\s+secure: /);
        assert.match(text, /cloudreads:astracontrolApiToken:\s+secure: /);
    });

    it("preview plans the four reads as creates; resources send nothing, the two fn::invoke read", async () => {
        const [events, requests] = await requestsDuring(emulator, () => cli.events(["preview"]));
        const steps = previewSteps(events).filter((x) => x.type.startsWith("cloudreads:"));
        assert.deepEqual(steps.map((x) => `${x.op} ${x.type}`).sort(), [
            "create cloudreads:astracontrol:Certificate",
            "create cloudreads:huaweicloud/kps:KeypairTask",
            "create cloudreads:huaweicloud/roma:ProductAuthentication",
            "create cloudreads:huaweicloud/sms:TaskPassphrase",
        ]);
        assert.deepEqual(requests.map((r) => r.split(" ")[0]).sort(), ["astra", "kms"]);
    });

    it("up reads every value with the configured token; secrets show as [secret] in stack output", async () => {
        const [, requests] = await requestsDuring(emulator, () => cli.ok(["up", "--yes", "--skip-preview"]));
        assert.deepEqual([...new Set(requests.map((r) => r.split(" ")[0]))].sort(), ["astra", "kms", "roma", "sms"]);
        for (const r of emulator.requests.filter((q) => q.service === "sms" || q.service === "roma")) assert.equal(r.headers["x-auth-token"], FIXTURE.huaweiToken);
        const hidden = await cli.json<Record<string, unknown>>(["stack", "output"]);
        assert.equal(hidden.migrationPassphrase, "[secret]");
        assert.equal(hidden.devicePassword, "[secret]");
        assert.equal(hidden.deviceUserName, FIXTURE.romaUserName);
        assert.equal(hidden.keypairTaskStatus, "RUNNING_RESET");
        assert.equal(hidden.invokedTaskStatus, "RUNNING_RESET");
        assert.equal(hidden.caTrustState, "untrusted");
        assert.equal(typeof hidden.invokedCertificateCn, "string");
        const shown = await cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        assert.equal(shown.migrationPassphrase, FIXTURE.smsPassphrase);
        assert.equal(shown.devicePassword, FIXTURE.romaPassword);
    });

    it("stack export and every file the backend wrote hold no secret value or credential in plaintext; the secret fields are ciphertext", async () => {
        const { stdout } = await cli.ok(["stack", "export"]);
        const pass = exportedResources(stdout).find((r) => r.type === "cloudreads:huaweicloud/sms:TaskPassphrase");
        assert.equal(typeof (pass?.outputs.passphrase as { ciphertext?: unknown }).ciphertext, "string");
        const auth = exportedResources(stdout).find((r) => r.type === "cloudreads:huaweicloud/roma:ProductAuthentication");
        assert.equal(typeof (auth?.outputs.password as { ciphertext?: unknown }).ciphertext, "string");
        const provider = exportedResources(stdout).find((r) => r.type === "pulumi:providers:cloudreads");
        assert.equal(typeof (provider?.inputs.huaweicloudToken as { ciphertext?: unknown } | undefined)?.ciphertext, "string");
        const texts = [{ file: "stack export", text: stdout }, ...filesUnder(cli.backend), ...filesUnder(s.dir)];
        assert.ok(texts.length >= 3);
        const leaks = texts.flatMap((t) => findSentinels(t.file, t.text, [...CREDENTIALS, ...SECRET_VALUES]));
        assert.deepEqual(leaks, []);
    });

    it("a second up changes nothing", async () => {
        await cli.ok(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    });

    it("refresh picks up a KPS status changed at the emulator, and a preview afterwards shows no changes", async () => {
        emulator.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        const task = exportedResources((await cli.ok(["stack", "export"])).stdout).find((r) => r.type === "cloudreads:huaweicloud/kps:KeypairTask");
        assert.equal(task?.outputs.taskStatus, "SUCCESS_RESET");
        assert.equal(task?.outputs.phase, "SUCCESS");
        await cli.ok(["preview", "--expect-no-changes"]);
    });

    it("a read that retries for more than 2 s says so in the engine's log, under its resource", async () => {
        emulator.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const events = await cli.events(["refresh", "--yes", "--skip-preview"]);
        const said = diagnostics(events).filter((d) => /Huawei Cloud KPS ListKeypairTask: .* is not answering usefully \(HTTP 503\); retrying/.test(d.message));
        assert.ok(said.length >= 1, JSON.stringify(diagnostics(events)));
        assert.equal(said[0]!.severity, "info");
    });

    it("a bad input fails preview naming the property, and sends nothing", async () => {
        await cli.setConfig({ "cloudreads-yaml:migrationTaskId": "x".repeat(44) });
        try {
            const [result, requests] = await requestsDuring(emulator, () => cli.run(["preview"]));
            assert.notEqual(result.code, 0);
            assert.match(result.stdout + result.stderr, /taskId/);
            assert.match(result.stdout + result.stderr, /1 to 36/);
            assert.equal(requests.filter((r) => r.startsWith("sms ")).length, 0);
        } finally {
            await cli.ok(["config", "rm", "cloudreads-yaml:migrationTaskId"]);
        }
    });

    it("destroy removes every resource and sends no request", async () => {
        const [, requests] = await requestsDuring(emulator, () => cli.ok(["destroy", "--yes", "--skip-preview"]));
        assert.deepEqual(requests, []);
        const left = exportedResources((await cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith("cloudreads:"));
        assert.deepEqual(left, []);
    });
});
