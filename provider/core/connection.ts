import type { AnyReadOperation, Scope } from "../operations/operation";
import type { HttpPolicy, TlsSettings } from "./http";
import type { SettingSources } from "./settings";

/** Everything needed to send one read: where, as whom, with which limits. */
export interface Connection {
    /** Stack config namespace of the vendor, for hints in messages. */
    readonly namespace: string;
    /** Base URL of the service, without a trailing slash. */
    readonly baseUrl: string;
    /** Which setting chose that URL, for messages about reaching it. */
    readonly hostFrom?: string;
    /** Resolved scope ids (project, account). */
    readonly scope: Scope;
    readonly policy: HttpPolicy;
    readonly tls: TlsSettings;
    /** Headers for one attempt at `url` (authentication included). */
    headers(url: URL, accept: string): Record<string, string>;
}

/** The documented error fields of a vendor's error body. */
export interface VendorErrorFields {
    readonly vendorCode?: string;
    readonly vendorMessage?: string;
    readonly requestId?: string;
}

/** What differs between vendors: settings, authentication and error bodies. */
export interface Vendor {
    /** The limits of a read (timeouts, retries, deadline), resolved before anything else. */
    policy(sources: SettingSources): HttpPolicy;
    /**
     * Resolves settings and credentials; `subject` (the resource type or function name) leads every
     * message; `policy`, when the caller resolved it already, is not resolved again.
     */
    connect(op: AnyReadOperation, args: Readonly<Record<string, unknown>>, sources: SettingSources, subject?: string, policy?: HttpPolicy): Promise<Connection>;
    /** Pulls the documented error fields out of an error response; ignores everything else. */
    errorFields(status: number, headers: Readonly<Record<string, string | string[] | undefined>>, body: string): VendorErrorFields;
    /** Whether a non-2xx response is worth retrying (on top of 429/502/503/504). */
    isTransient(status: number, body: string): boolean;
    /** Whether an error response means the object does not exist. */
    isNotFound(status: number, vendorCode: string | undefined): boolean;
    /** Extra advice for an error, e.g. clock skew. */
    hint(status: number, vendorCode: string | undefined): string | undefined;
}

/** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
export function encodeSegment(segment: string): string {
    return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Joins a base URL (which may carry a path prefix) and raw segments. */
export function joinUrl(baseUrl: string, segments: readonly string[]): URL {
    return new URL(`${baseUrl.replace(/\/+$/, "")}/${segments.map(encodeSegment).join("/")}`);
}

/** Header value as a single string. */
export function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}

/** Parses a JSON object body, or undefined for anything else. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
    // An empty or non-object body is no JSON object: answered without a thrown exception.
    if (body === "" || body.trimStart()[0] !== "{" || jsonDepth(body) > MAX_JSON_DEPTH) return undefined;
    try {
        const v: unknown = JSON.parse(body);
        return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}

/** Deepest nesting a response may have; the documented bodies need fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply `text` nests arrays and objects, counted without parsing (strings skipped), so a
 * hostile body nested a million levels deep is refused before it becomes a value that no one can
 * serialize again.
 */
export function jsonDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c) i++; // backslash: skip the escaped character
            else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) {
            depth++;
            if (depth > deepest) deepest = depth;
        } else if (c === 0x7d || c === 0x5d) depth--;
    }
    return deepest;
}

/** A string field of a parsed body, or undefined. */
export function stringField(o: Record<string, unknown> | undefined, key: string): string | undefined {
    const v = o?.[key];
    return typeof v === "string" && v !== "" ? v : undefined;
}
