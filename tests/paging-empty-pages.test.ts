import * as assert from "node:assert/strict";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { ResponseDecodeError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, failure, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * An Astra list whose pages are empty but each names a fresh `continue` token would page until the
 * deadline (no query repeats). More than 3 empty pages in a row that still name a next page fail
 * the read; a few empty pages between full ones, or an empty last page, are fine.
 */
const cert = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
const list = operations["astracontrol.Certificates"];

describe("paging: empty pages that keep naming a next page are capped", function () {
    this.timeout(20_000);

    it("endless empty pages with fresh continue tokens: a ResponseDecodeError after 4 pages", async () => {
        let n = 0;
        const server = await rawServer((_req, res) => json(res, 200, { items: [], metadata: { continue: `token-${++n}` } }));
        try {
            const e = await failure(performRead(list, {}, sources(astraAt(server.url, { "astracontrol:deadline": "15" }))));
            assert.ok(e instanceof ResponseDecodeError, String(e));
            assert.match(e.message, /\(paging\): 4 pages in a row held no certificates yet named a next page/);
            assert.equal(server.hits(), 4);
        } finally {
            await server.close();
        }
    });

    it("up to 3 empty pages between full ones, and an empty last page, still read", async () => {
        const pages = [[cert], [], [], [], [cert], [], [], []];
        const server = await rawServer((req, res) => {
            const at = Number(new URL(req.url ?? "/", "http://x").searchParams.get("continue") ?? "0");
            json(res, 200, { items: pages[at], metadata: at + 1 < pages.length ? { continue: String(at + 1) } : {} });
        });
        try {
            const r = await performRead(list, {}, sources(astraAt(server.url)));
            assert.equal((r.result.certificates as unknown[]).length, 2);
            assert.equal(server.hits(), pages.length);
        } finally {
            await server.close();
        }
    });
});
