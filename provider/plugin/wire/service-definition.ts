import type * as grpc from "@grpc/grpc-js";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

/**
 * The ResourceProvider service with its hot-path methods taking and giving raw bytes: grpc-js
 * hands their handlers the request's bytes and sends the bytes they return, so requests.ts and
 * responses.ts stand in for google-protobuf's messages there. Every other method keeps the
 * protocol's own messages.
 */

/**
 * The methods served on bytes (the calls made once or twice per resource).
 *
 * @example
 * ```ts
 * BYTE_METHODS.includes("check"); // true
 * ```
 */
export const BYTE_METHODS = ["check", "diff", "create", "read", "update", "invoke"] as const;

const asIs = (bytes: Buffer): Buffer => bytes;

/**
 * `ResourceProviderService` with {@link BYTE_METHODS} on bytes, for `server.addService`.
 *
 * @example
 * ```ts
 * server.addService(byteServiceDefinition(), service(provider, log, schema, version));
 * ```
 */
export function byteServiceDefinition(): grpc.ServiceDefinition {
    const base = providerGrpc.ResourceProviderService as unknown as grpc.ServiceDefinition;
    const onBytes = BYTE_METHODS.map((m) => [m, { ...base[m], requestDeserialize: asIs, responseSerialize: asIs }] as const);
    return { ...base, ...Object.fromEntries(onBytes) };
}
