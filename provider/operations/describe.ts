import * as t from "io-ts";
import type { ArgsDecoder } from "../core/validate-args";
import type { ArgSpecs, ArgsOf, FieldSpecs, ResultOf } from "./arg-and-field-specs";
import type { AnyReadOperation, ByName, ReadOperation, Scope, VendorName } from "./operation";
import type { ListPaging, TaskWait } from "./wait-and-paging";
import type { VendorValues } from "./vendor-values";

export * from "./arg-and-field-specs";
export type { ByName } from "./operation";
export type { ListPaging, Query, TaskWait } from "./wait-and-paging";
export type { VendorValues } from "./vendor-values";

/**
 * A read's description: everything hand-written about it (its vendor operation, arguments,
 * result fields, documentation and examples), from which the SDK, the dynamic provider, the plugin's
 * schema, the reference docs and the test matrices are all generated or derived (`npm run generate`).
 * The vocabulary of arguments and fields is in ./arg-and-field-specs.ts.
 */

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
    /** When the page was last checked against this description (YYYY-MM-DD). */
    readonly read: string;
    /** `Accept` header (default `application/json`). */
    readonly accept?: string;
    /**
     * Integers in the body with more than 15 digits arrive as digit strings, exactly, instead of
     * JSON numbers that lose digits above 2^53 (ROMA product ids).
     */
    readonly exactIntegers?: boolean;
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
    /**
     * The values the vendor's pages list for enumerated fields and arguments (by name), each list
     * cited with its page and the date read (a field of a listed item as `tasks.state`): docs name them with `withValues`, and
     * tests/vendor-values.test.ts holds `wait`, the docs and the emulator's fixtures to them.
     */
    readonly values?: Readonly<Record<string, VendorValues>>;
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
