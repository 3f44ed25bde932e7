import * as assert from "node:assert/strict";
import { startEmulator, type Emulator } from "../emulator";
import { performRead } from "../provider/runtime/execute";
import { bypassesProxy } from "../provider/core/proxy";
import { operations } from "../provider/operations";
import { VALID_ARGS } from "./helpers/reliability-inputs";
import { secretsIn } from "./helpers/reliability-secrets";
import { haveOpenssl, makeCertificates, startConnectProxy, startTlsFront, trackUnhandledRejections, type TestCertificates } from "./helpers/reliability-servers";
import { emulatorStackConfig, sources } from "./helpers/stack";

const KPS = operations["huaweicloud.kps.KeypairTask"];
const ASTRA = operations["astracontrol.Certificate"];
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];
const PROXY_PASSWORD = "proxy-password-0000000000000001";

describe("reliability: HTTPS_PROXY and NO_PROXY", function () {
    this.timeout(20_000);
    let emu: Emulator;
    let certs: TestCertificates;
    let front: Awaited<ReturnType<typeof startTlsFront>>;
    let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
    const saved: Record<string, string | undefined> = {};
    const rejections = trackUnhandledRejections();

    before(async () => {
        assert.ok(haveOpenssl(), "openssl is needed to make the test certificates");
        certs = makeCertificates(["astra.cloudreads.test", "kms.cloudreads.test"]);
        emu = await startEmulator({ port: 0 });
        front = await startTlsFront(emu.url, certs);
        // The proxy resolves the test-only names itself; this machine's resolver does not know them.
        proxy = await startConnectProxy({ "astra.cloudreads.test": "127.0.0.1", "kms.cloudreads.test": "127.0.0.1", "wrong-name.cloudreads.test": "127.0.0.1" });
        for (const v of PROXY_VARIABLES) saved[v] = process.env[v];
    });
    beforeEach(async () => {
        for (const v of PROXY_VARIABLES) delete process.env[v];
        process.env.HTTPS_PROXY = proxy.url;
        emu.reset();
        await proxy.dropTunnels();
        proxy.tunnels.length = 0;
    });
    after(async () => {
        for (const v of PROXY_VARIABLES) {
            if (saved[v] === undefined) delete process.env[v];
            else process.env[v] = saved[v];
        }
        await proxy?.close();
        await front?.close();
        await emu?.close();
        certs?.remove();
        rejections.dispose();
    });

    function astraAt(host: string, extra: Record<string, string> = {}): Record<string, string> {
        return emulatorStackConfig(emu, { "astracontrol:url": `https://${host}:${front.port}/astra`, "astracontrol:caCert": certs.caPem, "astracontrol:maxRetries": "0", ...extra });
    }

    it("a read of a non-loopback host name goes through a CONNECT tunnel of the HTTPS_PROXY", async () => {
        await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test")));
        assert.deepEqual(proxy.tunnels.map((t) => t.target), [`astra.cloudreads.test:${front.port}`]);
        assert.equal(emu.requests.length, 1);
    });

    it("Huawei reads use the proxy too, and the certificate is still verified through the tunnel", async () => {
        const config = emulatorStackConfig(emu, {
            "huaweicloud:endpoints": JSON.stringify({ kms: `https://kms.cloudreads.test:${front.port}/kms` }),
            "huaweicloud:caCert": certs.caPem,
        });
        await performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources(config));
        assert.ok(proxy.tunnels.some((t) => t.target === `kms.cloudreads.test:${front.port}`));
        await assert.rejects(
            performRead(KPS, VALID_ARGS["huaweicloud.kps.KeypairTask"], sources({ ...config, "huaweicloud:caCert": certs.otherCaPem })),
            /could not verify the TLS certificate of kms\.cloudreads\.test:[0-9]+ .*huaweicloud:caCert/,
        );
    });

    it("a certificate that does not name the host is refused through the tunnel, with a message that says so", async () => {
        await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("wrong-name.cloudreads.test"))), (e: Error) => {
            assert.equal(e.name, "TransportError");
            assert.match(e.message, /not valid for that host name \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
            return true;
        });
        assert.equal(emu.requests.length, 0);
    });

    for (const noProxy of ["astra.cloudreads.test", ".cloudreads.test", "cloudreads.test", "*.cloudreads.test", "example.invalid, astra.cloudreads.test", "*"]) {
        it(`NO_PROXY=${JSON.stringify(noProxy)} exempts the host: no tunnel, the connection is direct`, async () => {
            process.env.NO_PROXY = noProxy;
            // Direct, the test-only name does not resolve: that failure proves the proxy was bypassed.
            await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test"))), /could not resolve host astra\.cloudreads\.test/);
            assert.deepEqual(proxy.tunnels, []);
        });
    }

    it("lower-case no_proxy works as NO_PROXY does, and a NO_PROXY entry for another port does not exempt", async () => {
        process.env.no_proxy = "astra.cloudreads.test";
        await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test"))), /could not resolve host/);
        assert.deepEqual(proxy.tunnels, []);
        delete process.env.no_proxy;
        process.env.NO_PROXY = "astra.cloudreads.test:1";
        await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test")));
        assert.equal(proxy.tunnels.length, 1);
    });

    for (const host of ["127.0.0.1", "localhost"]) {
        it(`loopback (${host}) is always direct, even with HTTPS_PROXY set and no NO_PROXY`, async () => {
            await performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt(host)));
            assert.deepEqual(proxy.tunnels, []);
            assert.equal(emu.requests.length, 1);
        });
    }

    it("loopback addresses and names never use a proxy", () => {
        for (const u of ["https://127.0.0.1/", "https://127.1.2.3:8443/", "https://[::1]/", "https://localhost/", "https://api.localhost/"]) {
            assert.equal(bypassesProxy(new URL(u), undefined), true, u);
        }
        for (const u of ["https://127.0.0.1.nip.io/", "https://localhost.example.invalid/", "https://10.0.0.1/"]) {
            assert.equal(bypassesProxy(new URL(u), undefined), false, u);
        }
    });

    it("a proxy that refuses the tunnel gives a message naming the proxy, never its password", async () => {
        process.env.HTTPS_PROXY = `http://user:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
        await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("unmapped.cloudreads.test"))), (e: Error) => {
            assert.equal(e.name, "TransportError");
            assert.match(e.message, new RegExp(`proxy http://127\\.0\\.0\\.1:${proxy.port} \\(from HTTPS_PROXY\\) answered CONNECT with HTTP 502`));
            assert.ok(!`${e.message}${e.stack}`.includes(PROXY_PASSWORD));
            assert.deepEqual(secretsIn(e), []);
            return true;
        });
        // The credentials did go to the proxy, which is where they belong.
        assert.equal(proxy.tunnels[0]?.proxyAuthorization, `Basic ${Buffer.from(`user:${PROXY_PASSWORD}`).toString("base64")}`);
    });

    it("a proxy that cannot be reached is named in the message", async () => {
        process.env.HTTPS_PROXY = "http://127.0.0.1:1";
        await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test"))), /could not connect to astra\.cloudreads\.test:[0-9]+ through proxy http:\/\/127\.0\.0\.1:1 \(from HTTPS_PROXY\): connection refused/);
    });

    it("a malformed HTTPS_PROXY is a ConfigurationError that does not repeat the value, and nothing is sent", async () => {
        process.env.HTTPS_PROXY = `socks5://user:${PROXY_PASSWORD}@127.0.0.1:1080`;
        await assert.rejects(performRead(ASTRA, VALID_ARGS["astracontrol.Certificate"], sources(astraAt("astra.cloudreads.test"))), (e: Error) => {
            assert.equal(e.name, "ConfigurationError");
            assert.match(e.message, /HTTPS_PROXY must be an http:\/\/ or https:\/\/ proxy URL/);
            assert.ok(!e.message.includes(PROXY_PASSWORD));
            return true;
        });
        assert.equal(emu.requests.length, 0);
    });

    it("no unhandled promise rejection happened", () => {
        assert.deepEqual(rejections.seen, []);
    });
});
