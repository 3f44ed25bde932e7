import { WireError, WireReader, WireType } from "./wire-reader";
import { encodeMessage } from "./wire-writer";

/**
 * The small messages of the calls made once per process (Handshake, GetPluginInfo, GetSchema,
 * Attach), read and written on their bytes, so that a process that only serves the schema (the
 * engine starts one per `up` for the language host) loads no protocol module. Field numbers from
 * pulumi/proto/pulumi/provider.proto and plugin.proto.
 */

/** The string fields `wanted` (by field number) of a message; every other field is skipped. */
function strings(what: string, bytes: Uint8Array, wanted: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    try {
        const r = new WireReader(bytes);
        while (r.more()) {
            const tag = r.tag();
            if (!wanted.includes(tag >>> 3)) {
                r.skip(tag);
                continue;
            }
            r.expect(tag, WireType.LEN);
            out.set(tag >>> 3, r.string());
        }
    } catch (e) {
        if (e instanceof WireError) throw new Error(`cloudreads provider: malformed ${what} from the engine: ${e.message}`);
        throw e;
    }
    return out;
}

/**
 * ProviderHandshakeRequest{engine_address=1}: the engine's address.
 *
 * @example
 * ```ts
 * decodeHandshake(bytes); // "127.0.0.1:41237"
 * ```
 */
export const decodeHandshake = (bytes: Uint8Array): string => strings("ProviderHandshakeRequest", bytes, [1]).get(1) ?? "";

/**
 * PluginAttach{address=1}: the engine's address.
 *
 * @example
 * ```ts
 * decodeAttach(bytes); // "127.0.0.1:41237"
 * ```
 */
export const decodeAttach = (bytes: Uint8Array): string => strings("PluginAttach", bytes, [1]).get(1) ?? "";

/**
 * GetSchemaRequest{subpackage_name=2}: the subpackage asked for ("" for the package itself).
 *
 * @example
 * ```ts
 * decodeGetSchema(bytes); // ""
 * ```
 */
export const decodeGetSchema = (bytes: Uint8Array): string => strings("GetSchemaRequest", bytes, [2]).get(2) ?? "";

/**
 * ProviderHandshakeResponse{accept_secrets=1}: secrets accepted, resources and outputs not.
 *
 * @example
 * ```ts
 * encodeHandshake(); // <08 01>
 * ```
 */
export const encodeHandshake = (): Buffer => encodeMessage((w) => w.varint(1, 1));

/**
 * PluginInfo{version=1}.
 *
 * @example
 * ```ts
 * encodePluginInfo("0.1.0"); // <0a 05 30 2e 31 2e 30>
 * ```
 */
export const encodePluginInfo = (version: string): Buffer => encodeMessage((w) => w.string(1, version));

/**
 * GetSchemaResponse{schema=1}.
 *
 * @example
 * ```ts
 * encodeSchema('{"name":"cloudreads"}'); // GetSchemaResponse bytes
 * ```
 */
export const encodeSchema = (schema: string): Buffer => encodeMessage((w) => w.string(1, schema));
