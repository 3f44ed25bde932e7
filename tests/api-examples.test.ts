import * as assert from "node:assert/strict";
import { decode } from "../provider/core/decode";
import { operations } from "../provider/operations";
import { vendorFor } from "../provider/vendors";
import examples = require("./fixtures/api-examples.json");

describe("the API pages' examples", () => {
    it("decode: SMS passphrase", () => {
        const op = operations["huaweicloud.sms.TaskPassphrase"];
        const d = decode(op.response, examples.sms["200"]);
        assert.ok(d.ok);
        const asked = { taskId: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001" };
        assert.equal(op.mismatch?.(d.value, asked), undefined);
        assert.deepEqual(op.result(d.value, asked, {}), { taskId: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001", passphrase: "********" });
        // A body naming another task is a wrong answer.
        assert.match(op.mismatch?.(d.value, { taskId: "t" }) ?? "", /^task_id: the response is for task "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001", not the task asked for \("t"\)$/);
    });

    it("decode: KPS task", () => {
        const op = operations["huaweicloud.kps.KeypairTask"];
        const d = decode(op.response, examples.kps["200"]);
        assert.ok(d.ok);
        const r = op.result(d.value, { taskId: "t" }, { projectId: "p" });
        assert.deepEqual([r.taskStatus, r.phase, r.operation, r.serverId], ["RUNNING_RESET", "RUNNING", "RESET", "c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006"]);
    });

    it("decode: ROMA authentication", () => {
        const op = operations["huaweicloud.roma.ProductAuthentication"];
        const d = decode(op.response, examples.roma["200"]);
        assert.ok(d.ok);
        assert.equal(op.result(d.value, { instanceId: "i", productId: "1" }, { projectId: "p" }).userName, "4MjxbCl4q461");
    });

    it("decode: Astra certificate; the page's truncated PEM is refused, since it is no certificate", () => {
        const op = operations["astracontrol.Certificate"];
        const d = decode(op.response, examples.astra["200"]);
        assert.ok(!d.ok);
        assert.deepEqual(d.problems.map((p) => p.split(":")[0]), ["cert"]);
        const fixed = { ...examples.astra["200"], cert: "" };
        assert.ok(!decode(op.response, fixed).ok, "an empty cert must not decode");
    });

    it("yield vendor code, message and request id from the documented error bodies", () => {
        const hw = vendorFor("huaweicloud");
        const sms = hw.errorFields(403, { "x-request-id": "hdr-id" }, JSON.stringify(examples.sms["403"]));
        assert.deepEqual([sms.vendorCode, sms.requestId], ["SMS.9004", "hdr-id"]);
        for (const status of ["400", "404", "500"] as const) {
            const f = hw.errorFields(Number(status), {}, JSON.stringify(examples.roma[status]));
            assert.equal(f.requestId, examples.roma[status].request_id);
            assert.equal(f.vendorCode, examples.roma[status].error_code);
        }
        const astra = vendorFor("astracontrol");
        for (const status of ["400", "401", "403", "404", "409", "503"] as const) {
            const f = astra.errorFields(Number(status), {}, JSON.stringify(examples.astra[status]));
            assert.equal(f.vendorCode, `problem ${examples.astra[status].type.split("/").pop()}`);
            assert.ok(f.vendorMessage?.startsWith(examples.astra[status].title));
        }
        assert.equal(astra.isTransient(409, JSON.stringify(examples.astra["409"])), true);
        assert.equal(astra.isTransient(404, JSON.stringify(examples.astra["404"])), false);
    });
});
