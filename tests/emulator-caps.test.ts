import * as assert from "node:assert/strict";
import * as http from "node:http";
import { startEmulator, type Emulator } from "../emulator";
import { MAX_RECORDED_REQUESTS, MAX_REQUEST_BODY_BYTES } from "../emulator/server";

/**
 * The emulator bounds its memory: a request body over 1 MiB is answered 413 at once and its
 * connection closed (no body is buffered whole), and the request log keeps the newest 10,000.
 */
function request(url: string, options: http.RequestOptions, body?: Buffer): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
        const req = http.request(url, options, (res) => {
            let text = "";
            res.on("data", (d: Buffer) => void (text += d.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        if (body) req.write(body, () => undefined);
        req.end();
    });
}

describe("emulator: request bodies and the request log are capped", function () {
    this.timeout(120_000);
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => emu.reset());

    it("a body over 1 MiB is a 413, recorded without its body", async () => {
        const res = await request(`${emu.endpoints.kms}/v3/x/tasks/y`, { method: "POST", agent: false }, Buffer.alloc(MAX_REQUEST_BODY_BYTES + 65536, 0x61));
        assert.equal(res.status, 413);
        assert.match(res.text, /Request body larger than 1048576 bytes/);
        assert.equal(emu.requests.length, 1);
        assert.deepEqual([emu.requests[0]!.service, emu.requests[0]!.outcome, emu.requests[0]!.body], ["kms", 413, ""]);
    });

    it("a body just under the cap is read and answered as usual", async () => {
        const res = await request(`${emu.url}/nowhere`, { method: "POST", agent: false }, Buffer.alloc(MAX_REQUEST_BODY_BYTES, 0x61));
        assert.equal(res.status, 404);
        assert.equal(emu.requests[0]!.body.length, MAX_REQUEST_BODY_BYTES);
    });

    it("the request log keeps the newest 10,000 requests", async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
        const total = MAX_RECORDED_REQUESTS + 50;
        let next = 0;
        await Promise.all(
            Array.from({ length: 16 }, async () => {
                while (next < total) await request(`${emu.url}/nowhere/${next++}`, { agent });
            }),
        );
        agent.destroy();
        assert.equal(emu.requests.length, MAX_RECORDED_REQUESTS);
        const seen = new Set(emu.requests.map((r) => r.path));
        assert.ok(seen.has(`/nowhere/${total - 1}`) && !seen.has("/nowhere/0"));
    });
});
