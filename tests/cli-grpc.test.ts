import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { providerMethodsFor, takeGrpcCalls, type GrpcCall } from "./helpers/grpc-log";
import { diagnostics } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");
const RESOURCES = ["agent-pass", "device-auth", "reset-task", "vcenter-ca"];
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const PROGRESS = /Huawei Cloud KPS ListKeypairTask: 127\.0\.0\.1:[0-9]+ is not answering usefully \(HTTP 503\); retrying, attempt 2 of at most 6/;
const LOG = path.join(os.tmpdir(), `cloudreads-grpc-${process.pid}.jsonl`);

/** Each resource's provider methods in one command, by resource name. */
function methodsByResource(calls: readonly GrpcCall[]): Record<string, string[]> {
    return Object.fromEntries(RESOURCES.map((name) => [name, providerMethodsFor(calls, name)]));
}

const each = (methods: string[]): Record<string, string[]> => Object.fromEntries(RESOURCES.map((name) => [name, methods]));

/**
 * What the engine asks of the dynamic-provider host, seen through the real CLI's own gRPC log
 * (`PULUMI_DEBUG_GRPC`), for examples/quickstart: which methods run in preview, up, a no-op up,
 * refresh, a replacement and destroy, and what Configure gets. Also the host's stderr, which the
 * CLI turns into diagnostics of the resource.
 */
describe("real Pulumi CLI: the engine's gRPC calls to the dynamic-provider host, from PULUMI_DEBUG_GRPC", function () {
    this.timeout(240_000);
    const stack = useCliStack(ROOT, "cli-grpc", () => ({}), undefined, {}, { PULUMI_DEBUG_GRPC: LOG });
    before(() => fs.rmSync(LOG, { force: true }));
    after(() => fs.rmSync(LOG, { force: true }));

    it("preview calls Check for each resource and never Create, Read, Update or Delete", async () => {
        await stack.cli.ok(["preview"]);
        assert.deepEqual(methodsByResource(takeGrpcCalls(LOG)), each(["Check"]));
    });

    it("up configures the host with the whole stack config, credentials as secrets, then runs Check and Create once per resource with no credential in their inputs", async () => {
        const events = await stack.cli.events(["up", "--yes", "--skip-preview"]);
        const calls = takeGrpcCalls(LOG);
        assert.deepEqual(methodsByResource(calls), each(["Check", "Create"]));
        const configure = calls.filter((c) => c.method === "ResourceProvider/Configure");
        assert.ok(configure.length >= 1, "no Configure call");
        for (const c of configure) {
            const args = c.request.args as Record<string, unknown>;
            assert.deepEqual(args["huaweicloud:token"], { ...SECRET_SIG, value: FIXTURE.huaweiToken });
            assert.deepEqual(args["astracontrol:apiToken"], { ...SECRET_SIG, value: FIXTURE.astraToken });
            assert.equal(args["cloudreads-quickstart:keypairTaskId"], FIXTURE.kpsTaskId, "the host gets every namespace");
        }
        for (const c of calls.filter((x) => x.method === "ResourceProvider/Check" || x.method === "ResourceProvider/Create")) {
            const inputs = JSON.stringify(c.request.news ?? c.request.properties);
            for (const credential of [FIXTURE.huaweiToken, FIXTURE.astraToken]) assert.equal(inputs.includes(credential), false, `${c.method} of ${c.urn} carries a credential`);
        }
        assert.deepEqual(diagnostics(events).filter((d) => PROGRESS.test(d.message)), [], "a retry was reported when nothing was slow");
    });

    it("a second up calls Check and Diff for each resource, and nothing that changes one", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
        assert.deepEqual(methodsByResource(takeGrpcCalls(LOG)), each(["Check", "Diff"]));
    });

    it("refresh calls Read once per resource with the stored __provider; the host's stderr line of a slow read reaches the CLI's diagnostics once", async () => {
        stack.emu.inject("kms", { kind: "status", status: 503, retryAfter: "3" }, 1);
        const events = await stack.cli.events(["refresh", "--yes", "--skip-preview"]);
        const calls = takeGrpcCalls(LOG);
        // The engine diffs what it read against the state (3.276 asks the provider: a Diff after each Read).
        const reads = Object.fromEntries(Object.entries(methodsByResource(calls)).map(([name, methods]) => [name, methods.filter((m) => m !== "Diff")]));
        assert.deepEqual(reads, each(["Read"]));
        for (const c of calls.filter((x) => x.method === "ResourceProvider/Read")) {
            assert.match(String((c.request.properties as Record<string, unknown>).__provider), /^exports\.handler = \(\) => require\(/, c.urn);
        }
        const said = diagnostics(events).filter((d) => PROGRESS.test(d.message));
        assert.equal(said.length, 1, JSON.stringify(diagnostics(events)));
    });

    it("a changed taskId replaces the resource: Diff names taskId, the new one is created before the old one is deleted", async () => {
        await stack.cli.setConfig({ "cloudreads-quickstart:keypairTaskId": FIXTURE.kpsOtherTaskId });
        try {
            await stack.cli.ok(["up", "--yes", "--skip-preview"]);
            const calls = takeGrpcCalls(LOG);
            // Create before delete: the new task is read (Check again, then Create) before the old one is forgotten.
            assert.deepEqual(providerMethodsFor(calls, "reset-task"), ["Check", "Diff", "Check", "Create", "Delete"]);
            const diff = calls.find((c) => c.method === "ResourceProvider/Diff" && c.urn?.endsWith("::reset-task"));
            assert.deepEqual(diff?.response?.replaces, ["taskId"]);
            assert.deepEqual(providerMethodsFor(calls, "agent-pass"), ["Check", "Diff"]);
        } finally {
            await stack.cli.ok(["config", "rm", "cloudreads-quickstart:keypairTaskId"]);
        }
    });

    it("destroy calls Delete once per resource", async () => {
        await stack.cli.ok(["destroy", "--yes", "--skip-preview"]);
        assert.deepEqual(methodsByResource(takeGrpcCalls(LOG)), each(["Delete"]));
    });
});
