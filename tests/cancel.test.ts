import * as assert from "node:assert/strict";
import { CancelledError } from "../provider/core/cancel";
import { send, type HttpPolicy } from "../provider/core/http";
import { operationFor } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE } from "./helpers/stack";

/**
 * The read's AbortSignal (what the plugin's Cancel aborts) ends a read whatever it waits on: a
 * retry's backoff (a 503 asking for 60 s), a connection slot held by another read, or the next
 * poll of `waitFor`. Each read fails with a CancelledError, and no request is sent after it.
 */

const KPS = operationFor("huaweicloud.kps.KeypairTask");
const SUBJECT = "huaweicloud.kps.getKeypairTask";

function sourcesAt(url: string, signal: AbortSignal, extra: Record<string, string> = {}) {
    const config: Record<string, string> = { ...huaweiAt(url), "huaweicloud:requestTimeout": "120", "huaweicloud:deadline": "600", ...extra };
    return { config: (k: string) => config[k], env: {}, signal };
}

async function until(ok: () => boolean): Promise<void> {
    const end = Date.now() + 10_000;
    while (!ok()) {
        if (Date.now() > end) throw new Error("timed out");
        await new Promise((r) => setTimeout(r, 10));
    }
}

describe("a read's AbortSignal cancels it, whatever it waits on", function () {
    this.timeout(30_000);

    it("during a retry's backoff (503 with Retry-After: 60): a CancelledError at once, no retry sent", async () => {
        const server = await rawServer((_req, res) => json(res, 503, { error_code: "KPS.0006", error_msg: "busy" }, { "Retry-After": "60" }));
        try {
            const controller = new AbortController();
            const read = performRead(KPS, { taskId: FIXTURE.kpsTaskId }, sourcesAt(server.url, controller.signal, { "huaweicloud:maxRetryDelay": "120", "huaweicloud:maxRetries": "5" }), SUBJECT).catch((e: unknown) => e);
            await until(() => server.hits() === 1);
            controller.abort("stop now");
            const e = await read;
            assert.ok(e instanceof CancelledError, String(e));
            assert.equal(e.message, `${SUBJECT}: cancelled: stop now; the read was abandoned and not retried`);
            await new Promise((r) => setTimeout(r, 200));
            assert.equal(server.hits(), 1);
        } finally {
            await server.close();
        }
    });

    it("waiting for a connection slot (maxConcurrency 1, the slot held by a hanging read): both end, the waiter never sends", async () => {
        const server = await rawServer(() => undefined);
        try {
            const controller = new AbortController();
            const sources = sourcesAt(server.url, controller.signal, { "huaweicloud:maxConcurrency": "1" });
            const reads = [0, 1].map(() => performRead(KPS, { taskId: FIXTURE.kpsTaskId }, sources, SUBJECT).catch((e: unknown) => e));
            await until(() => server.hits() === 1);
            controller.abort();
            for (const e of await Promise.all(reads)) assert.ok(e instanceof CancelledError, String(e));
            await new Promise((r) => setTimeout(r, 200));
            assert.equal(server.hits(), 1);
        } finally {
            await server.close();
        }
    });

    it("between two polls of waitFor: a CancelledError, no further poll", async () => {
        const server = await rawServer((_req, res) => json(res, 200, { task_id: FIXTURE.kpsTaskId, task_status: "RUNNING_RESET", server_id: "c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006" }));
        try {
            const controller = new AbortController();
            const sources = sourcesAt(server.url, controller.signal, { "cloudreads:pollBaseDelayMs": "60000" });
            const read = performRead(KPS, { taskId: FIXTURE.kpsTaskId, waitFor: { phase: "SUCCESS", timeout: 600 } }, sources, SUBJECT).catch((e: unknown) => e);
            await until(() => server.hits() >= 1);
            await new Promise((r) => setTimeout(r, 100));
            const polls = server.hits();
            controller.abort();
            assert.ok((await read) instanceof CancelledError);
            await new Promise((r) => setTimeout(r, 200));
            assert.equal(server.hits(), polls);
        } finally {
            await server.close();
        }
    });

    it("an aborted signal starts no read at all", async () => {
        const server = await rawServer((_req, res) => json(res, 500, {}));
        try {
            const controller = new AbortController();
            controller.abort();
            const e = await performRead(KPS, { taskId: FIXTURE.kpsTaskId }, sourcesAt(server.url, controller.signal), SUBJECT).catch((x: unknown) => x);
            assert.ok(e instanceof CancelledError);
            assert.equal(server.hits(), 0);
        } finally {
            await server.close();
        }
    });

    describe("the transport itself (send), without the read's own race", () => {
        const policy: HttpPolicy = { timeoutMs: 120_000, maxRetries: 5, deadlineMs: 600_000, retryBaseDelayMs: 60_000, retryDelayCapMs: 120_000, maxResponseBytes: 1 << 20, maxConcurrency: 1 };
        const call = (url: string, signal: AbortSignal) =>
            send({ describe: { service: "Huawei Cloud KPS", operation: "ListKeypairTask", target: "taskId \"t\"" }, namespace: "huaweicloud", url, headers: () => ({}), policy, isTransient: () => true, signal });

        it("ends the attempt in flight, a backoff wait and a wait for a slot at once, and gives the slot back", async () => {
            let answer = false;
            const server = await rawServer((_req, res) => (answer ? json(res, 200, {}) : undefined));
            try {
                const controller = new AbortController();
                const started = [call(`${server.url}/a`, controller.signal), call(`${server.url}/b`, controller.signal)].map((p) => p.catch((e: unknown) => e));
                await until(() => server.hits() === 1);
                controller.abort("stopped");
                for (const e of await Promise.all(started)) assert.match(String(e), /^CancelledError: Huawei Cloud KPS ListKeypairTask for taskId "t": cancelled: stopped/);
                assert.equal(server.hits(), 1);
                // The slot came back: a new call with maxConcurrency 1 goes through.
                answer = true;
                assert.equal((await call(`${server.url}/c`, new AbortController().signal)).status, 200);
            } finally {
                await server.close();
            }
        });

        it("ends a backoff wait (a 503, the next try a minute away) without sending the retry", async () => {
            const server = await rawServer((_req, res) => json(res, 503, {}));
            try {
                const controller = new AbortController();
                const p = call(server.url, controller.signal).catch((e: unknown) => e);
                await until(() => server.hits() === 1);
                await new Promise((r) => setTimeout(r, 50));
                controller.abort();
                assert.ok((await p) instanceof CancelledError);
                assert.equal(server.hits(), 1);
            } finally {
                await server.close();
            }
        });
    });
});
