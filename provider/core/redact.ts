/**
 * Removes every known secret value from a string before it can reach a message or log, in any
 * letter case (a URL parser lower-cases host names, so a credential pasted into a host comes
 * back changed). Used on vendor error text and on anything taken from a URL.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4) out = out.replace(new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "[REDACTED]");
    }
    return out;
}

/** Makes vendor text safe to print in one line: no control characters, bounded length. */
export function oneLine(text: string, max = 300): string {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
