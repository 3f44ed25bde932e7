import * as assert from "node:assert/strict";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { MAX_JSON_DEPTH } from "../provider/core/response-body";
import { ResponseDecodeError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, failure, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * A response nested deeper than any documented body (an Astra `additionalDetails` a million
 * levels deep) is refused with a clear ResponseDecodeError before it becomes a value that
 * `JSON.stringify` (state, outputs, logs) cannot serialize; bodies within the bound still read.
 */

const astra = operations["astracontrol.Certificate"];
const certificate = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;

/** The certificate body with `trustStateDetails[0].additionalDetails` replaced by `value` (raw JSON text). */
function bodyWithDetails(value: string): string {
    const marker = "\u0000details\u0000";
    return JSON.stringify({ ...certificate, trustStateDetails: [{ type: "t", title: "t", detail: "d", additionalDetails: marker }] }).replace(JSON.stringify(marker), value);
}

/** `levels` nested objects `{"a":{"a":...}}` around a string. */
function nestedObjects(levels: number): string {
    return `${'{"a":'.repeat(levels)}"x"${"}".repeat(levels)}`;
}

async function readBody(body: string) {
    const server = await rawServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "application/astra-certificate+json" });
        res.end(body);
    });
    try {
        return await performRead(astra, { certificateId: FIXTURE.certificateId }, sources(astraAt(server.url, { "astracontrol:maxResponseBytes": String(8 * 1024 * 1024) })));
    } finally {
        await server.close();
    }
}

describe("security: response nesting is bounded", function () {
    this.timeout(20_000);

    it("additionalDetails nested a million objects deep is a clear ResponseDecodeError", async () => {
        const e = await failure(readBody(bodyWithDetails(nestedObjects(1_000_000))));
        assert.ok(e instanceof ResponseDecodeError, String(e));
        assert.match(e.message, new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep`));
        assert.match(e.message, /astracontrol|Astra/);
    });

    // The body's own object, the trustStateDetails array and its item take 3 levels.
    it(`a body exactly ${MAX_JSON_DEPTH} levels deep still reads, and its result serializes`, async () => {
        const outcome = await readBody(bodyWithDetails(nestedObjects(MAX_JSON_DEPTH - 3)));
        assert.equal(outcome.result.id, FIXTURE.certificateId);
        assert.ok(JSON.stringify(outcome.result).length > 0);
    });

    it(`a body ${MAX_JSON_DEPTH + 1} levels deep is refused`, async () => {
        const e = await failure(readBody(bodyWithDetails(nestedObjects(MAX_JSON_DEPTH - 2))));
        assert.ok(e instanceof ResponseDecodeError, String(e));
    });

    it("brackets and braces inside strings do not count as nesting", async () => {
        const outcome = await readBody(bodyWithDetails(JSON.stringify("[{".repeat(10_000))));
        assert.equal(outcome.result.id, FIXTURE.certificateId);
    });
});
