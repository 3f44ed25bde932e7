import * as assert from "node:assert/strict";
import type * as http from "node:http";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { astraAt, failure, huaweiAt, json, rawServer } from "./helpers/hostile-servers";
import { FIXTURE, sources } from "./helpers/stack";

/**
 * Vendor text in an error is one line of printable text: C0 and C1 controls (U+0085 NEL, U+009B
 * CSI), U+2028/U+2029 and the bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
 * removed, as CR, LF and ESC are, in every field a server controls.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Every character class the issue names, between letters that must survive. */
const HOSTILE = "a\u0085b\u009b31mc\u2028d\u2029e\u202af\u202bg\u202ch\u202di\u202ej\u2066k\u2067l\u2068m\u2069n\u001bo\r\np";
/** The same, in a header: only Latin-1 without C0 controls travels there, so the C1 controls. */
const HOSTILE_HEADER = "a\x85b\x9b31mc";
const certificate = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;

const reads = {
    sms: { op: operations["huaweicloud.sms.TaskPassphrase"], args: { taskId: FIXTURE.smsTaskId }, config: huaweiAt },
    astra: { op: operations["astracontrol.Certificate"], args: { certificateId: FIXTURE.certificateId }, config: astraAt },
} as const;

const cases: readonly { field: string; read: keyof typeof reads; respond: (res: http.ServerResponse) => void; survives: RegExp }[] = [
    { field: "Huawei error_msg", read: "sms", respond: (res) => json(res, 400, { error_code: "SMS.0003", error_msg: HOSTILE }), survives: /"a b 31mc d e f g h i j k l m n o p"/ },
    { field: "Huawei error_code", read: "sms", respond: (res) => json(res, 400, { error_code: HOSTILE }), survives: /error code a b 31mc d e/ },
    { field: "Huawei body request_id", read: "sms", respond: (res) => json(res, 500, { error_code: "SMS.0001", request_id: HOSTILE }), survives: /request id a b 31mc d e/ },
    { field: "X-Request-Id header", read: "sms", respond: (res) => json(res, 500, { error_code: "SMS.0001" }, { "X-Request-Id": HOSTILE_HEADER }), survives: /request id a b 31mc\b/ },
    { field: "the other task_id of a wrong answer", read: "sms", respond: (res) => json(res, 200, { task_id: HOSTILE, passphrase: "p" }), survives: /task "a b 31mc d e/ },
    { field: "Astra title and detail", read: "astra", respond: (res) => json(res, 400, { type: "https://astra.netapp.io/problems/5", title: HOSTILE, detail: HOSTILE, status: 400 }), survives: /"a b 31mc d e/ },
    { field: "Astra correlationID", read: "astra", respond: (res) => json(res, 404, { type: "https://astra.netapp.io/problems/2", title: "Not found", status: 404, correlationID: HOSTILE }), survives: /request id a b 31mc d e/ },
    { field: "the other id of a wrong Astra answer", read: "astra", respond: (res) => json(res, 200, { ...certificate, id: HOSTILE }), survives: /certificate "a b 31mc d e/ },
];

describe("security: vendor text in errors is terminal-safe in every field", function () {
    this.timeout(15_000);
    for (const c of cases) {
        it(c.field, async () => {
            const server = await rawServer((_req, res) => c.respond(res));
            try {
                const { op, args, config } = reads[c.read];
                const e = await failure(performRead(op, args, sources(config(server.url))));
                assert.doesNotMatch(e.message, UNSAFE, JSON.stringify(e.message));
                assert.match(e.message, c.survives, e.message);
                for (const value of Object.values(e)) if (typeof value === "string") assert.doesNotMatch(value, UNSAFE, JSON.stringify(value));
            } finally {
                await server.close();
            }
        });
    }
});
