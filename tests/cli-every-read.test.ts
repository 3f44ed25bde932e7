import { strict as assert } from "node:assert";
import * as path from "node:path";
import { FIXTURE_SECRETS } from "../emulator";
import { operations } from "../provider/operations";
import { descriptionOf } from "../provider/operations/describe";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics, exportedResources, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";
import { READS, RESOURCE_READS, typeOf } from "./helpers/reads";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "every-read");
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRETS = [FIXTURE.huaweiToken, FIXTURE.astraToken, ...FIXTURE_SECRETS];

/**
 * Every registered read through the real `pulumi` CLI, enumerated from the registry: preview, up,
 * the state and outputs it leaves (secret fields as ciphertext), refresh without changes, destroy
 * without requests, and a missing object failing with a precise message. A new description is
 * covered here without anyone editing this file.
 */
describe("real Pulumi CLI: every registered read as a resource and as getXOutput", function () {
    this.timeout(300_000);
    const stack = useCliStack(PROJECT, "cli-every-read");

    it("preview plans one create per read and sends no resource request", async () => {
        const before = stack.emu.requests.length;
        const steps = previewSteps(await stack.cli.events(["preview"])).filter((s) => s.type.includes("dynamic/cloudreads:"));
        assert.deepEqual(steps.map((s) => s.type).sort(), RESOURCE_READS.map(typeOf).sort());
        assert.ok(steps.every((s) => s.op === "create"));
        // Only the functions read in preview: one request per read (plus none to IAM with a token).
        assert.equal(stack.emu.requests.length - before, READS.length);
    });

    it("up reads every object; state holds each result field, secret fields only as ciphertext, and no secret in clear", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const exported = (await stack.cli.ok(["stack", "export"])).stdout;
        for (const s of SECRETS) assert.equal(exported.includes(s), false, "a fixture secret is in the state in clear");
        const resources = exportedResources(exported);
        for (const token of RESOURCE_READS) {
            const op = operations[token];
            const r = resources.find((x) => x.type === typeOf(token));
            assert.ok(r, `${token}: no resource in state`);
            for (const name of op.resultNames) {
                if (name === "id" || name === "urn") continue;
                const value: unknown = r.outputs[name];
                if (!descriptionOf(op).fields[name]!.optional) assert.notEqual(value, undefined, `${token}: no output ${name}`);
                if (op.secretFields.includes(name)) assert.equal((value as Record<string, unknown>)?.[SECRET_SIG], "1b47061264138c4ac30d75fd1eb44270", `${token}.${name} is not stored as a secret`);
            }
        }
    });

    it("stack outputs: a function result with a secret field is a secret Output; the others are plain", async () => {
        const hidden = (await stackOutputs(stack.cli, false)).fromFunctions as Record<string, unknown>;
        const shown = (await stackOutputs(stack.cli, true)).fromFunctions as Record<string, Record<string, unknown>>;
        for (const token of READS) {
            const op = operations[token];
            if (op.secretFields.length > 0) assert.equal(hidden[token], "[secret]", token);
            else assert.equal(typeof hidden[token], "object", token);
            assert.deepEqual(Object.keys(shown[token]!).filter((k) => op.resultNames.includes(k)).length, Object.keys(shown[token]!).length, `${token}: fields outside the result`);
        }
    });

    it("refresh finds no change, and destroy sends no request", async () => {
        await stack.cli.ok(["refresh", "--yes", "--skip-preview"]);
        await stack.cli.ok(["preview", "--expect-no-changes"]);
        const before = stack.emu.requests.length;
        await stack.cli.ok(["destroy", "--yes", "--skip-preview"]);
        assert.equal(stack.emu.requests.length, before);
    });

    it("a missing object fails each read's create with its service, operation and HTTP 404, and no secret", async () => {
        await stack.cli.setConfig({ "cloudreads-every-read:missing": "true" });
        const events = await stack.cli.events(["up", "--yes", "--skip-preview", "--continue-on-error"], true);
        const errors = diagnostics(events).filter((d) => d.severity === "error").map((d) => d.message);
        for (const token of RESOURCE_READS) {
            const op = operations[token];
            const mine = errors.filter((m) => m.includes(op.serviceName) && m.includes(op.operation) && m.includes("HTTP 404"));
            assert.ok(mine.length > 0, `${token}: no 404 error naming ${op.serviceName} ${op.operation}:\n${errors.join("\n")}`);
        }
        for (const s of SECRETS) assert.equal(JSON.stringify(events).includes(s), false, "a fixture secret is in the engine events");
        await stack.cli.setConfig({ "cloudreads-every-read:missing": "false" });
    });
});
