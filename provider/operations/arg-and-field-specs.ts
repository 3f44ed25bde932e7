import type * as t from "io-ts";

/**
 * The vocabulary of a read's arguments and result fields: each with the codec or TypeScript type,
 * documentation and examples that the SDK, the dynamic provider, the reference docs and the test
 * matrices derive from (see ./describe.ts).
 */

/** How a value is typed in the SDK: the plain TypeScript type, and the one resources and `getXOutput` take. */
export interface SdkType {
    /** Type of a plain value, e.g. `string`. */
    readonly plain: string;
    /** Type of an Input, e.g. `pulumi.Input<string>` (the default wraps {@link plain}). */
    readonly input?: string;
    /**
     * A `number` that is always whole: `integer` in the plugin's schema (`int` in Go and Python).
     * Members of object types say the same with the TSDoc tag `@integer`.
     */
    readonly integer?: boolean;
}

/** One argument of a read. */
export interface ArgSpec<T> {
    readonly codec: t.Decoder<unknown, T>;
    readonly required: boolean;
    /** What it is, its limits, and where its default comes from. */
    readonly doc: string;
    readonly sdk: SdkType;
    /**
     * Whether a change replaces the resource (ids, the connection and its overrides); otherwise a change
     * updates it in place, which reads again (e.g. `minValidDays`).
     */
    readonly identifying: boolean;
}

/** The arguments of a read, by name, in documented order. */
export type ArgSpecs = Readonly<Record<string, ArgSpec<unknown>>>;

type RequiredKeys<S extends ArgSpecs> = { [K in keyof S]: S[K] extends { readonly required: true } ? K : never }[keyof S];
type ValueOf<S> = S extends ArgSpec<infer T> ? T : never;
type Flat<T> = { [K in keyof T]: T[K] };

/** The decoded arguments of a read with the argument specs `S`. */
export type ArgsOf<S extends ArgSpecs> = Flat<{ [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]> }>;

/** One result field of a read. */
export interface FieldSpec<T> {
    readonly doc: string;
    /** The TypeScript type of the field's value, as the SDK declares it. */
    readonly sdkType: string;
    readonly optional: boolean;
    readonly secret: boolean;
    /** A `number` that is always whole: `integer` in the plugin's schema (`int` in Go and Python). */
    readonly integer?: boolean;
    /** Why a field whose name says secret is not one (see {@link FieldOptions}). */
    readonly notSecret?: string;
    /** Type only: the field's value type. */
    readonly _value?: T;
}

/** The result fields of a read, by name, in documented order. */
export type FieldSpecs = Readonly<Record<string, FieldSpec<unknown>>>;

type OptionalFields<F extends FieldSpecs> = { [K in keyof F]: F[K] extends { readonly optional: true } ? K : never }[keyof F];
type FieldValue<S> = S extends FieldSpec<infer T> ? T : never;

/** The result of a read with the field specs `F`. */
export type ResultOf<F extends FieldSpecs> = Flat<{ readonly [K in Exclude<keyof F, OptionalFields<F>>]: FieldValue<F[K]> } & { readonly [K in OptionalFields<F>]?: FieldValue<F[K]> }>;

const STRING: SdkType = { plain: "string" };

/** A required argument (a string unless `sdk` says otherwise) that names the object read. */
export function requiredArg<T>(codec: t.Decoder<unknown, T>, doc: string, sdk: SdkType = STRING): ArgSpec<T> & { readonly required: true } {
    return { codec, required: true, doc, sdk, identifying: true };
}

/** An optional argument; `identifying: false` for one whose change reads again without replacing (`minValidDays`). */
export function optionalArg<T>(codec: t.Decoder<unknown, T>, doc: string, options: { identifying?: boolean; sdk?: SdkType } = {}): ArgSpec<T> & { readonly required: false } {
    return { codec, required: false, doc, sdk: options.sdk ?? STRING, identifying: options.identifying ?? true };
}

/**
 * Options every field builder takes. A field whose name says secret (password, passphrase, private
 * key, token, secret, credential) must be `secret: true`, or say why not in `notSecret`:
 * tests/secret-names.test.ts fails otherwise.
 */
export interface FieldOptions {
    /** The value is a secret: outputs wrap it (`additionalSecretOutputs`, secret envelopes). */
    readonly secret?: boolean;
    /** Why a field whose name says secret is not one, e.g. `"a token's expiry time, not the token"`. */
    readonly notSecret?: string;
}

function fieldSpec<T, O extends boolean>(sdkType: string, optional: O, doc: string, options: FieldOptions, integer = false): FieldSpec<T> & { readonly optional: O } {
    return { doc, sdkType, optional, secret: options.secret ?? false, ...(integer ? { integer } : {}), ...(options.notSecret !== undefined ? { notSecret: options.notSecret } : {}) };
}

/** Result fields, by value type; each takes {@link FieldOptions} (`secret`). */
export const field = {
    string: (doc: string, options: FieldOptions = {}) => fieldSpec<string, false>("string", false, doc, options),
    optionalString: (doc: string, options: FieldOptions = {}) => fieldSpec<string, true>("string", true, doc, options),
    boolean: (doc: string, options: FieldOptions = {}) => fieldSpec<boolean, false>("boolean", false, doc, options),
    number: (doc: string, options: FieldOptions = {}) => fieldSpec<number, false>("number", false, doc, options),
    optionalNumber: (doc: string, options: FieldOptions = {}) => fieldSpec<number, true>("number", true, doc, options),
    /** A whole number: `number` in TypeScript, `integer` in the plugin's schema. */
    integer: (doc: string, options: FieldOptions = {}) => fieldSpec<number, false>("number", false, doc, options, true),
    /** A field of another type, spelled `sdkType` in the SDK (types it names must be listed in `publicTypes`). */
    of: <T>(sdkType: string, doc: string, options: FieldOptions = {}) => fieldSpec<T, false>(sdkType, false, doc, options),
};
