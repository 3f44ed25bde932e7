import * as assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { ResponseDecodeError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, failure, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * Users put `pem` into trust stores, so an Astra `cert` that no X.509 parser accepts is a wrong
 * answer (ResponseDecodeError), never a `pem` output: a PEM block with a junk body, bytes that only
 * look like DER, a real certificate cut short, a good block next to a junk one.
 */

const astra = operations["astracontrol.Certificate"];
const fixtures = loadDefaultFixtures().astra.certificates;
const pemCertificate = fixtures.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
const derCertificate = fixtures.find((c) => c.resource.id === FIXTURE.derCertificateId)!.resource;
const realPem = Buffer.from(pemCertificate.cert as string, "base64").toString("latin1");
const realDer = Buffer.from(derCertificate.cert as string, "base64");
const b64 = (s: string | Buffer): string => Buffer.from(s).toString("base64");

const junk: readonly { readonly label: string; readonly cert: string }[] = [
    { label: "a PEM block whose body is junk", cert: b64("-----BEGIN CERTIFICATE-----\nTUlJQmp1bmtqdW5r\n-----END CERTIFICATE-----\n") },
    { label: "bytes that only look like DER (SEQUENCE, long length)", cert: b64(Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.alloc(256, 7)])) },
    { label: "a real DER certificate cut short", cert: b64(realDer.subarray(0, realDer.length - 20)) },
    { label: "a real PEM certificate followed by a junk block", cert: b64(`${realPem}\n-----BEGIN CERTIFICATE-----\nTUlJQmp1bmtqdW5r\n-----END CERTIFICATE-----\n`) },
    { label: "base64 of plain text", cert: b64("not a certificate at all") },
];

describe("security: an Astra cert that is not an X.509 certificate fails", function () {
    this.timeout(15_000);

    for (const j of junk) {
        it(`${j.label}: ResponseDecodeError naming cert`, async () => {
            const server = await rawServer((_req, res) => json(res, 200, { ...pemCertificate, cert: j.cert }));
            try {
                const e = await failure(performRead(astra, { certificateId: FIXTURE.certificateId }, sources(astraAt(server.url))));
                assert.ok(e instanceof ResponseDecodeError, String(e));
                assert.match(e.message, /cert: expected base64 of a PEM or DER certificate that an X\.509 parser accepts/);
            } finally {
                await server.close();
            }
        });
    }

    for (const [label, body] of [["PEM", pemCertificate], ["DER", derCertificate]] as const) {
        it(`a real ${label} certificate reads, and every pem block parses`, async () => {
            const server = await rawServer((_req, res) => json(res, 200, body));
            try {
                const r = await performRead(astra, { certificateId: body.id as string }, sources(astraAt(server.url)));
                const blocks = String(r.result.pem).match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
                assert.ok(blocks.length >= 1);
                for (const b of blocks) assert.ok(new X509Certificate(b));
            } finally {
                await server.close();
            }
        });
    }
});
