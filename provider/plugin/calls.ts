import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type { CloudReadsProvider } from "./methods";
import { unwrap, wrap } from "./properties";
import { decodeCheck, decodeCreate, decodeDiff, decodeInvoke, decodeRead, decodeUpdate } from "./wire/requests";
import { encodeCheck, encodeCreate, encodeDiff, encodeInvoke, encodeRead, encodeUpdate } from "./wire/responses";

/**
 * The calls that use the provider, each from its request's bytes to its response's bytes: the
 * per-resource ones on the wire codec (wire/), the configuration ones (once per process) on the
 * protocol's own messages. Loaded by server.ts at the first such call, with the reads: a process
 * that only serves the schema never loads them.
 */

/** A call of the provider, by its ResourceProvider method name. */
export type ProviderCalls = Readonly<Record<"CheckConfig" | "DiffConfig" | "Configure" | "Check" | "Diff" | "Create" | "Read" | "Update" | "Invoke", (bytes: Buffer) => Promise<Buffer> | Buffer>>;

const failure = (property: string, reason: string): proto.CheckFailure => {
    const f = new proto.CheckFailure();
    f.setProperty(property);
    f.setReason(reason);
    return f;
};

const bytesOf = (message: { serializeBinary(): Uint8Array }): Buffer => {
    const b = message.serializeBinary();
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
};

/** `urn:pulumi:stack::project::type::name` -> `type` (the last type of a parent chain). */
function typeOf(urn: string): string {
    const parts = urn.split("::");
    const types = parts[2] ?? "";
    return types.split("$").pop() ?? "";
}

/**
 * The calls, on the provider `provider()` gives.
 *
 * @example
 * ```ts
 * const calls = providerCalls(() => lazy.get());
 * const response = await calls.Check(requestBytes); // CheckResponse bytes
 * ```
 */
export function providerCalls(provider: () => CloudReadsProvider): ProviderCalls {
    return {
        CheckConfig: (bytes) => {
            const req = proto.CheckRequest.deserializeBinary(bytes);
            const r = provider().checkConfig(unwrap(req.getNews()), req.getUrn());
            const res = new proto.CheckResponse();
            res.setInputs(wrap(r.inputs.values, r.inputs.secret));
            res.setFailuresList(r.failures.map((f) => failure(f.property, f.reason)));
            return bytesOf(res);
        },
        DiffConfig: (bytes) => {
            const req = proto.DiffRequest.deserializeBinary(bytes);
            const r = provider().diffConfig(unwrap(req.getOldInputs() ?? req.getOlds()), unwrap(req.getNews()));
            const res = new proto.DiffResponse();
            res.setChanges(r.changed.length ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE);
            res.setDiffsList(r.changed);
            return bytesOf(res);
        },
        Configure: (bytes) => {
            const req = proto.ConfigureRequest.deserializeBinary(bytes);
            const variables = new Map<string, string>(req.getVariablesMap().toArray() as [string, string][]);
            provider().configure(variables, req.hasArgs() ? unwrap(req.getArgs()) : undefined);
            const res = new proto.ConfigureResponse();
            res.setAcceptsecrets(true);
            res.setAcceptresources(false);
            res.setAcceptoutputs(false);
            res.setSupportspreview(true);
            return bytesOf(res);
        },
        Check: async (bytes) => {
            const req = decodeCheck(bytes);
            const r = await provider().check(req.type || typeOf(req.urn), req.olds, req.news);
            return encodeCheck(r.inputs, r.failures);
        },
        Diff: async (bytes) => {
            const req = decodeDiff(bytes);
            const r = await provider().diff(req.type || typeOf(req.urn), req.id, req.olds, req.news);
            return encodeDiff(r.changes, r.replaces, r.changes ? r.diffs : []);
        },
        Create: async (bytes) => {
            const req = decodeCreate(bytes);
            const r = await provider().create(req.type || typeOf(req.urn), req.urn, req.properties, req.preview);
            return encodeCreate(r.id, r.outs);
        },
        Read: async (bytes) => {
            const req = decodeRead(bytes);
            const r = await provider().read(req.type || typeOf(req.urn), req.urn, req.id, req.properties, req.inputs);
            return encodeRead(r.id, r.outs, r.inputs);
        },
        Update: async (bytes) => {
            const req = decodeUpdate(bytes);
            return encodeUpdate(await provider().update(req.type || typeOf(req.urn), req.urn, req.id, req.olds, req.news, req.preview));
        },
        Invoke: async (bytes) => {
            const req = decodeInvoke(bytes);
            return encodeInvoke(await provider().invoke(req.tok, req.args));
        },
    };
}
