import type { Unwrapped } from "../properties";
import { noProperties, readProperties } from "./property-decoder";
import { WireError, WireReader, WireType } from "./wire-reader";

/**
 * The hot path's requests (Check, Diff, Create, Read, Update, Invoke) read from their bytes into
 * plain values, without google-protobuf's messages: only the fields the plugin uses, every other
 * field skipped (whatever its wire type). Field numbers from pulumi/proto/pulumi/provider.proto.
 */

/**
 * CheckRequest{urn=1, olds=2, news=3, type=7}.
 *
 * @example
 * ```ts
 * decodeCheck(bytes); // { urn, type, olds: { values, secret }, news: { values, secret } }
 * ```
 */
export interface CheckCall {
    readonly urn: string;
    readonly type: string;
    readonly olds: Unwrapped;
    readonly news: Unwrapped;
}

/**
 * DiffRequest{id=1, urn=2, olds=3, news=4, type=8}.
 *
 * @example
 * ```ts
 * decodeDiff(bytes).id; // "t-1"
 * ```
 */
export interface DiffCall extends CheckCall {
    readonly id: string;
}

/**
 * CreateRequest{urn=1, properties=2, preview=4, type=6}.
 *
 * @example
 * ```ts
 * decodeCreate(bytes).properties.values; // { taskId: "t-1" }
 * ```
 */
export interface CreateCall {
    readonly urn: string;
    readonly type: string;
    readonly properties: Unwrapped;
    readonly preview: boolean;
}

/**
 * ReadRequest{id=1, urn=2, properties=3, inputs=4, type=6}.
 *
 * @example
 * ```ts
 * decodeRead(bytes).properties.values; // the stored outputs
 * ```
 */
export interface ReadCall {
    readonly id: string;
    readonly urn: string;
    readonly type: string;
    readonly properties: Unwrapped;
    readonly inputs: Unwrapped;
}

/**
 * UpdateRequest{id=1, urn=2, olds=3, news=4, preview=7, type=10}.
 *
 * @example
 * ```ts
 * decodeUpdate(bytes).preview; // true in a preview
 * ```
 */
export interface UpdateCall extends DiffCall {
    readonly preview: boolean;
}

/**
 * InvokeRequest{tok=1, args=2}.
 *
 * @example
 * ```ts
 * decodeInvoke(bytes).args.values; // { taskId: "t-1" }
 * ```
 */
export interface InvokeCall {
    readonly tok: string;
    readonly args: Unwrapped;
}

type Kind = "string" | "properties" | "bool";
type Fields<T> = Readonly<Record<number, readonly [keyof T & string, Kind]>>;

const defaults: Record<Kind, () => unknown> = { string: () => "", properties: noProperties, bool: () => false };

/** A request's plain values: fields absent take proto3's defaults (no properties for a Struct). */
function decodeRequest<T>(what: string, bytes: Uint8Array, fields: Fields<T>): T {
    const out: Record<string, unknown> = {};
    for (const [name, kind] of Object.values(fields)) out[name] = defaults[kind]();
    try {
        const r = new WireReader(bytes);
        while (r.more()) {
            const tag = r.tag();
            const field = fields[tag >>> 3];
            if (field === undefined) {
                r.skip(tag);
                continue;
            }
            const [name, kind] = field;
            r.expect(tag, kind === "bool" ? WireType.VARINT : WireType.LEN);
            out[name] = kind === "bool" ? r.varint() !== 0 : kind === "string" ? r.string() : readProperties(r, r.lengthEnd());
        }
    } catch (e) {
        if (e instanceof WireError) throw new Error(`cloudreads provider: malformed ${what} from the engine: ${e.message}`);
        throw e;
    }
    return out as T;
}

const CHECK: Fields<CheckCall> = { 1: ["urn", "string"], 2: ["olds", "properties"], 3: ["news", "properties"], 7: ["type", "string"] };
const DIFF: Fields<DiffCall> = { 1: ["id", "string"], 2: ["urn", "string"], 3: ["olds", "properties"], 4: ["news", "properties"], 8: ["type", "string"] };
const CREATE: Fields<CreateCall> = { 1: ["urn", "string"], 2: ["properties", "properties"], 4: ["preview", "bool"], 6: ["type", "string"] };
const READ: Fields<ReadCall> = { 1: ["id", "string"], 2: ["urn", "string"], 3: ["properties", "properties"], 4: ["inputs", "properties"], 6: ["type", "string"] };
const UPDATE: Fields<UpdateCall> = { 1: ["id", "string"], 2: ["urn", "string"], 3: ["olds", "properties"], 4: ["news", "properties"], 7: ["preview", "bool"], 10: ["type", "string"] };
const INVOKE: Fields<InvokeCall> = { 1: ["tok", "string"], 2: ["args", "properties"] };

/**
 * A CheckRequest's bytes as plain values; malformed bytes fail with an Error naming what is wrong.
 *
 * @example
 * ```ts
 * decodeCheck(checkRequest.serializeBinary()).news.values; // { taskId: "t-1" }
 * ```
 */
export const decodeCheck = (bytes: Uint8Array): CheckCall => decodeRequest("CheckRequest", bytes, CHECK);

/**
 * A DiffRequest's bytes as plain values.
 *
 * @example
 * ```ts
 * decodeDiff(diffRequest.serializeBinary()).id; // "t-1"
 * ```
 */
export const decodeDiff = (bytes: Uint8Array): DiffCall => decodeRequest("DiffRequest", bytes, DIFF);

/**
 * A CreateRequest's bytes as plain values.
 *
 * @example
 * ```ts
 * decodeCreate(createRequest.serializeBinary()).preview; // false
 * ```
 */
export const decodeCreate = (bytes: Uint8Array): CreateCall => decodeRequest("CreateRequest", bytes, CREATE);

/**
 * A ReadRequest's bytes as plain values.
 *
 * @example
 * ```ts
 * decodeRead(readRequest.serializeBinary()).inputs.values; // { taskId: "t-1" }
 * ```
 */
export const decodeRead = (bytes: Uint8Array): ReadCall => decodeRequest("ReadRequest", bytes, READ);

/**
 * An UpdateRequest's bytes as plain values.
 *
 * @example
 * ```ts
 * decodeUpdate(updateRequest.serializeBinary()).news.values; // { taskId: "t-1", minValidDays: 3 }
 * ```
 */
export const decodeUpdate = (bytes: Uint8Array): UpdateCall => decodeRequest("UpdateRequest", bytes, UPDATE);

/**
 * An InvokeRequest's bytes as plain values.
 *
 * @example
 * ```ts
 * decodeInvoke(invokeRequest.serializeBinary()).tok; // "cloudreads:huaweicloud/kps:getKeypairTask"
 * ```
 */
export const decodeInvoke = (bytes: Uint8Array): InvokeCall => decodeRequest("InvokeRequest", bytes, INVOKE);
