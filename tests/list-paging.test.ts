import * as assert from "node:assert/strict";
import { loadDefaultFixtures, startEmulator, type Emulator } from "../emulator";
import { ConditionError } from "../provider/core/errors";
import { operations } from "../provider/operations";
import { performRead } from "../provider/runtime/execute";
import { examplesOf, isList, READS } from "./helpers/reads";
import { emulatorStackConfig, FIXTURE, sources } from "./helpers/stack";

const LISTS = READS.filter(isList);

describe("every list read follows every page", () => {
    let whole: Emulator;
    let onePerPage: Emulator;
    before(async () => {
        whole = await startEmulator({ port: 0 });
        onePerPage = await startEmulator({ port: 0, maxPageSize: 1 });
    });
    after(async () => {
        await whole?.close();
        await onePerPage?.close();
    });

    it("covers the registry's lists, the KPS task lists among them", () => {
        for (const token of ["huaweicloud.kps.RunningTasks", "huaweicloud.kps.FailedTasks"]) assert.ok(LISTS.includes(token as (typeof LISTS)[number]), token);
    });

    for (const token of LISTS) {
        it(`${token}: one item per page gives the same result as whole pages, one request per page`, async () => {
            // The example without the filters that narrow the list, so it spans several pages.
            const narrowing = new Set(operations[token].paging!.narrowBy);
            const args = Object.fromEntries(Object.entries(examplesOf(token).args).filter(([k]) => !narrowing.has(k)));
            const expected = await performRead(operations[token], args, sources(emulatorStackConfig(whole)));
            const before = onePerPage.requests.length;
            const paged = await performRead(operations[token], args, sources(emulatorStackConfig(onePerPage)));
            assert.deepEqual(paged.result, expected.result);
            const items = Object.values(paged.result as Record<string, unknown>).filter(Array.isArray)[0]!.length;
            assert.ok(items >= 2, `${token}: the unfiltered example lists ${items} item(s); two or more show paging`);
            assert.ok(onePerPage.requests.length - before >= items, `${token}: ${onePerPage.requests.length - before} requests for ${items} items`);
        });
    }

    it("a KPS task list past 5,000 tasks fails, saying KPS has no filter to narrow it", async () => {
        const data = loadDefaultFixtures();
        const task = data.huawei.kps.tasks[0]!;
        const runningTasks = Array.from({ length: 5001 }, (_, i) => ({ projectId: FIXTURE.projectId, taskId: `bulk-${i}`, operateType: "RUNNING_RESET", taskTime: 1764317100000, serverName: "s", serverId: task.serverId, keypairName: "k" }));
        const emu = await startEmulator({ port: 0, fixtures: { huawei: { kps: { runningTasks } } } as never });
        try {
            await assert.rejects(performRead(operations["huaweicloud.kps.RunningTasks"], {}, sources(emulatorStackConfig(emu))), (e: unknown) => {
                assert.ok(e instanceof ConditionError, String(e));
                assert.match(e.message, /holds more than 5000 tasks .*; the vendor offers no filter to narrow it$/);
                return true;
            });
        } finally {
            await emu.close();
        }
    });
});
