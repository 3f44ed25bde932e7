import { X509Certificate } from "node:crypto";
import { pemCertificateBlocks } from "./pem-blocks";

/** What the certificate bytes themselves say, computed with node:crypto (no vendor field trusted). */
export interface CertificateInsights {
    /** SHA-256 fingerprint of the DER bytes, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256` prints it). */
    readonly fingerprintSha256: string;
    /** SHA-1 fingerprint, colon-separated upper-case hex. */
    readonly fingerprintSha1: string;
    /** Serial number, upper-case hex without separators. */
    readonly serialNumber: string;
    /** Subject distinguished name as an RFC 4514 string, e.g. `CN=astra.example.com,O=Example`. */
    readonly subject: string;
    /** Issuer distinguished name as an RFC 4514 string. */
    readonly issuer: string;
    /** Subject alternative names, e.g. `DNS:astra.example.com`, `IP Address:10.0.0.5`; empty when there are none. */
    readonly subjectAltNames: readonly string[];
    /** Start of validity (RFC 3339, UTC). */
    readonly notBefore: string;
    /** End of validity (RFC 3339, UTC). */
    readonly notAfter: string;
    /** Whether the basic constraints make it a CA certificate. */
    readonly isCa: boolean;
    /** `RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448` or `DSA`. */
    readonly keyAlgorithm: string;
    /** Key size in bits: the RSA modulus length, or the EC curve's size (256 for P-256). */
    readonly keySize: number;
    /** Whole days from the read to `notAfter`; negative once expired. */
    readonly daysUntilExpiry: number;
    /** Every certificate the field holds, as PEM, in order (the first is the one described above). */
    readonly chainPems: readonly string[];
}

const DAY_MS = 86_400_000;
const ALGORITHMS: Readonly<Record<string, string>> = { rsa: "RSA", "rsa-pss": "RSA-PSS", ec: "EC", ed25519: "Ed25519", ed448: "Ed448", dsa: "DSA" };
const CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp256r1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521, prime192v1: 192, secp224r1: 224 };

/** RFC 3339 without a fraction, e.g. `2028-01-03T03:41:17Z`. */
function rfc3339(date: string): string {
    return new Date(Date.parse(date)).toISOString().replace(/\.000Z$/, "Z");
}

/** Node's one-attribute-per-line DN (`O=Example\nCN=host`) as RFC 4514 (`CN=host,O=Example`). */
function rfc4514(dn: string): string {
    return dn
        .split("\n")
        .filter((line) => line !== "")
        .reverse()
        .map((line) => {
            const at = line.indexOf("=");
            const value = line.slice(at + 1).replace(/^"(.*)"$/, "$1");
            return `${line.slice(0, at)}=${value.replace(/([,+"\\<>;])/g, "\\$1").replace(/^([ #])/, "\\$1").replace(/ $/, "\\ ")}`;
        })
        .join(",");
}

/** Node's `DNS:a, IP Address:1.2.3.4` as a list; commas inside quoted names stay in their name. */
function altNames(text: string | undefined): string[] {
    if (!text) return [];
    return (text.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function keySize(x: X509Certificate): number {
    const d = x.publicKey.asymmetricKeyDetails;
    if (d?.modulusLength) return d.modulusLength;
    if (d?.namedCurve) return CURVE_BITS[d.namedCurve] ?? Number(/(\d{3})/.exec(d.namedCurve)?.[1] ?? 0);
    const type = x.publicKey.asymmetricKeyType;
    return type === "ed25519" ? 256 : type === "ed448" ? 456 : 0;
}

/**
 * The insights of the first certificate in `pem` (PEM text of one or more certificates, as
 * `certificateToPem` returns it), with `daysUntilExpiry` counted from `now`.
 */
export function certificateInsights(pem: string, now: Date): CertificateInsights {
    const blocks = pemCertificateBlocks(pem);
    const x = new X509Certificate(blocks[0] ?? pem);
    const notAfter = Date.parse(x.validTo);
    return {
        fingerprintSha256: x.fingerprint256,
        fingerprintSha1: x.fingerprint,
        serialNumber: x.serialNumber.toUpperCase(),
        subject: rfc4514(x.subject),
        issuer: rfc4514(x.issuer),
        subjectAltNames: altNames(x.subjectAltName),
        notBefore: rfc3339(x.validFrom),
        notAfter: rfc3339(x.validTo),
        isCa: x.ca,
        keyAlgorithm: ALGORITHMS[x.publicKey.asymmetricKeyType ?? ""] ?? String(x.publicKey.asymmetricKeyType ?? "unknown"),
        keySize: keySize(x),
        daysUntilExpiry: Math.floor((notAfter - now.getTime()) / DAY_MS),
        chainPems: blocks.map((b) => `${b}\n`),
    };
}

/** The common name of a certificate's subject, or undefined. */
export function commonName(pem: string): string | undefined {
    const first = pemCertificateBlocks(pem)[0] ?? pem;
    return /(?:^|\n)CN=([^\n]*)/.exec(new X509Certificate(first).subject)?.[1];
}
