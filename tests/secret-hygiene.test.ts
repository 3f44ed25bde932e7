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
} from "../sdk/nodejs";
import { FIXTURE } from "./helpers/stack";
import { breakBodiesAroundSecrets, MISSING_ID, SECRET_CONFIG_KEYS, sweepStackConfig as stackConfig, type Auth, type ConfigOverrides } from "./helpers/sweep-config";
import { describeLeaks, findSentinels, SentinelSweep } from "./helpers/sweep-scanner";
import { ALL_SENTINELS, FIXTURE_SENTINELS, SENTINELS as S, sentinelFixtures } from "./helpers/sweep-sentinels";

/**
 * The sweep in the program process: every error class of getX and getXOutput, with sentinel
 * credentials and secret values. The same sweep through the real CLI (outputs, state, the
 * provider's and the program's lines) is tests/cli-secret-sweep.test.ts.
 */
describe("secret hygiene: sentinel credentials and secret values never show in errors", function () {
    this.timeout(60_000);
    let emu: Emulator;
    let tmp: string;
    const sweep = new SentinelSweep(ALL_SENTINELS);
    const covered = new Set<string>();

    before(async () => {
        emu = await startEmulator({ port: 0, fixtures: sentinelFixtures() });
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-secret-sweep-"));
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
            pulumi.runtime.setAllConfig(all, Object.keys(all).filter((k) => SECRET_CONFIG_KEYS.has(k)));
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
        it("swept errors of every class", () => {
            assert.deepEqual([...covered].sort(), ["AuthError", "ConfigurationError", "InputError", "NotFoundError", "ResponseDecodeError", "TransportError"]);
            assert.ok(sweep.size > 300, `only ${sweep.size} texts collected`);
        });
    });
});
