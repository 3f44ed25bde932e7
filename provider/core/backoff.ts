/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
    return Math.floor(Math.random() * ceiling);
}

/**
 * Milliseconds asked for by a `Retry-After` header (delta-seconds or an HTTP date),
 * or undefined when absent or unparsable. A date in the past asks for no wait.
 */
export function retryAfterDelay(header: string | undefined, nowMs: number): number | undefined {
    if (!header) return undefined;
    const trimmed = header.trim();
    if (/^[0-9]{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
    // An HTTP date always names a weekday or month; this keeps bare numbers such as
    // "1.5" or "-1", which Date.parse would read as years, out.
    if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
