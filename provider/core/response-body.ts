/** Reading response bodies and headers without trusting them: bounded nesting, no exceptions. */

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

/**
 * `text` with every integer of more than 15 digits outside strings turned into a JSON string of
 * its digits, so that `JSON.parse` keeps it exact (a number above 2^53 would lose digits): what a
 * body whose ids are 17-digit integers needs. Anything else is left as it is.
 */
export function quoteLongIntegers(text: string): string {
    let out = "";
    let from = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c) i++;
            else if (c === 0x22) inString = false;
            continue;
        }
        if (c === 0x22) {
            inString = true;
            continue;
        }
        const isDigit = c >= 0x30 && c <= 0x39;
        if (!isDigit && c !== 0x2d) continue;
        // A number token: [-]digits[.digits][e[+-]digits]
        let end = i + 1;
        while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
        const token = text.slice(i, end);
        if (/^-?[0-9]{16,}$/.test(token)) {
            out += `${text.slice(from, i)}"${token}"`;
            from = end;
        }
        i = end - 1;
    }
    return from === 0 ? text : out + text.slice(from);
}
