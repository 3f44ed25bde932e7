import type * as pulumi from "@pulumi/pulumi";

/*
 * A ROMA product id goes up to 99999999999999999, above 2^53-1, so a number literal that large
 * has already been rounded by JavaScript before any code sees it. TypeScript keeps the literal's
 * value in its type (`99999999999999999` has the type `100000000000000000`), so such a literal
 * is refused here, at compile time; the run time refuses every unsafe number as well.
 */

type SmallerDigits = {
    "0": never;
    "1": "0";
    "2": "0" | "1";
    "3": "0" | "1" | "2";
    "4": "0" | "1" | "2" | "3";
    "5": "0" | "1" | "2" | "3" | "4";
    "6": "0" | "1" | "2" | "3" | "4" | "5";
    "7": "0" | "1" | "2" | "3" | "4" | "5" | "6";
    "8": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7";
    "9": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";
};
type Digit = keyof SmallerDigits;
type DigitCount<S extends string, Seen extends 0[] = []> = S extends `${Digit}${infer Rest}` ? DigitCount<Rest, [...Seen, 0]> : Seen["length"];
/** Whether the digit string `A` is greater than `B`, both of the same length. */
type GreaterDigits<A extends string, B extends string> = A extends `${infer a extends Digit}${infer restA}`
    ? B extends `${infer b}${infer restB}`
        ? a extends b
            ? GreaterDigits<restA, restB>
            : b extends SmallerDigits[a]
              ? true
              : false
        : false
    : false;
type FewerThan16 = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;
/** `Number.MAX_SAFE_INTEGER` (2^53-1) as text: 16 digits. */
type MaxSafeDigits = "9007199254740991";
type DigitsAboveMaxSafe<S extends string> = DigitCount<S> extends FewerThan16 ? false : DigitCount<S> extends 16 ? GreaterDigits<S, MaxSafeDigits> : true;

/**
 * `true` when the number literal type `N` is an integer above 2^53-1 (`Number.MAX_SAFE_INTEGER`),
 * `false` otherwise, including for the type `number` itself, whose value TypeScript cannot know.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const rounded: huaweicloud.roma.IsAboveMaxSafeInteger<99999999999999999> = true;
 * const exact: huaweicloud.roma.IsAboveMaxSafeInteger<1024> = false;
 * ```
 */
export type IsAboveMaxSafeInteger<N extends number> = number extends N
    ? false
    : `${N}` extends `${string}e+${string}`
      ? true
      : `${N}` extends `-${string}` | `${string}.${string}`
        ? false
        : DigitsAboveMaxSafe<`${N}`>;

/**
 * The type a `productId` number literal above 2^53-1 is checked against, so that the compiler's
 * message says what is wrong and what to do. No value has this type on purpose.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * // error TS2322: Type 'number' is not assignable to type '"a productId number above 2^53-1 ...'
 * // huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: 99999999999999999 });
 * huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: "99999999999999999" });
 * ```
 */
export type ProductIdNumberTooLarge = "a productId number above 2^53-1 (9007199254740991) has already been rounded by JavaScript: pass the id as a digit string";

/**
 * A plain `productId` argument: a digit string, or a number that TypeScript cannot tell is
 * above 2^53-1. `P` is inferred from the argument; a number literal above 2^53-1 becomes
 * {@link ProductIdNumberTooLarge}, a compile-time error. The run time refuses every unsafe
 * number too (an `InputError` saying it was rounded).
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const small: huaweicloud.roma.ProductIdArgument<1024> = 1024;
 * const large: huaweicloud.roma.ProductIdArgument<"99999999999999999"> = "99999999999999999";
 * ```
 */
export type ProductIdArgument<P extends string | number> = P extends number ? (IsAboveMaxSafeInteger<P> extends true ? ProductIdNumberTooLarge : P) : P;

/**
 * A `productId` Input, `P` being inferred from it: a plain value is checked as
 * {@link ProductIdArgument}; a promise or an Output is checked at run time only.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const fromOutput: huaweicloud.roma.ProductIdInput<pulumi.Output<string>> = pulumi.output("99999999999999999");
 * ```
 */
export type ProductIdInput<P extends pulumi.Input<string | number>> = P extends pulumi.OutputInstance<unknown> | Promise<unknown> ? P : ProductIdArgument<Extract<P, string | number>>;
