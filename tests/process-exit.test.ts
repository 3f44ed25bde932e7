import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { HOSTILE_TRANSPORTS, startHostileTransports } from "./helpers/hostile-transports";

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
