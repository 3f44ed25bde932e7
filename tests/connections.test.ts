import { strict as assert } from "node:assert";
import { inspect } from "node:util";
import { startEmulator, type Emulator } from "../emulator";
import { ConfigurationError, InputError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { FIRST_CREDENTIALS, SECOND, SECOND_CREDENTIALS, SECOND_FIXTURES } from "./helpers/second-account";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const kps = operations["huaweicloud.kps.KeypairTask"];
const sms = operations["huaweicloud.sms.TaskPassphrase"];
const astra = operations["astracontrol.Certificate"];

/** Every header value of every request an emulator saw, as one text. */
const sent = (emu: Emulator, from = 0): string => JSON.stringify(emu.requests.slice(from).map((r) => r.headers));

describe("named connections: huaweicloud:connections.<name> and astracontrol:connections.<name>", () => {
    let a: Emulator;
    let b: Emulator;
    before(async () => {
        a = await startEmulator({ port: 0 });
        b = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
    });
    after(async () => {
        await a?.close();
        await b?.close();
    });
    beforeEach(() => {
        a.reset();
        b.reset();
        clearIamCache();
    });

    /** The default connection on emulator A; `migration` (Huawei) and `dr` (Astra) on emulator B. */
    function config(migration: Record<string, unknown>, extra: Record<string, string> = {}): Record<string, string> {
        return emulatorStackConfig(a, {
            "huaweicloud:connections": JSON.stringify({
                migration: { region: SECOND.region, endpoints: { sms: b.endpoints.sms, kms: b.endpoints.kms, iam: b.endpoints.iam, roma: b.endpoints.roma }, ...migration },
            }),
            "astracontrol:connections": JSON.stringify({ dr: { url: b.endpoints.astra, apiToken: SECOND.astraToken, accountId: FIXTURE.astraAccountId } }),
            ...extra,
        });
    }

    it("reads through a named connection with its own token, host and data, and the default connection with its own", async () => {
        const c = config({ token: SECOND.huaweiToken, projectId: SECOND.projectId });
        const viaB = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources(c));
        assert.equal(viaB.result.taskStatus, SECOND.kpsStatus);
        assert.equal(viaB.result.projectId, SECOND.projectId);
        const viaA = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(c));
        assert.equal(viaA.result.taskStatus, "RUNNING_RESET");
        const pass = await performRead(sms, { taskId: FIXTURE.smsTaskId, connection: "migration" }, sources(c));
        assert.equal(pass.result.passphrase, SECOND.smsPassphrase);
        const cert = await performRead(astra, { certificateId: FIXTURE.certificateId, connection: "dr" }, sources(c));
        assert.equal(cert.result.certificateId, FIXTURE.certificateId);
        for (const s of FIRST_CREDENTIALS) assert.equal(sent(b).includes(s), false, "emulator B saw account A's credentials");
        for (const s of SECOND_CREDENTIALS) assert.equal(sent(a).includes(s), false, "emulator A saw account B's credentials");
        assert.ok(b.requests.some((r) => r.service === "astra") && b.requests.some((r) => r.service === "kms") && b.requests.some((r) => r.service === "sms"));
    });

    it("keys IAM look-ups by connection: AK/SK of each account look up their own project, once each", async () => {
        const c = config({ accessKey: SECOND.accessKey, secretKey: SECOND.secretKey }, { "huaweicloud:token": "", "huaweicloud:projectId": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey });
        for (let i = 0; i < 2; i++) {
            const viaB = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources(c));
            assert.equal(viaB.result.projectId, SECOND.projectId);
            const viaA = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(c));
            assert.equal(viaA.result.projectId, FIXTURE.projectId);
        }
        assert.equal(a.requests.filter((r) => r.service === "iam").length, 1);
        assert.equal(b.requests.filter((r) => r.service === "iam").length, 1);
        assert.ok(b.requests.every((r) => !r.headers.authorization || r.headers.authorization.includes(SECOND.accessKey)));
        assert.ok(a.requests.every((r) => !r.headers.authorization || r.headers.authorization.includes(FIXTURE.accessKey)));
    });

    it("inherits nothing: a connection without credentials fails, though the default and HW_AUTH_TOKEN have some", async () => {
        const c = config({ projectId: SECOND.projectId });
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources(c, { HW_AUTH_TOKEN: FIXTURE.huaweiToken, HW_REGION_NAME: "cn-north-4" })).catch((x: unknown) => x);
        assert.ok(e instanceof ConfigurationError, String(e));
        assert.match(e.message, /\(connection "migration"\)/);
        assert.match(e.message, /needs Huawei Cloud credentials/);
        assert.equal(a.requests.length + b.requests.length, 0);
    });

    it("inherits nothing: the region and endpoints of a connection are its own (no top-level huaweicloud:region)", async () => {
        const c = emulatorStackConfig(a, { "huaweicloud:connections": JSON.stringify({ bare: { token: SECOND.huaweiToken, projectId: SECOND.projectId } }) });
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "bare" }, sources(c)).catch((x: unknown) => x);
        assert.ok(e instanceof ConfigurationError, String(e));
        assert.match(e.message, /needs a region/);
    });

    it("names the connections that exist when a read names another, and sends nothing", async () => {
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migraton" }, sources(config({ token: SECOND.huaweiToken }))).catch((x: unknown) => x);
        assert.ok(e instanceof ConfigurationError);
        assert.match(e.message, /no connection named "migraton" in stack config huaweicloud:connections: it has "migration"/);
        const none = await performRead(astra, { certificateId: FIXTURE.certificateId, connection: "x" }, sources(emulatorStackConfig(a))).catch((x: unknown) => x);
        assert.match(String(none), /astracontrol:connections: none is set/);
        assert.equal(a.requests.length + b.requests.length, 0);
    });

    it("refuses an unknown key in a connection, listing the keys a connection takes, without any value", async () => {
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources(config({ acessKey: SECOND.accessKey, token: SECOND.huaweiToken }))).catch((x: unknown) => x);
        assert.ok(e instanceof ConfigurationError);
        assert.match(e.message, /huaweicloud:connections\.migration has unknown key "acessKey"; a connection takes the keys .*accessKey/);
        for (const text of [e.message, inspect(e)]) assert.equal(text.includes(SECOND.accessKey), false);
    });

    it("says where a bad setting of a connection is, by its path, without the value", async () => {
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources(config({ token: SECOND.huaweiToken, requestTimeout: "soon" }))).catch((x: unknown) => x);
        assert.ok(e instanceof ConfigurationError);
        assert.match(e.message, /stack config huaweicloud:connections\.migration\.requestTimeout must be a whole number/);
        const bad = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: "migration" }, sources({ ...config({}), "huaweicloud:connections": `{"migration": {"token": "${SECOND.huaweiToken}"` })).catch((x: unknown) => x);
        assert.match(String(bad), /huaweicloud:connections must be an object of connections .* not valid JSON/);
        assert.equal(String(bad).includes(SECOND.huaweiToken), false);
    });

    it("takes a connection name, never a credential, as the argument", async () => {
        const e = await performRead(kps, { taskId: FIXTURE.kpsTaskId, connection: `${SECOND.huaweiToken}/x` }, sources(config({}))).catch((x: unknown) => x);
        assert.ok(e instanceof InputError);
        assert.match(e.message, /connection: expected a connection name of 1 to 64 letters, digits, _ or -/);
        assert.equal(e.message.includes(SECOND.huaweiToken), false);
    });
});
