import { strict as assert } from "node:assert";
import * as http2 from "node:http2";
import * as grpc from "@grpc/grpc-js";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { decodeStatusMessage, encodeStatusMessage, GrpcError, Status } from "../provider/plugin/grpc/status";
import { framed, MAX_MESSAGE_BYTES, unframed } from "../provider/plugin/grpc/frames";
import { UnaryClient } from "../provider/plugin/grpc/unary-client";
import { UnaryServer } from "../provider/plugin/grpc/unary-server";
import { decodeAttach, decodeGetSchema, decodeHandshake, encodeHandshake, encodePluginInfo, encodeSchema } from "../provider/plugin/wire/light-messages";
import { seededRandom } from "./helpers/seeded-random";

/**
 * The plugin's own gRPC layer (provider/plugin/grpc/) against grpc-js, an independent
 * implementation of the protocol: its server answered by grpc-js's client, its client answered by
 * grpc-js's server. The Go engine's side is proven by every plugin test through the real CLI.
 */

const bytes = (b: Buffer): Buffer => b;
const PATH = "/test.Echo/Echo";
// grpc-js takes no message over 4 MiB unless told.
const UNLIMITED = { "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 };

/** A grpc-js client's unary call on bytes; resolves with the response, or the ServiceError. */
function callWithGrpcJs(port: number, path: string, message: Buffer): Promise<{ response?: Buffer; error?: grpc.ServiceError }> {
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), UNLIMITED);
    return new Promise((resolve) => {
        client.makeUnaryRequest(path, bytes, bytes, message, (error, response) => {
            client.close();
            resolve(error ? { error } : { response: response as Buffer });
        });
    });
}

describe("plugin gRPC layer: its server, called by grpc-js", () => {
    let server: UnaryServer;
    let port: number;
    before(async () => {
        server = new UnaryServer(
            new Map([
                [PATH, (b: Buffer) => Buffer.concat([Buffer.from("echo:"), b])],
                ["/test.Echo/Fail", () => {
                    throw new Error("100% sûr: \u001b[31mred\n");
                }],
                ["/test.Echo/Coded", () => {
                    throw new GrpcError(Status.INVALID_ARGUMENT, "bad argument");
                }],
            ]),
            (e) => ({ code: Status.INTERNAL, message: e instanceof Error ? e.message : String(e) }),
        );
        port = await server.listen("127.0.0.1");
    });
    after(() => new Promise<void>((resolve) => server.close(resolve)));

    it("answers a call with the handler's bytes, from an empty message to one of 8 MiB", async () => {
        for (const size of [0, 1, 70_000, 8 * 1024 * 1024]) {
            const message = Buffer.alloc(size, 0x61);
            const { response, error } = await callWithGrpcJs(port, PATH, message);
            assert.equal(error, undefined, `size ${size}`);
            assert.ok(response?.equals(Buffer.concat([Buffer.from("echo:"), message])), `size ${size}`);
        }
    });

    it("answers 64 calls in flight on one connection, each with its own bytes", async () => {
        const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const answers = await Promise.all(
            Array.from({ length: 64 }, (_, i) => new Promise<string>((resolve, reject) => client.makeUnaryRequest(PATH, bytes, bytes, Buffer.from(`m${i}`), (e, r) => (e ? reject(e) : resolve((r as Buffer).toString()))))),
        );
        client.close();
        assert.deepEqual(answers, Array.from({ length: 64 }, (_, i) => `echo:m${i}`));
    });

    it("a thrown error is its status and message, non-ASCII and control characters included", async () => {
        const { error } = await callWithGrpcJs(port, "/test.Echo/Fail", Buffer.alloc(0));
        assert.equal(error?.code, grpc.status.INTERNAL);
        assert.equal(error?.details, "100% sûr: \u001b[31mred\n");
        const coded = await callWithGrpcJs(port, "/test.Echo/Coded", Buffer.alloc(0));
        assert.equal(coded.error?.code, grpc.status.INVALID_ARGUMENT);
        assert.equal(coded.error?.details, "bad argument");
    });

    it("an unknown method is UNIMPLEMENTED, naming it; the server keeps serving", async () => {
        const { error } = await callWithGrpcJs(port, "/pulumirpc.ResourceProvider/List", Buffer.alloc(0));
        assert.equal(error?.code, grpc.status.UNIMPLEMENTED);
        assert.match(error?.details ?? "", /unknown method "\/pulumirpc\.ResourceProvider\/List"/);
        assert.equal((await callWithGrpcJs(port, PATH, Buffer.from("x"))).response?.toString(), "echo:x");
    });

    it("a compressed message is UNIMPLEMENTED, two messages or a cut one INTERNAL; plain HTTP gets 405 or 415", async () => {
        const session = http2.connect(`http://127.0.0.1:${port}`);
        const raw = (headers: http2.OutgoingHttpHeaders, body: Buffer) =>
            new Promise<{ status: number; grpcStatus?: string; message?: string }>((resolve, reject) => {
                const req = session.request({ ":method": "POST", ":path": PATH, "content-type": "application/grpc", ...headers });
                let status = 0;
                let grpcStatus: string | undefined;
                let message: string | undefined;
                req.on("response", (h) => {
                    status = Number(h[":status"]);
                    grpcStatus = h["grpc-status"] as string | undefined;
                    message = h["grpc-message"] as string | undefined;
                });
                req.on("error", reject);
                req.resume();
                req.on("close", () => resolve({ status, grpcStatus, message }));
                if (!req.writableEnded) req.end(body);
            });
        const compressed = Buffer.from([1, 0, 0, 0, 1, 0x61]);
        assert.equal((await raw({ "grpc-encoding": "gzip" }, compressed)).grpcStatus, String(Status.UNIMPLEMENTED));
        const two = Buffer.concat([framed(Buffer.from("a")), framed(Buffer.from("b"))]);
        assert.equal((await raw({}, two)).grpcStatus, String(Status.INTERNAL));
        assert.equal((await raw({}, Buffer.from([0, 0, 0, 0, 9, 1]))).grpcStatus, String(Status.INTERNAL));
        assert.equal((await raw({ ":method": "GET" }, Buffer.alloc(0))).status, 405);
        assert.equal((await raw({ "content-type": "text/plain" }, Buffer.alloc(0))).status, 415);
        session.close();
    });

    it("close: the calls in flight are answered, then the port stops answering", async () => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let reached!: () => void;
        const arrived = new Promise<void>((resolve) => (reached = resolve));
        const slow = new UnaryServer(new Map([[PATH, async () => (reached(), await held, Buffer.from("late"))]]), () => ({ code: Status.INTERNAL, message: "x" }));
        const slowPort = await slow.listen("127.0.0.1");
        const inFlight = callWithGrpcJs(slowPort, PATH, Buffer.alloc(0));
        await arrived;
        let closed = false;
        const closing = new Promise<void>((resolve) => slow.close(() => ((closed = true), resolve())));
        // While the call is held, the server does not finish closing.
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(closed, false);
        release();
        assert.equal((await inFlight).response?.toString(), "late");
        await closing;
        const after = await callWithGrpcJs(slowPort, PATH, Buffer.alloc(0));
        assert.equal(after.error?.code, grpc.status.UNAVAILABLE);
    });
});

describe("plugin gRPC layer: its client, answered by grpc-js", () => {
    let server: grpc.Server;
    let address: string;
    let hanging: Array<() => void> = [];
    before(async () => {
        server = new grpc.Server(UNLIMITED);
        const method = (path: string): grpc.MethodDefinition<Buffer, Buffer> => ({ path, requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes });
        server.addService({ Echo: method(PATH), Fail: method("/test.Echo/Fail"), Hang: method("/test.Echo/Hang") }, {
            Echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, Buffer.concat([Buffer.from("echo:"), call.request])),
            Fail: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => cb({ code: grpc.status.PERMISSION_DENIED, details: "no, 100% sûr" }),
            Hang: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => hanging.push(() => cb(null, Buffer.alloc(0))),
        });
        const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
        address = `127.0.0.1:${port}`;
    });
    after(() => {
        for (const h of hanging) h();
        hanging = [];
        server.forceShutdown();
    });

    it("a call's response, from an empty message to one of 8 MiB", async () => {
        const client = new UnaryClient(address);
        for (const size of [0, 3, 8 * 1024 * 1024]) {
            const message = Buffer.alloc(size, 0x62);
            assert.ok((await client.call(PATH, message)).equals(Buffer.concat([Buffer.from("echo:"), message])), `size ${size}`);
        }
        client.close();
    });

    it("a status other than OK rejects with its code and decoded message; an unknown method with UNIMPLEMENTED", async () => {
        const client = new UnaryClient(address);
        await assert.rejects(client.call("/test.Echo/Fail", Buffer.alloc(0)), (e: unknown) => e instanceof GrpcError && e.code === grpc.status.PERMISSION_DENIED && e.message === "no, 100% sûr");
        await assert.rejects(client.call("/test.Echo/Nothing", Buffer.alloc(0)), (e: unknown) => e instanceof GrpcError && e.code === Status.UNIMPLEMENTED);
        client.close();
    });

    it("no answer within the deadline is DEADLINE_EXCEEDED; nothing listening is UNAVAILABLE; a closed client CANCELLED", async () => {
        const client = new UnaryClient(address);
        await assert.rejects(client.call("/test.Echo/Hang", Buffer.alloc(0), 200), (e: unknown) => e instanceof GrpcError && e.code === Status.DEADLINE_EXCEEDED);
        client.close();
        await assert.rejects(client.call(PATH, Buffer.alloc(0)), (e: unknown) => e instanceof GrpcError && e.code === Status.CANCELLED);
        const nobody = new UnaryClient("127.0.0.1:1");
        await assert.rejects(nobody.call(PATH, Buffer.alloc(0), 2000), (e: unknown) => e instanceof GrpcError && e.code === Status.UNAVAILABLE);
        nobody.close();
    });
});

describe("plugin gRPC layer: frames, status messages and the small messages", () => {
    it("grpc-message: encoding then decoding gives the text back, for random text", () => {
        const random = seededRandom(7);
        const pick = (n: number): number => Math.floor(random() * n);
        const alphabet = ["a", "%", " ", "\n", "\u001b", "é", "中", "😀", "~", "%2", "\u0000"];
        for (let i = 0; i < 500; i++) {
            const text = Array.from({ length: pick(31) }, () => alphabet[pick(alphabet.length)]).join("");
            const encoded = encodeStatusMessage(text);
            assert.match(encoded, /^[\x20-\x7e]*$/, JSON.stringify(text));
            assert.equal(decodeStatusMessage(encoded), text, JSON.stringify(text));
        }
        // A malformed escape is kept as it is.
        assert.equal(decodeStatusMessage("50%zz"), "50%zz");
    });

    it("frames: one message round-trips; a message over the limit is RESOURCE_EXHAUSTED", () => {
        const m = Buffer.from("hello");
        assert.ok(unframed([framed(m)], 10).equals(m));
        const split = framed(m);
        assert.ok(unframed([split.subarray(0, 3), split.subarray(3)], split.length).equals(m));
        const header = Buffer.from([0, 0, 0, 0, 0]);
        header.writeUInt32BE(MAX_MESSAGE_BYTES + 1, 1);
        assert.throws(() => unframed([header], 5), (e: unknown) => e instanceof GrpcError && e.code === Status.RESOURCE_EXHAUSTED);
    });

    it("Handshake, Attach, GetSchema, PluginInfo: the same as the protocol's own messages", () => {
        const hs = new proto.ProviderHandshakeRequest();
        hs.setEngineAddress("127.0.0.1:41237");
        hs.setRootDirectory("/root");
        hs.setConfigureWithUrn(true);
        assert.equal(decodeHandshake(hs.serializeBinary()), "127.0.0.1:41237");
        const attach = new pluginProto.PluginAttach();
        attach.setAddress("127.0.0.1:9");
        assert.equal(decodeAttach(attach.serializeBinary()), "127.0.0.1:9");
        const schema = new proto.GetSchemaRequest();
        schema.setVersion(2);
        assert.equal(decodeGetSchema(schema.serializeBinary()), "");
        schema.setSubpackageName("sub");
        assert.equal(decodeGetSchema(schema.serializeBinary()), "sub");
        const res = proto.ProviderHandshakeResponse.deserializeBinary(encodeHandshake());
        assert.deepEqual([res.getAcceptSecrets(), res.getAcceptResources(), res.getAcceptOutputs()], [true, false, false]);
        assert.equal(pluginProto.PluginInfo.deserializeBinary(encodePluginInfo("0.1.0")).getVersion(), "0.1.0");
        const text = JSON.stringify({ name: "cloudreads", description: "é".repeat(70_000) });
        assert.equal(proto.GetSchemaResponse.deserializeBinary(encodeSchema(text)).getSchema(), text);
        assert.throws(() => decodeHandshake(Buffer.from([0x0a, 0x05, 0x61])), /malformed ProviderHandshakeRequest from the engine/);
    });
});
