import * as assert from "node:assert/strict";
import { startEmulator, type Emulator } from "../emulator";
import { runLoad } from "./helpers/reliability-load";
import { trackUnhandledRejections } from "./helpers/reliability-servers";

describe("reliability: load", function () {
    this.timeout(45_000);
    let emu: Emulator;
    const rejections = trackUnhandledRejections();

    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => {
        await emu.close();
        rejections.dispose();
    });

    it("2,000 reads at concurrency 100, with 20% of requests answered by a transient fault, all succeed with never more than maxConcurrency (8) in flight", async () => {
        const r = await runLoad(emu, { reads: 2000, concurrency: 100, faultRate: 0.2, maxConcurrency: 8, seed: 5 });
        assert.deepEqual(r.failures, []);
        assert.equal(r.succeeded, 2000);
        // The schedule is seeded: about 500 faults in 2,500 requests, every one of them served and retried.
        assert.ok(r.faultsInjected >= 430 && r.faultsInjected <= 570, `${r.faultsInjected} faults injected`);
        assert.equal(r.faultedRequests, r.faultsInjected);
        assert.ok(r.faultedRequests / r.requests >= 0.17, `${r.faultedRequests} of ${r.requests} requests faulted`);
        assert.ok(r.retries >= r.faultedRequests, `${r.retries} retries for ${r.faultedRequests} faulted requests`);
        assert.ok(r.peakInFlight <= 8, `${r.peakInFlight} requests were in flight at once`);
        assert.ok(r.peakInFlight >= 2, "the run never overlapped requests, so the cap was not exercised");
        assert.equal(r.secretsFound, 0);
        assert.ok(r.ms < 40_000, `took ${r.ms} ms`);
    });

    it("the in-flight measurement does see more than 8 requests at once when maxConcurrency allows it", async () => {
        const r = await runLoad(emu, { reads: 400, concurrency: 100, faultRate: 0, maxConcurrency: 64, seed: 1 });
        assert.equal(r.succeeded, 400);
        assert.ok(r.peakInFlight > 8, `peak ${r.peakInFlight}`);
        assert.ok(r.peakInFlight <= 64, `peak ${r.peakInFlight}`);
    });

    it("no unhandled promise rejection happened", () => {
        assert.deepEqual(rejections.seen, []);
    });
});
