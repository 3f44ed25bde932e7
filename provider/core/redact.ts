import { terminalSafe } from "./safe-text";

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

/** Makes vendor text safe to print in one line: no C0/C1 controls, line separators or bidi overrides; bounded length. */
export function oneLine(text: string, max = 300): string {
    return terminalSafe(text, max);
}
