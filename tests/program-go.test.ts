import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE_SECRETS, startEmulator, type Emulator } from "../emulator";
import { buildGoProgram, exampleGoModule, goOutputLines, okGoProgram, runGoProgram } from "./helpers/go";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { filesUnder, PLUGIN_VERSION, pluginTarball, requestsDuring, setPluginConfig, yamlCliPath } from "./helpers/plugin-stack";
import { releaseFolder } from "./helpers/release-folder";
import { serveRelease, type ReleaseServer } from "./helpers/release-server";
import { SECOND, SECOND_CREDENTIALS, SECOND_FIXTURES } from "./helpers/second-account";
import { FIXTURE } from "./helpers/stack";
import { findSentinels } from "./helpers/sweep-scanner";

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "go");
const PROJECT = "cloudreads-go";
const CREDENTIALS = [FIXTURE.huaweiToken, FIXTURE.astraToken, ...SECOND_CREDENTIALS];
const SECRET_VALUES = [FIXTURE.smsPassphrase, FIXTURE.romaPassword, SECOND.smsPassphrase, ...FIXTURE_SECRETS];
const READS = ["cloudreads:astracontrol:Certificate", "cloudreads:huaweicloud/kps:KeypairTask", "cloudreads:huaweicloud/kps:KeypairTask", "cloudreads:huaweicloud/roma:ProductAuthentication", "cloudreads:huaweicloud/sms:TaskPassphrase"];

/** The id of the SMS task named db-02-migration in the emulator's default fixtures: what the look-up by name finds. */
const DB02_TASK_ID = (() => {
    const data = JSON.parse(fs.readFileSync(path.join(ROOT, "emulator", "fixtures", "default.json"), "utf8")) as { huawei: { sms: { tasks: { taskId: string; detail?: { name?: string } }[] } } };
    const task = data.huawei.sms.tasks.find((t) => t.detail?.name === "db-02-migration");
    if (!task) throw new Error("the default fixtures have no SMS task named db-02-migration");
    return task.taskId;
})();

/**
 * examples/go as a user runs it (docs/go.md): a Go program on the committed Go SDK, driving the real
 * CLI v3.276.0 with the Automation API as an inline program (the CLI dials the program's own
 * language server with --client: no Go language host), an empty PULUMI_HOME, and the engine
 * installing the plugin on first use from the release layout served on 127.0.0.1. Two emulators
 * are the two accounts. The steps depend on each other, in order.
 */
describe("Go program (examples/go): Automation API inline program through the real CLI, plugin installed by the engine", function () {
    this.timeout(1_200_000);
    let first: Emulator;
    let second: Emulator;
    let server: ReleaseServer;
    let cli: PulumiCli;
    let bin: string;
    const scratch: string[] = [];
    const tmp = (prefix: string): string => {
        const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        scratch.push(d);
        return d;
    };

    before(async function () {
        this.timeout(1_200_000);
        bin = buildGoProgram(EXAMPLE, tmp("cloudreads-go-bin-"), "cloudreads-go");
        server = await serveRelease(releaseFolder(["linux-amd64"]));
        first = await startEmulator({ port: 0 });
        second = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
        const dir = tmp("cloudreads-go-project-");
        fs.copyFileSync(path.join(EXAMPLE, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        // The CLI's folder first (the Automation API runs `pulumi` from PATH), then no folder with node.
        cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { ...server.env, PATH: yamlCliPath() } });
        delete cli.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
        await cli.ok(["stack", "init", "dev"]);
        await setPluginConfig(cli, first, {
            plain: {
                [`${PROJECT}:secondRegion`]: SECOND.region,
                [`${PROJECT}:secondProjectId`]: SECOND.projectId,
                [`${PROJECT}:secondSmsEndpoint`]: second.endpoints.sms,
                [`${PROJECT}:secondKmsEndpoint`]: second.endpoints.kms,
            },
            secret: { [`${PROJECT}:secondToken`]: SECOND.huaweiToken },
        });
    });

    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["stack", "rm", "--yes", "--force", "dev"]);
            cli.dispose();
        }
        await server?.close();
        await first?.close();
        await second?.close();
        for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
    });

    it("preview, the first command on an empty PULUMI_HOME, has the engine install the plugin from the release server, and plans the reads", async () => {
        assert.equal(fs.existsSync(path.join(cli.home, "plugins", `resource-cloudreads-v${PLUGIN_VERSION}`)), false);
        const r = await okGoProgram(bin, cli, ["preview"]);
        for (const token of new Set(READS)) assert.ok(r.stdout.includes(token), `${token} not planned:\n${r.stdout}`);
        assert.match(r.stdout, /\+\s+pulumi:providers:cloudreads\s+secondAccount\s+create/);
        assert.ok(fs.statSync(path.join(cli.home, "plugins", `resource-cloudreads-v${PLUGIN_VERSION}`, "pulumi-resource-cloudreads")).mode & 0o100);
        assert.deepEqual(server.requests.filter((q) => q.startsWith("200 ")), [`200 /pulumi-cloudreads/pulumi-cloudreads/releases/download/v${PLUGIN_VERSION}/pulumi-resource-cloudreads-v${PLUGIN_VERSION}-linux-amd64.tar.gz`]);
    });

    it("up reads every value, the second account's through its explicit provider with its own token; secret outputs are secrets", async () => {
        const [, requests] = await requestsDuring(first, () => okGoProgram(bin, cli, ["up"]));
        assert.deepEqual([...new Set(requests.map((q) => q.split(" ")[0]))].sort(), ["astra", "kms", "roma", "sms"]);
        assert.ok(second.requests.some((q) => q.service === "kms") && second.requests.some((q) => q.service === "sms"));
        for (const q of second.requests) assert.equal(q.headers["x-auth-token"], SECOND.huaweiToken);
        for (const q of first.requests.filter((x) => x.service !== "astra")) assert.equal(q.headers["x-auth-token"], FIXTURE.huaweiToken);

        const printed = goOutputLines((await okGoProgram(bin, cli, ["outputs"])).stdout);
        for (const k of ["migrationPassphrase", "devicePassword", "invokedPassphrase", "secondPassphrase"]) assert.equal(printed[k], "[secret]", k);
        assert.equal(printed.keypairTaskStatus, "RUNNING_RESET");
        assert.equal(printed.secondKeypairTaskStatus, SECOND.kpsStatus);
        assert.equal(printed.deviceUserName, FIXTURE.romaUserName);
        assert.equal(printed.taskIdByName, DB02_TASK_ID);
        assert.match(printed.caDaysUntilExpiry ?? "", /^-?\d+$/);

        const hidden = await cli.json<Record<string, unknown>>(["stack", "output"]);
        assert.equal(hidden.migrationPassphrase, "[secret]");
        assert.equal(hidden.invokedPassphrase, "[secret]");
        const shown = await cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        assert.equal(shown.migrationPassphrase, FIXTURE.smsPassphrase);
        assert.equal(shown.invokedPassphrase, FIXTURE.smsPassphrase);
        assert.equal(shown.devicePassword, FIXTURE.romaPassword);
        assert.equal(shown.secondPassphrase, SECOND.smsPassphrase);
        assert.equal(typeof shown.caDaysUntilExpiry, "number");
    });

    it("stack export and every file the backend and the project folder hold have no secret or credential in plaintext", async () => {
        const { stdout } = await cli.ok(["stack", "export"]);
        const resources = exportedResources(stdout);
        assert.deepEqual(resources.filter((x) => x.type.startsWith("cloudreads:")).map((x) => x.type).sort(), READS);
        const pass = resources.find((x) => x.type === "cloudreads:huaweicloud/sms:TaskPassphrase");
        assert.equal(typeof (pass?.outputs.passphrase as { ciphertext?: unknown }).ciphertext, "string");
        const provider = resources.find((x) => x.urn.endsWith("pulumi:providers:cloudreads::secondAccount"));
        assert.equal(typeof (provider?.inputs.huaweicloudToken as { ciphertext?: unknown } | undefined)?.ciphertext, "string");
        const texts = [{ file: "stack export", text: stdout }, ...filesUnder(cli.backend), ...filesUnder(cli.cwd)];
        assert.ok(texts.length >= 3);
        assert.deepEqual(texts.flatMap((t) => findSentinels(t.file, t.text, [...CREDENTIALS, ...SECRET_VALUES])), []);
    });

    it("refresh picks up a KPS status changed at the emulator", async () => {
        first.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        await okGoProgram(bin, cli, ["refresh"]);
        const task = exportedResources((await cli.ok(["stack", "export"])).stdout).find((x) => x.urn.endsWith("::keypairTask"));
        assert.equal(task?.outputs.taskStatus, "SUCCESS_RESET");
        assert.equal(task?.outputs.phase, "SUCCESS");
    });

    it("a bad input fails preview naming the property (TaskId in Go, taskId on the wire) and sends no request with it", async () => {
        await cli.setConfig({ [`${PROJECT}:migrationTaskId`]: "x".repeat(44) });
        try {
            const [r, requests] = await requestsDuring(first, () => runGoProgram(bin, cli, ["preview"]));
            assert.notEqual(r.code, 0);
            assert.match(r.stdout + r.stderr, /taskId/i);
            assert.match(r.stdout + r.stderr, /1 to 36/);
            assert.deepEqual(requests.filter((q) => q.includes("xxxx")), []);
        } finally {
            await cli.ok(["config", "rm", `${PROJECT}:migrationTaskId`]);
        }
    });

    it("destroy removes every resource and sends no request to either account", async () => {
        const before = second.requests.length;
        const [, requests] = await requestsDuring(first, () => okGoProgram(bin, cli, ["destroy"]));
        assert.deepEqual(requests, []);
        assert.equal(second.requests.length, before);
        assert.deepEqual(exportedResources((await cli.ok(["stack", "export"])).stdout).filter((x) => x.type.startsWith("cloudreads:")), []);
    });

    it("a function with a secret result in its plain form (sms.LookupTaskPassphrase) fails with the SDK's message; the program's output holds no secret value", async () => {
        const program = [
            "package main",
            "",
            "import (",
            '\t"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/sms"',
            '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
            ")",
            "",
            "func program(ctx *pulumi.Context) error {",
            `\tres, err := sms.LookupTaskPassphrase(ctx, &sms.LookupTaskPassphraseArgs{TaskId: "${FIXTURE.smsTaskId}"})`,
            "\tif err != nil {",
            "\t\treturn err",
            "\t}",
            '\tctx.Export("plainPassphrase", pulumi.String(res.Passphrase))',
            "\treturn nil",
            "}",
            "",
        ].join("\n");
        const dir = tmp("cloudreads-go-plain-");
        const plain = buildGoProgram(exampleGoModule(program, path.join(dir, "module")), dir, "plain-form");
        const r = await runGoProgram(plain, cli, ["preview"]);
        assert.notEqual(r.code, 0, r.stdout);
        assert.match(r.stdout + r.stderr, /unexpected secret result returned to invoke call/);
        assert.deepEqual(findSentinels("plain-form output", r.stdout + r.stderr, SECRET_VALUES), []);
    });

    it("with downloads off and only another plugin version installed, the error names the version the SDK wants and the command to run", async () => {
        const dir = tmp("cloudreads-go-mismatch-");
        fs.copyFileSync(path.join(EXAMPLE, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        const other = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
        try {
            await other.ok(["plugin", "install", "resource", "cloudreads", "0.0.9", "--file", pluginTarball()]);
            await other.ok(["stack", "init", "dev"]);
            const keys = ["secondRegion", "secondProjectId", "secondSmsEndpoint", "secondKmsEndpoint", "secondToken"];
            await other.setConfig(Object.fromEntries(keys.map((k) => [`${PROJECT}:${k}`, "unused"])));
            const r = await runGoProgram(bin, other, ["preview"]);
            assert.notEqual(r.code, 0);
            // The engine's message names the version wanted; the example adds what is installed and what to run.
            assert.match(r.stderr, /no resource plugin 'pulumi-resource-cloudreads' found in the workspace at version v0\.1\.0/);
            assert.match(r.stderr, /the Go SDK asks for the cloudreads plugin 0\.1\.0; installed versions of it: 0\.0\.9\./);
            assert.match(r.stderr, /Run `pulumi plugin install resource cloudreads 0\.1\.0 --server github:\/\/api\.github\.com\/pulumi-cloudreads`/);
        } finally {
            await other.run(["stack", "rm", "--yes", "--force", "dev"]);
            other.dispose();
        }
    });
});
