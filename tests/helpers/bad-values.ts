import { BaseUrl, DayCount, ProductId, Region, Uuid, WaitForCodec } from "../../provider/core/input-codecs";

/**
 * Bad values per kind of input, for the bad-input matrix (reliability-inputs.ts): each list holds
 * values that a read must refuse before it sends anything, each with a label for reports.
 * An argument's list comes from its codec ({@link badValuesFor}).
 */

export type Bad = readonly [label: string, value: unknown];

/** Values no id argument may take: each could change the path requested, or is not a string. */
export function badIds(maxLength: number): Bad[] {
    return [
        ["empty string", ""],
        ["whitespace only", "   "],
        ["tab", "\t"],
        [`too long (${maxLength + 1} characters)`, "a".repeat(maxLength + 1)],
        ["much too long (10,000 characters)", "a".repeat(10_000)],
        ["../", "../"],
        ["..", ".."],
        [".", "."],
        ["../ prefix", "../aee8d2fe"],
        ["/", "/"],
        ["embedded /", "a/b"],
        ["%2F", "%2F"],
        ["embedded %2F", "a%2Fb"],
        ["%2E%2E", "%2E%2E"],
        ["?", "?"],
        ["embedded ?x=1", "a?x=1"],
        ["#", "#"],
        ["embedded #", "a#b"],
        ["backslash", "a\\b"],
        ["NUL", "a\u0000b"],
        ["line feed", "a\nb"],
        ["carriage return + line feed", "a\r\nX-Injected: 1"],
        ["DEL", "a\u007fb"],
        ["leading space", " a"],
        ["non-ASCII (Latin-1)", "tâche"],
        ["non-ASCII (CJK)", "任务"],
        ["right-to-left override", "a\u202eb"],
        ["emoji", "a😀"],
        ["number", 42],
        ["zero", 0],
        ["boolean", true],
        ["null", null],
        ["object", { id: "x" }],
        ["array", ["x"]],
    ];
}

export const BAD_UUIDS: Bad[] = [
    ...badIds(36),
    ["UUID without dashes", "a26cbed421834c8eaa19e37ca8b0531a"],
    ["UUID with braces", "{a26cbed4-2183-58ce-aa19-e37ca8b0531a}"],
    ["UUID with a non-hex digit", "g26cbed4-2183-58ce-aa19-e37ca8b0531a"],
];

const BAD_PRODUCT_IDS: Bad[] = [
    ...badIds(17).filter(([label]) => !["number", "zero"].includes(label)),
    ["18 digits", "123456789012345678"],
    ["18 digits, just over the maximum", "100000000000000000"],
    ["leading zero", "01"],
    ["minus sign", "-1"],
    ["plus sign", "+1"],
    ["decimal point", "1.5"],
    ["trailing .0", "1.0"],
    ["exponent", "1e3"],
    ["hexadecimal", "0x10"],
    ["digits with a space", "1 "],
    ["letters (string where a number is expected)", "abc"],
    ["negative number", -1],
    ["fractional number", 1.5],
    ["number above 2^53", 1e17],
    ["number 2^53", 2 ** 53],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["BigInt-like string with underscore", "1_000"],
];

const BAD_DAY_COUNTS: Bad[] = [
    ["negative", -1],
    ["fraction", 1.5],
    ["above 36500", 36501],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a digit string", "30"],
    ["empty string", ""],
    ["boolean", true],
    ["null", null],
    ["object", { days: 30 }],
];

const BAD_WAIT_FORS: Bad[] = [
    ["a string", "SUCCESS"],
    ["an unknown key", { phases: ["SUCCESS"] }],
    ["a phase with a space", { phase: "SUCCESS RESET" }],
    ["an empty phase list", { phase: [] }],
    ["a phase that is a number", { phase: 1 }],
    ["a zero timeout", { timeout: 0 }],
    ["a fractional timeout", { timeout: 1.5 }],
    ["a timeout over a day", { timeout: 86401 }],
    ["a timeout as a string", { timeout: "60" }],
    ["null", null],
    ["an array", [{ phase: "SUCCESS" }]],
];

export const BAD_REGIONS: Bad[] = [
    ["empty string", ""],
    ["whitespace only", " "],
    ["upper case", "CN-NORTH-4"],
    ["a host name", "cn-north-4.evil.example.invalid"],
    ["../", "../"],
    ["/", "cn-north-4/x"],
    ["%2F", "cn-north-4%2Fx"],
    ["?", "cn-north-4?x"],
    ["#", "cn-north-4#x"],
    ["underscore", "cn_north_4"],
    ["control character", "cn-north-4\n"],
    ["non-ASCII", "cn-nörth-4"],
    ["too long", `cn-${"a".repeat(70)}`],
    ["number", 4],
    ["boolean", false],
    ["null", null],
];

/** Base URLs that are malformed, or would send credentials somewhere they must not go. */
export const BAD_URLS: Bad[] = [
    ["empty string", ""],
    ["whitespace only", "  "],
    ["not a URL", "not a url"],
    ["scheme-relative", "//kms.example.invalid"],
    ["https:// without a host", "https://"],
    ["three slashes", "https:///127.0.0.1:9"],
    ["ftp://", "ftp://kms.example.invalid"],
    ["file://", "file:///etc/passwd"],
    ["javascript:", "javascript:alert(1)"],
    ["user and password", "https://user:pass@kms.example.invalid"],
    ["query string", "https://kms.example.invalid/?a=1"],
    ["fragment", "https://kms.example.invalid/#x"],
    ["http:// to a public host name", "http://kms.example.invalid"],
    ["http:// to a private address", "http://10.0.0.1"],
    ["http:// to a name starting with 127.0.0.1", "http://127.0.0.1.nip.io"],
    ["http:// to a name starting with localhost", "http://localhost.evil.example.invalid"],
    ["space in the host", "https://kms exa.com"],
    ["backslash", "https://127.0.0.1:9\\@evil.example.invalid"],
    ["leading space", " https://kms.example.invalid"],
    ["line feed", "https://kms.example.invalid\n"],
    ["port out of range", "https://kms.example.invalid:99999"],
    ["too long", `https://${"a".repeat(3000)}.example.invalid`],
    ["number", 443],
    ["object", { href: "https://kms.example.invalid" }],
];

/** Names to look up (query values, never path segments): only length, control characters and type are wrong. */
function badNames(codecName: string): Bad[] {
    const max = Number(/1 to ([0-9]+)/.exec(codecName)?.[1] ?? 255);
    return [
        ["empty string", ""],
        [`too long (${max + 1} characters)`, "a".repeat(max + 1)],
        ["NUL", "a\u0000b"],
        ["line feed", "a\nb"],
        ["carriage return + line feed", "a\r\nX-Injected: 1"],
        ["DEL", "a\u007fb"],
        ["C1 control", "a\u0085b"],
        ["number", 42],
        ["array", ["meter-gateway"]],
        ["object", { name: "meter-gateway" }],
        ["null", null],
    ];
}

/** State words (`RUNNING`, `rootCA`): letters and `_` only. */
const BAD_STATES: Bad[] = [
    ["empty string", ""],
    ["space", "RUNNING "],
    ["dash", "MIGRATE-FAIL"],
    ["digit", "STATE1"],
    ["too long (65 characters)", "A".repeat(65)],
    ["query trick", "RUNNING&limit=1"],
    ["number", 1],
    ["array", ["RUNNING"]],
];

/** The shortest and longest strings of `a` an id codec accepts (probed, up to 300 characters). */
function lengthLimits(codec: { is(u: unknown): boolean }): { min: number; max: number } | undefined {
    const ok = Array.from({ length: 301 }, (_, n) => codec.is("a".repeat(n)));
    const min = ok.indexOf(true);
    return min < 0 ? undefined : { min, max: ok.lastIndexOf(true) };
}

/**
 * The bad values of an argument, from its codec: the shared codecs have their own lists; an id
 * segment gets the path tricks plus one character too many (and too few, where there is a minimum).
 */
export function badValuesFor(codec: unknown): Bad[] {
    if (codec === Region) return BAD_REGIONS;
    if (codec === BaseUrl) return BAD_URLS;
    if (codec === Uuid) return BAD_UUIDS;
    if (codec === ProductId) return BAD_PRODUCT_IDS;
    if (codec === DayCount) return BAD_DAY_COUNTS;
    if (codec === WaitForCodec) return BAD_WAIT_FORS;
    const name = (codec as { name?: string }).name ?? "";
    if (name.startsWith("a name of")) return badNames(name);
    if (name.startsWith("a state name")) return BAD_STATES;
    const limits = lengthLimits(codec as { is(u: unknown): boolean });
    if (!limits) throw new Error("an argument codec accepts no id of letters: add its bad values to bad-values.ts");
    return limits.min > 1 ? [...badIds(limits.max), [`${limits.min - 1} characters`, "a".repeat(limits.min - 1)]] : badIds(limits.max);
}
