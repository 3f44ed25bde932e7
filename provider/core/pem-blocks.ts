const BEGIN = "-----BEGIN CERTIFICATE-----";
/** The line that ends a PEM certificate block. */
export const PEM_END = "-----END CERTIFICATE-----";
const END = PEM_END;

/** Counts the characters a scan looked at, for tests and `npm run bench` to show it is linear. */
export interface ScanMeter {
    /** Characters examined so far, summed over scans that were given this meter. */
    examined: number;
}

/**
 * The `-----BEGIN CERTIFICATE-----` ... `-----END CERTIFICATE-----` blocks of `text`, in order, as
 * the regular expression `/BEGIN[\s\S]*?END/g` finds them, in one pass: every search starts where
 * the last one stopped, so a text of n characters costs O(n) whatever it holds. (That expression
 * restarts its lazy search at every BEGIN; with thousands of BEGIN markers and no END it is
 * quadratic.) A BEGIN with no END after it ends the scan.
 *
 * @example
 * pemCertificateBlocks("x\n-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n")
 * // => ["-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----"]
 */
export function pemCertificateBlocks(text: string, meter?: ScanMeter): string[] {
    const blocks: string[] = [];
    let at = 0;
    for (;;) {
        const begin = text.indexOf(BEGIN, at);
        const end = begin < 0 ? -1 : text.indexOf(END, begin + BEGIN.length);
        if (meter) meter.examined += (end >= 0 ? end + END.length : text.length) - at;
        if (end < 0) return blocks;
        at = end + END.length;
        blocks.push(text.slice(begin, at));
    }
}
