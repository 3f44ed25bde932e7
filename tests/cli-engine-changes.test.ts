import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, exportedResources } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";
import { PULUMI_SDK_VERSION } from "./helpers/versions";

const PROJECT = path.join(__dirname, "cli-fixtures", "engine-changes");
const MISSING_TASK = "00000000-0000-4000-8000-00000000dead";
const OTHER_SMS_TASK = "5e0c4b1d-0000-4000-8000-000000000002";
const OTHER_PASSPHRASE = "emulator-sms-passphrase-0000000000000002";

/**
 * The changes of Pulumi's CHANGELOG between 3.248 and 3.276 that touch this package, each checked
 * against our behaviour through the real CLI, in both test jobs (Node 24 + 3.276, Node 22 + 3.248).
 * The fourth, 3.255/3.256 (output-form invokes wait on their dependencies and are unknown in
 * preview while those are pending), is checked by tests/cli-conventions.test.ts ("leaves a
 * dependsOn function unread"), also in both jobs.
 */
describe(`real Pulumi CLI (@pulumi/pulumi ${PULUMI_SDK_VERSION}): engine changes since 3.248`, function () {
    this.timeout(240_000);
    let emulator: Emulator;
    let cli: PulumiCli;
    const stack = `cli-engine-${process.pid}`;

    before(async function () {
        this.timeout(120_000);
        emulator = await startEmulator({ port: 0 });
        cli = new PulumiCli(pulumiCliDir(), { cwd: PROJECT });
        await cli.ok(["stack", "init", stack]);
        const { plain, secret } = cliStackConfig(emulator, { "cloudreads-engine:smsTaskId": FIXTURE.smsTaskId });
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
        await cli.ok(["up", "--yes", "--skip-preview"]);
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

    it("3.251 (pnpm paths in serialized code): __provider is written by the package, a one-line require holding no @pulumi/pulumi path, so an SDK upgrade changes nothing", async () => {
        const state = exportedResources((await cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
        assert.ok(state.length > 0);
        for (const r of state) {
            const provider = String(r.inputs.__provider);
            assert.match(provider, /^exports\.handler = \(\) => require\("[^"]+"\);\n$/, r.type);
            assert.equal(provider.includes("@pulumi"), false, provider);
            assert.equal(provider.includes(".pnpm"), false, provider);
        }
        await cli.ok(["preview", "--diff", "--expect-no-changes"]);
    });

    it("3.252 (failed registrations fault their outputs): a read that fails at create fails `up` with its NotFoundError, and the resource taking its output is never read", async () => {
        await cli.setConfig({ "cloudreads-engine:missingKpsTaskId": MISSING_TASK });
        try {
            const before = emulator.requests.length;
            const result = await cli.run(["up", "--yes", "--skip-preview"]);
            const out = `${result.stdout}\n${result.stderr}`;
            assert.notEqual(result.code, 0, out);
            assert.match(out, new RegExp(`taskId "${MISSING_TASK}"`));
            const kms = emulator.requests.slice(before).filter((r) => r.service === "kms");
            assert.equal(kms.length >= 1, true);
            assert.equal(kms.some((r) => r.path.includes("dependant-of")), false, "the dependant was read");
            const names = exportedResources((await cli.ok(["stack", "export"])).stdout).map((r) => r.urn.split("::").pop());
            assert.equal(names.includes("missing"), false);
            assert.equal(names.includes("dependant"), false);
        } finally {
            await cli.ok(["config", "rm", "cloudreads-engine:missingKpsTaskId"]);
        }
    });

    it("3.257 (--show-secrets reveals secrets in diffs): `preview --diff` of a replacement shows neither passphrase unless asked", async () => {
        await cli.setConfig({ "cloudreads-engine:smsTaskId": OTHER_SMS_TASK });
        try {
            const result = await cli.ok(["preview", "--diff"]);
            const out = `${result.stdout}\n${result.stderr}`;
            assert.match(out, /replace|\+-/);
            assert.equal(out.includes(FIXTURE.smsPassphrase) || out.includes(OTHER_PASSPHRASE), false, "a passphrase reached the diff");
        } finally {
            await cli.setConfig({ "cloudreads-engine:smsTaskId": FIXTURE.smsTaskId });
        }
    });
});
