/** Percent-encoding and joining of request URLs, and what counts as a loopback host. */

/** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
export function encodeSegment(segment: string): string {
    return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Joins a base URL (which may carry a path prefix) and raw segments. */
export function joinUrl(baseUrl: string, segments: readonly string[]): URL {
    return new URL(`${baseUrl.replace(/\/+$/, "")}/${segments.map(encodeSegment).join("/")}`);
}

/**
 * The hosts a base URL may reach over plain http:// (a local emulator): exactly these loopback
 * names, not every loopback address, so that an http:// URL is recognisably local.
 */
export const PLAIN_HTTP_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** {@link PLAIN_HTTP_HOSTS} for messages. */
export const PLAIN_HTTP_HOSTS_TEXT = "127.0.0.1, localhost and [::1]";

/** Loopback hosts, which never go through a proxy, as in Go's and curl's rules: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/\.$/, "");
    return h === "localhost" || h.endsWith(".localhost") || h === "[::1]" || h === "::1" || /^127(\.[0-9]{1,3}){3}$/.test(h);
}
