/*
 * The values a vendor's page lists for one field (SMS task states, KPS task statuses, Astra trust
 * states...), each list cited with the page and the date it was read. A read's description holds
 * them (its `values`); its field docs, the reference pages, `waitFor` and the emulator's fixtures are
 * held against them by tests/vendor-values.test.ts.
 */

/**
 * The values a vendor's page lists for a field or argument, as that page spells them.
 *
 * @example
 * ```ts
 * const osTypes: VendorValues = {
 *     values: ["WINDOWS", "LINUX"],
 *     page: "Querying a Migration Task with a Specified ID",
 *     url: "https://support.huaweicloud.com/intl/en-us/api-sms/ShowTask.html",
 *     read: "2026-12-07",
 * };
 * ```
 */
export interface VendorValues {
    /** The listed values; empty when the page lists none (then every value passes through unremarked). */
    readonly values: readonly string[];
    /** The title of the vendor's page that lists them, and its address where known. */
    readonly page: string;
    readonly url?: string;
    /** When the page was read (YYYY-MM-DD), and the page's own "Updated on" date where it shows one. */
    readonly read: string;
    readonly updated?: string;
    /** Values the page's own example responses send outside its list (fixtures may use them too). */
    readonly seen?: readonly string[];
    /** Whatever is not the page's own word: another source, a typo of the page, or a guess marked as one. */
    readonly note?: string;
}

/**
 * A vendor value as it is compared: trimmed and upper-cased (SMS may send `migrate_success`, or a
 * padded `" MIGRATE_SUCCESS"`). Outputs keep the value as sent.
 *
 * @example
 * ```ts
 * comparable(" migrate_success"); // "MIGRATE_SUCCESS"
 * ```
 */
export function comparable(value: string): string {
    return value.trim().toUpperCase();
}

/**
 * Whether `value` is one of `list`, compared as {@link comparable}.
 *
 * @example
 * ```ts
 * listed(["MIGRATE_SUCCESS", "MIGRATE_FAIL"], "migrate_success "); // true
 * ```
 */
export function listed(list: readonly string[], value: string): boolean {
    const v = comparable(value);
    return list.some((x) => comparable(x) === v);
}

/**
 * A field's doc with the page's values after it: the one way a doc names them, so the SDK, the
 * schema and the reference pages list the values the description cites.
 *
 * @example
 * ```ts
 * withValues("The OS type.", { values: ["WINDOWS", "LINUX"], page: "Querying a Migration Task with a Specified ID", read: "2026-12-07" });
 * // 'The OS type. The vendor lists `WINDOWS`, `LINUX` ("Querying a Migration Task with a Specified ID", read 2026-12-07); other values pass through as sent.'
 * ```
 */
export function withValues(doc: string, v: VendorValues): string {
    if (v.values.length === 0) return `${doc} The vendor's page ("${v.page}", read ${v.read}) lists no values; any value passes through as sent.`;
    return `${doc} The vendor lists ${v.values.map((x) => `\`${x}\``).join(", ")} ("${v.page}", read ${v.read}); other values pass through as sent.`;
}
