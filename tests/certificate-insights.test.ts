import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import { startEmulator, type Emulator } from "../emulator";
import { ConditionError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const astra = operations["astracontrol.Certificate"];
const id = (n: number): string => `c0000000-0000-4000-8000-0000000000e${n}`;
const DAY = 86_400_000;

/**
 * Certificate insights from the bytes, against certificates the fixture script made with openssl
 * (emulator/fixtures/make-insight-certificates.sh): expired, not yet valid, EC and RSA, SANs, a chain.
 * The expected values are computed here independently, from the fixture's own base64.
 */
describe("astracontrol certificate insights and the minValidDays gate", () => {
    let emu: Emulator;
    const warnings: string[] = [];
    const read = (certificateId: string, extra: Record<string, unknown> = {}) =>
        performRead(astra, { certificateId, ...extra }, { ...sources(emulatorStackConfig(emu)), warn: (m: string) => void warnings.push(m) });
    const fixtureCert = (certificateId: string): X509Certificate => {
        const entry = emu.data.astra.certificates.find((c) => c.resource.id === certificateId)!;
        const text = Buffer.from(String(entry.resource.cert), "base64").toString("latin1");
        return new X509Certificate(text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/)?.[0] ?? Buffer.from(String(entry.resource.cert), "base64"));
    };

    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu?.close());
    beforeEach(() => {
        warnings.length = 0;
    });

    it("an EC P-256 leaf with SANs: fingerprints, serial, names, validity, key, days left", async () => {
        const r = (await read(id(3))).result;
        const x = fixtureCert(id(3));
        assert.equal(r.fingerprintSha256, x.fingerprint256);
        assert.match(String(r.fingerprintSha256), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        assert.equal(r.fingerprintSha1, x.fingerprint);
        assert.equal(r.serialNumber, x.serialNumber.toUpperCase());
        // RFC 4514 lists the DER sequence last to first: `openssl ca` put CN first in this one.
        assert.equal(r.subject, "O=Emulator Example,CN=astra.example.com");
        assert.equal(r.issuer, "CN=Insights Test CA,O=Emulator Example");
        assert.deepEqual(r.subjectAltNames, ["DNS:astra.example.com", "DNS:*.astra.example.com", "IP Address:10.0.0.5"]);
        assert.equal(r.notAfter, new Date(Date.parse(x.validTo)).toISOString().replace(".000Z", "Z"));
        assert.equal(r.notBefore, new Date(Date.parse(x.validFrom)).toISOString().replace(".000Z", "Z"));
        assert.equal(r.isCa, false);
        assert.equal(r.keyAlgorithm, "EC");
        assert.equal(r.keySize, 256);
        assert.equal(r.daysUntilExpiry, Math.floor((Date.parse(x.validTo) - Date.now()) / DAY));
        assert.deepEqual((r.chainPems as string[]).length, 1);
        assert.deepEqual(warnings, []);
    });

    it("an expired RSA certificate has negative days; a not-yet-valid EC P-384 one starts in the future", async () => {
        const expired = (await read(id(1))).result;
        assert.equal(expired.keyAlgorithm, "RSA");
        assert.equal(expired.keySize, 2048);
        assert.equal(expired.notAfter, "2021-01-01T00:00:00Z");
        assert.ok((expired.daysUntilExpiry as number) < -2000);
        const future = (await read(id(2))).result;
        assert.equal(future.keySize, 384);
        assert.equal(future.notBefore, "2035-01-01T00:00:00Z");
        assert.ok(Date.parse(String(future.notBefore)) > Date.now());
    });

    it("a chain: every block in chainPems, the insights of the first, and the CA's own root flagged isCa", async () => {
        const chain = (await read(id(4))).result;
        const pems = chain.chainPems as string[];
        assert.equal(pems.length, 2);
        assert.equal(new X509Certificate(pems[1]!).subject.includes("Insights Test CA"), true);
        assert.equal(chain.subject, "O=Emulator Example,CN=astra.example.com");
        const root = (await read(FIXTURE.certificateId)).result;
        assert.equal(root.isCa, true);
        assert.equal(root.subject, root.issuer);
    });

    it("warns, without failing, when Astra's cn or expiryTimestamp disagree with the certificate", async () => {
        const r = (await read(id(5))).result;
        assert.equal(r.cn, "not-the-certificate.example.com");
        assert.equal(warnings.length, 2, warnings.join("\n"));
        assert.match(warnings[0]!, /Astra reports cn "not-the-certificate\.example\.com", but the certificate's subject CN is "astra\.example\.com"/);
        assert.match(warnings[1]!, /Astra reports expiryTimestamp 2099-01-01T00:00:00Z, but the certificate's notAfter is/);
    });

    it("minValidDays: a certificate that expires sooner fails with a ConditionError naming it, its notAfter and the days left", async () => {
        const x = fixtureCert(id(3));
        const left = Math.floor((Date.parse(x.validTo) - Date.now()) / DAY);
        await read(id(3), { minValidDays: left });
        const e = await read(id(3), { minValidDays: left + 1 }).catch((err: unknown) => err);
        assert.ok(e instanceof ConditionError, String(e));
        assert.match(e.message, new RegExp(`certificate ${id(3)} \\(subject O=Emulator Example,CN=astra\\.example\\.com\\) has ${left} day\\(s\\) left: notAfter \\S+Z, and minValidDays asks for at least ${left + 1}`));
        const expired = await read(id(1), { minValidDays: 0 }).catch((err: unknown) => err);
        assert.ok(expired instanceof ConditionError);
        assert.match(expired.message, /expired \d+ day\(s\) ago: notAfter 2021-01-01T00:00:00Z/);
    });
});
