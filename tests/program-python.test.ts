import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { filesUnder, PLUGIN_VERSION, pluginTarball } from "./helpers/plugin-stack";
import { exportedResources, stackOutputs } from "./helpers/pulumi-cli-results";
import { freshVenv, pythonDists } from "./helpers/python";
import { cachedPlugins, pythonProject, type PythonProject } from "./helpers/python-program";
import { releaseFolder } from "./helpers/release-folder";
import { serveRelease, type ReleaseServer } from "./helpers/release-server";
import { SECOND, SECOND_CREDENTIALS, SECOND_FIXTURES } from "./helpers/second-account";
import { describeLeaks, findSentinels, SECRET_SIG, SIG_KEY } from "./helpers/sweep-scanner";
import { ALL_SENTINELS, SENTINELS, sentinelFixtures } from "./helpers/sweep-sentinels";
import { FIXTURE } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "python");
/** examples/python: the Automation API driver, the program, the project and the pinned requirements. */
const EXAMPLE_FILES = ["main.py", "program.py", "Pulumi.yaml", "requirements.txt"];
const exampleFile = (f: string): string => fs.readFileSync(path.join(EXAMPLE, f), "utf8");
const CREDENTIALS = { huaweiToken: SENTINELS.huaweiToken, astraToken: SENTINELS.astraToken };
/** Every value that must never be seen in clear: both accounts' credentials and secret results. */
const SWEPT = [...ALL_SENTINELS, ...SECOND_CREDENTIALS, SECOND.smsPassphrase];

/** `{SIG_KEY: SECRET_SIG, ciphertext}`: a secret as the file backend keeps it. */
function isCiphertext(value: unknown): boolean {
    const v = value as Record<string, unknown> | undefined;
    return v?.[SIG_KEY] === SECRET_SIG && typeof v.ciphertext === "string";
}

/**
 * A Python venv as the example's README section tells a user to make one: `pip install -r
 * requirements.txt` (pulumi and pulumi_cloudreads, pinned), pulumi from PyPI and our wheel from the
 * release folder (a local index, as PyPI would serve it).
 */
function exampleVenv(): string {
    const { wheel } = pythonDists();
    return freshVenv(["-r", path.join(EXAMPLE, "requirements.txt")], path.dirname(wheel));
}

/**
 * examples/python/main.py as a user runs it: the Automation API's inline program (no Python
 * language host: the program serves itself to the CLI through `--client`), the real CLI v3.276.0,
 * an empty PULUMI_HOME, and the plugin installed by the engine on first use from the release
 * layout served on 127.0.0.1. The emulator serves sentinel secrets; a second emulator is the
 * second account, read through an explicit provider.
 */
describe("Python program (examples/python): preview, up, outputs, refresh, destroy through the real CLI, the plugin installed by the engine", function () {
    this.timeout(900_000);
    let first: Emulator;
    let second: Emulator;
    let server: ReleaseServer;
    let venv: string;
    let project: PythonProject;
    /** Everything the program printed, swept for sentinels at the end. */
    const printed: string[] = [];
    const main = async (command: string): Promise<string> => {
        const r = await project.pythonOk(["main.py", command]);
        printed.push(r.stdout, r.stderr);
        return r.stdout;
    };
    const requests = (): number => first.requests.length + second.requests.length;

    before(async function () {
        first = await startEmulator({ port: 0, fixtures: sentinelFixtures() });
        second = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
        server = await serveRelease(releaseFolder(["linux-amd64"]));
        venv = exampleVenv();
        const files = Object.fromEntries(EXAMPLE_FILES.map((f) => [f, exampleFile(f)]));
        project = await pythonProject({ files, venv, server, emulator: first, credentials: CREDENTIALS });
        const cli = project.cli;
        await cli.setConfig({ "cloudreads-python:secondRegion": SECOND.region, "cloudreads-python:secondProjectId": SECOND.projectId });
        await cli.setConfig({ "cloudreads-python:secondToken": SECOND.huaweiToken }, new Set(["cloudreads-python:secondToken"]));
        for (const s of ["sms", "kms"] as const) await cli.ok(["config", "set", "--path", `cloudreads-python:secondEndpoints.${s}`, "--", second.endpoints[s]]);
    });
    after(async function () {
        await project?.dispose();
        if (venv) fs.rmSync(venv, { recursive: true, force: true });
        await server?.close();
        await first?.close();
        await second?.close();
    });

    it("no Python language host anywhere: the CLI's PATH holds no pulumi-language-python, and the plugin cache starts empty", () => {
        const dirs = (project.cli.env.PATH ?? "").split(path.delimiter);
        assert.deepEqual(dirs.filter((d) => fs.existsSync(path.join(d, "pulumi-language-python"))), []);
        assert.deepEqual(cachedPlugins(project.cli), []);
    });

    it("preview: the engine downloads the plugin from the release server on first use; nothing is created", async () => {
        const out = await main("preview");
        assert.match(out, /cloudreads:huaweicloud\/sms:TaskPassphrase\s+agent-pass\s+create/);
        assert.ok(cachedPlugins(project.cli).includes(`resource-cloudreads-v${PLUGIN_VERSION}`), cachedPlugins(project.cli).join(", "));
        assert.deepEqual(server.requests.filter((r) => r.startsWith("200 ")), [`200 /pulumi-cloudreads/pulumi-cloudreads/releases/download/v${PLUGIN_VERSION}/pulumi-resource-cloudreads-v${PLUGIN_VERSION}-linux-amd64.tar.gz`]);
        assert.deepEqual(exportedResources((await project.cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith("cloudreads:")), []);
    });

    it("up: the four reads, a function, a look-up by name and a second account's resource and function; `outputs` shows the secret ones as [secret]", async () => {
        await main("up");
        const shown = JSON.parse(await main("outputs")) as Record<string, unknown>;
        assert.deepEqual(shown, {
            caDaysUntilExpiry: shown.caDaysUntilExpiry,
            caTrustState: "untrusted",
            devicePassword: "[secret]",
            deviceUserName: "emulatorUser0001",
            gatewayProductIds: ["2048"],
            invokedPassphrase: "[secret]",
            keypairTaskStatus: "RUNNING_RESET",
            migrationPassphrase: "[secret]",
            secondPassphrase: "[secret]",
            secondKeypairTaskStatus: SECOND.kpsStatus,
        });
        assert.equal(typeof shown.caDaysUntilExpiry, "number");
        const revealed = await stackOutputs(project.cli, true);
        assert.equal(revealed.migrationPassphrase, SENTINELS.smsPassphrase);
        assert.equal(revealed.invokedPassphrase, SENTINELS.smsPassphrase);
        assert.equal(revealed.devicePassword, SENTINELS.romaPassword);
        assert.equal(revealed.secondPassphrase, SECOND.smsPassphrase);
        // Each account's reads went to its own emulator with its own credential.
        assert.ok(second.requests.length > 0);
        for (const r of first.requests.filter((q) => q.service !== "astra")) assert.equal(r.headers["x-auth-token"], SENTINELS.huaweiToken);
        for (const r of second.requests) assert.equal(r.headers["x-auth-token"], SECOND.huaweiToken);
    });

    it("state: every secret output and credential is ciphertext; no sentinel in stack export, the backend's files, the project's files or the program's output", async () => {
        const exported = (await project.cli.ok(["stack", "export"])).stdout;
        const resources = exportedResources(exported);
        const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
        for (const name of ["migrationPassphrase", "devicePassword", "invokedPassphrase", "secondPassphrase"]) assert.ok(isCiphertext(stack.outputs[name]), `${name}: ${JSON.stringify(stack.outputs[name])}`);
        const explicit = resources.find((r) => r.urn.endsWith("pulumi:providers:cloudreads::second-account"))!;
        assert.ok(isCiphertext(explicit.inputs.huaweicloudToken), JSON.stringify(explicit.inputs.huaweicloudToken));
        const texts = [{ file: "stack export", text: exported }, ...filesUnder(project.cli.backend), ...filesUnder(project.dir), ...printed.map((text, i) => ({ file: `program output ${i}`, text }))];
        const leaks = texts.flatMap((t) => findSentinels(t.file, t.text, SWEPT));
        assert.deepEqual(leaks, [], describeLeaks(leaks));
    });

    it("refresh reads the resources again: a key pair task that moved on shows its new status in state", async () => {
        first.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        const before = first.requests.length;
        await main("refresh");
        assert.ok(first.requests.slice(before).some((r) => r.service === "kms"), "refresh sent no KPS request");
        const task = exportedResources((await project.cli.ok(["stack", "export"])).stdout).find((r) => r.urn.endsWith("::keypair-task"))!;
        assert.equal(task.outputs.taskStatus, "SUCCESS_RESET");
    });

    /** A program given as its body (`def program() -> None:` and what it declares), previewed on the `dev` stack: it changes no state. */
    async function previewOf(body: string): Promise<{ code: number; text: string; sent: number }> {
        const file = path.join(project.dir, "bad.py");
        fs.writeFileSync(
            file,
            [
                "from pulumi import automation as auto",
                "from pulumi_cloudreads.huaweicloud import kps, sms",
                "",
                body,
                "",
                'stack = auto.select_stack(stack_name="dev", project_name="cloudreads-python", program=program, opts=auto.LocalWorkspaceOptions(work_dir="."))',
                "stack.preview(on_output=print)",
                "",
            ].join("\n"),
        );
        const before = requests();
        const r = await project.python(["bad.py"]);
        fs.rmSync(file);
        printed.push(r.stdout, r.stderr);
        return { code: r.code, text: r.stdout + r.stderr, sent: requests() - before };
    }

    it("a missing required input fails before any request, naming it in Python's words (task_id)", async () => {
        const r = await previewOf('def program() -> None:\n    kps.KeypairTask("bad-task")  # type: ignore[call-overload]');
        assert.notEqual(r.code, 0, r.text);
        assert.match(r.text, /TypeError: Missing required property 'task_id'/);
        assert.equal(r.sent, 0);
    });

    it("a wrong input type fails before any request; the plugin's message names the property in Python's words too", async () => {
        const r = await previewOf('def program() -> None:\n    kps.KeypairTask("bad-task", task_id=123)  # type: ignore[call-overload]');
        assert.notEqual(r.code, 0, r.text);
        assert.match(r.text, /property taskId value \{123\} has a problem: expected a string .*, got a number \(task_id in Python, TaskId in Go\)/);
        assert.equal(r.sent, 0);
        const f = await previewOf('def program() -> None:\n    sms.get_task_passphrase_output(task_id=123)  # type: ignore[arg-type]');
        assert.notEqual(f.code, 0, f.text);
        assert.match(f.text, /getTaskPassphrase: invalid input: taskId \(task_id in Python, TaskId in Go\): expected a string .*, got a number/);
        assert.equal(f.sent, 0);
    });

    it("destroy sends no request to either account and empties the stack; the plugin was downloaded once in all", async () => {
        const before = requests();
        await main("destroy");
        assert.equal(requests(), before);
        assert.deepEqual(exportedResources((await project.cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith("cloudreads:")), []);
        assert.equal(server.requests.filter((r) => r.startsWith("200 ")).length, 1, server.requests.join("\n"));
    });

    /** examples/python's driver (main.py) and project with `programText` as program.py, on a stack `dev` of its own backend. */
    const projectWith = (programText: string, withServer: boolean): Promise<PythonProject> =>
        pythonProject({ files: { "main.py": exampleFile("main.py"), "Pulumi.yaml": exampleFile("Pulumi.yaml"), "program.py": programText }, venv, server: withServer ? server : undefined, emulator: first, credentials: CREDENTIALS });

    it("a function with a secret result: the plain form get_task_passphrase(...) returns a plain str, so its value is stored in clear; the _output form keeps it secret", async () => {
        const plain = await projectWith(
            [
                "import pulumi",
                "from pulumi_cloudreads.huaweicloud import sms",
                "",
                "",
                "def program() -> None:",
                `    result = sms.get_task_passphrase(task_id="${FIXTURE.smsTaskId}")`,
                '    pulumi.export("plainType", type(result.passphrase).__name__)',
                '    pulumi.export("plainPassphrase", result.passphrase)',
                `    invoked = sms.get_task_passphrase_output(task_id="${FIXTURE.smsTaskId}")`,
                '    pulumi.export("outputPassphrase", invoked.passphrase)',
                '    pulumi.export("outputTaskId", invoked.task_id)',
                "",
            ].join("\n"),
            true,
        );
        try {
            await plain.pythonOk(["main.py", "up"]);
            const shown = JSON.parse((await plain.pythonOk(["main.py", "outputs"])).stdout) as Record<string, unknown>;
            // What the plain form gives: a str, not an Output, and the stack output is not secret.
            // The _output form's result is secret as a whole: its task_id too.
            assert.deepEqual(shown, { plainType: "str", plainPassphrase: SENTINELS.smsPassphrase, outputPassphrase: "[secret]", outputTaskId: "[secret]" });
            const exported = (await plain.cli.ok(["stack", "export"])).stdout;
            const stack = exportedResources(exported).find((r) => r.type === "pulumi:pulumi:Stack")!;
            assert.equal(stack.outputs.plainPassphrase, SENTINELS.smsPassphrase, "the plain form's value is in state in clear");
            assert.ok(isCiphertext(stack.outputs.outputPassphrase), JSON.stringify(stack.outputs.outputPassphrase));
            await plain.pythonOk(["main.py", "destroy"]);
        } finally {
            await plain.dispose();
        }
    });

    it("a version mismatch: with only another plugin version installed and downloads off, the error names the version wanted, the ones installed and the command to run", async () => {
        const other = await projectWith(["from pulumi_cloudreads.huaweicloud import sms", "", "", "def program() -> None:", `    sms.TaskPassphrase("agent-pass", task_id="${FIXTURE.smsTaskId}")`, ""].join("\n"), false);
        try {
            await other.cli.ok(["plugin", "install", "resource", "cloudreads", "0.0.9", "--file", pluginTarball()]);
            const before = requests();
            const r = await other.python(["main.py", "preview"]);
            assert.notEqual(r.code, 0, r.stdout);
            // The engine's message names the version wanted; main.py adds what is installed and what to run.
            assert.match(r.stderr, /no resource plugin 'pulumi-resource-cloudreads' found in the workspace at version v0\.1\.0/);
            assert.match(r.stderr, /the Python SDK pulumi_cloudreads 0\.1\.0 asks for the cloudreads plugin 0\.1\.0; installed versions of it: 0\.0\.9\./);
            assert.match(r.stderr, /Run `pulumi plugin install resource cloudreads 0\.1\.0 --server github:\/\/api\.github\.com\/pulumi-cloudreads`/);
            assert.equal(requests(), before);
        } finally {
            await other.dispose();
        }
    });
});
