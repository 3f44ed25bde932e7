/**
 * Text that came from a server (or a setting) on its way into an error message or a log: every
 * credential this process has used is redacted, in any letter case, and the text is made safe
 * for terminals and logs. {@link ApiError} passes every field through here, so no code path can
 * print response text without it.
 */

// Credentials this process has sent (tokens, keys, security tokens), remembered when a
// connection resolves them. Kept in memory only; never printed.
const known = new Set<string>();

/** Shortest credential that is redacted; shorter strings would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;

/** Remembers credentials so that any later message redacts them. */
export function rememberSecrets(values: readonly (string | undefined)[]): void {
    for (const v of values) if (v && v.length >= MIN_SECRET_LENGTH) known.add(v);
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `text` with every remembered credential (and each of `extra`) replaced by `[REDACTED]`, in any letter case. */
export function redactKnown(text: string, extra: readonly (string | undefined)[] = []): string {
    let out = text;
    for (const secret of [...known, ...extra]) {
        if (secret && secret.length >= 4 && out.toLowerCase().includes(secret.toLowerCase())) {
            out = out.replace(new RegExp(escapeRegExp(secret), "gi"), "[REDACTED]");
        }
    }
    return out;
}

// C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides and
// isolates (which can make a terminal show text in another order than it is).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** One line of printable text, bounded in length. */
export function terminalSafe(text: string, max = 300): string {
    const flat = text.replace(UNSAFE, " ").replace(/ {2,}/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Redacted and terminal-safe: what any server-provided string becomes before a message holds it. */
export function safeText(text: string, max = 300): string {
    return terminalSafe(redactKnown(text), max);
}
