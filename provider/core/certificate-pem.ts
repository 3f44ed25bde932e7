import { X509Certificate } from "node:crypto";
import { PEM_END, pemCertificateBlocks } from "./pem-blocks";

/**
 * Turns Astra's base64 `cert` into PEM text. Inside the base64 there may be PEM text (one
 * or more certificates, all kept) or DER bytes (wrapped as one PEM block). Returns undefined
 * when the field is not strict base64, holds neither, or holds anything an X.509 parser
 * refuses (a PEM block with a junk body, bytes that only look like DER): users put `pem` into
 * trust stores, so only certificates pass.
 */
export function certificateToPem(cert: string): string | undefined {
    const compact = cert.replace(/\s+/g, "");
    if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
    const bytes = Buffer.from(compact, "base64");
    // Text only when a block can end in it: a flood of BEGIN markers costs no copy.
    const blocks = bytes.includes(PEM_END) ? pemCertificateBlocks(bytes.toString("latin1")) : [];
    if (blocks.length) return blocks.every(parses) ? `${blocks.map((b) => b.replace(/\r\n/g, "\n")).join("\n")}\n` : undefined;
    // DER: an ASN.1 SEQUENCE with a long-form length.
    if (bytes.length > 4 && bytes[0] === 0x30 && bytes[1] >= 0x81 && bytes[1] <= 0x84 && parses(bytes)) {
        const lines = bytes.toString("base64").match(/.{1,64}/g) ?? [];
        return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
    }
    return undefined;
}

function parses(certificate: string | Buffer): boolean {
    try {
        new X509Certificate(certificate);
        return true;
    } catch {
        return false;
    }
}
