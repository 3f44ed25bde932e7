import { dynamicModuleOf } from "./helpers/reads";
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURE_SECRETS, startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, diagnostics, exportedResources, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");
const CREDENTIALS = [FIXTURE.huaweiToken, FIXTURE.astraToken];
const SECRET_VALUES = [FIXTURE.smsPassphrase, FIXTURE.romaPassword, ...FIXTURE_SECRETS];
const TYPE_PREFIX = "pulumi-nodejs:dynamic/cloudreads:";

/**
 * examples/quickstart as a user runs it: the real `pulumi` CLI in the repository's project
 * folder (Pulumi.yaml `main: examples/quickstart/`), a file backend, passphrase secrets, and the
 * emulator as the cloud. The steps depend on each other, in order.
 */
describe("real Pulumi CLI: examples/quickstart through stack init, config set, preview, up, refresh and destroy", function () {
    this.timeout(240_000);
    let emulator: Emulator;
    let cli: PulumiCli;
    const stack = `cli-quickstart-${process.pid}`;

    /** Runs `f` and returns the emulator requests it caused, as `service path`. */
    async function requestsDuring<T>(f: () => Promise<T>): Promise<[T, string[]]> {
        const before = emulator.requests.length;
        const result = await f();
        return [result, emulator.requests.slice(before).map((r) => `${r.service} ${r.path}`)];
    }

    before(async function () {
        this.timeout(120_000);
        const bin = pulumiCliDir();
        emulator = await startEmulator({ port: 0 });
        cli = new PulumiCli(bin, { cwd: ROOT });
        await cli.ok(["stack", "init", stack]);
        const { plain, secret } = cliStackConfig(emulator);
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
    });

    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["stack", "rm", "--yes", "--force", stack]);
            fs.rmSync(path.join(ROOT, `Pulumi.${stack}.yaml`), { force: true });
            cli.dispose();
        }
        await emulator?.close();
    });

    it("`pulumi version` is the version of the @pulumi/pulumi peer dependency", async () => {
        const { stdout } = await cli.ok(["version"]);
        const sdk = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string };
        assert.equal(stdout.trim(), `v${sdk.version}`);
    });

    it("the stack file holds credentials only as ciphertext, set with `config set --secret`", () => {
        const stackFile = fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
        for (const credential of CREDENTIALS) assert.equal(stackFile.includes(credential), false);
        assert.match(stackFile, /huaweicloud:token:\s+secure: /);
        assert.match(stackFile, /astracontrol:apiToken:\s+secure: /);
    });

    it("preview plans four creates and sends no resource request, while getXOutput values are known", async () => {
        const [events, requests] = await requestsDuring(() => cli.events(["preview"]));
        const steps = previewSteps(events).filter((s) => s.type.startsWith(TYPE_PREFIX));
        assert.deepEqual(steps.map((s) => s.op), ["create", "create", "create", "create"]);
        // Only the two data-source functions, which run in the program.
        assert.deepEqual(requests.map((r) => r.split(" ")[0]).sort(), ["astra", "kms"]);
        const text = await cli.ok(["preview"]);
        assert.match(text.stdout, /previewKnownTaskStatus\s*: "RUNNING_RESET"/);
        assert.match(text.stdout, /previewKnownCaTrustState\s*: "untrusted"/);
        assert.match(text.stdout, /migrationPassphrase\s*: (output<string>|\[unknown\])/);
    });

    it("a function that retries for more than 2 s says so in preview, as a message the CLI shows", async () => {
        emulator.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const events = await cli.events(["preview"]);
        const said = diagnostics(events).filter((d) => /Huawei Cloud KPS ListKeypairTask: .* is not answering usefully \(HTTP 503\); retrying/.test(d.message));
        assert.ok(said.length >= 1, JSON.stringify(diagnostics(events)));
        assert.equal(said[0]!.severity, "info");
    });

    it("up creates the four resources with credentials from `config set --secret`; secrets stay secret in outputs", async () => {
        const [, requests] = await requestsDuring(() => cli.ok(["up", "--yes", "--skip-preview"]));
        assert.ok(requests.some((r) => r.startsWith("sms ")) && requests.some((r) => r.startsWith("roma ")));
        // SMS and ROMA are read only by resources, i.e. in the provider, with the configured token.
        for (const r of emulator.requests.filter((q) => q.service === "sms" || q.service === "roma")) {
            assert.equal(r.headers["x-auth-token"], FIXTURE.huaweiToken);
        }
        const hidden = await stackOutputs(cli, false);
        assert.equal(hidden.migrationPassphrase, "[secret]");
        assert.equal(hidden.devicePassword, "[secret]");
        assert.equal(hidden.keypairTaskStatus, "RUNNING_RESET");
        const shown = await stackOutputs(cli, true);
        assert.equal(shown.migrationPassphrase, FIXTURE.smsPassphrase);
        assert.equal(shown.devicePassword, FIXTURE.romaPassword);
        assert.equal(shown.deviceUserName, FIXTURE.romaUserName);
    });

    it("a second up is a no-op, and resources send no request", async () => {
        const [, requests] = await requestsDuring(() => cli.ok(["up", "--yes", "--skip-preview", "--expect-no-changes"]));
        assert.deepEqual(requests.map((r) => r.split(" ")[0]).sort(), ["astra", "kms"]);
    });

    it("`stack export` holds passphrase, password and credentials only as ciphertext; --show-secrets shows the values", async () => {
        const { stdout: hidden } = await cli.ok(["stack", "export"]);
        for (const value of [...CREDENTIALS, ...SECRET_VALUES]) assert.equal(hidden.toLowerCase().includes(value.toLowerCase()), false, `found ${value.slice(0, 12)}… in clear`);
        const resources = exportedResources(hidden).filter((r) => r.type.startsWith(TYPE_PREFIX));
        assert.equal(resources.length, 4);
        const pass = resources.find((r) => r.type.endsWith("sms.TaskPassphrase"));
        assert.equal(typeof (pass?.outputs.passphrase as { ciphertext?: unknown }).ciphertext, "string");
        const { stdout: shown } = await cli.ok(["stack", "export", "--show-secrets"]);
        assert.ok(shown.includes(FIXTURE.smsPassphrase) && shown.includes(FIXTURE.romaPassword));
        // The engine keeps the stack config as the default provider's inputs (secrets encrypted);
        // none of it may reach this package's resources.
        const ours = JSON.stringify(exportedResources(shown).filter((r) => r.type.startsWith(TYPE_PREFIX)));
        for (const credential of CREDENTIALS) assert.equal(ours.includes(credential), false, "a credential reached a resource's state");
        const provider = exportedResources(hidden).find((r) => r.type === "pulumi:providers:pulumi-nodejs");
        assert.equal(typeof (provider?.inputs["huaweicloud:token"] as { ciphertext?: unknown } | undefined)?.ciphertext, "string");
    });

    it("every __provider is a one-line require of the read's provider module and holds no credential", async () => {
        const { stdout } = await cli.ok(["stack", "export", "--show-secrets"]);
        for (const r of exportedResources(stdout).filter((x) => x.type.startsWith(TYPE_PREFIX))) {
            const provider = String(r.inputs.__provider);
            // In this repository the package is no dependency of the project, so the host requires it by path (installed: by name, tests/installed-package.test.ts).
            assert.equal(provider, `exports.handler = () => require(${JSON.stringify(path.join(ROOT, "dist", "provider", "dynamic", dynamicModuleOf(r.type.slice(TYPE_PREFIX.length))))});\n`, r.type);
            for (const secret of [...CREDENTIALS, ...SECRET_VALUES]) assert.equal(provider.includes(secret), false);
        }
    });

    it("refresh picks up a KPS status changed at the emulator, and a preview afterwards shows no changes", async () => {
        emulator.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        const task = exportedResources((await cli.ok(["stack", "export"])).stdout).find((r) => r.type.endsWith("kps.KeypairTask"));
        assert.equal(task?.outputs.taskStatus, "SUCCESS_RESET");
        assert.equal(task?.outputs.phase, "SUCCESS");
        await cli.ok(["preview", "--diff", "--expect-no-changes"]);
    });

    it("state whose __provider is a serialized closure (as older versions wrote it) refreshes, and the next up writes the one-line __provider without changes", async () => {
        // The closure `pulumi.dynamic.Resource` serialized for each resource before.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as { serializeFunction(f: () => unknown, o: object): Promise<{ text: string }> };
        const exported = JSON.parse((await cli.ok(["stack", "export", "--show-secrets"])).stdout) as { deployment: { resources: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } };
        const ours = exported.deployment.resources.filter((r) => r.type.startsWith(TYPE_PREFIX));
        for (const r of ours) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const provider: unknown = require(path.join(ROOT, "dist", "provider", "dynamic", dynamicModuleOf(r.type.slice(TYPE_PREFIX.length))));
            const old = (await closure.serializeFunction(() => provider, { allowSecrets: true })).text;
            assert.ok(old.length > 300 && old.includes("loadHost"), "not a closure of the provider");
            r.inputs!.__provider = old;
            r.outputs!.__provider = old;
        }
        const file = path.join(ROOT, "tmp", `old-provider-state-${process.pid}.json`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(exported));
        try {
            await cli.ok(["stack", "import", "--file", file]);
        } finally {
            fs.rmSync(file, { force: true });
        }
        const [, requests] = await requestsDuring(() => cli.ok(["refresh", "--yes", "--skip-preview"]));
        assert.equal(requests.length >= ours.length, true, "refresh did not read through the old __provider");
        await cli.ok(["preview", "--expect-no-changes"]);
        await cli.ok(["up", "--yes", "--skip-preview"]);
        for (const r of exportedResources((await cli.ok(["stack", "export"])).stdout).filter((x) => x.type.startsWith(TYPE_PREFIX))) {
            assert.match(String(r.inputs.__provider), /^exports\.handler = \(\) => require\("[^"]+"\);\n$/, r.type);
        }
    });

    it("a bad input fails preview naming the property, and sends nothing", async () => {
        await cli.setConfig({ "cloudreads-quickstart:migrationTaskId": "x".repeat(44) });
        try {
            const [result, requests] = await requestsDuring(() => cli.run(["preview"]));
            assert.notEqual(result.code, 0);
            assert.match(result.stdout + result.stderr, /taskId/);
            assert.equal(requests.filter((r) => r.startsWith("sms ")).length, 0);
        } finally {
            await cli.ok(["config", "rm", "cloudreads-quickstart:migrationTaskId"]);
        }
    });

    it("a changed taskId replaces the resource", async () => {
        await cli.setConfig({ "cloudreads-quickstart:keypairTaskId": FIXTURE.kpsOtherTaskId });
        const events = await cli.events(["up", "--yes", "--skip-preview"]);
        const task = previewSteps(events).find((s) => s.type.endsWith("kps.KeypairTask") && s.op !== "same");
        assert.ok(task, "no step for the key pair task");
        assert.match(task.op, /replace|create-replacement/);
        assert.equal((await stackOutputs(cli, false)).keypairTaskStatus, "SUCCESS_UNBIND");
    });

    it("an object deleted at the emulator leaves the stack on refresh", async () => {
        emulator.remove("kpsTask", FIXTURE.kpsOtherTaskId);
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        const resources = exportedResources((await cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith(TYPE_PREFIX));
        assert.deepEqual(resources.map((r) => r.type.slice(TYPE_PREFIX.length)).sort(), ["astracontrol.Certificate", "huaweicloud.roma.ProductAuthentication", "huaweicloud.sms.TaskPassphrase"]);
    });

    it("destroy sends no request to the APIs", async () => {
        const [, requests] = await requestsDuring(() => cli.ok(["destroy", "--yes", "--skip-preview"]));
        assert.deepEqual(requests, []);
        const resources = exportedResources((await cli.ok(["stack", "export"])).stdout);
        assert.deepEqual(resources, []);
    });
});
