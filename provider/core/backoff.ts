/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(Math.random() * ceiling);
}

/**
 * Milliseconds asked for by a `Retry-After` header (delta-seconds or an HTTP date),
 * or undefined when absent or unparsable.
 */
export function retryAfterDelay(header: string | undefined, nowMs: number): number | undefined {
    if (!header) return undefined;
    const trimmed = header.trim();
    if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
