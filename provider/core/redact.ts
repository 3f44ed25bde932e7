/**
 * Removes every known secret value from a string before it can reach a message or log.
 * Used on vendor error messages, which are the only response text that reaches users.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4) out = out.split(secret).join("[REDACTED]");
    }
    return out;
}

/** Makes vendor text safe to print in one line: no control characters, bounded length. */
export function oneLine(text: string, max = 300): string {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
