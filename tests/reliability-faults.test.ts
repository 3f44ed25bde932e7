import * as assert from "node:assert/strict";
import * as http from "node:http";
import * as zlib from "node:zlib";
import { startEmulator, type Emulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { runFaultCase } from "./helpers/reliability-fault-run";
import { faultCases, isSlow, READ_FOR } from "./helpers/reliability-faults";
import { VALID_ARGS } from "./helpers/reliability-inputs";
import { secretsIn } from "./helpers/reliability-secrets";
import { startRecorder, trackUnhandledRejections, type Running } from "./helpers/reliability-servers";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

// Cases that wait on purpose run for one Huawei service and Astra here; `npm run reliability` runs them all.
const SLOW_CASES_FOR = new Set(["kms", "astra"]);

describe("reliability: injected faults", function () {
    this.timeout(20_000);
    let emu: Emulator;
    let recorder: Awaited<ReturnType<typeof startRecorder>>;
    const rejections = trackUnhandledRejections();

    before(async () => {
        emu = await startEmulator({ port: 0 });
        recorder = await startRecorder();
    });
    after(async () => {
        await emu.close();
        await recorder.close();
        rejections.dispose();
    });

    describe("the fault matrix", () => {
        for (const c of faultCases().filter((x) => !isSlow(x) || SLOW_CASES_FOR.has(x.service))) {
            it(`${c.service} (${c.token ?? READ_FOR[c.service]}): ${c.label}`, async () => {
                const outcome = await runFaultCase(emu, c, { otherHost: recorder.url });
                assert.deepEqual(outcome.problems, [], `${outcome.result}: ${outcome.message}`);
            });
        }

        it("no fault case sent anything to the other host", () => {
            assert.deepEqual(recorder.received, []);
        });
    });

    describe("redirects", () => {
        const credentialConfigs: [string, "huaweicloud.kps.KeypairTask" | "huaweicloud.sms.TaskPassphrase" | "astracontrol.Certificate", Record<string, string>, "kms" | "sms" | "astra"][] = [
            ["an IAM token (X-Auth-Token)", "huaweicloud.kps.KeypairTask", {}, "kms"],
            ["an AK/SK signature (Authorization, X-Sdk-Date)", "huaweicloud.kps.KeypairTask", { "huaweicloud:token": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey }, "kms"],
            [
                "temporary AK/SK (X-Security-Token)",
                "huaweicloud.sms.TaskPassphrase",
                { "huaweicloud:token": "", "huaweicloud:accessKey": FIXTURE.tempAccessKey, "huaweicloud:secretKey": FIXTURE.tempSecretKey, "huaweicloud:securityToken": FIXTURE.tempSecurityToken, "huaweicloud:domainId": FIXTURE.domainId },
                "sms",
            ],
            ["an Astra bearer token (Authorization)", "astracontrol.Certificate", {}, "astra"],
        ];
        for (const [what, token, config, service] of credentialConfigs) {
            it(`a redirect to another host is refused and ${what} never reaches that host`, async () => {
                emu.reset();
                const before = recorder.received.length;
                for (const location of [`${recorder.url}/stolen`, `http://localhost:${recorder.port}/stolen`]) {
                    emu.inject(service, { kind: "redirect", status: 307, location });
                    await assert.rejects(performRead(operations[token], VALID_ARGS[token], sources(emulatorStackConfig(emu, config))), (e: Error) => {
                        assert.equal(e.name, "TransportError");
                        assert.match(e.message, /redirect to host .* not followed/);
                        assert.deepEqual(secretsIn(e), []);
                        return true;
                    });
                }
                // The credential did reach the emulator (so there was one to leak)...
                const sent = emu.requests.filter((r) => r.service === service);
                assert.equal(sent.length, 2);
                assert.ok(sent.every((r) => r.headers["x-auth-token"] || r.headers["authorization"]));
                // ...and nothing at all reached the other host.
                assert.equal(recorder.received.length, before);
            });
        }

        it("a redirect to another path on the same host is refused too", async () => {
            emu.reset();
            emu.inject("kms", { kind: "redirect", location: "/kms/v3/other" });
            await assert.rejects(
                performRead(operations["huaweicloud.kps.KeypairTask"], VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(emulatorStackConfig(emu))),
                /redirect to another path on the same host/,
            );
            assert.equal(emu.requests.length, 1);
        });

        it("a Location that echoes the token back is not repeated in the message", async () => {
            emu.reset();
            emu.inject("kms", { kind: "redirect", location: `http://${FIXTURE.huaweiToken}.evil.invalid/` });
            await assert.rejects(performRead(operations["huaweicloud.kps.KeypairTask"], VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(emulatorStackConfig(emu))), (e: Error) => {
                assert.deepEqual(secretsIn(e), []);
                assert.match(e.message, /\[REDACTED\]\.evil\.invalid/);
                return true;
            });
        });

        it("the recorder standing in for the other host does record what reaches it", async () => {
            const before = recorder.received.length;
            await fetch(`${recorder.url}/probe`, { headers: { "X-Auth-Token": "0000000000000000000000000000000000000001" } });
            assert.equal(recorder.received.length, before + 1);
            assert.equal(recorder.received.at(-1)?.headers["x-auth-token"], "0000000000000000000000000000000000000001");
        });
    });

    describe("compressed bodies", () => {
        let bomb: Running & { url: string };

        before(async () => {
            // 1 GiB of spaces as 64 concatenated gzip members of 16 MiB each: about 1 MB on the wire.
            const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
            const server = http.createServer((_req, res) => {
                res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "X-Request-Id": "11111111-2222-4333-8444-555555555555" });
                let left = 64;
                const pump = (): void => {
                    while (left > 0 && !res.destroyed) {
                        left--;
                        if (!res.write(member)) return void res.once("drain", pump);
                    }
                    if (!res.destroyed) res.end();
                };
                pump();
            });
            const sockets = new Set<import("node:net").Socket>();
            server.on("connection", (s) => {
                sockets.add(s);
                s.on("close", () => sockets.delete(s));
            });
            await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
            const port = (server.address() as import("node:net").AddressInfo).port;
            bomb = {
                port,
                url: `http://127.0.0.1:${port}`,
                close: () =>
                    new Promise<void>((resolve) => {
                        server.close(() => resolve());
                        for (const s of sockets) s.destroy();
                    }),
            };
        });
        after(() => bomb.close());

        it("a gzip body that expands past maxResponseBytes is cut off while decompressing", async () => {
            const config = emulatorStackConfig(emu, { "huaweicloud:maxRetries": "0" });
            await assert.rejects(
                performRead(operations["huaweicloud.kps.KeypairTask"], { ...VALID_ARGS["huaweicloud.kps.KeypairTask"], endpoint: bomb.url }, sources(config)),
                (e: Error) => {
                    assert.equal(e.name, "TransportError");
                    assert.match(e.message, /larger than 4194304 bytes, which was cut off \(setting huaweicloud:maxResponseBytes\): HTTP 200, request id 11111111-2222-4333-8444-555555555555/);
                    return true;
                },
            );
        });
    });

    describe("the deadline", () => {
        it("bounds the wait for a connection slot: a read queued behind a hung one fails at its deadline without sending anything", async () => {
            emu.reset();
            emu.inject("kms", { kind: "hang" }, 1);
            const token = "huaweicloud.kps.KeypairTask";
            const hung = performRead(operations[token], VALID_ARGS[token], sources(emulatorStackConfig(emu, { "huaweicloud:maxConcurrency": "1", "huaweicloud:requestTimeout": "2", "huaweicloud:maxRetries": "0" })));
            const hungOutcome = hung.then(
                () => "success",
                (e: Error) => e.name,
            );
            await assert.rejects(
                performRead(operations[token], VALID_ARGS[token], sources(emulatorStackConfig(emu, { "huaweicloud:maxConcurrency": "1", "huaweicloud:deadline": "1" }))),
                /got no free connection slot for 127\.0\.0\.1:[0-9]+ \(setting huaweicloud:maxConcurrency\) before the overall deadline of 1000 ms \(setting huaweicloud:deadline\)/,
            );
            assert.equal(emu.requests.length, 1);
            assert.equal(await hungOutcome, "TransportError");
        });
    });

    describe("afterwards", () => {
        it("no unhandled promise rejection happened during the fault runs", () => {
            assert.deepEqual(rejections.seen, []);
        });
    });
});
