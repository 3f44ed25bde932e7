import * as fs from "node:fs";
import * as path from "node:path";
import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { ConfigurationError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { resetSaidOnce } from "../provider/core/said-once";
import { operations } from "../provider/operations";
import { rejection } from "./helpers/rejection";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const kps = operations["huaweicloud.kps.KeypairTask"];
const astra = operations["astracontrol.Certificate"];

const configError = (p: Promise<unknown>): Promise<ConfigurationError> => rejection(p, ConfigurationError);

function without(config: Record<string, string>, ...keys: string[]): Record<string, string> {
    const copy = { ...config };
    for (const k of keys) delete copy[k];
    return copy;
}

describe("settings: arguments, then stack config, then env vars, then defaults", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(() => emu.close());
    beforeEach(() => {
        emu.reset();
        // Each test here reads the full explanation, not the short reference a second read gets.
        resetSaidOnce();
    });

    it("uses stack config before env vars for the token", async () => {
        const config = emulatorStackConfig(emu);
        await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config, { HW_AUTH_TOKEN: "wrong-token-from-env" }));
        assert.equal(emu.requests.at(-1)?.headers["x-auth-token"], FIXTURE.huaweiToken);
    });

    it("falls back to env vars when stack config is silent", async () => {
        const config = without(emulatorStackConfig(emu), "huaweicloud:token", "huaweicloud:projectId", "astracontrol:apiToken", "astracontrol:accountId");
        const env = { HW_AUTH_TOKEN: FIXTURE.huaweiToken, HW_PROJECT_ID: FIXTURE.projectId, ASTRA_CONTROL_API_TOKEN: FIXTURE.astraToken, ASTRA_CONTROL_ACCOUNT_ID: FIXTURE.astraAccountId };
        const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config, env));
        assert.equal(out.result.projectId, FIXTURE.projectId);
        const cert = await performRead(astra, { certificateId: FIXTURE.certificateId }, sources(config, env));
        assert.equal(cert.result.accountId, FIXTURE.astraAccountId);
    });

    it("uses a projectId argument before stack config", async () => {
        const config = emulatorStackConfig(emu, { "huaweicloud:projectId": "ffffffffffffffffffffffffffffffff" });
        const out = await performRead(kps, { taskId: FIXTURE.kpsTaskId, projectId: FIXTURE.projectId }, sources(config));
        assert.equal(out.result.projectId, FIXTURE.projectId);
    });

    it("lists every key and env var that could supply missing Huawei credentials", async () => {
        const config = without(emulatorStackConfig(emu), "huaweicloud:token");
        const e = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
        for (const name of ["huaweicloud:token", "HW_AUTH_TOKEN", "huaweicloud:accessKey", "HW_ACCESS_KEY", "huaweicloud:secretKey", "HW_SECRET_KEY", "huaweicloud:securityToken", "HW_SECURITY_TOKEN", "huaweicloud:sharedConfigFile", "HW_SHARED_CONFIG_FILE", "huaweicloud:profile", "HW_PROFILE"]) {
            assert.ok(e.message.includes(name), `${name} missing from: ${e.message}`);
        }
        assert.equal(emu.requests.length, 0);
    });

    it("names both Astra settings when token and account are missing", async () => {
        const config = without(emulatorStackConfig(emu), "astracontrol:apiToken", "astracontrol:accountId");
        const e = await configError(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(config)));
        for (const name of ["astracontrol:apiToken", "ASTRA_CONTROL_API_TOKEN", "astracontrol:accountId", "ASTRA_CONTROL_ACCOUNT_ID"]) assert.ok(e.message.includes(name), e.message);
    });

    it("asks for a project id with token auth, naming where it can come from", async () => {
        const config = without(emulatorStackConfig(emu), "huaweicloud:projectId");
        const e = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
        assert.match(e.message, /huaweicloud:projectId/);
        assert.match(e.message, /HW_PROJECT_ID/);
    });

    it("asks for a region when a host must be derived", async () => {
        const config = without(emulatorStackConfig(emu, { "huaweicloud:endpoints": "{}" }), "huaweicloud:region");
        const e = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
        assert.match(e.message, /region/);
        assert.match(e.message, /HW_REGION_NAME/);
    });

    it("requires the Astra Control Center URL, saying why there is no default, before any request", async () => {
        const config = without(emulatorStackConfig(emu), "astracontrol:url");
        const e = await configError(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(config)));
        assert.match(e.message, /the URL of your Astra Control Center: pass url or set `astracontrol:url` \(stack config\) or `ASTRA_CONTROL_URL`/);
        assert.match(e.message, /exists only in Astra Control Center/);
        assert.equal(emu.requests.length, 0);
    });

    it("no TSDoc, README or docs/ line still offers the Astra Control Service host as a default URL", () => {
        const root = path.join(__dirname, "..");
        const files = ["README.md", ...fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f)), ...["sdk/nodejs/astracontrol", "provider/vendors", "provider/operations"].flatMap((d) => fs.readdirSync(path.join(root, d), { recursive: true, encoding: "utf8" }).map((f) => path.join(d, f)))].filter((f) => fs.statSync(path.join(root, f)).isFile());
        for (const file of files) {
            const stale = fs.readFileSync(path.join(root, file), "utf8").split("\n").filter((line) => /astra\.netapp\.io/.test(line) && /\b(else|default:|defaults to)\s*`?https:\/\/astra\.netapp\.io/i.test(line));
            assert.deepEqual(stale, [], file);
        }
    });

    it("rejects malformed huaweicloud:endpoints JSON with the key name", async () => {
        const e = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, { "huaweicloud:endpoints": "{kms:" }))));
        assert.match(e.message, /huaweicloud:endpoints must be a JSON object/);
        const e2 = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, { "huaweicloud:endpoints": '{"kps":"https://x.example.com"}' }))));
        assert.match(e2.message, /must be one of sms, roma, kms, iam/);
    });

    it("rejects out-of-range transport settings, naming the setting", async () => {
        const e = await configError(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, { "huaweicloud:maxRetries": "lots" }))));
        assert.match(e.message, /huaweicloud:maxRetries must be a whole number from 0 to 20/);
    });
});

describe("config names other Huawei tools use", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());

    const kpsRead = operations["huaweicloud.kps.KeypairTask"];
    const BAD_PEM = "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----";

    it("accepts pulumi-huaweicloud's huaweicloud:cacertFile and terraform's OS_CACERT for huaweicloud:caCert", async () => {
        const viaAlias = await configError(performRead(kpsRead, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, { "huaweicloud:cacertFile": BAD_PEM }))));
        assert.match(viaAlias.message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:cacertFile holds PEM text that is not a valid certificate/);
        const viaEnv = await configError(performRead(kpsRead, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu), { OS_CACERT: BAD_PEM })));
        assert.match(viaEnv.message, /^huaweicloud\.kps\.KeypairTask: environment variable OS_CACERT holds PEM text/);
    });

    it("huaweicloud:caCert wins when both it and huaweicloud:cacertFile are set", async () => {
        const e = await configError(performRead(kpsRead, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, { "huaweicloud:caCert": BAD_PEM, "huaweicloud:cacertFile": "/nonexistent/ca.pem" }))));
        assert.match(e.message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:caCert /);
    });

    it("accepts terraform's argument name as huaweicloud:cacert_file, after huaweicloud:caCert and huaweicloud:cacertFile", async () => {
        const read = (extra: Record<string, string>, env: Record<string, string> = {}) => configError(performRead(kpsRead, { taskId: FIXTURE.kpsTaskId }, sources(emulatorStackConfig(emu, extra), env)));
        assert.match((await read({ "huaweicloud:cacert_file": BAD_PEM })).message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:cacert_file holds PEM text that is not a valid certificate/);
        assert.match((await read({ "huaweicloud:cacertFile": BAD_PEM, "huaweicloud:cacert_file": "/nonexistent/ca.pem" })).message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:cacertFile /);
        assert.match((await read({ "huaweicloud:cacert_file": BAD_PEM }, { HW_CA_CERT: "/nonexistent/ca.pem" })).message, /^huaweicloud\.kps\.KeypairTask: stack config huaweicloud:cacert_file /);
        assert.match((await read({}, { HW_CA_CERT: BAD_PEM, OS_CACERT: "/nonexistent/ca.pem" })).message, /^huaweicloud\.kps\.KeypairTask: environment variable HW_CA_CERT /);
    });

    it("reads terraform's OS_* fallbacks after the HW_* variables", async () => {
        const config = emulatorStackConfig(emu);
        delete config["huaweicloud:region"];
        delete config["huaweicloud:projectId"];
        const r = await performRead(kpsRead, { taskId: FIXTURE.kpsTaskId }, sources(config, { OS_REGION_NAME: FIXTURE.region, OS_PROJECT_ID: FIXTURE.projectId }));
        assert.equal(r.result.projectId, FIXTURE.projectId);
    });
});
