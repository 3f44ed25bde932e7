import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { diagnostics, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir, type CliResult, type EngineEvent } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";
import { breakBodiesAroundSecrets, MISSING_ID, SECRET_CONFIG_KEYS, sweepStackConfig as stackConfig, type Auth, type ConfigOverrides } from "./helpers/sweep-config";
import { describeLeaks, outsideSecretEnvelopes, SECRET_SIG, SentinelSweep, SIG_KEY } from "./helpers/sweep-scanner";
import { ALL_SENTINELS, SENTINELS as S, sentinelFixtures } from "./helpers/sweep-sentinels";

const ROOT = path.join(__dirname, "..");
// The project at the root runs examples/quickstart, as `npm run demo` does.
const QUICKSTART = ROOT;
const ONE_READ = path.join(__dirname, "cli-fixtures", "secret-sweep");
/**
 * The secret sweep through the real CLI: sentinel credentials and sentinel secret values in the
 * emulator's fixtures, then everything a user or a log can see of each run (the CLI's output with
 * the program's and the provider host's lines, the engine's events, stack outputs, `stack export`
 * outside secret envelopes, the stack file) is searched for any sentinel, as is, base64-encoded or
 * cut off.
 */
describe("real Pulumi CLI: sentinel credentials and secret values never show outside secret envelopes", function () {
    this.timeout(300_000);
    let emu: Emulator;
    const sweep = new SentinelSweep(ALL_SENTINELS);
    const covered = new Set<string>();
    const clis: { cli: PulumiCli; dir: string; stacks: string[] }[] = [];

    before(async () => {
        emu = await startEmulator({ port: 0, fixtures: sentinelFixtures() });
    });

    after(async function () {
        this.timeout(120_000);
        for (const { cli, dir, stacks } of clis) {
            for (const stack of stacks) {
                await cli.run(["stack", "rm", "--yes", "--force", stack]);
                fs.rmSync(path.join(dir, `Pulumi.${stack}.yaml`), { force: true });
            }
            cli.dispose();
        }
        await emu?.close();
    });

    /** A fresh stack of the project in `dir` with `config` (credentials as secrets); commands then run on it. */
    async function newStack(dir: string, name: string, config: Record<string, string>): Promise<{ cli: PulumiCli; stack: string }> {
        const cli = new PulumiCli(pulumiCliDir(), { cwd: dir });
        const stack = `sweep-${name}-${process.pid}`;
        clis.push({ cli, dir, stacks: [stack] });
        await cli.ok(["stack", "init", stack]);
        await setConfig(cli, config);
        return { cli, stack };
    }

    async function setConfig(cli: PulumiCli, config: Record<string, string>): Promise<void> {
        const args = Object.entries(config).flatMap(([k, v]) => [SECRET_CONFIG_KEYS.has(k) ? "--secret" : "--plaintext", `${k}=${v}`]);
        await cli.ok(["config", "set-all", ...args]);
    }

    /** Runs `pulumi ...args` with the event log, adds all a user could see of it to the sweep, and returns it. */
    async function run(label: string, cli: PulumiCli, stack: string, args: string[]): Promise<{ result: CliResult; events: EngineEvent[] }> {
        const log = path.join(path.dirname(cli.home), `events-${Date.now()}.jsonl`);
        const result = await cli.run([...args, "--event-log", log]);
        const events = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as EngineEvent) : [];
        fs.rmSync(log, { force: true });
        sweep.add(`${label}: CLI stdout`, result.stdout);
        sweep.add(`${label}: CLI stderr`, result.stderr);
        // @pulumi/pulumi's own debug line "RegisterResource RPC finished: …, resp: …" prints each
        // resource's outputs, secret values included (seen only with --debug or in the event log);
        // that one line of the SDK is left out, every other debug line of any origin is swept.
        const sdkDebug = (e: EngineEvent): boolean => e.diagnosticEvent?.severity === "debug" && e.diagnosticEvent.message.startsWith("RegisterResource RPC finished: ");
        sweep.add(`${label}: engine events`, JSON.stringify(events.filter((e) => !sdkDebug(e))));
        sweep.add(`${label}: stack outputs`, JSON.stringify(await stackOutputs(cli, false).catch(() => ({}))));
        const exported = await cli.run(["stack", "export"]);
        sweep.add(`${label}: stack export outside secret envelopes`, JSON.stringify(outsideSecretEnvelopes(JSON.parse(exported.stdout || "{}"))));
        sweep.add(`${label}: stack file`, fs.readFileSync(path.join(cli.cwd, `Pulumi.${stack}.yaml`), "utf8"));
        for (const d of diagnostics(events).filter((x) => x.severity === "error")) {
            const urn = (d as { urn?: string }).urn ?? "";
            covered.add(urn.includes("dynamic/cloudreads:") ? "resource errors" : "program errors");
        }
        if (/(Error|error):/.test(result.stdout) && /pulumi-nodejs:dynamic\/cloudreads:/.test(result.stdout)) covered.add("provider errors in the CLI's output");
        return { result, events };
    }

    function assertNoLeaks(from: number): void {
        const leaks = sweep.leaks(from);
        if (leaks.length > 0) assert.fail(describeLeaks(leaks));
    }

    const ok = (r: { result: CliResult }): void => assert.equal(r.result.code, 0, `${r.result.stdout.slice(-3000)}\n${r.result.stderr.slice(-2000)}`);
    const errorsOf = (events: EngineEvent[]): string => diagnostics(events).filter((d) => d.severity === "error").map((d) => d.message).join("\n");

    for (const auth of ["token", "aksk"] as const) {
        it(`the quickstart with ${auth === "token" ? "an IAM token" : "AK/SK and a security token"}: preview, up, refresh and destroy show secrets only as [secret]`, async () => {
            emu.reset();
            const from = sweep.size;
            const { cli, stack } = await newStack(QUICKSTART, auth, stackConfig(emu, auth));
            const preview = await run(`${auth} preview`, cli, stack, ["preview"]);
            ok(preview);
            assert.match(preview.result.stdout, /previewKnownTaskStatus\s*: "RUNNING_RESET"/);
            ok(await run(`${auth} up`, cli, stack, ["up", "--yes", "--skip-preview"]));
            const hidden = await stackOutputs(cli, false);
            for (const name of ["migrationPassphrase", "devicePassword"]) assert.equal(hidden[name], "[secret]", name);
            // The sentinels did flow: they are what the secret envelopes hold.
            const shown = await stackOutputs(cli, true);
            assert.equal(shown.migrationPassphrase, S.smsPassphrase);
            assert.equal(shown.devicePassword, S.romaPassword);
            const state = JSON.parse((await cli.ok(["stack", "export"])).stdout) as { deployment: { resources: { urn: string; outputs?: Record<string, Record<string, unknown>> }[] } };
            for (const [name, key] of [["agent-pass", "passphrase"], ["device-auth", "password"]] as const) {
                const stored = state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`))?.outputs?.[key];
                assert.equal(stored?.[SIG_KEY], SECRET_SIG, `${name}.${key} is not stored as a secret`);
            }
            ok(await run(`${auth} refresh`, cli, stack, ["refresh", "--yes", "--skip-preview", "--expect-no-changes"]));
            ok(await run(`${auth} destroy`, cli, stack, ["destroy", "--yes", "--skip-preview"]));
            const huawei = emu.requests.filter((r) => r.service !== "astra");
            if (auth === "aksk") {
                assert.ok(huawei.some((r) => r.service === "iam" && r.path.startsWith("/iam/v3/projects")), "no IAM project look-up");
                assert.ok(huawei.every((r) => r.headers["x-security-token"] === S.tempSecurityToken && r.headers["x-auth-token"] === undefined));
            } else {
                assert.ok(huawei.length > 0 && huawei.every((r) => r.headers["x-auth-token"] === S.huaweiToken));
            }
            assertNoLeaks(from);
        });
    }

    interface OneRead {
        title: string;
        read: "sms" | "roma" | "kps" | "astra";
        as: "resource" | "function";
        id: string;
        auth?: Auth;
        config?: ConfigOverrides;
        setup?: (emu: Emulator) => void;
        expect: RegExp;
    }
    const CASES: OneRead[] = [
        { title: "a missing SMS task (404) fails the resource", read: "sms", as: "resource", id: MISSING_ID, expect: /found nothing: HTTP 404/ },
        { title: "a KPS 500 fails the resource", read: "kps", as: "resource", id: FIXTURE.kpsTaskId, setup: (e) => e.inject("kms", { kind: "status", status: 500 }, Infinity), expect: /HTTP 500/ },
        { title: "a ROMA body holding the password next to a user name of the wrong type fails the resource", read: "roma", as: "resource", id: FIXTURE.romaBigProductId, setup: breakBodiesAroundSecrets, expect: /could not be decoded/ },
        { title: "a wrong Astra token fails the resource", read: "astra", as: "resource", id: FIXTURE.certificateId, config: { "astracontrol:apiToken": S.wrongAstraToken }, expect: /was not authenticated/ },
        { title: "a wrong secret key fails the resource at the IAM project look-up", read: "kps", as: "resource", id: FIXTURE.kpsTaskId, auth: "aksk", config: { "huaweicloud:secretKey": S.wrongSecretKey }, expect: /Huawei Cloud IAM .*was not authenticated/ },
        { title: "a wrong Huawei token fails the function in the program", read: "sms", as: "function", id: FIXTURE.smsTaskId, config: { "huaweicloud:token": S.wrongHuaweiToken }, expect: /was not authenticated/ },
        { title: "an SMS body whose passphrase is an object holding the secret fails the function in the program", read: "sms", as: "function", id: FIXTURE.smsTaskId, setup: breakBodiesAroundSecrets, expect: /could not be decoded/ },
    ];

    for (const [i, c] of CASES.entries()) {
        it(`up: ${c.title}, with no sentinel in what is shown`, async () => {
            emu.reset();
            const from = sweep.size;
            c.setup?.(emu);
            const config = stackConfig(emu, c.auth ?? "token", { "cloudreads-sweep:read": c.read, "cloudreads-sweep:as": c.as, "cloudreads-sweep:id": c.id, "cloudreads-sweep:instanceId": FIXTURE.romaInstanceId, ...c.config });
            const { cli, stack } = await newStack(ONE_READ, `one-${i}`, config);
            const up = await run(`one ${c.read} ${c.as} up`, cli, stack, ["up", "--yes", "--skip-preview"]);
            assert.notEqual(up.result.code, 0, "the up succeeded");
            const errors = diagnostics(up.events).filter((d) => d.severity === "error") as { message: string; urn?: string }[];
            const mine = errors.filter((d) => c.expect.test(d.message) && (c.as === "resource") === String(d.urn).includes("dynamic/cloudreads:"));
            assert.ok(mine.length > 0, JSON.stringify(errors));
            assertNoLeaks(from);
        });
    }

    it("refresh failures, which the provider host reports through the CLI, hold no sentinel", async () => {
        emu.reset();
        const from = sweep.size;
        const { cli, stack } = await newStack(QUICKSTART, "refresh-failures", stackConfig(emu, "token"));
        ok(await run("refresh failures up", cli, stack, ["up", "--yes", "--skip-preview"]));
        // `--run-program` so that the provider is configured with the config given here, not the last up's.
        const refresh = ["refresh", "--yes", "--skip-preview", "--run-program"];

        await setConfig(cli, stackConfig(emu, "token", { "huaweicloud:token": S.wrongHuaweiToken, "astracontrol:apiToken": S.wrongAstraToken }));
        const wrongTokens = await run("wrong tokens refresh", cli, stack, refresh);
        assert.notEqual(wrongTokens.result.code, 0);
        assert.match(errorsOf(wrongTokens.events), /was not authenticated/);

        await cli.ok(["config", "rm-all", "huaweicloud:token", "huaweicloud:projectId"]);
        await setConfig(cli, stackConfig(emu, "aksk", { "huaweicloud:secretKey": S.wrongSecretKey }));
        const wrongSecretKey = await run("wrong secret key refresh", cli, stack, refresh);
        assert.notEqual(wrongSecretKey.result.code, 0);
        assert.match(errorsOf(wrongSecretKey.events), /Huawei Cloud IAM/);

        await cli.ok(["config", "rm-all", "huaweicloud:accessKey", "huaweicloud:secretKey", "huaweicloud:securityToken"]);
        await setConfig(cli, stackConfig(emu, "token"));
        breakBodiesAroundSecrets(emu);
        emu.inject("kms", { kind: "status", status: 500 }, Infinity);
        emu.inject("astra", { kind: "wrong-types" }, Infinity);
        const broken = await run("broken bodies refresh", cli, stack, refresh);
        assert.notEqual(broken.result.code, 0);
        assert.match(errorsOf(broken.events), /could not be decoded/);
        assert.match(errorsOf(broken.events), /HTTP 500/);

        emu.clearFaults();
        ok(await run("refresh failures destroy", cli, stack, ["destroy", "--yes", "--skip-preview"]));
        assertNoLeaks(from);
    });

    // Last, after every case above.
    it("swept every kind of text: program errors, resource errors and provider errors in the CLI's output", () => {
        assert.deepEqual([...covered].sort(), ["program errors", "provider errors in the CLI's output", "resource errors"]);
        assert.ok(sweep.size > 100, `only ${sweep.size} texts collected`);
    });
});
