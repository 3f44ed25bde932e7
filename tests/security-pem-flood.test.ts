import * as assert from "node:assert/strict";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { ConfigurationError, ResponseDecodeError } from "../provider/core/errors";
import { pemCertificateBlocks, type ScanMeter } from "../provider/core/pem-blocks";
import { resolveTls } from "../provider/core/settings";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, failure, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * A flood of `-----BEGIN CERTIFICATE-----` markers with no END used to cost quadratic time
 * (65.8 s for 3 MB, with the deadline timer unable to fire). Every PEM scan is now one pass:
 * proven by counting the characters the scan examines, not by a clock. The end-to-end cases
 * (an Astra `cert` filling the 4 MiB body cap, a CA setting of 4 MiB) took minutes before the
 * fix, so mocha's timeout fails them; the figure itself is in `npm run bench`.
 */

const BEGIN = "-----BEGIN CERTIFICATE-----\n";
const flood = (markers: number): string => BEGIN.repeat(markers);
const astra = operations["astracontrol.Certificate"];
const good = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
const realPem = Buffer.from(good.cert as string, "base64").toString("latin1");

function examined(text: string): number {
    const meter: ScanMeter = { examined: 0 };
    pemCertificateBlocks(text, meter);
    return meter.examined;
}

describe("security: PEM scanning is linear (certificate-marker flood)", function () {
    this.timeout(20_000);

    it("finds the same blocks as the regular expression it replaced", () => {
        const old = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
        const texts = [realPem, `${realPem}\n${realPem}`, `junk\n${BEGIN}${realPem}`, `${realPem}${BEGIN}${BEGIN}`, "", BEGIN, "-----END CERTIFICATE-----", `a${BEGIN}b-----END CERTIFICATE-----c${BEGIN}d-----END CERTIFICATE-----`];
        for (const text of texts) assert.deepEqual(pemCertificateBlocks(text), text.match(old) ?? []);
    });

    it("examines each character at most once: 4x the markers is exactly 4x the work", () => {
        const one = examined(flood(25_000));
        const four = examined(flood(100_000));
        assert.equal(one, flood(25_000).length);
        assert.equal(four, 4 * one);
        // Blocks among the markers, too: never more work than the text is long.
        const mixed = `${flood(10_000)}${realPem}${flood(10_000)}${realPem}${flood(10_000)}`;
        assert.equal(pemCertificateBlocks(mixed).length, 2);
        assert.ok(examined(mixed) <= mixed.length, `${examined(mixed)} > ${mixed.length}`);
    });

    it("an Astra cert flooding the 4 MiB body cap with BEGIN markers fails at once as a ResponseDecodeError naming cert", async () => {
        // About 2.9 MiB of markers: 3.9 MiB of base64, the body just under the 4 MiB cap.
        const cert = Buffer.from(flood(110_000)).toString("base64");
        const body = JSON.stringify({ ...good, cert });
        assert.ok(body.length < 4 * 1024 * 1024 && body.length > 3.8 * 1024 * 1024, String(body.length));
        const server = await rawServer((_req, res) => {
            res.writeHead(200, { "Content-Type": "application/astra-certificate+json" });
            res.end(body);
        });
        try {
            const e = await failure(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(astraAt(server.url, { "astracontrol:deadline": "10" }))));
            assert.ok(e instanceof ResponseDecodeError, String(e));
            assert.match(e.message, /cert: expected base64 of a PEM or DER certificate/);
        } finally {
            await server.close();
        }
    });

    it("a caCert setting of 4 MiB of BEGIN markers is refused at once as a ConfigurationError", () => {
        const config = { "astracontrol:caCert": flood(Math.ceil((4 * 1024 * 1024) / BEGIN.length)) };
        assert.throws(() => resolveTls(sources(config), "astracontrol", "ASTRA_CONTROL"), (e: unknown) => e instanceof ConfigurationError && /holds PEM text that is not a valid certificate/.test(e.message));
    });
});
