import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, diagnostics, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "conventions");

/**
 * The engine's conventions, through the real CLI: `X.get` reads in preview and in up, getXOutput
 * honours dependsOn, refused invoke options fail preview, and a refresh leaves no diff.
 */
describe("real Pulumi CLI: X.get, dependsOn, invoke options and refresh without spurious diffs", function () {
    this.timeout(240_000);
    let emulator: Emulator;
    let cli: PulumiCli;
    const stack = `cli-conventions-${process.pid}`;

    async function requestsDuring<T>(f: () => Promise<T>): Promise<[T, string[]]> {
        const before = emulator.requests.length;
        const result = await f();
        return [result, emulator.requests.slice(before).map((r) => `${r.service} ${r.path}`)];
    }

    before(async function () {
        this.timeout(120_000);
        const bin = pulumiCliDir();
        emulator = await startEmulator({ port: 0 });
        cli = new PulumiCli(bin, { cwd: PROJECT });
        await cli.ok(["stack", "init", stack]);
        const { plain, secret } = cliStackConfig(emulator, {
            "cloudreads-conventions:kpsId": `${FIXTURE.projectId}/${FIXTURE.kpsOtherTaskId}`,
            "cloudreads-conventions:certificateId": FIXTURE.certificateId,
            "cloudreads-conventions:smsTaskId": FIXTURE.smsTaskId,
            "cloudreads-conventions:kpsTaskId": FIXTURE.kpsTaskId,
        });
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
    });

    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["destroy", "--yes", "--skip-preview"]);
            await cli.run(["stack", "rm", "--yes", "--force", stack]);
            fs.rmSync(path.join(PROJECT, `Pulumi.${stack}.yaml`), { force: true });
            cli.dispose();
        }
        await emulator?.close();
    });

    it("preview runs X.get reads, plans the resource, and leaves a dependsOn function unread", async () => {
        const [events, requests] = await requestsDuring(() => cli.events(["preview"]));
        const steps = Object.fromEntries(previewSteps(events).map((s) => [s.urn.split("::").pop(), s.op]));
        assert.equal(steps["adopted-task"], "read");
        assert.equal(steps["adopted-ca"], "read");
        assert.equal(steps.pass, "create");
        assert.ok(requests.some((r) => r.startsWith("kms ") && r.includes(FIXTURE.kpsOtherTaskId)), "X.get did not read in preview");
        assert.ok(requests.some((r) => r.startsWith("astra ")), "X.get did not read the certificate in preview");
        assert.equal(requests.some((r) => r.includes(FIXTURE.kpsTaskId)), false, "the function read before the resource it depends on existed");
        assert.equal(requests.some((r) => r.startsWith("sms ")), false);
    });

    it("up reads the dependsOn function after the resource it waits for", async () => {
        const [, requests] = await requestsDuring(() => cli.ok(["up", "--yes", "--skip-preview"]));
        const sms = requests.findIndex((r) => r.startsWith("sms "));
        const waited = requests.findIndex((r) => r.startsWith("kms ") && r.includes(FIXTURE.kpsTaskId));
        assert.ok(sms >= 0 && waited > sms, `order: ${requests.join(", ")}`);
        const outputs = await stackOutputs(cli, false);
        assert.equal(outputs.adoptedStatus, "SUCCESS_UNBIND");
        assert.equal(outputs.adoptedCn, "vcenter.example.com");
        assert.equal(outputs.waitedStatus, "RUNNING_RESET");
    });

    it("a refresh leaves nothing for the next `preview --diff` to change", async () => {
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        await cli.ok(["preview", "--diff", "--expect-no-changes"]);
    });

    it("a provider read that retries for more than 2 s says so during refresh, where the CLI shows it", async () => {
        emulator.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const result = await cli.ok(["refresh", "--yes", "--skip-preview"]);
        assert.match(result.stdout, /Huawei Cloud KPS ListKeypairTask: 127\.0\.0\.1:[0-9]+ is not answering usefully \(HTTP 503\); retrying, attempt 2 of at most 6/);
    });

    it("refresh runs with the config of the last up, not the stack file's (an engine rule the README states)", async () => {
        await cli.setConfig({ "huaweicloud:token": "rotated-token-not-yet-applied-0001" }, new Set(["huaweicloud:token"]));
        try {
            const before = emulator.requests.length;
            await cli.ok(["refresh", "--yes", "--skip-preview"]);
            const kms = emulator.requests.slice(before).filter((r) => r.service === "kms");
            assert.ok(kms.length > 0);
            for (const r of kms) assert.equal(r.headers["x-auth-token"], FIXTURE.huaweiToken);
        } finally {
            await cli.setConfig({ "huaweicloud:token": FIXTURE.huaweiToken }, new Set(["huaweicloud:token"]));
        }
    });

    it("an invoke option a read cannot honour fails preview with the option and function named", async () => {
        await cli.setConfig({ "cloudreads-conventions:useProviderOption": "true" });
        try {
            const events = await cli.events(["preview"], true);
            const errors = diagnostics(events).filter((d) => d.severity === "error").map((d) => d.message).join("\n");
            assert.match(errors, /huaweicloud\.kps\.getKeypairTaskOutput: .*opts\.provider: not supported/);
        } finally {
            await cli.ok(["config", "rm", "cloudreads-conventions:useProviderOption"]);
        }
    });
});
