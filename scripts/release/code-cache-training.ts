/**
 * The read path the plugin's code cache is trained on (scripts/release/code-cache.ts): the calls the
 * engine makes in an `up` of a program that reads, sent over gRPC to the plugin's port, with one read
 * answered by a local HTTP server in KPS's shape (emulator/routes/kms.ts). Every value is obviously
 * fake: the cache keeps the bundle's code, and none of these values matter to it.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";

const RESOURCE = "cloudreads:huaweicloud/kps:KeypairTask";
const FUNCTION = "cloudreads:huaweicloud/kps:getKeypairTask";
const FAKE = {
    token: "0000000000000000000000000000000000000001",
    projectId: "00000000000000000000000000000000",
    taskId: "00000000-0000-4000-8000-000000000000",
    serverId: "00000000-0000-4000-8000-000000000001",
    accountId: "00000000-0000-4000-8000-000000000002",
} as const;

/** A local server answering every request with one KPS task (ListKeypairTask's body); closed by `close`. */
async function kpsServer(): Promise<{ url: string; requests: () => number; close: () => void }> {
    let requests = 0;
    const server = http.createServer((req, res) => {
        requests++;
        req.resume();
        const body = JSON.stringify({ task_id: FAKE.taskId, task_status: "RUNNING_RESET", server_id: FAKE.serverId });
        res.writeHead(200, { "content-type": "application/json;charset=UTF-8", "content-length": Buffer.byteLength(body) });
        res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, requests: () => requests, close: () => server.close() };
}

/**
 * A stand-in for the engine that starts the plugin: a gRPC server answering the plugin's health
 * checks of its engine (provider/plugin/engine-watch.ts) as the engine does, so the watch takes the
 * path it takes under the engine, and `checked` tells when the first check was answered.
 *
 * @example
 * ```ts
 * const engine = await fakeEngine(); // pass engine.address to the plugin, await engine.checked
 * ```
 */
export async function fakeEngine(): Promise<{ address: string; checked: Promise<void>; close: () => void }> {
    const server = new grpc.Server();
    let answered!: () => void;
    const checked = new Promise<void>((resolve) => (answered = resolve));
    const identity = (b: Buffer): Buffer => b;
    const health = { path: "/grpc.health.v1.Health/Check", requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity };
    server.addService({ check: health }, {
        check: (_call: unknown, callback: grpc.sendUnaryData<Buffer>) => {
            callback(null, Buffer.alloc(0)); // HealthCheckResponse { status: UNKNOWN }: any answer is alive
            answered();
        },
    });
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    return { address: `127.0.0.1:${port}`, checked, close: () => server.forceShutdown() };
}

type Unary<Req, Res> = (req: Req, callback: (e: grpc.ServiceError | null, res: Res) => void) => grpc.ClientUnaryCall;

/** One unary call as a promise. */
function call<Req, Res>(method: Unary<Req, Res>, client: grpc.Client, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => method.call(client, req, (e, res) => (e ? reject(e) : resolve(res))));
}

/** The provider's config as the engine sends it to Configure (variables and args), every read pointed at `url`. */
function configureRequest(url: string): proto.ConfigureRequest {
    const endpoints = Object.fromEntries(["sms", "roma", "kms", "iam"].map((s) => [s, `${url}/${s}`]));
    const plain: Record<string, string> = {
        huaweicloudRegion: "cn-north-4",
        huaweicloudProjectId: FAKE.projectId,
        huaweicloudToken: FAKE.token,
        astracontrolUrl: `${url}/astra`,
        astracontrolAccountId: FAKE.accountId,
        astracontrolApiToken: FAKE.token,
        retryBaseDelayMs: "5",
    };
    const req = new proto.ConfigureRequest();
    const vars = req.getVariablesMap();
    for (const [k, v] of Object.entries(plain)) vars.set(`cloudreads:${k}`, v);
    vars.set("cloudreads:huaweicloudEndpoints", JSON.stringify(endpoints));
    req.setArgs(Struct.fromJavaScript({ ...plain, huaweicloudEndpoints: endpoints }));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    return req;
}

/**
 * Drives the plugin listening on `port` through the read path: GetPluginInfo, CheckConfig,
 * Configure, then Check, a Create in preview and a real one (a GET to the local server), and Invoke
 * of a function. Rejects when a call fails or a read never reached the server.
 *
 * @example
 * ```ts
 * await trainReadPath("41237"); // then script.createCachedData()
 * ```
 */
export async function trainReadPath(port: string): Promise<void> {
    const server = await kpsServer();
    const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    try {
        await call(client.getPluginInfo, client, new Empty());
        const configure = configureRequest(server.url);
        const checkConfig = new proto.CheckRequest();
        checkConfig.setUrn("urn:pulumi:cache::cache::pulumi:providers:cloudreads::default");
        checkConfig.setNews(configure.getArgs());
        checkConfig.setOlds(new Struct());
        await call(client.checkConfig, client, checkConfig);
        await call(client.configure, client, configure);
        for (const preview of [true, false]) {
            const urn = `urn:pulumi:cache::cache::${RESOURCE}::task`;
            const check = new proto.CheckRequest();
            check.setUrn(urn);
            check.setType(RESOURCE);
            check.setNews(Struct.fromJavaScript({ taskId: FAKE.taskId }));
            check.setOlds(new Struct());
            const checked = await call<proto.CheckRequest, proto.CheckResponse>(client.check, client, check);
            const failures = checked.getFailuresList();
            if (failures.length) throw new Error(`code-cache: Check failed: ${failures[0]!.getReason()}`);
            const create = new proto.CreateRequest();
            create.setUrn(urn);
            create.setType(RESOURCE);
            create.setProperties(checked.getInputs());
            create.setPreview(preview);
            await call(client.create, client, create);
        }
        const invoke = new proto.InvokeRequest();
        invoke.setTok(FUNCTION);
        invoke.setArgs(Struct.fromJavaScript({ taskId: FAKE.taskId }));
        const invoked = await call<proto.InvokeRequest, proto.InvokeResponse>(client.invoke, client, invoke);
        const invokeFailures = invoked.getFailuresList();
        if (invokeFailures.length) throw new Error(`code-cache: Invoke failed: ${invokeFailures[0]!.getReason()}`);
        if (server.requests() < 2) throw new Error(`code-cache: the reads sent ${server.requests()} requests, not 2`);
    } finally {
        client.close();
        server.close();
    }
}
