import * as assert from "node:assert/strict";
import * as net from "node:net";
import { Emulator, startEmulator } from "../emulator";
import { ConfigurationError, ResponseDecodeError, TransportError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { astraAt, failure, huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const sms = operations["huaweicloud.sms.TaskPassphrase"];
const kps = operations["huaweicloud.kps.KeypairTask"];
const astra = operations["astracontrol.Certificate"];

describe("hostile and broken servers: no credential echoed, no hang, no wrong answer", function () {
    this.timeout(15_000);
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => {
        emu.reset();
        clearIamCache();
    });

    it("vendor text loses C1 controls, line separators and bidi overrides", async () => {
        const server = await rawServer((_req, res) => json(res, 400, { error_code: "SMS.0003", error_msg: "a\u0085b\u009b31mc\u2028d\u2029e\u202ef\u2066g\u2069h\u001bi" }));
        try {
            const e = await failure(performRead(sms, { taskId: FIXTURE.smsTaskId }, sources(huaweiAt(server.url))));
            assert.doesNotMatch(e.message, /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u001b]/);
            assert.match(e.message, /"a b 31mc d e f g h i"/);
        } finally {
            await server.close();
        }
    });

    it("a 101 Switching Protocols answer to the GET ends the read instead of hanging it", async () => {
        const server = net.createServer((socket) => {
            socket.once("data", () => socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
            socket.on("error", () => undefined);
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
        try {
            const e = await failure(performRead(sms, { taskId: FIXTURE.smsTaskId }, sources(huaweiAt(url, { "huaweicloud:requestTimeout": "1", "huaweicloud:deadline": "3" }))));
            assert.ok(e instanceof TransportError, String(e));
            assert.match(e.message, /101 Switching Protocols/);
        } finally {
            server.close();
        }
    });

    it("the deadline covers the IAM look-ups: a hung IAM fails the read at the deadline", async () => {
        const server = await rawServer(() => undefined); // never answers
        try {
            const config = huaweiAt(server.url, { "huaweicloud:token": "", "huaweicloud:projectId": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey, "huaweicloud:deadline": "2", "huaweicloud:requestTimeout": "30" });
            const e = await failure(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
            assert.ok(e instanceof TransportError, String(e));
            assert.match(e.message, /deadline of 2000 ms/);
        } finally {
            await server.close();
        }
    });

    it("an IAM project id that is not a valid id ('..') is refused, and nothing is sent with it", async () => {
        const iam = await rawServer((_req, res) => json(res, 200, { projects: [{ id: "..", name: FIXTURE.region }] }));
        try {
            const config = { ...huaweiAt(emu.endpoints.kms), "huaweicloud:endpoints": JSON.stringify({ kms: emu.endpoints.kms, iam: iam.url }), "huaweicloud:token": "", "huaweicloud:projectId": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey };
            const e = await failure(performRead(kps, { taskId: FIXTURE.kpsTaskId }, sources(config)));
            assert.ok(e instanceof ConfigurationError, String(e));
            assert.match(e.message, /project id look-up .* not a valid project id/);
            assert.equal(emu.requests.filter((r) => r.service === "kms").length, 0);
        } finally {
            await iam.close();
        }
    });

    it("a success body naming another task is a wrong answer, for SMS and for KPS", async () => {
        const other = "3f6b2d8c-0000-4000-8000-00000000dead";
        const server = await rawServer((req, res) => json(res, 200, req.url?.includes("passphrase") ? { task_id: other, passphrase: "p" } : { task_id: other, task_status: "SUCCESS_RESET" }));
        try {
            for (const [op, args] of [[sms, { taskId: FIXTURE.smsTaskId }], [kps, { taskId: FIXTURE.kpsTaskId }]] as const) {
                const e = await failure(performRead(op, args, sources(huaweiAt(server.url))));
                assert.ok(e instanceof ResponseDecodeError, String(e));
                assert.ok(e.message.includes(other) && e.message.includes(args.taskId), e.message);
            }
        } finally {
            await server.close();
        }
    });

    it("an Astra cert that is not an X.509 certificate is a ResponseDecodeError", async () => {
        const good = emulatorStackConfig(emu);
        const real = await performRead(astra, { certificateId: FIXTURE.certificateId }, sources(good));
        const junkPem = Buffer.from("-----BEGIN CERTIFICATE-----\nTUlJQmp1bmtqdW5r\n-----END CERTIFICATE-----\n").toString("base64");
        const fakeDer = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.alloc(256, 7)]).toString("base64");
        for (const cert of [junkPem, fakeDer]) {
            const server = await rawServer((_req, res) => json(res, 200, { ...real.result, type: "application/astra-certificate", version: "1.1", cert, metadata: { labels: [], creationTimestamp: "2022-03-23T16:48:38Z", modificationTimestamp: "2022-03-23T16:48:38Z", createdBy: FIXTURE.astraAccountId } }));
            try {
                const e = await failure(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(astraAt(server.url))));
                assert.ok(e instanceof ResponseDecodeError, String(e));
                assert.match(e.message, /cert/);
            } finally {
                await server.close();
            }
        }
    });

    it("a body nested a million levels deep is a clear ResponseDecodeError, not a stack overflow", async () => {
        const good = await performRead(astra, { certificateId: FIXTURE.certificateId }, sources(emulatorStackConfig(emu)));
        const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
        const body = JSON.stringify({ ...good.result, trustStateDetails: [{ additionalDetails: "X" }] }).replace('"X"', deep);
        const server = await rawServer((_req, res) => {
            res.writeHead(200, { "Content-Type": "application/astra-certificate+json" });
            res.end(body);
        });
        try {
            const e = await failure(performRead(astra, { certificateId: FIXTURE.certificateId }, sources({ ...astraAt(server.url), "astracontrol:maxResponseBytes": String(4 * 1024 * 1024) })));
            assert.ok(e instanceof ResponseDecodeError, String(e));
            assert.match(e.message, /nested more than 64 levels deep/);
        } finally {
            await server.close();
        }
    });
});
