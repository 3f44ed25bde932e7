import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { cliStackConfig, diagnostics, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIRST_CREDENTIALS, SECOND, SECOND_CREDENTIALS, SECOND_FIXTURES } from "./helpers/second-account";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "connections");
const SECOND_SECRETS = [SECOND.secretKey, SECOND.astraToken, SECOND.smsPassphrase];

/**
 * Two accounts in one stack through the real CLI: the default connection on emulator A, and named
 * connections set with `pulumi config set [--secret] --path` on emulator B. Asserted at the
 * emulators' request logs: each account's requests carry only its own credentials, in up and refresh.
 */
describe("real Pulumi CLI: named connections (two accounts, two Astra installations) in one stack", function () {
    this.timeout(300_000);
    let a: Emulator;
    let b: Emulator;
    let cli: PulumiCli;
    const stack = `cli-connections-${process.pid}`;
    const headersOf = (emu: Emulator): string => JSON.stringify(emu.requests.map((r) => r.headers));

    before(async function () {
        this.timeout(120_000);
        a = await startEmulator({ port: 0 });
        b = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
        cli = new PulumiCli(pulumiCliDir(), { cwd: PROJECT });
        await cli.ok(["stack", "init", stack]);
        const { plain, secret } = cliStackConfig(a, {
            "cloudreads-connections:via": "migration",
            "cloudreads-connections:kpsTaskId": FIXTURE.kpsTaskId,
            "cloudreads-connections:smsTaskId": FIXTURE.smsTaskId,
            "cloudreads-connections:certificateId": FIXTURE.certificateId,
        });
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
        for (const name of ["migration", "migration2"]) {
            const at = `huaweicloud:connections.${name}`;
            await cli.ok(["config", "set", "--path", `${at}.region`, SECOND.region]);
            for (const service of ["sms", "kms", "iam", "roma"] as const) await cli.ok(["config", "set", "--path", `${at}.endpoints.${service}`, b.endpoints[service]]);
            await cli.ok(["config", "set", "--path", `${at}.accessKey`, SECOND.accessKey]);
            await cli.ok(["config", "set", "--secret", "--path", `${at}.secretKey`, SECOND.secretKey]);
        }
        await cli.ok(["config", "set", "--path", "astracontrol:connections.dr.url", b.endpoints.astra]);
        await cli.ok(["config", "set", "--path", "astracontrol:connections.dr.accountId", FIXTURE.astraAccountId]);
        await cli.ok(["config", "set", "--secret", "--path", "astracontrol:connections.dr.apiToken", SECOND.astraToken]);
    });

    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["destroy", "--yes", "--skip-preview"]);
            await cli.run(["stack", "rm", "--yes", "--force", stack]);
            fs.rmSync(path.join(PROJECT, `Pulumi.${stack}.yaml`), { force: true });
            cli.dispose();
        }
        await a?.close();
        await b?.close();
    });

    it("the stack file holds each connection's secret leaves only as ciphertext", () => {
        const text = fs.readFileSync(path.join(PROJECT, `Pulumi.${stack}.yaml`), "utf8");
        for (const s of SECOND_SECRETS) assert.equal(text.includes(s), false);
        assert.match(text, /secretKey:\s+secure: /);
        assert.match(text, /apiToken:\s+secure: /);
    });

    it("up reads each account through its own connection: other data, other project, other credentials", async () => {
        await cli.ok(["up", "--yes", "--skip-preview"]);
        const out = await stackOutputs(cli, true);
        assert.deepEqual(out.statuses, { a: "RUNNING_RESET", b: SECOND.kpsStatus, fnB: SECOND.kpsStatus });
        assert.deepEqual(out.projects, { a: FIXTURE.projectId, b: SECOND.projectId });
        assert.equal(out.passphraseB, SECOND.smsPassphrase);
        assert.equal(typeof out.caCn, "string");
        for (const s of FIRST_CREDENTIALS) assert.equal(headersOf(b).includes(s), false, "emulator B saw account A's credentials");
        for (const s of SECOND_CREDENTIALS) assert.equal(headersOf(a).includes(s), false, "emulator A saw account B's credentials");
        // The AK/SK connection looked its project up at B's IAM, once per process at most.
        assert.ok(b.requests.some((r) => r.service === "iam"));
        assert.ok(b.requests.some((r) => r.service === "astra"));
    });

    it("state and outputs hold no secret of either account in clear", async () => {
        const exported = (await cli.ok(["stack", "export"])).stdout;
        for (const s of [...SECOND_SECRETS, FIXTURE.huaweiToken, FIXTURE.astraToken]) assert.equal(exported.includes(s), false);
        const hidden = await stackOutputs(cli, false);
        assert.equal(hidden.passphraseB, "[secret]");
    });

    it("refresh reads each resource through its connection again, with the right credentials", async () => {
        const before = { a: a.requests.length, b: b.requests.length };
        b.setKeypairTaskStatus(SECOND.projectId, FIXTURE.kpsTaskId, "FAILED_RESET");
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        const fromA = JSON.stringify(a.requests.slice(before.a).map((r) => r.headers));
        const fromB = JSON.stringify(b.requests.slice(before.b).map((r) => r.headers));
        assert.ok(b.requests.length > before.b && a.requests.length > before.a);
        for (const s of FIRST_CREDENTIALS) assert.equal(fromB.includes(s), false);
        for (const s of SECOND_CREDENTIALS) assert.equal(fromA.includes(s), false);
        const exported = JSON.parse((await cli.ok(["stack", "export"])).stdout) as { deployment: { resources: { urn: string; outputs?: { taskStatus?: string } }[] } };
        const taskB = exported.deployment.resources.find((r) => r.urn.endsWith("::task-b"));
        assert.equal(taskB?.outputs?.taskStatus, "FAILED_RESET");
    });

    it("changing a resource's connection replaces it", async () => {
        await cli.setConfig({ "cloudreads-connections:via": "migration2" });
        const steps = previewSteps(await cli.events(["preview"])).filter((s) => s.urn.endsWith("::task-b") || s.urn.endsWith("::pass-b"));
        for (const name of ["task-b", "pass-b"]) {
            const ops = steps.filter((s) => s.urn.endsWith(`::${name}`)).map((s) => s.op);
            assert.ok(ops.includes("replace") && ops.every((op) => ["replace", "create-replacement", "delete-replaced"].includes(op)), `${name}: ${JSON.stringify(ops)}`);
        }
        await cli.setConfig({ "cloudreads-connections:via": "migration" });
    });

    it("an unknown connection name fails preview, naming the connections that exist, and reads nothing", async () => {
        await cli.setConfig({ "cloudreads-connections:via": "migraton" });
        const before = a.requests.length + b.requests.length;
        const events = await cli.events(["preview"], true);
        const errors = diagnostics(events).filter((d) => d.severity === "error").map((d) => d.message).join("\n");
        assert.match(errors, /no connection named "migraton" in stack config huaweicloud:connections: it has "migration", "migration2"/);
        for (const s of SECOND_SECRETS) assert.equal(JSON.stringify(events).includes(s), false);
        // Only the functions of the default connection and of "dr" may have read.
        assert.ok(a.requests.length + b.requests.length - before <= 2);
        await cli.setConfig({ "cloudreads-connections:via": "migration" });
    });
});
