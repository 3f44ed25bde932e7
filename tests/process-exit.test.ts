import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { startFakeEngine, type FakeEngine } from "./helpers/fake-engine";
import { rawServer, type RawServer } from "./helpers/hostile-servers";
import { HOSTILE_TRANSPORTS, startHostileTransports } from "./helpers/hostile-transports";
import { rpc, spawnPlugin, startPlugin, type PluginProcess } from "./helpers/plugin-process";
import { FIXTURE } from "./helpers/stack";

/**
 * A program that reads through hostile transports must still exit once its reads are done: no
 * timer of a retry wait, an attempt or the deadline, and no socket, may outlive the read. One
 * child process runs a read against every hostile transport case (each failing at its 2 s
 * deadline, its retry waits far longer than that), and must exit on its own within 1 s of its
 * last read. (Before the fix a retry wait's Timeout kept it alive for many seconds.)
 */
describe("the process exits after reads against hostile transports", function () {
    this.timeout(120_000);

    it("one child, every hostile transport case: each read fails, and the child exits within 1 s of its last read", async () => {
        const servers = await startHostileTransports();
        try {
            const child = spawn(process.execPath, ["-r", "ts-node/register", path.join(__dirname, "helpers", "hostile-transport-reads.ts"), JSON.stringify(servers.urls)], {
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
                stdio: ["ignore", "pipe", "pipe"],
            });
            let out = "";
            let stderr = "";
            let lastReadAt: number | undefined;
            child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
            child.stdout.on("data", (d: Buffer) => {
                out += d.toString();
                if (lastReadAt === undefined && out.includes("last read done\n")) lastReadAt = Date.now();
            });
            const exited = await new Promise<{ code: number | null; at: number }>((resolve) => {
                const kill = setTimeout(() => child.kill("SIGKILL"), 100_000);
                child.once("exit", (code) => {
                    clearTimeout(kill);
                    resolve({ code, at: Date.now() });
                });
            });
            assert.equal(exited.code, 0, stderr);
            assert.ok(lastReadAt !== undefined, `the child did not finish its reads:\n${out}\n${stderr}`);
            const reads = out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { name: string; credentials: string; outcome: string });
            assert.deepEqual(reads.map((r) => `${r.name} ${r.credentials}`), Object.keys(HOSTILE_TRANSPORTS).flatMap((n) => [`${n} token`, `${n} AK/SK`]));
            for (const r of reads) assert.match(r.outcome, /^TransportError: /, `${r.name} (${r.credentials}): ${r.outcome}`);
            const lingered = exited.at - lastReadAt;
            assert.ok(lingered < 1000, `the child stayed alive ${lingered} ms after its last read`);
        } finally {
            await servers.close();
        }
    });
});

/**
 * The provider plugin, as the engine runs it: SIGTERM (or SIGINT, what the engine sends when it is
 * done with a provider) ends it within 1 s whatever is in flight; a signal during start-up exits
 * cleanly; and once the engine's address stops answering (shut down, or hanging), it exits within
 * 10 s. The vendor accepts every request and never answers, and the engine is a stand-in serving
 * the health check the engine's own server serves.
 */
describe("the provider plugin exits when told, and when its engine is gone", function () {
    this.timeout(120_000);
    let vendor: RawServer;
    let p: PluginProcess | undefined;

    beforeEach(async () => {
        vendor = await rawServer(() => undefined);
    });
    afterEach(async () => {
        p?.stop();
        p = undefined;
        await vendor.close();
    });

    /** A plugin configured against the hanging vendor, with one read hanging there. */
    async function withHangingRead(args: readonly string[] = []): Promise<{ read: Promise<string> }> {
        p = await startPlugin({}, args);
        const api = rpc(p.client);
        const configure = new proto.ConfigureRequest();
        const vars = configure.getVariablesMap();
        vars.set("cloudreads:huaweicloudToken", FIXTURE.huaweiToken);
        vars.set("cloudreads:huaweicloudProjectId", FIXTURE.projectId);
        vars.set("cloudreads:huaweicloudRegion", FIXTURE.region);
        vars.set("cloudreads:huaweicloudEndpoints", JSON.stringify({ kms: vendor.url }));
        vars.set("cloudreads:huaweicloudRequestTimeout", "120");
        await api.configure(configure);
        const invoke = new proto.InvokeRequest();
        invoke.setTok("cloudreads:huaweicloud/kps:getKeypairTask");
        invoke.setArgs(Struct.fromJavaScript({ taskId: FIXTURE.kpsTaskId }));
        const read = api.invoke(invoke).then(() => "succeeded", (e: Error) => e.message);
        await until("the read at the vendor", () => vendor.hits() === 1);
        return { read };
    }

    for (const signal of ["SIGTERM", "SIGINT"] as const) {
        it(`${signal} with a read hanging at the vendor: the plugin exits 0 within 1 s`, async () => {
            const { read } = await withHangingRead();
            const sent = Date.now();
            p!.child.kill(signal);
            const exited = await exitOf(p!.child, 10_000);
            assert.equal(exited.code, 0, p!.stderr());
            assert.ok(exited.at - sent < 1000, `the plugin stayed alive ${exited.at - sent} ms after ${signal}`);
            assert.notEqual(await read, "succeeded");
        });
    }

    it("a signal during start-up exits cleanly: nothing on stderr, status 0 (or the signal, before Node runs the plugin)", async () => {
        // Started as the engine starts it, with the engine's address (without one, the plugin says so on stderr).
        const engine = await startFakeEngine();
        try {
            for (const delay of [0, 60, 120, 200, 300]) {
                const started = spawnPlugin({}, [engine.address]);
                await new Promise((r) => setTimeout(r, delay));
                started.child.kill("SIGTERM");
                const exited = await exitOf(started.child, 10_000);
                started.dispose();
                assert.ok(exited.code === 0 || exited.signal === "SIGTERM", `after ${delay} ms: ${JSON.stringify(exited)}`);
                assert.equal(started.stderr(), "", `after ${delay} ms`);
            }
        } finally {
            engine.close();
        }
    });

    const engines = {
        "shuts down": (e: FakeEngine) => e.close(),
        "hangs (accepts checks, never answers)": (e: FakeEngine) => e.hang(),
    };
    for (const [label, kill] of Object.entries(engines)) {
        it(`an engine that ${label}: the plugin, with a read hanging, exits within 10 s, and not while the engine answers`, async () => {
            const engine = await startFakeEngine();
            try {
                const { read } = await withHangingRead([engine.address]);
                // Checked, and alive while the engine answers.
                await until("health checks of the engine", () => engine.checks() >= 3);
                assert.equal(p!.child.exitCode, null);
                const gone = Date.now();
                kill(engine);
                const exited = await exitOf(p!.child, 30_000);
                assert.equal(exited.code, 0, p!.stderr());
                assert.ok(exited.at - gone < 10_000, `the plugin stayed alive ${exited.at - gone} ms after its engine`);
                assert.notEqual(await read, "succeeded");
            } finally {
                engine.close();
            }
        });
    }

    it("an engine that serves no health check (UNIMPLEMENTED) counts as alive until it shuts down", async () => {
        const engine = await startFakeEngine({ health: false });
        p = await startPlugin({}, [engine.address]);
        await new Promise((r) => setTimeout(r, 5000));
        assert.equal(p.child.exitCode, null, "the plugin exited while its engine listened");
        const gone = Date.now();
        engine.close();
        const exited = await exitOf(p.child, 30_000);
        assert.equal(exited.code, 0, p.stderr());
        assert.ok(exited.at - gone < 10_000, `the plugin stayed alive ${exited.at - gone} ms after its engine`);
    });
});

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}

/** When and how `child` exits; killed (and the test failed) after `ms`. */
function exitOf(child: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, at: Date.now() });
        const kill = setTimeout(() => child.kill("SIGKILL"), ms);
        child.once("exit", (code, signal) => {
            clearTimeout(kill);
            resolve({ code, signal, at: Date.now() });
        });
    });
}
