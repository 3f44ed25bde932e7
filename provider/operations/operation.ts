import type * as t from "io-ts";
import { InputError } from "../core/errors";
import type { ReadTarget, Scope, VendorName } from "../vendors/vendor";
import type { ArgsDecoder } from "../core/validate-args";
import type { ListPaging, TaskWait } from "./wait-and-paging";

export type { Scope, VendorName } from "../vendors/vendor";

/**
 * One read operation, described declaratively. The resource class, the `getX`/`getXOutput`
 * functions and the dynamic provider are all built from this description.
 */
export interface ReadOperation<Args extends object, Body, Result extends object> extends ReadTarget {
    /** Resource type name and operation key, e.g. `huaweicloud.kps.KeypairTask`. */
    readonly token: string;
    readonly vendor: VendorName;
    /** Which endpoint serves it (Huawei service name, or `astra`). */
    readonly service: "sms" | "roma" | "kms" | "astra";
    /** Human name of the service, for messages. */
    readonly serviceName: string;
    /** The vendor's operation name, for messages. */
    readonly operation: string;
    /** Every argument the read accepts (ids and connection overrides), for validation. */
    readonly args: ArgsDecoder<Args>;
    /** Argument names, in the order they are documented. */
    readonly argNames: readonly string[];
    /** Which scope id the request needs from settings when the args lack it. */
    readonly scope: "project" | "domain" | "account";
    /** Raw path segments after the base URL; the client percent-encodes each one. */
    path(args: Args, scope: Scope): readonly string[];
    /** `Accept` header to send. */
    readonly accept: string;
    /** Codec of the success body; extra fields are ignored. */
    readonly response: t.Decoder<unknown, Body>;
    /**
     * A problem with a decoded body that answers for another object than the one asked for
     * (e.g. another task id), or undefined; such a body is a wrong answer, never a result.
     */
    mismatch?(body: Body, args: Args): string | undefined;
    /** Warnings about a body that do not fail the read (a vendor field that disagrees with the data it describes). */
    warnings?(body: Body, result: Result): readonly string[];
    /** Why a result fails a condition the arguments set (e.g. `minValidDays`), or undefined. */
    gate?(result: Result, args: Args): string | undefined;
    /** How to wait on the task the result describes (`waitFor`). */
    readonly wait?: TaskWait<Result>;
    /** A list read's pages: every one is fetched and merged before {@link result}. */
    readonly paging?: ListPaging<Body, Args>;
    /** An argument that names what another one identifies, resolved by a list read first. */
    readonly byName?: ByName<Args>;
    /** Long integers in the body stay exact, as digit strings. */
    readonly exactIntegers?: boolean;
    /** Builds the documented result from the body. */
    result(body: Body, args: Args, scope: Scope): Result;
    /** Names of every result field, in documented order (resources declare them as outputs). */
    readonly resultNames: readonly string[];
    /** Result fields that are secrets. */
    readonly secretFields: readonly string[];
    /** The Pulumi resource id. */
    id(args: Args, scope: Scope): string;
    /** The argument behind each `/`-separated segment of the resource id (the inverse of {@link id}), for `X.get(name, id)`. */
    readonly idNames: readonly string[];
    /** A resource id of the right shape, for messages. */
    readonly idExample: string;
    /** The identifiers read, for messages: never secrets. */
    target(args: Args, scope: Scope): string;
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

/** A read operation with its type parameters erased, for registries. */
export type AnyReadOperation = ReadOperation<object, unknown, object>;

/**
 * The arguments a resource id stands for. An id of another shape is an {@link InputError} that
 * says which shape, how many segments it had (never their values) and gives an example.
 */
export function argsFromId(op: AnyReadOperation, id: string): Record<string, string> {
    const parts = id.split("/");
    const names = op.idNames;
    if (parts.length !== names.length || parts.some((p) => p === "")) {
        const shape = idShape(op);
        const segments = names.length === 1 ? "one segment, without \"/\"" : `${names.length} segments separated by "/"`;
        const got = `${parts.length} segment${parts.length === 1 ? "" : "s"}${parts.some((p) => p === "") ? ", some empty" : ""}`;
        throw new InputError(`${op.token}.get`, [{ property: "id", reason: `expected the shape ${shape} (${segments}), got ${got}; for example ${JSON.stringify(op.idExample)}` }]);
    }
    return Object.fromEntries(names.map((n, i) => [n, parts[i]]));
}

/** The shape of a read's resource id, e.g. `{projectId}/{taskId}`. */
export function idShape(op: AnyReadOperation): string {
    return op.idNames.map((n) => `{${n}}`).join("/");
}

/** The name errors give a read whose arguments came from a resource id (`X.get(name, id)`). */
export function idSubject(op: AnyReadOperation): string {
    return `${op.token}.get (id ${idShape(op)})`;
}

/** The problem when a body's `task_id` names another task than `asked`. */
export function otherTask(got: string | undefined, asked: string): string | undefined {
    return got !== undefined && got !== "" && got !== asked ? `task_id: the response is for task ${JSON.stringify(got)}, not the task asked for (${JSON.stringify(asked)})` : undefined;
}
