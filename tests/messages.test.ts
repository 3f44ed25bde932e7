import * as assert from "node:assert/strict";
import * as http from "node:http";
import type * as net from "node:net";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, startEmulator } from "../emulator";
import { AuthError, ConfigurationError, InputError, NotFoundError, TransportError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { resetSaidOnce } from "../provider/core/said-once";
import { operations } from "../provider/operations";
import type { AnyReadOperation } from "../provider/operations/operation";
import * as host from "../provider/runtime/host";
import { astracontrol, huaweicloud } from "../sdk/nodejs";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const kps = operations["huaweicloud.kps.KeypairTask"];
const sms = operations["huaweicloud.sms.TaskPassphrase"];
const roma = operations["huaweicloud.roma.ProductAuthentication"];
const astra = operations["astracontrol.Certificate"];

/**
 * The value of an Output, or its failure. `promise()`, `isKnown` and `isSecret` are the SDK's own,
 * not in its typings; each carries the failure, so each is observed (no unhandled rejection).
 */
function settled<T>(o: pulumi.Output<T>): Promise<T> {
    const inner = o as unknown as { promise(): Promise<T>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
    inner.isKnown.catch(() => undefined);
    inner.isSecret.catch(() => undefined);
    return inner.promise();
}

async function failure(p: Promise<unknown>): Promise<Error> {
    try {
        await p;
    } catch (e) {
        return e as Error;
    }
    throw new Error("the read succeeded");
}

describe("messages a new user meets: each names the problem and the fix", () => {
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => emu.reset());

    describe("X.get with an id of the wrong shape says the shape, the segment count and an example", () => {
        const cases = [
            { token: "huaweicloud.kps.KeypairTask", id: "11111111-2222-4333-8444-000000000077", shape: "{projectId}/{taskId} (2 segments separated by \"/\"), got 1 segment" },
            { token: "huaweicloud.roma.ProductAuthentication", id: "11111111-2222-4333-8444-000000000078/77", shape: "{projectId}/{instanceId}/{productId} (3 segments separated by \"/\"), got 2 segments" },
            { token: "huaweicloud.sms.TaskPassphrase", id: "a/11111111-2222-4333-8444-000000000079", shape: "{taskId} (one segment, without \"/\"), got 2 segments" },
            { token: "astracontrol.Certificate", id: "x/11111111-2222-4333-8444-000000000080", shape: "{certificateId} (one segment, without \"/\"), got 2 segments" },
        ];
        for (const c of cases) {
            it(c.token, async () => {
                host.configure({ get: (key: string) => emulatorStackConfig(emu)[key] } as never);
                const e = await failure(host.read(c.token, c.id, {}));
                assert.ok(e instanceof InputError, String(e));
                assert.ok(e.message.startsWith(`${c.token}.get: invalid input: id: expected the shape ${c.shape}; for example "`), e.message);
                assert.equal(e.message.includes(c.id.split("/").pop()!), false, "the message echoes the id");
                assert.equal(emu.requests.length, 0);
            });
        }
    });

    it("X.get with an id of the right shape but a bad segment names the segment's argument and the id's shape", async () => {
        host.configure({ get: (key: string) => emulatorStackConfig(emu)[key] } as never);
        const kpsBad = await failure(host.read("huaweicloud.kps.KeypairTask", `shortproj/${FIXTURE.kpsTaskId}`, {}));
        assert.ok(kpsBad instanceof InputError, String(kpsBad));
        assert.equal(kpsBad.message, "huaweicloud.kps.KeypairTask.get (id {projectId}/{taskId}): invalid input: projectId: expected a string of 32 characters from A-Z a-z 0-9 . _ ~ -, got a string of 9 characters");
        const romaBad = await failure(host.read("huaweicloud.roma.ProductAuthentication", `${FIXTURE.projectId}/default/99999999999999999999`, {}));
        assert.match(romaBad.message, /^huaweicloud\.roma\.ProductAuthentication\.get \(id \{projectId\}\/\{instanceId\}\/\{productId\}\): invalid input: productId: .*got a string of 20 characters$/);
        assert.equal(emu.requests.length, 0);
    });

    it("a too-long id says its length; a bad character its position and class, never the value", async () => {
        const long = await failure(performRead(sms, { taskId: "a".repeat(44) }, sources(emulatorStackConfig(emu))));
        assert.match(long.message, /taskId: expected a string of 1 to 36 characters .*, got a string of 44 characters$/);
        const spaced = await failure(performRead(kps, { taskId: "abcd efgh" }, sources(emulatorStackConfig(emu))));
        assert.match(spaced.message, /got a string of 9 characters, character 5 is a space$/);
        const slash = await failure(performRead(kps, { taskId: "abc/def" }, sources(emulatorStackConfig(emu))));
        assert.match(slash.message, /character 4 is a slash$/);
        const accented = await failure(performRead(kps, { taskId: "abcé" }, sources(emulatorStackConfig(emu))));
        assert.match(accented.message, /character 4 is a non-ASCII character$/);
        assert.equal(emu.requests.length, 0);
    });

    it("UUIDs, product ids and regions say which character falls short and what belongs there, never the value", async () => {
        const cases: [op: AnyReadOperation, args: Record<string, unknown>, expected: RegExp][] = [
            [astra, { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531g" }, /certificateId: .*got a string of 36 characters, character 36 is a letter where a hexadecimal digit belongs$/],
            [astra, { certificateId: "a26cbed4218358ceaa19e37ca8b0531a" }, /certificateId: .*got a string of 32 characters, character 9 is a digit where a dash belongs$/],
            [astra, { certificateId: " a26cbed4-2183-58ce-aa19-e37ca8b0531a" }, /certificateId: .*got a string of 37 characters, character 1 is a space where a hexadecimal digit belongs$/],
            [roma, { instanceId: "default", productId: "12a4" }, /productId: .*got a string of 4 characters, character 3 is a letter$/],
            [roma, { instanceId: "default", productId: "-1" }, /productId: .*got a string of 2 characters, character 1 is a dash$/],
            [roma, { instanceId: "default", productId: "0042" }, /productId: .*got a string of 4 characters, with a leading zero$/],
            [kps, { taskId: FIXTURE.kpsTaskId, region: "CN-north-4" }, /region: .*got a string of 10 characters, character 1 is an upper-case letter$/],
        ];
        for (const [op, args, expected] of cases) {
            const e = await failure(performRead(op, args, sources(emulatorStackConfig(emu))));
            assert.ok(e instanceof InputError, String(e));
            assert.match(e.message, expected);
        }
        assert.equal(emu.requests.length, 0);
    });

    it("a productId number above 2^53-1 says it was already rounded and to pass a string", async () => {
        const e = await failure(performRead(roma, { instanceId: "default", productId: 99999999999999999 }, sources(emulatorStackConfig(emu))));
        assert.match(e.message, /productId: .*got a number above 2\^53-1 \(9007199254740991\), which JavaScript had already rounded .*; pass the id as a digit string/);
    });

    it("a bad endpoint names its service's own example host", async () => {
        for (const service of ["roma", "sms", "kms"] as const) {
            const op = { roma, sms, kms: kps }[service];
            const args = { roma: { instanceId: "default", productId: "1" }, sms: { taskId: FIXTURE.smsTaskId }, kms: { taskId: FIXTURE.kpsTaskId } }[service];
            const e = await failure(performRead(op, args, sources(emulatorStackConfig(emu, { "huaweicloud:endpoints": JSON.stringify({ [service]: "http://example.com" }) }))));
            assert.ok(e instanceof ConfigurationError);
            assert.match(e.message, new RegExp(`huaweicloud:endpoints\\.${service} .*such as https://${service}\\.cn-north-4\\.myhuaweicloud\\.com`));
        }
    });

    it("a refused connection names the setting that chose the host, says the retries once and no request id", async () => {
        const config = emulatorStackConfig(emu, { "huaweicloud:endpoints": JSON.stringify({ kms: "http://127.0.0.1:1" }), "huaweicloud:maxRetries": "2" });
        const e = await failure(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
        assert.ok(e instanceof TransportError);
        assert.match(e.message, /connection refused \(the host comes from stack config huaweicloud:endpoints \(key kms\)\)/);
        assert.doesNotMatch(e.message, /request id/);
        assert.equal(e.message.match(/retries|attempts/g)?.length, 1, e.message);
    });

    it("retrying for more than 2 s says so once, through the progress callback", async () => {
        let calls = 0;
        const server = http.createServer((_req, res) => {
            calls++;
            if (calls === 1) {
                res.writeHead(503, { "Retry-After": "3", "Content-Type": "application/json" });
                res.end("{}");
            } else {
                res.writeHead(200, { "Content-Type": "application/json" });
                res.end(JSON.stringify({ task_status: "RUNNING_RESET" }));
            }
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
        try {
            const said: string[] = [];
            const s = { ...sources(emulatorStackConfig(emu, { "huaweicloud:endpoints": JSON.stringify({ kms: url }) })), progress: (m: string) => said.push(m) };
            const r = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, s);
            assert.equal(r.result.taskStatus, "RUNNING_RESET");
            assert.equal(said.length, 1);
            assert.match(said[0]!, /^Huawei Cloud KPS ListKeypairTask: 127\.0\.0\.1:[0-9]+ is not answering usefully \(HTTP 503\); retrying, attempt 2 of at most 6, until huaweicloud:deadline \(300 s\)$/);
        } finally {
            server.close();
        }
    }).timeout(15_000);

    it("an IAM look-up retrying for more than 2 s says so too, through the read's progress sink", async () => {
        clearIamCache();
        emu.inject("iam", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const config = emulatorStackConfig(emu, { "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey });
        delete config["huaweicloud:token"];
        delete config["huaweicloud:projectId"];
        const said: string[] = [];
        const r = await performRead(kps, { taskId: FIXTURE.kpsTaskId }, { ...sources(config), progress: (m: string) => said.push(m) });
        assert.equal(r.result.projectId, FIXTURE.projectId);
        assert.equal(said.length, 1, said.join("\n"));
        assert.match(said[0]!, /^Huawei Cloud IAM KeystoneListProjects: 127\.0\.0\.1:[0-9]+ is not answering usefully \(HTTP 503\); retrying, attempt 2 of at most 6, until huaweicloud:deadline/);
    }).timeout(15_000);

    it("errors from functions name the function, not the resource type", async () => {
        resetSaidOnce();
        pulumi.runtime.setAllConfig({ "huaweicloud:region": "cn-north-4" });
        try {
            const e = await failure(huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }));
            assert.match(e.message, /^huaweicloud\.kps\.getKeypairTask needs Huawei Cloud credentials/);
            const bad = await failure(astracontrol.getCertificate({ certificateId: "nope" }));
            assert.match(bad.message, /^astracontrol\.getCertificate: invalid input: certificateId/);
            // The service's own errors too: the function first, then the service and its operation.
            pulumi.runtime.setAllConfig(emulatorStackConfig(emu));
            const gone = await failure(huaweicloud.kps.getKeypairTask({ taskId: "11111111-2222-4333-8444-000000000099" }));
            assert.ok(gone instanceof NotFoundError, String(gone));
            assert.equal(gone.caller, "huaweicloud.kps.getKeypairTask");
            assert.match(gone.message, /^huaweicloud\.kps\.getKeypairTask: Huawei Cloud KPS ListKeypairTask for projectId "[0-9a-f]{32}", taskId "[-0-9a-f]+" found nothing: HTTP 404/);
            const goneOutput = await failure(settled(astracontrol.getCertificateOutput({ certificateId: "00000000-0000-4000-8000-000000000000" })));
            assert.match(goneOutput.message, /^astracontrol\.getCertificateOutput: NetApp Astra Control [A-Za-z ]+ for accountId .* found nothing: HTTP 404/);
            // A setting's error too, though it is raised where no read is known.
            pulumi.runtime.setAllConfig(emulatorStackConfig(emu, { "huaweicloud:maxRetries": "many" }));
            const setting = await failure(huaweicloud.sms.getTaskPassphrase({ taskId: FIXTURE.smsTaskId }));
            assert.ok(setting instanceof ConfigurationError, String(setting));
            // Then where the program called it: this file and line.
            assert.match(setting.message, /^huaweicloud\.sms\.getTaskPassphrase: stack config huaweicloud:maxRetries must be a whole number from 0 to 20\. \(called at tests[/\\]messages\.test\.ts:\d+\)$/);
            assert.match(setting.stack ?? "", /^ConfigurationError: huaweicloud\.sms\.getTaskPassphrase: stack config/);
            // A resource's error names no function: the engine shows it under the resource.
            const resourceGone = await failure(performRead(kps, { taskId: "11111111-2222-4333-8444-000000000099" }, sources(emulatorStackConfig(emu))));
            assert.match(resourceGone.message, /^Huawei Cloud KPS ListKeypairTask for /);
        } finally {
            pulumi.runtime.setAllConfig({});
        }
    });

    it("nine reads missing the same credential: one full explanation, eight short references to it", async () => {
        resetSaidOnce();
        pulumi.runtime.setAllConfig({ "huaweicloud:region": "cn-north-4", "huaweicloud:projectId": FIXTURE.projectId });
        try {
            const reads = [
                ...Array.from({ length: 3 }, () => huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId })),
                ...Array.from({ length: 3 }, () => huaweicloud.sms.getTaskPassphrase({ taskId: FIXTURE.smsTaskId })),
                ...Array.from({ length: 3 }, () => huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: "1" })),
            ];
            const messages = (await Promise.all(reads.map(failure))).map((e) => e.message);
            const full = messages.filter((m) => m.includes("HW_AUTH_TOKEN"));
            assert.equal(full.length, 1, messages.join("\n"));
            const short = messages.filter((m) => !m.includes("HW_AUTH_TOKEN"));
            assert.equal(short.length, 8);
            for (const m of short) {
                assert.match(m, /needs Huawei Cloud credentials; none are configured \(the same problem as for huaweicloud\.[a-z]+\.get[A-Za-z]+: see that error/);
                assert.ok(m.length < full[0]!.length / 2, m);
            }
        } finally {
            pulumi.runtime.setAllConfig({});
        }
    });

    it("a missing region, project id or Astra setting is explained in full once, then referred to", async () => {
        resetSaidOnce();
        const noRegion = { "huaweicloud:token": FIXTURE.huaweiToken, "huaweicloud:projectId": FIXTURE.projectId };
        const noProject = { "huaweicloud:token": FIXTURE.huaweiToken, "huaweicloud:region": FIXTURE.region };
        const cases = [
            { read: () => performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(noRegion), "huaweicloud.kps.getKeypairTask"), full: /HW_REGION_NAME/, short: /^huaweicloud\.kps\.getKeypairTask needs a region; none is set \(the same problem as for huaweicloud\.kps\.getKeypairTask: see that error/ },
            { read: () => performRead(roma, { instanceId: "default", productId: "1" }, sources(noProject), "huaweicloud.roma.getProductAuthentication"), full: /HW_PROJECT_ID/, short: /^huaweicloud\.roma\.getProductAuthentication needs a project id; none is set \(the same problem as for huaweicloud\.roma\.getProductAuthentication: see/ },
            { read: () => performRead(astra, { certificateId: FIXTURE.certificateId }, sources({ "astracontrol:url": emu.endpoints.astra }), "astracontrol.getCertificate"), full: /ASTRA_CONTROL_API_TOKEN/, short: /^astracontrol\.getCertificate needs astracontrol settings that are not set \(apiToken, accountId\) \(the same problem as for astracontrol\.getCertificate: see/ },
        ];
        for (const c of cases) {
            const messages = (await Promise.all([c.read(), c.read(), c.read()].map(failure))).map((e) => e.message);
            assert.equal(messages.filter((m) => c.full.test(m)).length, 1, messages.join("\n"));
            assert.equal(messages.filter((m) => c.short.test(m)).length, 2, messages.join("\n"));
        }
        assert.equal(emu.requests.length, 0);
    });

    it("an Astra 403 explains the two usual causes", async () => {
        emu.inject("astra", { kind: "status", status: 403 }, 1);
        const e = await failure(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(emulatorStackConfig(emu))));
        assert.ok(e instanceof AuthError);
        assert.match(e.message, /another account than `astracontrol:accountId`.*lacks a role/);
    });
});
