import * as assert from "node:assert/strict";
import { Emulator, startEmulator } from "../emulator";
import { ConfigurationError } from "../provider/core/errors";
import { performRead } from "../provider/runtime/execute";
import { operations } from "../provider/operations";
import { clearIamCache } from "../provider/vendors/huaweicloud/iam";
import { akskLookups, failure, json, rawServer } from "./helpers/hostile-servers";
import { emulatorStackConfig, FIXTURE, requestsTo, sources } from "./helpers/stack";

/**
 * Ids that come back from the IAM look-ups go into the signed path (project id) or a header
 * (domain id), so they are held to the same rule as arguments: an IAM answer of `..` must not move
 * the KPS request to another path, and nothing is sent with a refused id.
 */

const BAD_IDS: readonly { readonly label: string; readonly id: string }[] = [
    { label: "'..'", id: ".." },
    { label: "'.'", id: "." },
    { label: "a slash", id: "0123/../tasks" },
    { label: "an encoded dot-dot", id: "%2e%2e" },
    { label: "a line break", id: "d0000000\r\nX-Evil: 1" },
    { label: "an empty string", id: "" },
    { label: "65 characters", id: "a".repeat(65) },
];

const lookups = [
    {
        name: "project id",
        operation: "KeystoneListProjects",
        op: operations["huaweicloud.kps.KeypairTask"],
        args: { taskId: FIXTURE.kpsTaskId },
        service: "kms",
        answer: (id: string) => ({ projects: [{ id, name: FIXTURE.region }] }),
        setting: /huaweicloud:projectId/,
    },
    {
        name: "domain id",
        operation: "KeystoneListAuthDomains",
        op: operations["huaweicloud.sms.TaskPassphrase"],
        args: { taskId: FIXTURE.smsTaskId },
        service: "sms",
        answer: (id: string) => ({ domains: [{ id, name: "example" }] }),
        setting: /huaweicloud:domainId/,
    },
] as const;

describe("security: ids from IAM look-ups are validated like arguments", function () {
    this.timeout(15_000);
    let emu: Emulator;
    before(async () => {
        emu = await startEmulator({ port: 0 });
    });
    after(async () => emu.close());
    beforeEach(() => {
        emu.reset();
        clearIamCache();
    });

    for (const l of lookups) {
        for (const bad of BAD_IDS) {
            it(`a ${l.name} with ${bad.label} from IAM is refused, naming the look-up, and nothing is sent`, async () => {
                const iam = await rawServer((_req, res) => json(res, 200, l.answer(bad.id)));
                try {
                    const endpoints = JSON.stringify({ [l.service]: emu.endpoints[l.service], iam: iam.url });
                    const config = emulatorStackConfig(emu, { ...akskLookups(), "huaweicloud:endpoints": endpoints });
                    const e = await failure(performRead(l.op, l.args, sources(config)));
                    assert.ok(e instanceof ConfigurationError, String(e));
                    assert.match(e.message, new RegExp(`the ${l.name} look-up \\(Huawei Cloud IAM ${l.operation}\\) returned an id that is not`));
                    assert.match(e.message, /nothing was sent with it/);
                    assert.match(e.message, l.setting);
                    assert.equal(iam.hits(), 1);
                    assert.equal(requestsTo(emu, l.service), 0);
                } finally {
                    await iam.close();
                }
            });
        }
    }
});
