import * as fs from "node:fs";

/** One completed gRPC call from a `PULUMI_DEBUG_GRPC` log. */
export interface GrpcCall {
    /** The service and method, e.g. `ResourceProvider/Create`. */
    method: string;
    /** The resource the call is about (`request.urn`), when it names one. */
    urn?: string;
    request: Record<string, unknown>;
    response?: Record<string, unknown>;
    errors?: string[];
}

/**
 * The calls a CLI command made, from the file `PULUMI_DEBUG_GRPC` named (one JSON object per line,
 * logged when a call starts and when it completes; only completed ones are kept). The file is then
 * removed, so the next command starts a fresh log. It holds secrets in clear: keep it in a
 * scratch folder.
 */
export function takeGrpcCalls(file: string): GrpcCall[] {
    if (!fs.existsSync(file)) return [];
    const text = fs.readFileSync(file, "utf8");
    fs.rmSync(file, { force: true });
    return text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { method: string; progress?: string; request?: Record<string, unknown>; response?: Record<string, unknown>; errors?: string[] })
        .filter((entry) => entry.progress !== "request_started")
        .map((entry) => ({
            method: entry.method.replace(/^\/pulumirpc\./, ""),
            urn: typeof entry.request?.urn === "string" ? entry.request.urn : undefined,
            request: entry.request ?? {},
            response: entry.response,
            errors: entry.errors,
        }));
}

/** The provider methods called for the resource named `name` (the URN's last segment), in order. */
export function providerMethodsFor(calls: readonly GrpcCall[], name: string): string[] {
    return calls.filter((c) => c.method.startsWith("ResourceProvider/") && c.urn?.endsWith(`::${name}`)).map((c) => c.method.slice("ResourceProvider/".length));
}
