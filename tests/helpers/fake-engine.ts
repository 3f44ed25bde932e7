import * as grpc from "@grpc/grpc-js";

/**
 * A stand-in for the engine's gRPC server, as far as a plugin's watch of its engine sees it: the
 * health service `grpc.health.v1.Health/Check` (what the engine's own server registers), answered
 * SERVING, or not served at all (UNIMPLEMENTED). It can start to hang (accept checks, never
 * answer) or shut down (nothing listens any more).
 */
export interface FakeEngine {
    /** `127.0.0.1:PORT`, the argument the engine passes to a plugin. */
    readonly address: string;
    /** Health checks received so far. */
    checks(): number;
    /** From now on, checks are received and never answered. */
    hang(): void;
    /** Shuts the server down at once: the address stops answering. */
    close(): void;
}

const bytes = (b: Buffer): Buffer => b;
// HealthCheckResponse { status: SERVING (1) }.
const SERVING = Buffer.from([0x08, 0x01]);

/** Starts a {@link FakeEngine}; `health: false` serves no health service (every check is UNIMPLEMENTED). */
export async function startFakeEngine(options: { health?: boolean } = {}): Promise<FakeEngine> {
    const server = new grpc.Server();
    let checks = 0;
    let hanging = false;
    // grpc-js answers UNIMPLEMENTED for a service that is not added.
    if (options.health !== false) {
        const check: grpc.MethodDefinition<Buffer, Buffer> = {
            path: "/grpc.health.v1.Health/Check",
            requestStream: false,
            responseStream: false,
            requestSerialize: bytes,
            requestDeserialize: bytes,
            responseSerialize: bytes,
            responseDeserialize: bytes,
        };
        server.addService({ Check: check }, {
            Check: (_call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
                checks++;
                if (!hanging) callback(null, SERVING);
            },
        });
    }
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    return {
        address: `127.0.0.1:${port}`,
        checks: () => checks,
        hang: () => void (hanging = true),
        close: () => server.forceShutdown(),
    };
}
