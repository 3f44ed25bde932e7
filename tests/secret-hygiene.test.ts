import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { FIXTURE_SECRETS, fixtureSecrets, startEmulator, type Emulator } from "../emulator";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import {
    astracontrol,
    AuthError,
    ConfigurationError,
    huaweicloud,
    InputError,
    NotFoundError,
    ResponseDecodeError,
    TransportError,
} from "../sdk";
import { formatResult, runHarness, SECRET_SIG, SIG_KEY, type HarnessMode, type HarnessResult } from "./harness";
import { emulatorStackConfig, FIXTURE } from "./helpers/stack";
import { describeLeaks, findSentinels, outsideSecretEnvelopes, SentinelSweep } from "./helpers/sweep-scanner";
import { ALL_SENTINELS, FIXTURE_SENTINELS, SENTINELS as S, sentinelFixtures } from "./helpers/sweep-sentinels";

// The project file at the root runs examples/quickstart, as `npm run demo` and `pulumi up` do.
const PROJECT_DIR = path.join(__dirname, "..");
const MISSING_ID = "00000000-0000-4000-8000-00000000dead";
const SECRET_CONFIG_KEYS = ["huaweicloud:token", "huaweicloud:accessKey", "huaweicloud:secretKey", "huaweicloud:securityToken", "astracontrol:apiToken"];

type Auth = "token" | "aksk";
/** A config value of `undefined` removes the key. */
type ConfigOverrides = Record<string, string | undefined>;

/** Stack config against the emulator with sentinel credentials: token, or temporary AK/SK with no project id (IAM look-ups). */
function stackConfig(emu: Emulator, auth: Auth, overrides: ConfigOverrides = {}): Record<string, string> {
    const config: ConfigOverrides = {
        ...emulatorStackConfig(emu, { "huaweicloud:maxRetries": "0", "astracontrol:maxRetries": "0" }),
        "huaweicloud:token": S.huaweiToken,
        "astracontrol:apiToken": S.astraToken,
    };
    if (auth === "aksk") {
        Object.assign(config, {
            "huaweicloud:token": undefined,
            "huaweicloud:projectId": undefined,
            "huaweicloud:accessKey": S.tempAccessKey,
            "huaweicloud:secretKey": S.tempSecretKey,
            "huaweicloud:securityToken": S.tempSecurityToken,
        });
    }
    Object.assign(config, overrides);
    return Object.fromEntries(Object.entries(config).filter((e): e is [string, string] => e[1] !== undefined));
}

function splitSecrets(all: Record<string, string>): { config: Record<string, string>; secretConfig: Record<string, string> } {
    const entries = Object.entries(all);
    return {
        config: Object.fromEntries(entries.filter(([k]) => !SECRET_CONFIG_KEYS.includes(k))),
        secretConfig: Object.fromEntries(entries.filter(([k]) => SECRET_CONFIG_KEYS.includes(k))),
    };
}

/** Makes the emulator's SMS and ROMA success bodies fail to decode while still carrying the secret. */
function breakBodiesAroundSecrets(emu: Emulator): void {
    for (const task of emu.data.huawei.sms.tasks) {
        (task as { passphrase: unknown }).passphrase = { value: task.passphrase };
    }
    for (const product of emu.data.huawei.roma.products) {
        (product as { userName: unknown }).userName = 42;
    }
}

describe("secret hygiene: sentinel credentials and secret values never show outside secret envelopes", function () {
    this.timeout(60_000);
    let emu: Emulator;
    let tmp: string;
    let oneReadDir: string;
    const sweep = new SentinelSweep(ALL_SENTINELS);
    const covered = new Set<string>();

    before(async () => {
        emu = await startEmulator({ port: 0, fixtures: sentinelFixtures() });
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-secret-sweep-"));
        // A project whose program is tests/helpers/sweep-program.ts; the host is found from the
        // project directory, so it links this repository's @pulumi/pulumi.
        oneReadDir = path.join(tmp, "one-read");
        fs.mkdirSync(path.join(oneReadDir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(path.join(PROJECT_DIR, "node_modules", "@pulumi", "pulumi"), path.join(oneReadDir, "node_modules", "@pulumi", "pulumi"), "dir");
        fs.writeFileSync(path.join(oneReadDir, "Pulumi.yaml"), `name: cloudreads-sweep\nruntime: nodejs\nmain: ${JSON.stringify(path.join(__dirname, "helpers", "sweep-program.ts"))}\n`);
    });

    after(async () => {
        pulumi.runtime.setAllConfig({});
        await emu?.close();
        if (tmp) {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    function assertNoLeaks(from: number): void {
        const leaks = sweep.leaks(from);
        if (leaks.length > 0) {
            assert.fail(describeLeaks(leaks));
        }
    }

    /** Adds everything a user could see of a harness run to the sweep. */
    function collect(label: string, result: HarnessResult, statePath: string): void {
        sweep.add(`${label}: host stdout`, result.hostStdout);
        sweep.add(`${label}: host stderr`, result.hostStderr);
        sweep.add(`${label}: program stdout`, result.programStdout);
        sweep.add(`${label}: program stderr`, result.programStderr);
        sweep.add(`${label}: errors`, result.errors.join("\n"));
        sweep.add(`${label}: printed result`, formatResult(result));
        sweep.add(`${label}: stack outputs`, JSON.stringify(result.outputs));
        for (const r of result.state.resources) {
            if (typeof r.inputs.__provider === "string") {
                sweep.add(`${label}: __provider of ${r.name}`, r.inputs.__provider);
            }
        }
        sweep.add(`${label}: whole result outside secret envelopes`, JSON.stringify(outsideSecretEnvelopes(JSON.parse(JSON.stringify(result)))));
        if (fs.existsSync(statePath)) {
            sweep.add(`${label}: state file outside secret envelopes`, JSON.stringify(outsideSecretEnvelopes(JSON.parse(fs.readFileSync(statePath, "utf8")))));
        }
        if (result.hostStderr.includes("Error")) {
            covered.add("host stderr with an error");
        }
        if (result.errors.some((e) => e.startsWith("program"))) {
            covered.add("program errors");
        }
        if (result.errors.some((e) => e.startsWith("urn:"))) {
            covered.add("resource errors");
        }
    }

    async function harness(label: string, mode: HarnessMode, statePath: string, all: Record<string, string>, programDir = PROJECT_DIR): Promise<HarnessResult> {
        // Refreshes here test what the provider does with the credentials given (`--run-program`).
        const result = await runHarness({ mode, programDir, statePath, ...splitSecrets(all), runProgram: true });
        collect(`${label} ${mode}`, result, statePath);
        return result;
    }

    function assertNoErrors(result: HarnessResult): void {
        assert.deepEqual(result.errors, [], `${result.errors.join("\n")}\n${result.programStderr}\n${result.hostStderr}`);
    }

    describe("the sweep itself", () => {
        it("finds a sentinel planted in a sample text, in any case, base64-encoded or cut off, and nothing in a clean text", () => {
            const token = S.huaweiToken;
            const found = (text: string) => findSentinels("sample", text, ALL_SENTINELS).map((l) => `${l.sentinel} ${l.form}`);
            assert.deepEqual(found(`GET /v3/tasks: 401, token ${token} rejected`), [`${token} as is`]);
            assert.deepEqual(found(`redirect to host ${token.toLowerCase()}.example.invalid`), [`${token} as is`]);
            assert.deepEqual(found(`Authorization: Basic ${Buffer.from(`user:${S.astraToken}`).toString("base64")}`), [`${S.astraToken} base64`]);
            assert.deepEqual(found(`vendor said: "${token.slice(0, 20)}…"`), ["sentinel-(hw|sms|roma|astra|url|profile)- cut off"]);
            assert.deepEqual(found(`Huawei Cloud KPS ListKeypairTask for taskId "${FIXTURE.kpsTaskId}" found nothing: HTTP 404, request id 0001-7f3a`), []);
            const sample = new SentinelSweep(ALL_SENTINELS);
            sample.addError("planted", new Error(`failed with ${S.romaPassword}`));
            assert.deepEqual([...new Set(sample.leaks().map((l) => l.sentinel))], [S.romaPassword]);
        });

        it("runs the emulator on fixtures whose every credential and secret value is a sentinel", () => {
            const text = JSON.stringify(emu.data);
            for (const secret of [...FIXTURE_SECRETS, FIXTURE.accessKey, FIXTURE.tempAccessKey]) {
                assert.equal(text.includes(secret), false, `default fixture value left: ${secret}`);
            }
            const secrets = [...fixtureSecrets(emu.data), ...emu.data.huawei.credentials.map((c) => c.accessKey)];
            // Every secret value of every fixture collection has its own sentinel, and so has each access key.
            assert.equal(secrets.length, FIXTURE_SENTINELS.length + emu.data.huawei.credentials.length);
            assert.ok(FIXTURE_SENTINELS.length >= 27, `only ${FIXTURE_SENTINELS.length} fixture sentinels`);
            for (const secret of secrets) {
                assert.ok(ALL_SENTINELS.includes(secret), `not a sentinel: ${secret}`);
            }
        });
    });

    describe("the quickstart through the engine harness", () => {
        for (const auth of ["token", "aksk"] as const) {
            it(`with ${auth === "token" ? "an IAM token" : "AK/SK and a security token"}: preview, up, refresh and destroy show secrets only as [secret]`, async () => {
                emu.reset();
                const from = sweep.size;
                const statePath = path.join(tmp, `${auth}.json`);
                const all = stackConfig(emu, auth);

                const preview = await harness(auth, "preview", statePath, all);
                assertNoErrors(preview);
                assert.equal(preview.outputs.previewKnownTaskStatus, "RUNNING_RESET");
                assert.equal(preview.outputs.migrationPassphrase, "[unknown]");

                const up = await harness(auth, "up", statePath, all);
                assertNoErrors(up);
                assert.deepEqual(up.steps.filter((s) => s.custom).map((s) => s.op), ["create", "create", "create", "create"]);
                for (const name of ["migrationPassphrase", "devicePassword"]) {
                    assert.equal(up.outputs[name], "[secret]");
                    assert.match(formatResult(up), new RegExp(`${name}\\s*: \\[secret\\]`));
                }
                // The sentinels did flow: they are what the secret envelopes hold.
                assert.equal(up.reveal.output("migrationPassphrase"), S.smsPassphrase);
                assert.equal(up.reveal.resourceOutput("device-auth", "password"), S.romaPassword);
                for (const [name, key] of [["agent-pass", "passphrase"], ["device-auth", "password"]] as const) {
                    const stored = up.state.resources.find((r) => r.name === name)?.outputs[key] as Record<string, unknown> | undefined;
                    assert.equal(stored?.[SIG_KEY], SECRET_SIG, `${name}.${key} is not stored as a secret`);
                }

                const refresh = await harness(auth, "refresh", statePath, all);
                assertNoErrors(refresh);
                assert.deepEqual(refresh.steps.map((s) => s.refresh), ["same", "same", "same", "same"]);
                const destroy = await harness(auth, "destroy", statePath, all);
                assertNoErrors(destroy);
                assert.deepEqual(destroy.state.resources, []);

                const huawei = emu.requests.filter((r) => r.service !== "astra");
                if (auth === "aksk") {
                    assert.ok(huawei.some((r) => r.service === "iam" && r.path.startsWith("/iam/v3/projects")), "no IAM project look-up");
                    assert.ok(huawei.some((r) => r.service === "iam" && r.path.startsWith("/iam/v3/auth/domains")), "no IAM domain look-up");
                    assert.ok(huawei.every((r) => r.headers["x-security-token"] === S.tempSecurityToken && r.headers["x-auth-token"] === undefined));
                } else {
                    assert.ok(huawei.length > 0 && huawei.every((r) => r.headers["x-auth-token"] === S.huaweiToken));
                }
                assertNoLeaks(from);
            });
        }
    });

    describe("failing reads through the engine harness", () => {
        beforeEach(() => emu.reset());

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
        const ONE_READ: OneRead[] = [
            { title: "a missing SMS task (404) fails the resource", read: "sms", as: "resource", id: MISSING_ID, expect: /found nothing: HTTP 404/ },
            { title: "a KPS 500 fails the resource", read: "kps", as: "resource", id: FIXTURE.kpsTaskId, setup: (e) => e.inject("kms", { kind: "status", status: 500 }, Infinity), expect: /HTTP 500/ },
            { title: "a ROMA body holding the password next to a user name of the wrong type fails the resource", read: "roma", as: "resource", id: FIXTURE.romaBigProductId, setup: breakBodiesAroundSecrets, expect: /could not be decoded/ },
            { title: "a wrong Astra token fails the resource", read: "astra", as: "resource", id: FIXTURE.certificateId, config: { "astracontrol:apiToken": S.wrongAstraToken }, expect: /was not authenticated/ },
            { title: "a wrong secret key fails the resource at the IAM project look-up", read: "kps", as: "resource", id: FIXTURE.kpsTaskId, auth: "aksk", config: { "huaweicloud:secretKey": S.wrongSecretKey }, expect: /Huawei Cloud IAM .*was not authenticated/ },
            { title: "a wrong Huawei token fails the function in the program", read: "sms", as: "function", id: FIXTURE.smsTaskId, config: { "huaweicloud:token": S.wrongHuaweiToken }, expect: /was not authenticated/ },
            { title: "an SMS body whose passphrase is an object holding the secret fails the function in the program", read: "sms", as: "function", id: FIXTURE.smsTaskId, setup: breakBodiesAroundSecrets, expect: /could not be decoded/ },
        ];

        for (const c of ONE_READ) {
            it(`up: ${c.title}, with no sentinel in what is shown`, async () => {
                const from = sweep.size;
                c.setup?.(emu);
                const all = stackConfig(emu, c.auth ?? "token", {
                    "cloudreads-sweep:read": c.read,
                    "cloudreads-sweep:as": c.as,
                    "cloudreads-sweep:id": c.id,
                    "cloudreads-sweep:instanceId": FIXTURE.romaInstanceId,
                    ...c.config,
                });
                const result = await harness(`one ${c.read} ${c.as}`, "up", path.join(tmp, `one-read-${ONE_READ.indexOf(c)}.json`), all, oneReadDir);
                const source = c.as === "resource" ? "urn:" : "program: ";
                assert.ok(result.errors.some((e) => e.startsWith(source) && c.expect.test(e)), result.errors.join("\n"));
                assertNoLeaks(from);
            });
        }

        it("refresh failures, which the provider host prints to its stderr, hold no sentinel", async () => {
            const from = sweep.size;
            const statePath = path.join(tmp, "refresh-failures.json");
            assertNoErrors(await harness("refresh failures", "up", statePath, stackConfig(emu, "token")));

            const wrongTokens = await harness("wrong tokens", "refresh", statePath, stackConfig(emu, "token", { "huaweicloud:token": S.wrongHuaweiToken, "astracontrol:apiToken": S.wrongAstraToken }));
            assert.equal(wrongTokens.errors.length, 4, wrongTokens.errors.join("\n"));
            assert.match(wrongTokens.hostStderr, /AuthError: .*was not authenticated/);

            const wrongSecretKey = await harness("wrong secret key", "refresh", statePath, stackConfig(emu, "aksk", { "huaweicloud:secretKey": S.wrongSecretKey }));
            assert.equal(wrongSecretKey.errors.length, 3, wrongSecretKey.errors.join("\n"));
            assert.match(wrongSecretKey.hostStderr, /Huawei Cloud IAM/);

            breakBodiesAroundSecrets(emu);
            emu.inject("kms", { kind: "status", status: 500 }, Infinity);
            emu.inject("astra", { kind: "wrong-types" }, Infinity);
            const broken = await harness("broken bodies", "refresh", statePath, stackConfig(emu, "token"));
            assert.equal(broken.errors.length, 4, broken.errors.join("\n"));
            assert.match(broken.hostStderr, /ResponseDecodeError/);
            assert.match(broken.hostStderr, /HTTP 500/);

            emu.clearFaults();
            assertNoErrors(await harness("refresh failures", "destroy", statePath, stackConfig(emu, "token")));
            assertNoLeaks(from);
        });
    });

    describe("getX and getXOutput in the program process", () => {
        type Read = "sms" | "roma" | "kps" | "astra";
        const READS: Record<Read, { plain(args: object): Promise<unknown>; output(args: object): pulumi.Output<unknown> }> = {
            sms: {
                plain: (a) => huaweicloud.sms.getTaskPassphrase(a as huaweicloud.sms.GetTaskPassphraseArgs),
                output: (a) => huaweicloud.sms.getTaskPassphraseOutput(a as huaweicloud.sms.GetTaskPassphraseOutputArgs),
            },
            roma: {
                plain: (a) => huaweicloud.roma.getProductAuthentication(a as huaweicloud.roma.GetProductAuthenticationArgs),
                output: (a) => huaweicloud.roma.getProductAuthenticationOutput(a as huaweicloud.roma.GetProductAuthenticationOutputArgs),
            },
            kps: {
                plain: (a) => huaweicloud.kps.getKeypairTask(a as huaweicloud.kps.GetKeypairTaskArgs),
                output: (a) => huaweicloud.kps.getKeypairTaskOutput(a as huaweicloud.kps.GetKeypairTaskOutputArgs),
            },
            astra: {
                plain: (a) => astracontrol.getCertificate(a as astracontrol.GetCertificateArgs),
                output: (a) => astracontrol.getCertificateOutput(a as astracontrol.GetCertificateOutputArgs),
            },
        };
        const ARGS: Record<Read, object> = {
            sms: { taskId: FIXTURE.smsTaskId },
            roma: { instanceId: FIXTURE.romaInstanceId, productId: FIXTURE.romaBigProductId },
            kps: { taskId: FIXTURE.kpsTaskId },
            astra: { certificateId: FIXTURE.certificateId },
        };

        interface Case {
            error: typeof InputError | typeof ConfigurationError | typeof AuthError | typeof NotFoundError | typeof ResponseDecodeError | typeof TransportError;
            title: string;
            read: Read;
            args?: object;
            auth?: Auth;
            config?: (emu: Emulator) => ConfigOverrides;
            setup?: (emu: Emulator) => void;
        }

        const profile = (name: string, text: string) => (): ConfigOverrides => {
            const file = path.join(tmp, name);
            fs.writeFileSync(file, text);
            return { "huaweicloud:token": undefined, "huaweicloud:sharedConfigFile": file };
        };
        const keys = `"accessKeyId": "${S.profileAccessKey}", "secretAccessKey": "${S.profileSecretKey}", "securityToken": "${S.profileSecurityToken}"`;

        const CASES: Case[] = [
            { error: InputError, title: "a secret pasted as the task id", read: "sms", args: { taskId: `${S.smsPassphrase}/x` } },
            { error: InputError, title: "an endpoint argument with a password in it", read: "kps", args: { ...ARGS.kps, endpoint: `https://user:${S.urlPassword}@kms.example.com` } },
            { error: InputError, title: "a url argument with a token in it", read: "astra", args: { ...ARGS.astra, url: `https://${S.astraToken}@astra.example.com` } },
            { error: ConfigurationError, title: "an access key without its secret key", read: "kps", config: () => ({ "huaweicloud:token": undefined, "huaweicloud:accessKey": S.accessKey }) },
            { error: ConfigurationError, title: "a secret key without its access key", read: "kps", config: () => ({ "huaweicloud:token": undefined, "huaweicloud:secretKey": S.secretKey }) },
            { error: ConfigurationError, title: "huaweicloud:endpoints with a password in a URL", read: "kps", config: () => ({ "huaweicloud:endpoints": JSON.stringify({ kms: `http://user:${S.urlPassword}@127.0.0.1:1/kms` }) }) },
            { error: ConfigurationError, title: "astracontrol:url with a password in it", read: "astra", config: (e) => ({ "astracontrol:url": e.endpoints.astra.replace("http://", `http://user:${S.urlPassword}@`) }) },
            { error: ConfigurationError, title: "a token pasted into huaweicloud:region", read: "kps", config: () => ({ "huaweicloud:region": S.huaweiToken }) },
            { error: ConfigurationError, title: "a token pasted into astracontrol:requestTimeout", read: "astra", config: () => ({ "astracontrol:requestTimeout": S.astraToken }) },
            { error: ConfigurationError, title: "a KooCLI profile file that breaks off after its keys", read: "kps", config: profile("broken.json", `{"current": "p", "profiles": [{"name": "p", ${keys}`) },
            { error: ConfigurationError, title: "a KooCLI profile that assumes an agency", read: "kps", config: profile("agency.json", `{"current": "p", "profiles": [{"name": "p", "agencyName": "ops", ${keys}}]}`) },
            { error: ConfigurationError, title: "a KooCLI profile whose secret key is not a string", read: "kps", config: profile("nested.json", `{"current": "p", "profiles": [{"name": "p", "accessKeyId": "${S.profileAccessKey}", "secretAccessKey": {"value": "${S.profileSecretKey}"}}]}`) },
            { error: AuthError, title: "a wrong Huawei token", read: "sms", config: () => ({ "huaweicloud:token": S.wrongHuaweiToken }) },
            { error: AuthError, title: "a wrong Astra token", read: "astra", config: () => ({ "astracontrol:apiToken": S.wrongAstraToken }) },
            { error: AuthError, title: "a wrong secret key, refused by the IAM project look-up", read: "kps", auth: "aksk", config: () => ({ "huaweicloud:secretKey": S.wrongSecretKey }) },
            { error: AuthError, title: "a wrong security token", read: "roma", auth: "aksk", config: () => ({ "huaweicloud:securityToken": S.huaweiToken2 }) },
            { error: AuthError, title: "a ROMA 403", read: "roma", setup: (e) => e.inject("roma", { kind: "status", status: 403 }) },
            { error: NotFoundError, title: "a missing KPS task", read: "kps", args: { taskId: MISSING_ID } },
            { error: NotFoundError, title: "a missing Astra certificate", read: "astra", args: { certificateId: MISSING_ID } },
            { error: NotFoundError, title: "an unknown ROMA instance (500 ROMA.00110002)", read: "roma", args: { ...ARGS.roma, instanceId: "7c3e0e8a-0000-4000-8000-0000000000ff" } },
            { error: NotFoundError, title: "a missing SMS task, read with AK/SK", read: "sms", auth: "aksk", args: { taskId: MISSING_ID } },
            { error: ResponseDecodeError, title: "an SMS body of the wrong types", read: "sms", setup: (e) => e.inject("sms", { kind: "wrong-types" }) },
            { error: ResponseDecodeError, title: "an SMS body whose passphrase is an object holding the secret", read: "sms", setup: breakBodiesAroundSecrets },
            { error: ResponseDecodeError, title: "a ROMA body with the password and a user name of the wrong type", read: "roma", setup: breakBodiesAroundSecrets },
            { error: ResponseDecodeError, title: "a ROMA body with required fields missing, read with AK/SK", read: "roma", auth: "aksk", setup: (e) => e.inject("roma", { kind: "missing-fields" }) },
            { error: ResponseDecodeError, title: "an Astra body that is not JSON", read: "astra", setup: (e) => e.inject("astra", { kind: "non-json" }) },
            { error: TransportError, title: "a redirect to a Location holding the Huawei token", read: "kps", setup: (e) => e.inject("kms", { kind: "redirect", location: `http://${S.huaweiToken}.example.invalid/v3?token=${S.huaweiToken}` }) },
            { error: TransportError, title: "a redirect to a Location holding the Astra token", read: "astra", setup: (e) => e.inject("astra", { kind: "redirect", location: `https://${S.astraToken}.example.invalid/?t=${S.astraToken}` }) },
            { error: TransportError, title: "a redirect to a Location holding the access key, read with AK/SK", read: "kps", auth: "aksk", setup: (e) => e.inject("kms", { kind: "redirect", location: `http://${S.tempAccessKey}.example.invalid/` }) },
            { error: TransportError, title: "a ROMA body over the size cap that holds the password", read: "roma", config: () => ({ "huaweicloud:maxResponseBytes": "1024" }), setup: (e) => e.inject("roma", { kind: "oversize", bytes: 4096 }) },
            { error: TransportError, title: "a reset connection, read with AK/SK", read: "sms", auth: "aksk", setup: (e) => e.inject("sms", { kind: "reset" }) },
            { error: TransportError, title: "a refused connection", read: "kps", config: (e) => ({ "huaweicloud:endpoints": JSON.stringify({ sms: e.endpoints.sms, roma: e.endpoints.roma, iam: e.endpoints.iam, kms: "http://127.0.0.1:1/kms" }) }) },
            { error: TransportError, title: "a timeout, read with AK/SK", read: "kps", auth: "aksk", config: () => ({ "huaweicloud:requestTimeout": "1" }), setup: (e) => e.inject("kms", { kind: "hang" }) },
        ];

        /** The error an Output fails with; its other promises are handled so nothing is left unhandled. */
        async function outputFailure(out: pulumi.Output<unknown>): Promise<unknown> {
            const o = out as unknown as { promise(): Promise<unknown>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
            o.isKnown.catch(() => undefined);
            o.isSecret.catch(() => undefined);
            try {
                await o.promise();
            } catch (e) {
                return e;
            }
            return new Error("the Output resolved");
        }

        async function failure(c: Case, variant: "getX" | "getXOutput"): Promise<unknown> {
            emu.reset();
            clearIamCache();
            c.setup?.(emu);
            const all = stackConfig(emu, c.auth ?? "token", c.config?.(emu));
            pulumi.runtime.setAllConfig(all, Object.keys(all).filter((k) => SECRET_CONFIG_KEYS.includes(k)));
            const args = c.args ?? ARGS[c.read];
            if (variant === "getXOutput") {
                return outputFailure(READS[c.read].output(args));
            }
            try {
                await READS[c.read].plain(args);
            } catch (e) {
                return e;
            }
            return new Error("the read succeeded");
        }

        for (const c of CASES) {
            it(`${c.error.name}: ${c.title}`, async () => {
                const from = sweep.size;
                for (const variant of ["getX", "getXOutput"] as const) {
                    const e = await failure(c, variant);
                    assert.ok(e instanceof c.error, `${variant}: expected ${c.error.name}, got ${String(e)}`);
                    sweep.addError(`${c.title} (${variant})`, e);
                    covered.add(c.error.name);
                }
                assertNoLeaks(from);
            });
        }
    });

    // Last, after every describe above has run.
    describe("coverage of the sweep", () => {
        it("swept every kind of text: errors of every class, host stderr, program and resource errors", () => {
            assert.deepEqual(
                [...covered].sort(),
                ["AuthError", "ConfigurationError", "InputError", "NotFoundError", "ResponseDecodeError", "TransportError", "host stderr with an error", "program errors", "resource errors"],
            );
            assert.ok(sweep.size > 300, `only ${sweep.size} texts collected`);
        });
    });
});
