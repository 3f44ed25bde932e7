/**
 * One process of `npm run bench`: interleaved rounds of this package against the alternatives a
 * user would hand-write, side by side, against the emulator on 127.0.0.1. Prints one JSON line
 * of per-round timings; bench/reads.ts pools several such processes into ratios.
 */
import * as http from "node:http";
import { performance } from "node:perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type Emulator } from "../../emulator";
import { performRead } from "../../provider/runtime/execute";
import { signRequest } from "../../provider/vendors/huaweicloud/signer";
import { operations } from "../../provider/operations";
import { huaweicloud } from "../../sdk/nodejs";
import { emulatorStackConfig, FIXTURE, sources } from "../../tests/helpers/stack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
    AKSKSigner: { sign(request: unknown, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

type Got = typeof import("got", { with: { "resolution-mode": "import" } }).got;

/** Stack config of about `bytes` bytes: the emulator's keys plus unrelated keys, as a real stack has. */
function configOfSize(emu: Emulator, bytes: number, extra: Record<string, string> = {}): Record<string, string> {
    const config: Record<string, string> = { ...emulatorStackConfig(emu), ...extra };
    for (let i = 0; JSON.stringify(config).length < bytes; i++) config[`app:setting${i}`] = `value-${"x".repeat(40)}-${i}`;
    return config;
}

async function timed(n: number, concurrency: number, one: () => Promise<unknown>): Promise<number> {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
        Array.from({ length: concurrency }, async () => {
            while (next < n) {
                next++;
                await one();
            }
        }),
    );
    return performance.now() - t0;
}

async function main(): Promise<void> {
    const rounds = Number(process.argv[2] ?? "3");
    const emu = await startEmulator({ port: 0 });
    const { got } = (await import("got")) as { got: Got };
    const agent = new http.Agent({ keepAlive: true });
    const kpsUrl = `${emu.endpoints.kms}/v3/${FIXTURE.projectId}/tasks/${FIXTURE.kpsTaskId}`;
    // What a user hand-writes with got: the same GET, the token header, a JSON body.
    const rawGot = (headers: Record<string, string>) => got(kpsUrl, { headers, agent: { http: agent }, responseType: "json", retry: { limit: 2 } }).then((r) => r.body);
    const tokenHeaders = { "X-Auth-Token": FIXTURE.huaweiToken, Accept: "application/json" };
    const kps = operations["huaweicloud.kps.KeypairTask"];
    const aksk = sources({ ...emulatorStackConfig(emu), "huaweicloud:token": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey });
    const officialSigned = (): Promise<unknown> => {
        const u = new URL(kpsUrl);
        const headers = AKSKSigner.sign(
            { method: "GET", endpoint: kpsUrl, headers: { Host: u.host, "X-Project-Id": FIXTURE.projectId, Accept: "application/json" }, queryParams: {} },
            { getAk: () => FIXTURE.accessKey, getSk: () => FIXTURE.secretKey },
        );
        return rawGot(headers);
    };
    const out: Record<string, number[]> = {};
    const add = (k: string, v: number): void => {
        (out[k] ??= []).push(v);
    };
    try {
        // Warm both paths (module loads, connections, JIT).
        pulumi.runtime.setAllConfig(configOfSize(emu, 2800), ["huaweicloud:token", "astracontrol:apiToken"]);
        await timed(300, 8, () => huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }));
        await timed(300, 8, () => rawGot(tokenHeaders));
        await timed(300, 8, () => performRead(kps, { taskId: FIXTURE.kpsTaskId }, aksk));
        for (let r = 0; r < rounds; r++) {
            for (const size of [2800, 20000]) {
                pulumi.runtime.setAllConfig(configOfSize(emu, size), ["huaweicloud:token", "astracontrol:apiToken"]);
                for (const c of [1, 64]) {
                    const n = c === 1 ? 300 : 2000;
                    add(`token c=${c} ${size}B ours`, await timed(n, c, () => huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId })));
                    add(`token c=${c} ${size}B got`, await timed(n, c, () => rawGot(tokenHeaders)));
                }
            }
            add("aksk c=16 ours", await timed(1000, 16, () => performRead(kps, { taskId: FIXTURE.kpsTaskId }, aksk)));
            add("aksk c=16 official", await timed(1000, 16, officialSigned));
            const signable = { method: "GET", url: kpsUrl, headers: { Host: new URL(kpsUrl).host, "X-Project-Id": FIXTURE.projectId, Accept: "application/json" } };
            let t0 = performance.now();
            for (let i = 0; i < 20000; i++) signRequest(signable, { accessKey: FIXTURE.accessKey, secretKey: FIXTURE.secretKey });
            add("sign ours", performance.now() - t0);
            t0 = performance.now();
            for (let i = 0; i < 20000; i++) {
                AKSKSigner.sign({ method: "GET", endpoint: kpsUrl, headers: { ...signable.headers }, queryParams: {} }, { getAk: () => FIXTURE.accessKey, getSk: () => FIXTURE.secretKey });
            }
            add("sign official", performance.now() - t0);
        }
        pulumi.runtime.setAllConfig(configOfSize(emu, 2800), ["huaweicloud:token", "astracontrol:apiToken"]);
        for (const n of [500, 2000, 8000]) {
            add(`growth ${n} ours`, await timed(n, 64, () => huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId })));
            add(`growth ${n} rss MiB`, process.memoryUsage().rss / 1048576);
            add(`growth ${n} got`, await timed(n, 64, () => rawGot(tokenHeaders)));
        }
        // IAM look-ups: 50 concurrent AK/SK reads that must find the project id.
        emu.reset();
        const lookUp = sources({ ...emulatorStackConfig(emu), "huaweicloud:token": "", "huaweicloud:projectId": "", "huaweicloud:accessKey": FIXTURE.accessKey, "huaweicloud:secretKey": FIXTURE.secretKey });
        await Promise.all(Array.from({ length: 50 }, () => performRead(kps, { taskId: FIXTURE.kpsTaskId }, lookUp)));
        add("iam lookups for 50 reads", emu.requests.filter((q) => q.service === "iam").length);
    } finally {
        agent.destroy();
        await emu.close();
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
}

main().catch((e: unknown) => {
    process.stderr.write(`bench round failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
});
