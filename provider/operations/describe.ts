import * as t from "io-ts";
import type { ArgsDecoder } from "../core/validate-args";
import type { AnyReadOperation, ReadOperation, Scope, VendorName } from "./operation";

/**
 * The vocabulary of a read's description: its arguments and result fields, each with the
 * codec or TypeScript type, documentation and examples that the SDK, the dynamic provider, the
 * reference docs and the test matrices are all generated or derived from (`npm run generate`).
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

/** The documentation of a read, beyond its arguments and fields. */
export interface ReadDocs {
    /** What is read, as a noun phrase: "the certificate passphrase of a Huawei Cloud SMS migration task". */
    readonly summary: string;
    /** More about the value, in Markdown, for the resource's TSDoc and the reference page. */
    readonly details?: string;
    /** The resource name in examples (e.g. `agent-pass`), and the result field they export. */
    readonly example: { readonly name: string; readonly output: string };
}

/** A type parameter of the SDK's declarations (ROMA's `productId` literal check). */
export interface SdkTypeParam {
    readonly name: string;
    /** Its constraint in plain-value declarations (`getX`). */
    readonly plain: string;
    /** Its constraint in Input declarations (the resource, `getXOutput`). */
    readonly input: string;
    readonly doc: string;
    /** Types the SDK imports, and re-exports from the read's module, from a hand-written module (path from the repository root, e.g. `sdk/nodejs/types/product-id`). */
    readonly imports: { readonly from: string; readonly names: readonly string[] };
}

/** Argument values for examples and tests, matching the emulator's default fixtures. */
export interface ReadExamples<A> {
    /** A read that succeeds against the default fixtures. */
    readonly args: A;
    /** A read of an object that does not exist there (404). */
    readonly missing: A;
}

/** The vendor's API operation a read sends (always a GET). */
export interface ApiOperation {
    /** The vendor's operation name, for messages. */
    readonly operation: string;
    /** Path template after the base URL; `{name}` is a scope id or an argument, percent-encoded. */
    readonly path: string;
    /** Which scope id the request needs from settings when the args lack it. */
    readonly scope: "project" | "domain" | "account";
    /** The title of the vendor's API reference page, and its address where known. */
    readonly page: string;
    readonly url?: string;
    /** `Accept` header (default `application/json`). */
    readonly accept?: string;
    /**
     * Integers in the body with more than 15 digits arrive as digit strings, exactly, instead of
     * JSON numbers that lose digits above 2^53 (ROMA product ids).
     */
    readonly exactIntegers?: boolean;
}

/** A query string's parameters, by name. */
export type Query = Readonly<Record<string, string>>;

/**
 * How a list read follows the vendor's pages: every page is fetched (each with its own retries),
 * up to {@link maxItems}, and merged into one body before the result is built.
 */
export interface ListPaging<Body, A> {
    /** The query of the first page. */
    first(args: A): Query;
    /** The query of the page after `body`, given how many items came so far; undefined after the last page. */
    next(body: Body, fetched: number, args: A): Query | undefined;
    /** The items of one page. */
    items(body: Body): readonly unknown[];
    /** One body holding the items of every page, in order. */
    merge(pages: readonly Body[]): Body;
    /** The most items a list may hold: past it the read fails, asking to narrow it with {@link narrowBy}. */
    readonly maxItems: number;
    /** What the items are, in messages: `tasks`. */
    readonly noun: string;
    /** The arguments that narrow the list, for that message. */
    readonly narrowBy: readonly string[];
}

/**
 * An argument given by name instead of id (`productName` for `productId`): a list read finds the
 * one object of that name first. None or several fail the read, listing the candidates.
 */
export interface ByName<A> {
    /** The argument holding the name, and the one its id goes to. */
    readonly arg: string;
    readonly into: string;
    /** The list read, and its arguments for a name (narrowed by the vendor, matched exactly here). */
    readonly list: AnyReadOperation;
    listArgs(args: A, name: string): Readonly<Record<string, unknown>>;
    /** Every object of the list's merged body (as the vendor narrowed it): its name and id. */
    candidates(body: unknown): readonly { readonly name: string; readonly id: string }[];
    /** What the objects are, in messages: `product`. */
    readonly noun: string;
}

/** Everything hand-written about one read. */
export interface ReadDescription<S extends ArgSpecs, F extends FieldSpecs, Body> {
    /** `<vendor>.<service>.<Name>` or `<vendor>.<Name>`: the resource class, its functions and modules are named after it. */
    readonly token: string;
    readonly vendor: VendorName;
    /** Which endpoint serves it (Huawei service name, or `astra`). */
    readonly service: "sms" | "roma" | "kms" | "astra";
    readonly serviceName: string;
    /** The vendor's API operation. */
    readonly api: ApiOperation;
    readonly args: S;
    /** Codec of the success body; extra fields are ignored. */
    readonly response: t.Decoder<unknown, Body>;
    mismatch?(body: Body, args: ArgsOf<S>): string | undefined;
    result(body: Body, args: ArgsOf<S>, scope: Scope): ResultOf<F>;
    /** Warnings about a body that do not fail the read (a vendor field that disagrees with the data it describes). */
    warnings?(body: Body, result: ResultOf<F>): readonly string[];
    /** Why a result fails a condition the arguments set (e.g. `minValidDays`), or undefined: the read fails with a ConditionError. */
    gate?(result: ResultOf<F>, args: ArgsOf<S>): string | undefined;
    readonly fields: F;
    /** Waiting on the task the read describes, with its `waitFor` argument. */
    readonly wait?: TaskWait<ResultOf<F>>;
    /** The arguments the resource id is made of, `/`-separated, in order (none for a list). */
    readonly id: readonly (keyof S & string)[];
    /** `false` for a read offered only as functions (`getX`/`getXOutput`): the look-ups by name. */
    readonly resource?: false;
    /** A list read's pages. */
    readonly paging?: ListPaging<Body, ArgsOf<S>>;
    /** Groups of arguments of which exactly one must be given (`productId` or `productName`). */
    readonly oneOf?: readonly (readonly (keyof S & string)[])[];
    /** An argument that names what another one identifies. */
    readonly byName?: ByName<ArgsOf<S>>;
    readonly docs: ReadDocs;
    readonly examples: ReadExamples<Readonly<Record<string, string>>>;
    readonly sdkTypeParam?: SdkTypeParam;
    /** Interfaces of this module that field types name; the SDK re-exports them. */
    readonly publicTypes?: readonly string[];
    /** Types of other SDK modules that field types name, e.g. `GetCertificateResult` from `./getCertificate` (a path from the read's SDK folder). */
    readonly sdkImports?: readonly { readonly from: string; readonly names: readonly string[] }[];
}

/** How to wait on a task a read describes (its `waitFor` argument). */
export interface TaskWait<R> {
    /** The phase of a result, e.g. `RUNNING`; `waitFor.phase` names phases. */
    phaseOf(result: R): string;
    /** The full status, which `waitFor.phase` may name too (e.g. `SUCCESS_RESET`); by default the phase. */
    statusOf?(result: R): string;
    /** Phases after which the task does not change: the wait ends there. */
    readonly terminal: readonly string[];
    /** Terminal phases that fail the read, unless `waitFor.phase` names them. */
    readonly failed: readonly string[];
    /** What failed, for the error: the task, its status and its error. */
    failure(result: R): string;
}

/** A read's description, kept beside the operation built from it (for the generator and the test matrices). */
export interface Described {
    readonly description: ReadDescription<ArgSpecs, FieldSpecs, never>;
}

function argsCodec(token: string, specs: ArgSpecs, oneOf: readonly (readonly string[])[] | undefined): ArgsDecoder<object> {
    const required: t.Props = {};
    const optional: t.Props = {};
    for (const [name, spec] of Object.entries(specs)) (spec.required ? required : optional)[name] = spec.codec as t.Mixed;
    const codec = t.intersection([t.type(required), t.partial(optional)], `${token} arguments`);
    return oneOf ? Object.assign(codec, { oneOf }) : codec;
}

const SCOPE_IDS: Readonly<Record<string, keyof Scope>> = { projectId: "projectId", accountId: "accountId" };

/** Where `{name}` in a path or id comes from: the resolved scope for scope ids, else the argument. */
function valueOf(name: string, args: Readonly<Record<string, unknown>>, scope: Scope): string {
    const fromScope = SCOPE_IDS[name];
    const v = fromScope ? scope[fromScope] ?? args[name] : args[name];
    return v === undefined ? "" : String(v);
}

const PLACEHOLDER = /^\{([A-Za-z]+)\}$/;

/** Builds the operation the runtime executes from a read's description. */
export function defineRead<S extends ArgSpecs, F extends FieldSpecs, Body>(d: ReadDescription<S, F, Body>): ReadOperation<ArgsOf<S>, Body, ResultOf<F>> & Described {
    const segments = d.api.path.replace(/^\/+/, "").split("/");
    for (const s of segments) {
        const m = PLACEHOLDER.exec(s);
        if (m && !(m[1] in d.args) && !(m[1] in SCOPE_IDS)) throw new Error(`${d.token}: path placeholder {${m[1]}} is no argument`);
    }
    const pick = (names: readonly string[], args: Readonly<Record<string, unknown>>, scope: Scope): string[] => names.map((n) => valueOf(n, args, scope));
    const examples = d.examples.args;
    // Messages name the scope id too (the account of a certificate), then the id's parts.
    const scopeId = d.api.scope === "project" ? "projectId" : d.api.scope === "account" ? "accountId" : undefined;
    // A list has no id: its messages name what its path names (the instance of a product list).
    const named = d.id.length ? d.id : segments.flatMap((s) => PLACEHOLDER.exec(s)?.[1] ?? []).filter((n) => n !== scopeId);
    const targetNames = scopeId && !named.includes(scopeId) ? [scopeId, ...named] : named;
    return {
        token: d.token,
        vendor: d.vendor,
        service: d.service,
        serviceName: d.serviceName,
        operation: d.api.operation,
        args: argsCodec(d.token, d.args, d.oneOf) as ArgsDecoder<ArgsOf<S>>,
        argNames: Object.keys(d.args),
        scope: d.api.scope,
        path: (args, scope) => segments.map((s) => {
            const m = PLACEHOLDER.exec(s);
            return m ? valueOf(m[1]!, args, scope) : s;
        }),
        accept: d.api.accept ?? "application/json",
        response: d.response,
        ...(d.mismatch ? { mismatch: d.mismatch } : {}),
        result: d.result,
        ...(d.warnings ? { warnings: d.warnings } : {}),
        ...(d.gate ? { gate: d.gate } : {}),
        ...(d.wait ? { wait: d.wait } : {}),
        ...(d.paging ? { paging: d.paging } : {}),
        ...(d.byName ? { byName: d.byName as unknown as ByName<object> } : {}),
        ...(d.api.exactIntegers ? { exactIntegers: true } : {}),
        resultNames: Object.keys(d.fields),
        secretFields: Object.entries(d.fields).filter(([, f]) => f.secret).map(([n]) => n),
        id: (args, scope) => pick(d.id, args, scope).join("/"),
        idNames: d.id,
        idExample: d.id.map((n) => examples[n] ?? "").join("/"),
        target: (args, scope) => targetNames.map((n) => `${n} ${JSON.stringify(valueOf(n, args, scope))}`).join(", "),
        description: d as unknown as ReadDescription<ArgSpecs, FieldSpecs, never>,
    };
}

/** The description of a read built by {@link defineRead}. */
export function descriptionOf(op: AnyReadOperation): ReadDescription<ArgSpecs, FieldSpecs, never> {
    const d = (op as Partial<Described>).description;
    if (!d) throw new Error(`${op.token} was not built by defineRead`);
    return d;
}
