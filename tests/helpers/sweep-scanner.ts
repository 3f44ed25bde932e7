import { inspect } from "node:util";
import { SENTINEL_PREFIX } from "./sweep-sentinels";

/** The key Pulumi marks its special values with, in state and on the wire. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The value of {@link SIG_KEY} that marks a secret: `{ [SIG_KEY]: SECRET_SIG, ciphertext | value }`. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** One sentinel found in one collected text. */
export interface Leak {
    /** Label of the text, e.g. `token up: host stderr`. */
    where: string;
    /** The sentinel, or the prefix pattern for a cut-off copy. */
    sentinel: string;
    /** How it was written: `as is` (any case), `base64`, or `cut off`. */
    form: string;
    /** The text around the hit. */
    excerpt: string;
}

/**
 * The base64 texts that appear wherever `value` is base64-encoded inside a longer string:
 * one per alignment of its first byte, each without the group cut by the end.
 */
function base64Forms(value: string): string[] {
    const forms: string[] = [];
    for (let offset = 0; offset < 3; offset++) {
        const rest = Buffer.from(value.slice(offset));
        const whole = rest.subarray(0, rest.length - (rest.length % 3));
        if (whole.length >= 12) {
            forms.push(whole.toString("base64"), whole.toString("base64url"));
        }
    }
    return [...new Set(forms)];
}

function excerpt(text: string, at: number, length: number): string {
    return JSON.stringify(text.slice(Math.max(0, at - 60), at + length + 60));
}

/** Every sentinel in `text`: as is in any case, base64-encoded, or cut off after its prefix. */
export function findSentinels(where: string, text: string, sentinels: readonly string[]): Leak[] {
    const leaks: Leak[] = [];
    const lower = text.toLowerCase();
    for (const sentinel of sentinels) {
        const at = lower.indexOf(sentinel.toLowerCase());
        if (at >= 0) {
            leaks.push({ where, sentinel, form: "as is", excerpt: excerpt(text, at, sentinel.length) });
        }
        for (const form of base64Forms(sentinel)) {
            const b = text.indexOf(form);
            if (b >= 0) {
                leaks.push({ where, sentinel, form: "base64", excerpt: excerpt(text, b, form.length) });
            }
        }
    }
    const cut = SENTINEL_PREFIX.exec(text);
    if (cut && leaks.every((l) => l.form !== "as is")) {
        leaks.push({ where, sentinel: SENTINEL_PREFIX.source, form: "cut off", excerpt: excerpt(text, cut.index, cut[0].length) });
    }
    return leaks;
}

/** What a user (or a log) can see of an error: message, `String`, stack, `util.inspect` with hidden fields and causes, JSON. */
export function errorTexts(e: unknown): Record<string, string> {
    let json: string;
    try {
        json = JSON.stringify(e) ?? "";
    } catch (err) {
        json = `JSON.stringify threw: ${String(err)}`;
    }
    return {
        message: e instanceof Error ? e.message : "",
        String: String(e),
        stack: e instanceof Error ? (e.stack ?? "") : "",
        inspect: inspect(e, { depth: Infinity, showHidden: true }),
        JSON: json,
    };
}

/** A copy of `value` with every secret envelope (`{[SIG_KEY]: SECRET_SIG, ...}`) replaced by a marker. */
export function outsideSecretEnvelopes(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(outsideSecretEnvelopes);
    }
    if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return "[secret envelope]";
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, outsideSecretEnvelopes(v)]));
    }
    return value;
}

/** Collects labelled texts and reports every sentinel found in them. */
export class SentinelSweep {
    private readonly texts: { where: string; text: string }[] = [];

    constructor(private readonly sentinels: readonly string[]) {}

    /** Number of texts collected so far. */
    get size(): number {
        return this.texts.length;
    }

    add(where: string, text: string): void {
        this.texts.push({ where, text });
    }

    addError(where: string, e: unknown): void {
        for (const [kind, text] of Object.entries(errorTexts(e))) {
            this.add(`${where}: ${kind}`, text);
        }
    }

    /** Leaks in the texts collected since index `from`. */
    leaks(from = 0): Leak[] {
        return this.texts.slice(from).flatMap((t) => findSentinels(t.where, t.text, this.sentinels));
    }
}

/** An assertion message listing leaks, one line each. */
export function describeLeaks(leaks: readonly Leak[]): string {
    return `${leaks.length} sentinel leak(s):\n${leaks.map((l) => `  ${l.where}: ${l.sentinel} (${l.form}) in ${l.excerpt}`).join("\n")}`;
}
