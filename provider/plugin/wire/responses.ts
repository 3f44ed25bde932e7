import { engineValues, type Unwrapped } from "../properties";
import { writeStruct } from "./property-writer";
import { encodeMessage, type WireSink } from "./wire-writer";

/**
 * The hot path's responses written straight as bytes, the same bytes the protocol's messages
 * (`@pulumi/pulumi/proto/provider_pb`) serialize to: fields in number order, proto3's empty
 * strings, false and 0 left out, property maps always written. Field numbers from provider.proto.
 */

/** DiffResponse.DiffChanges. */
const DIFF_NONE = 1;
const DIFF_SOME = 2;

/**
 * A failure of Check (CheckFailure{property=1, reason=2}).
 *
 * @example
 * ```ts
 * const failure: Failure = { property: "taskId", reason: "expected a string" };
 * ```
 */
export interface Failure {
    readonly property: string;
    readonly reason: string;
}

/** proto3: an empty string is not written. */
function optionalString(w: WireSink, field: number, s: string): void {
    if (s !== "") w.string(field, s);
}

const asEngine = (p: Unwrapped): Record<string, unknown> => engineValues(p.values, p.secret);

/**
 * CheckResponse{inputs=1, failures=2}.
 *
 * @example
 * ```ts
 * encodeCheck({ values: { taskId: "t-1" }, secret: new Set() }, []); // CheckResponse bytes
 * ```
 */
export function encodeCheck(inputs: Unwrapped, failures: readonly Failure[]): Buffer {
    const obj = asEngine(inputs);
    return encodeMessage((w) => {
        writeStruct(w, 1, obj);
        for (const f of failures) {
            w.begin(2);
            optionalString(w, 1, f.property);
            optionalString(w, 2, f.reason);
            w.end();
        }
    });
}

/**
 * DiffResponse{replaces=1, changes=4, diffs=5} (deleteBeforeReplace=3 always false, so not written).
 *
 * @example
 * ```ts
 * encodeDiff(true, ["taskId"], ["taskId"]); // DIFF_SOME, replaces and diffs ["taskId"]
 * ```
 */
export function encodeDiff(changes: boolean, replaces: readonly string[], diffs: readonly string[]): Buffer {
    return encodeMessage((w) => {
        for (const r of replaces) w.string(1, r);
        w.varint(4, changes ? DIFF_SOME : DIFF_NONE);
        for (const d of diffs) w.string(5, d);
    });
}

/**
 * CreateResponse{id=1, properties=2}.
 *
 * @example
 * ```ts
 * encodeCreate("t-1", { values: { taskStatus: "SUCCESS" }, secret: new Set() });
 * ```
 */
export function encodeCreate(id: string, outs: Unwrapped): Buffer {
    const obj = asEngine(outs);
    return encodeMessage((w) => {
        optionalString(w, 1, id);
        writeStruct(w, 2, obj);
    });
}

/**
 * ReadResponse{id=1, properties=2, inputs=3}: an empty id (the object is gone) has neither map.
 *
 * @example
 * ```ts
 * encodeRead("", emptyOuts, emptyInputs); // ReadResponse{} : the engine drops the resource
 * ```
 */
export function encodeRead(id: string, outs: Unwrapped, inputs: Unwrapped): Buffer {
    const props = id ? asEngine(outs) : undefined;
    const ins = id ? asEngine(inputs) : undefined;
    return encodeMessage((w) => {
        optionalString(w, 1, id);
        if (props) writeStruct(w, 2, props);
        if (ins) writeStruct(w, 3, ins);
    });
}

/**
 * UpdateResponse{properties=1}.
 *
 * @example
 * ```ts
 * encodeUpdate({ values: { taskStatus: "SUCCESS" }, secret: new Set() });
 * ```
 */
export function encodeUpdate(outs: Unwrapped): Buffer {
    const obj = asEngine(outs);
    return encodeMessage((w) => writeStruct(w, 1, obj));
}

/**
 * InvokeResponse{return=1}.
 *
 * @example
 * ```ts
 * encodeInvoke({ values: { passphrase: "p" }, secret: new Set(["passphrase"]) });
 * ```
 */
export function encodeInvoke(result: Unwrapped): Buffer {
    const obj = asEngine(result);
    return encodeMessage((w) => writeStruct(w, 1, obj));
}
