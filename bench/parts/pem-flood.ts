/**
 * The PEM-scan figure of `npm run bench`: an Astra `cert` holding only
 * `-----BEGIN CERTIFICATE-----` markers (no END), the certificate-marker flood, as a 1 MiB and a
 * 4 MiB field (4 MiB is the default response size cap). A linear scan costs about 4x as much for 4x the text; the quadratic scan it
 * replaced took over a minute at 3 MB. Run alone: `npx ts-node bench/parts/pem-flood.ts`.
 */
import { performance } from "node:perf_hooks";
import { certificateToPem } from "../../provider/core/certificate-pem";

/** A `cert` field of about `bytes` characters: base64 of BEGIN markers, each on its own line. */
export function markerFlood(bytes: number): string {
    const line = "-----BEGIN CERTIFICATE-----\n";
    return Buffer.from(line.repeat(Math.ceil((bytes * 3) / 4 / line.length))).toString("base64");
}

/** Median milliseconds of `certificateToPem` (which refuses the flood) over `runs` runs. */
function medianMs(cert: string, runs: number): number {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        if (certificateToPem(cert) !== undefined) throw new Error("a marker flood was taken for a certificate");
        times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor((runs - 1) / 2)]!;
}

/** The figure as one Markdown bullet. */
export function pemFloodFigure(runs = 7): string {
    const one = medianMs(markerFlood(1 << 20), runs);
    const four = medianMs(markerFlood(4 << 20), runs);
    return `- Certificate-marker flood (Astra \`cert\` of BEGIN markers, no END): a 1 MiB field refused in ${one.toFixed(1)} ms, a 4 MiB one in ${four.toFixed(1)} ms (${(four / one).toFixed(2)}x for 4x the text; linear, goal well under 100 ms at 4 MiB).`;
}

if (require.main === module) process.stdout.write(`${pemFloodFigure()}\n`);
