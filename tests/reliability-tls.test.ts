import * as assert from "node:assert/strict";
import * as https from "node:https";
import { startEmulator, type Emulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { VALID_ARGS } from "./helpers/reliability-inputs";
import { secretsIn } from "./helpers/reliability-secrets";
import { haveOpenssl, makeCertificates, startTlsFront, trackUnhandledRejections, type TestCertificates } from "./helpers/reliability-servers";
import { emulatorStackConfig, sources } from "./helpers/stack";

const KPS = operations["huaweicloud.kps.KeypairTask"];
const ASTRA = operations["astracontrol.Certificate"];

/** Settles an https GET from outside this package: the error code, or the status. */
function plainHttpsGet(url: string): Promise<string> {
    return new Promise((resolve) => {
        const req = https.get(url, { agent: false }, (res) => {
            res.resume();
            resolve(`HTTP ${res.statusCode}`);
        });
        req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
}

describe("reliability: TLS with a custom CA, and the insecure opt-in", function () {
    this.timeout(20_000);
    let emu: Emulator;
    let certs: TestCertificates;
    let front: Awaited<ReturnType<typeof startTlsFront>>;
    const rejections = trackUnhandledRejections();

    before(async () => {
        // node:crypto cannot issue certificates; openssl (on every machine of this project) does.
        assert.ok(haveOpenssl(), "openssl is needed to make the test certificates");
        certs = makeCertificates([]);
        emu = await startEmulator({ port: 0 });
        front = await startTlsFront(emu.url, certs);
    });
    after(async () => {
        await front?.close();
        await emu?.close();
        certs?.remove();
        rejections.dispose();
    });

    /** Emulator config with every endpoint behind the HTTPS front. */
    function tlsConfig(extra: Record<string, string> = {}): Record<string, string> {
        return emulatorStackConfig(emu, {
            "astracontrol:url": `${front.url}/astra`,
            "huaweicloud:endpoints": JSON.stringify({ sms: `${front.url}/sms`, roma: `${front.url}/roma`, kms: `${front.url}/kms`, iam: `${front.url}/iam` }),
            ...extra,
        });
    }

    it("astracontrol:caCert as PEM text makes a server certificate signed by that CA trusted", async () => {
        emu.reset();
        const out = await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(tlsConfig({ "astracontrol:caCert": certs.caPem })));
        assert.equal(out.id, VALID_ARGS["astracontrol.Certificate"].certificateId);
        assert.equal(emu.requests.length, 1);
    });

    it("huaweicloud:caCert as a file path works the same way", async () => {
        emu.reset();
        const out = await performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(tlsConfig({ "huaweicloud:caCert": certs.caFile })));
        assert.equal(out.result.taskId, VALID_ARGS["huaweicloud.kps.KeypairTask"].taskId);
    });

    it("a bundle of several CA certificates is accepted when one of them signed the server's", async () => {
        emu.reset();
        await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(tlsConfig({ "astracontrol:caCert": `${certs.otherCaPem}\n${certs.caPem}` })));
    });

    for (const [what, extra] of [
        ["without a CA setting", {}],
        ["with an unrelated CA", { "astracontrol:caCert": "OTHER" }],
    ] as const) {
        it(`${what}, verification fails once (no retry), nothing reaches the API, and the message names astracontrol:caCert`, async () => {
            emu.reset();
            const before = front.requests;
            const config = tlsConfig(Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === "OTHER" ? certs.otherCaPem : v])));
            await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(config)), (e: Error) => {
                assert.equal(e.name, "TransportError");
                assert.match(e.message, /could not verify the TLS certificate of 127\.0\.0\.1:[0-9]+ \([A-Z_]+\); trust its CA with astracontrol:caCert/);
                assert.match(e.message, /NetApp Astra Control Retrieve a certificate/);
                assert.doesNotMatch(e.message, /after [0-9]+ attempts/);
                assert.deepEqual(secretsIn(e), []);
                return true;
            });
            assert.equal(front.requests, before);
            assert.equal(emu.requests.length, 0);
        });
    }

    it("a Huawei verification failure names huaweicloud:caCert", async () => {
        await assert.rejects(performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(tlsConfig())), /Huawei Cloud KPS ListKeypairTask .*trust its CA with huaweicloud:caCert/);
    });

    it("one vendor's CA setting does not make the other vendor trust that CA", async () => {
        await assert.rejects(
            performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(tlsConfig({ "astracontrol:caCert": certs.caPem }))),
            /trust its CA with huaweicloud:caCert/,
        );
    });

    it("astracontrol:insecure reads without verification, warns, and leaves every other request in the process verified", async () => {
        emu.reset();
        const warnings: Error[] = [];
        const onWarning = (w: Error): void => {
            warnings.push(w);
        };
        process.on("warning", onWarning);
        try {
            await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(tlsConfig({ "astracontrol:insecure": "true" })));
            await new Promise((resolve) => setImmediate(resolve));
        } finally {
            process.off("warning", onWarning);
        }
        assert.equal(emu.requests.length, 1);
        const warning = warnings.find((w) => w.name === "CloudReadsInsecureTLS");
        assert.ok(warning, "no CloudReadsInsecureTLS warning was emitted");
        assert.match(warning.message, /astracontrol:insecure is set: the TLS certificate of 127\.0\.0\.1:[0-9]+ is not verified/);
        assert.equal(process.env.NODE_TLS_REJECT_UNAUTHORIZED, undefined);

        const url = `${front.url}/astra/accounts/x/core/v1/certificates/y`;
        assert.match(await plainHttpsGet(url), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/, "node:https");
        const { got } = await import("got");
        await assert.rejects(got(url, { retry: { limit: 0 } }), (e: NodeJS.ErrnoException) => /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/.test(e.code ?? ""), "got");
        await assert.rejects(fetch(url), (e: Error & { cause?: NodeJS.ErrnoException }) => /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/.test(e.cause?.code ?? ""), "fetch");
        // And this package's own reads of the other vendor are still verified.
        await assert.rejects(performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(tlsConfig({ "astracontrol:insecure": "true" }))), /huaweicloud:caCert/);
        assert.equal(emu.requests.length, 1);
    });

    it("no unhandled promise rejection happened", () => {
        assert.deepEqual(rejections.seen, []);
    });
});
