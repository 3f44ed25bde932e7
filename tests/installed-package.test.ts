import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE_SECRETS, startEmulator, type Emulator } from "../emulator";
import { installPackages, packProject, readLoadLog, writeLoadTracer, type LoadedModule } from "./helpers/installed-package";
import { cliStackConfig, exportedResources, previewSteps, stackOutputs, type ExportedResource } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir, type EngineEvent } from "./helpers/pulumi-cli";
import { dynamicModuleOf, examplesOf, quickstartReads, RESOURCE_READS, resourceLine, typeOf } from "./helpers/reads";
import { FIXTURE } from "./helpers/stack";
import { outsideSecretEnvelopes, SECRET_SIG, SIG_KEY } from "./helpers/sweep-scanner";
import { programDependencies, PULUMI_SDK_VERSION } from "./helpers/versions";

const ROOT = path.join(__dirname, "..");
const TYPE_PREFIX = "pulumi-nodejs:dynamic/cloudreads:";
const CREDENTIALS = [FIXTURE.huaweiToken, FIXTURE.astraToken, FIXTURE.accessKey, FIXTURE.secretKey, ...FIXTURE_SECRETS];

/** The provider module each resource type's `__provider` must require. */
const PROVIDER_MODULES: Record<string, string> = Object.fromEntries(RESOURCE_READS.map((t) => [typeOf(t), dynamicModuleOf(t)]));

// Reads the quickstart does not declare get two resources each from their examples.
const EXTRA_READS = RESOURCE_READS.filter((t) => !quickstartReads().includes(t));
/** The custom resources of the program: the quickstart's, one more of each of its types, and two of every other read. */
const CUSTOM_COUNT = 2 * quickstartReads().length + 2 * EXTRA_READS.length;

// Text that only a by-value copy of provider/dynamic/provider-for.ts or the runtime would hold.
const PROVIDER_CODE_MARKERS = ["loadHost", "HOST_MODULE", "providerFor", "configure", "performRead", "check(", "diff(", "__dirname", "/work/main", "node_modules"];

// The quickstart is copied verbatim; this entry point re-exports it and adds a second resource of
// each type, so that "the same `__provider` for every resource of a type" compares two resources.
const ENTRY_POINT = `import { astracontrol, huaweicloud } from "pulumi-cloudreads";

export * from "./quickstart";

new huaweicloud.sms.TaskPassphrase("agent-pass-2", { taskId: "5e0c4b1d-0000-4000-8000-000000000002" });
new huaweicloud.roma.ProductAuthentication("device-auth-2", { instanceId: "${FIXTURE.romaInstanceId}", productId: "${FIXTURE.romaSmallProductId}" });
new huaweicloud.kps.KeypairTask("reset-task-2", { taskId: "3f6b2d8c-0000-4000-8000-000000000002" });
new astracontrol.Certificate("vcenter-ca-2", { certificateId: "${FIXTURE.derCertificateId}" });
${EXTRA_READS.flatMap((t) => [resourceLine(t, `${examplesOf(t).name}-2`, examplesOf(t).args), resourceLine(t, `${examplesOf(t).name}-3`, examplesOf(t).args)]).join("\n")}
`;

const PROJECT_FILE = `name: cloudreads-quickstart
runtime:
  name: nodejs
  options:
    typescript: true
description: examples/quickstart with pulumi-cloudreads installed from its npm tarball.
`;

/** This package's resources in a `pulumi stack export`. */
function customResources(exported: string): ExportedResource[] {
    return exportedResources(exported).filter((r) => r.type.startsWith(TYPE_PREFIX));
}

const nameOf = (r: ExportedResource): string => r.urn.split("::").pop() ?? "";

/**
 * The package as a user gets it: packed with `npm pack`, installed into a scratch TypeScript
 * project, and run by the real Pulumi CLI (examples/quickstart plus a resource of every other read),
 * with every Node.js process the CLI starts tracing which copy of each module it loads.
 */
describe("real Pulumi CLI: the package installed from its npm tarball, running examples/quickstart and every read", function () {
    this.timeout(240_000);
    let tmp: string;
    let programDir: string;
    let installed: string;
    let emulator: Emulator;
    let cli: PulumiCli;
    let loadLog: string;
    let upResources: ExportedResource[];
    const timings: string[] = [];

    before(async function () {
        // npm pack (with its prepack build) and an install take 20-120 s on a 2-core machine.
        this.timeout(180_000);
        const started = Date.now();
        tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-installed-")));
        const tarball = await packProject(ROOT, path.join(tmp, "stage"), path.join(tmp, "pack"), 120_000);
        timings.push(`npm pack ${Date.now() - started} ms`);
        programDir = path.join(tmp, "program");
        fs.mkdirSync(programDir);
        fs.writeFileSync(path.join(programDir, "package.json"), `${JSON.stringify({ name: "cloudreads-installed-quickstart", private: true, main: "index.ts" }, null, 2)}\n`);
        fs.copyFileSync(path.join(ROOT, "examples", "quickstart", "index.ts"), path.join(programDir, "quickstart.ts"));
        fs.writeFileSync(path.join(programDir, "index.ts"), ENTRY_POINT);
        fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), PROJECT_FILE);
        const installStarted = Date.now();
        await installPackages(programDir, [tarball, ...programDependencies()], 150_000);
        timings.push(`npm install ${Date.now() - installStarted} ms`);
        installed = path.join(programDir, "node_modules", "pulumi-cloudreads");
        emulator = await startEmulator({ port: 0 });
        loadLog = path.join(tmp, "loads.log");
        // Every node process the CLI starts (the program, the dynamic-provider host) inherits the tracer.
        cli = new PulumiCli(pulumiCliDir(), { cwd: programDir, env: { NODE_OPTIONS: writeLoadTracer(path.join(tmp, "trace-loads.js")), CLOUDREADS_LOAD_LOG: loadLog } });
        await cli.ok(["stack", "init", "dev"]);
        const { plain, secret } = cliStackConfig(emulator);
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
    });

    after(async () => {
        cli?.dispose();
        await emulator?.close();
        if (tmp) {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
        if (timings.length > 0) {
            process.stdout.write(`      (installed-package timings: ${timings.join(", ")})\n`);
        }
    });

    /** One CLI command with module-load tracing; returns its engine events and the modules each process compiled. */
    async function run(args: string[]): Promise<[EngineEvent[], LoadedModule[]]> {
        fs.rmSync(loadLog, { force: true });
        const started = Date.now();
        const events = await cli.events([...args, "--yes", "--skip-preview"]);
        timings.push(`${args[0]} ${Date.now() - started} ms`);
        return [events, readLoadLog(loadLog)];
    }

    const ours = (events: EngineEvent[]) => previewSteps(events).filter((s) => s.type.startsWith(TYPE_PREFIX));

    function hostModules(loads: LoadedModule[]): string[] {
        return loads.filter((m) => m.script.endsWith(path.join("cmd", "dynamic-provider", "index.js"))).map((m) => m.file);
    }

    it("is a real install, not a link to the working tree, with a single copy of @pulumi/pulumi", () => {
        assert.equal(fs.lstatSync(installed).isSymbolicLink(), false);
        const real = fs.realpathSync(installed);
        assert.equal(real.startsWith(`${fs.realpathSync(ROOT)}${path.sep}`), false, real);
        assert.equal(real.startsWith(`${tmp}${path.sep}`), true, real);
        for (const module of Object.values(PROVIDER_MODULES)) {
            assert.ok(fs.existsSync(path.join(installed, "dist", "provider", "dynamic", `${module}.js`)), module);
        }
        assert.equal(fs.existsSync(path.join(installed, "tests")), false, "tests/ was packed");
        assert.equal(fs.existsSync(path.join(installed, "emulator")), false, "emulator/ was packed");
        const sdk = JSON.parse(fs.readFileSync(path.join(programDir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string };
        assert.equal(sdk.version, PULUMI_SDK_VERSION, "the program runs this job's @pulumi/pulumi");
        // A second SDK copy under the package would break resource registration.
        assert.equal(fs.existsSync(path.join(installed, "node_modules", "@pulumi")), false);
    });

    it("up creates every resource, running only the installed copy of the package", async () => {
        const [events, loads] = await run(["up"]);
        const custom = ours(events);
        assert.equal(custom.length, CUSTOM_COUNT);
        assert.deepEqual([...new Set(custom.map((s) => s.op))], ["create"]);
        assert.deepEqual([...new Set(custom.map((s) => s.type))].sort(), Object.keys(PROVIDER_MODULES).sort());
        upResources = customResources((await cli.ok(["stack", "export"])).stdout);
        assert.equal(upResources.length, CUSTOM_COUNT);
        for (const r of upResources) assert.ok(r.id, `${nameOf(r)} has no id`);
        const hidden = await stackOutputs(cli, false);
        assert.equal(hidden.keypairTaskStatus, "RUNNING_RESET");
        assert.equal(hidden.migrationPassphrase, "[secret]");
        assert.equal((await stackOutputs(cli, true)).migrationPassphrase, FIXTURE.smsPassphrase);
        const shown = customResources((await cli.ok(["stack", "export", "--show-secrets"])).stdout);
        assert.equal(shown.find((r) => nameOf(r) === "device-auth-2")?.outputs.userName, "emulatorUser0002");

        // The program and the provider host load the package from the install, never from this repository.
        const fromRepo = loads.filter((m) => [path.join(ROOT, "dist"), path.join(ROOT, "sdk"), path.join(ROOT, "provider"), path.join(ROOT, "node_modules", "@pulumi")].some((d) => m.file.startsWith(`${d}${path.sep}`)));
        assert.deepEqual(fromRepo, []);
        assert.ok(loads.some((m) => m.file === path.join(installed, "dist", "sdk", "nodejs", "index.js")), "the program did not load the installed SDK");
        const host = hostModules(loads);
        assert.ok(host.includes(path.join(installed, "dist", "provider", "runtime", "host.js")), "the host did not run the installed provider runtime");
        assert.deepEqual(host.filter((f) => f.startsWith(`${ROOT}${path.sep}`)), []);
    });

    it("stores each __provider as a short require() of the installed module, the same for every resource of a type", () => {
        const byType = new Map<string, Set<string>>();
        for (const r of upResources) {
            const text = r.inputs.__provider;
            assert.equal(typeof text, "string", `${nameOf(r)} has no __provider`);
            const provider = text as string;
            assert.equal(r.outputs.__provider, provider, `${nameOf(r)}: __provider differs between inputs and outputs`);
            const module = PROVIDER_MODULES[r.type];
            assert.ok(module, `unexpected type ${r.type}`);
            assert.ok(Buffer.byteLength(provider) <= 1024, `${nameOf(r)}: __provider is ${Buffer.byteLength(provider)} bytes`);
            const requires = [...provider.matchAll(/require\(("[^"]*")\)/g)].map((m) => JSON.parse(m[1]) as string);
            assert.deepEqual(requires, [`pulumi-cloudreads/provider/dynamic/${module}`], provider);
            for (const marker of PROVIDER_CODE_MARKERS) {
                assert.equal(provider.includes(marker), false, `${nameOf(r)}: __provider holds provider code (${marker}):\n${provider}`);
            }
            byType.set(r.type, (byType.get(r.type) ?? new Set()).add(provider));
        }
        for (const [type, texts] of byType) {
            assert.equal(texts.size, 1, `${type} has ${texts.size} different __provider texts`);
        }
        assert.deepEqual([...byType.values()].map((s) => s.size), RESOURCE_READS.map(() => 1));
        // The exports map resolves each specifier inside the installed package, as the host will
        // (from the program directory: this file's own require would find the repository by self-reference).
        const requireFromProgram = createRequire(path.join(programDir, "index.ts"));
        for (const module of Object.values(PROVIDER_MODULES)) {
            const resolved = requireFromProgram.resolve(`pulumi-cloudreads/provider/dynamic/${module}`);
            assert.equal(resolved, path.join(installed, "dist", "provider", "dynamic", `${module}.js`));
        }
    });

    it("keeps every credential and fixture secret out of the state, outside secret envelopes", async () => {
        const exported = (await cli.ok(["stack", "export"])).stdout;
        const clear = JSON.stringify(outsideSecretEnvelopes(JSON.parse(exported)));
        const providers = upResources.map((r) => String(r.inputs.__provider)).join("\n");
        for (const secret of CREDENTIALS) {
            assert.equal(clear.includes(secret), false, `a credential or secret is in the state in clear: ${secret.slice(0, 12)}…`);
            assert.equal(providers.includes(secret), false, `a credential or secret is in __provider: ${secret.slice(0, 12)}…`);
        }
        for (const [name, key] of [
            ["agent-pass", "passphrase"],
            ["agent-pass-2", "passphrase"],
            ["device-auth", "password"],
            ["device-auth-2", "password"],
        ] as const) {
            const value = customResources(exported).find((r) => nameOf(r) === name)?.outputs[key] as Record<string, unknown> | undefined;
            assert.equal(value?.[SIG_KEY], SECRET_SIG, `${name}.${key} is not stored as a secret`);
        }
    });

    it("refresh re-reads through the stored __provider, running the installed code", async () => {
        emulator.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        const before = emulator.requests.length;
        const [events, loads] = await run(["refresh"]);
        const services = new Set(emulator.requests.slice(before).map((r) => r.service));
        assert.deepEqual([...services].sort(), ["astra", "kms", "roma", "sms"]);
        assert.equal(ours(events).filter((s) => s.op === "refresh").length, CUSTOM_COUNT);
        const after = customResources((await cli.ok(["stack", "export"])).stdout);
        const task = after.find((r) => nameOf(r) === "reset-task");
        assert.equal(task?.outputs.taskStatus, "SUCCESS_RESET");
        for (const r of after) {
            const stored = upResources.find((u) => u.urn === r.urn);
            assert.equal(r.inputs.__provider, stored?.inputs.__provider, `${nameOf(r)}: __provider changed on refresh`);
        }
        const host = hostModules(loads);
        for (const module of Object.values(PROVIDER_MODULES)) {
            assert.ok(host.includes(path.join(installed, "dist", "provider", "dynamic", `${module}.js`)), `the host did not load the installed ${module}`);
        }
        assert.ok(host.includes(path.join(installed, "dist", "provider", "runtime", "host.js")));
        assert.deepEqual(host.filter((f) => f.startsWith(`${ROOT}${path.sep}`)), []);
    });

    it("destroy deletes every resource without a request", async () => {
        const before = emulator.requests.length;
        const [events] = await run(["destroy"]);
        assert.equal(emulator.requests.length, before);
        assert.equal(ours(events).filter((s) => s.op === "delete").length, CUSTOM_COUNT);
        assert.deepEqual(exportedResources((await cli.ok(["stack", "export"])).stdout), []);
    });
});
