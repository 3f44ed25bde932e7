import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatResult, runHarness, SECRET_SIG, SIG_KEY, UNKNOWN, type HarnessResult, type HarnessRun, type Step } from "./harness";

const PROGRAM_DIR = path.join(__dirname, "harness", "fixtures", "toy-program");
const API_KEY = "0000000000000000000000000000000000000001";
/** Tokens are `toy-secret-sentinel-<id>`; the prefix alone is in the provider source, which state holds in __provider. */
const tokenOf = (id: string) => `toy-secret-sentinel-${id}`;
const NOTE_SENTINEL = "note-sentinel-0000000000000002";

interface Stack {
    dir: string;
    dataFile: string;
    statePath: string;
    run(mode: HarnessRun["mode"], config?: Record<string, string>, secretConfig?: Record<string, string>): Promise<HarnessResult>;
    calls(): { method: string; [k: string]: unknown }[];
    items(): Record<string, { label: string; note?: string; status: string; token: string }>;
    setItems(f: (items: Record<string, { status: string }>) => void): void;
}

function newStack(): Stack {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-toy-"));
    const dataFile = path.join(dir, "cloud.json");
    const statePath = path.join(dir, "state.json");
    let callsSeen = 0;
    return {
        dir,
        dataFile,
        statePath,
        run: (mode, config = {}, secretConfig = {}) =>
            runHarness({
                mode,
                programDir: PROGRAM_DIR,
                statePath,
                config: { "toy:dataFile": dataFile, "toy:region": "eu-test-1", "toy:greeting": "hello", ...config },
                secretConfig: { "toy:apiKey": API_KEY, ...secretConfig },
            }),
        // Provider calls logged since the previous call of this function.
        calls: () => {
            const file = `${dataFile}.calls`;
            const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean) : [];
            const fresh = lines.slice(callsSeen).map((l) => JSON.parse(l) as { method: string });
            callsSeen = lines.length;
            return fresh;
        },
        items: () => (fs.existsSync(dataFile) ? JSON.parse(fs.readFileSync(dataFile, "utf8")).items : {}),
        setItems: (f) => {
            const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
            f(data.items);
            fs.writeFileSync(dataFile, JSON.stringify(data));
        },
    };
}

function step(result: HarnessResult, name: string): Step {
    const s = result.steps.find((x) => x.name === name);
    assert.ok(s, `no step for ${name} in ${JSON.stringify(result.steps.map((x) => x.name))}`);
    return s;
}

function stateResource(result: HarnessResult, name: string) {
    return result.state.resources.find((r) => r.name === name);
}

function assertNoErrors(result: HarnessResult): void {
    assert.deepEqual(result.errors, [], `${result.errors.join("\n")}\n${result.programStderr}\n${result.hostStderr}`);
}

/** Every text a user or a log could see after a run. */
function visibleText(result: HarnessResult): string {
    return [JSON.stringify(result), formatResult(result), result.hostStdout, result.hostStderr, result.programStdout, result.programStderr].join("\n");
}

describe("harness with the toy program", function () {
    this.timeout(30_000);

    describe("one stack through its lifecycle", () => {
        const stack = newStack();
        let firstUp: HarnessResult;
        after(() => fs.rmSync(stack.dir, { recursive: true, force: true }));

        it("preview on an empty stack runs Check only, writes no state and leaves provider outputs unknown", async () => {
            const result = await stack.run("preview", { "toy:derived": "true" });
            assertNoErrors(result);
            assert.deepEqual(
                result.steps.map((s) => [s.name, s.op]),
                [
                    ["toy-dev", "create"],
                    ["alpha", "create"],
                    ["beta", "create"],
                    ["derived", "create"],
                ],
            );
            assert.deepEqual([...new Set(result.grpcCalls.map((c) => c.method))].sort(), ["Check", "Configure", "GetPluginInfo"]);
            assert.equal(fs.existsSync(stack.statePath), false);
            assert.deepEqual(stack.items(), {});
            // Provider outputs are unknown; inputs and in-process values are known.
            assert.equal(result.outputs.alphaId, "[unknown]");
            assert.equal(result.outputs.alphaStatus, "[unknown]");
            assert.equal(result.outputs.alphaToken, "[unknown]");
            assert.equal(result.outputs.alphaLabel, "alpha-label");
            assert.equal(result.outputs.computed, "in-process-hello");
            assert.equal(result.outputs.region, "eu-test-1");
            // An input computed from alpha's id reaches Check as the unknown sentinel.
            const derivedCheck = stack.calls().find((c) => c.method === "check" && c.label !== "alpha-label" && c.label !== "beta-label");
            assert.equal(derivedCheck?.label, UNKNOWN);
            assert.match(formatResult(result), /^Previewing update \(dev\)/);
            assert.match(formatResult(result), /\+ {3}├─ pulumi-nodejs:dynamic\/toy:Item +alpha +create/);
        });

        it("a first up creates each item, configures the provider once with the stack config, and returns outputs", async () => {
            const result = (firstUp = await stack.run("up"));
            assertNoErrors(result);
            assert.deepEqual(
                result.steps.map((s) => [s.name, s.op, s.calls]),
                [
                    ["toy-dev", "create", []],
                    ["alpha", "create", ["Check", "Create"]],
                    ["beta", "create", ["Check", "Create"]],
                ],
            );
            assert.equal(result.grpcCalls.filter((c) => c.method === "Configure").length, 1);
            const configures = stack.calls().filter((c) => c.method === "configure");
            assert.deepEqual(configures, [
                {
                    method: "configure",
                    region: "eu-test-1",
                    apiKeySha256: "ac39233f6b706526fa1f93aa538367da928efa1848c7c89444ca38f8ff901588",
                },
            ]);
            assert.deepEqual(Object.keys(stack.items()).sort(), ["alpha-label-1", "beta-label-2"]);
            assert.equal(result.outputs.alphaId, "alpha-label-1");
            assert.equal(result.outputs.alphaStatus, "ACTIVE");
            assert.deepEqual(result.outputs.itemIds, ["alpha-label-1", "beta-label-2"]);
            assert.equal(stateResource(result, "alpha")?.id, "alpha-label-1");
            assert.match(formatResult(result), /\+ {3}├─ pulumi-nodejs:dynamic\/toy:Item +alpha +created/);
            assert.match(formatResult(result), /\+ 3 created/);
        });

        it("additionalSecretOutputs are stored only as ciphertext and printed as [secret]", () => {
            const result = firstUp;
            const alpha = stateResource(result, "alpha");
            assert.deepEqual(alpha?.secretOutputs, ["token"]);
            const token = alpha?.outputs.token as Record<string, unknown>;
            assert.equal(token[SIG_KEY], SECRET_SIG);
            assert.match(String(token.ciphertext), /^v1:/);
            assert.equal("value" in token, false);
            assert.equal(result.outputs.alphaToken, "[secret]");
            assert.deepEqual(result.secretOutputNames.sort(), ["alphaToken", "apiKeyLength"]);
            assert.match(formatResult(result), /alphaToken +: \[secret\]/);
            assert.equal(result.reveal.resourceOutput("alpha", "token"), tokenOf("alpha-label-1"));
            assert.equal(result.reveal.output("apiKeyLength"), API_KEY.length);
            const stateText = fs.readFileSync(stack.statePath, "utf8");
            for (const text of [stateText, visibleText(result)]) {
                assert.equal(text.includes(tokenOf("alpha-label-1")), false);
                assert.equal(text.includes(tokenOf("beta-label-2")), false);
                assert.equal(text.includes(API_KEY), false);
            }
        });

        it("a second up of the same program is a no-op: the provider's diff ignores __provider", async () => {
            const result = await stack.run("up");
            assertNoErrors(result);
            assert.deepEqual(
                result.steps.map((s) => [s.name, s.op, s.calls]),
                [
                    ["toy-dev", "same", []],
                    ["alpha", "same", ["Check", "Diff"]],
                    ["beta", "same", ["Check", "Diff"]],
                ],
            );
            assert.equal(step(result, "alpha").diff?.providerChanges, "none");
            assert.deepEqual(
                stack.calls().map((c) => c.method),
                ["configure", "check", "diff", "check", "diff"],
            );
            assert.match(formatResult(result), /3 unchanged/);
        });

        it("changing a note updates in place, and a secret input stays secret in inputs and outputs", async () => {
            const result = await stack.run("up", {}, { "toy:alphaSecretNote": NOTE_SENTINEL });
            assertNoErrors(result);
            const alpha = step(result, "alpha");
            assert.equal(alpha.op, "update");
            assert.deepEqual(alpha.calls, ["Check", "Diff", "Update"]);
            assert.deepEqual(alpha.diff?.changedKeys, ["note"]);
            assert.equal(step(result, "beta").op, "same");
            const stored = stateResource(result, "alpha");
            assert.equal((stored?.inputs.note as Record<string, unknown>)[SIG_KEY], SECRET_SIG);
            assert.deepEqual(stored?.secretOutputs.sort(), ["note", "token"]);
            assert.equal(result.reveal.resourceOutput("alpha", "note"), NOTE_SENTINEL);
            assert.equal(fs.readFileSync(stack.statePath, "utf8").includes(NOTE_SENTINEL), false);
            assert.equal(visibleText(result).includes(NOTE_SENTINEL), false);
            assert.match(formatResult(result), /~ {3}[├└]─ pulumi-nodejs:dynamic\/toy:Item +alpha +updated +\[diff: ~note\]/);
        });

        it("changing a label replaces: Create of the new item, then Delete of the old one", async () => {
            const result = await stack.run("up", { "toy:betaLabel": "beta-two" });
            assertNoErrors(result);
            const beta = step(result, "beta");
            assert.equal(beta.op, "replace");
            assert.deepEqual(beta.calls, ["Check", "Diff", "Create", "Delete"]);
            assert.deepEqual(beta.diff?.replaceKeys, ["label"]);
            assert.equal(beta.diff?.deleteBeforeReplace, false);
            assert.equal(beta.id, "beta-two-3");
            assert.deepEqual(Object.keys(stack.items()).sort(), ["alpha-label-1", "beta-two-3"]);
            assert.equal(stateResource(result, "beta")?.id, "beta-two-3");
            assert.equal(result.state.resources.filter((r) => r.name === "beta").length, 1);
            // alpha lost its secret note: an update back to no note.
            assert.equal(step(result, "alpha").op, "update");
            assert.match(formatResult(result), /\+- {2}└─ pulumi-nodejs:dynamic\/toy:Item +beta +replaced +\[diff: ~label\]/);
        });

        it("a replacement the provider marks deleteBeforeReplace deletes the old item first", async () => {
            const result = await stack.run("up", { "toy:betaLabel": "beta-three", "toy:betaDbr": "true" });
            assertNoErrors(result);
            const beta = step(result, "beta");
            assert.equal(beta.op, "replace");
            assert.equal(beta.diff?.deleteBeforeReplace, true);
            assert.deepEqual(beta.calls, ["Check", "Diff", "Delete", "Create"]);
            assert.deepEqual(Object.keys(stack.items()).sort(), ["alpha-label-1", "beta-three-4"]);
        });

        it("a resource read with opts.id is a read step, and is discarded, not deleted, when the program drops it", async () => {
            const base = { "toy:betaLabel": "beta-three", "toy:betaDbr": "true" };
            const read = await stack.run("up", { ...base, "toy:readId": "alpha-label-1" });
            assertNoErrors(read);
            assert.deepEqual([step(read, "existing").op, step(read, "existing").calls], ["read", ["Read"]]);
            assert.equal(read.outputs.existingStatus, "ACTIVE");
            assert.equal(stateResource(read, "existing")?.external, true);
            const dropped = await stack.run("up", base);
            assertNoErrors(dropped);
            assert.deepEqual([step(dropped, "existing").op, step(dropped, "existing").calls], ["discard", []]);
            assert.ok(stack.items()["alpha-label-1"]);
        });

        it("refresh updates outputs changed outside the stack and drops an item whose read returns an empty id", async () => {
            stack.setItems((items) => {
                items["alpha-label-1"]!.status = "SUSPENDED";
                delete items["beta-three-4"];
            });
            stack.calls();
            const result = await stack.run("refresh");
            assertNoErrors(result);
            const alpha = step(result, "alpha");
            assert.deepEqual([alpha.op, alpha.refresh, alpha.diff?.changedKeys], ["refresh", "update", ["status"]]);
            assert.deepEqual([step(result, "beta").op, step(result, "beta").refresh], ["refresh", "deleted"]);
            assert.deepEqual([...new Set(result.grpcCalls.map((c) => c.method))].sort(), ["Configure", "GetPluginInfo", "Read"]);
            assert.equal(result.reveal.resourceOutput("alpha", "status"), "SUSPENDED");
            assert.equal(stateResource(result, "beta"), undefined);
            assert.deepEqual(stateResource(result, "alpha")?.secretOutputs, ["token"]);
            assert.equal(fs.readFileSync(stack.statePath, "utf8").includes(tokenOf("alpha-label-1")), false);
            assert.deepEqual(
                stack.calls().map((c) => c.method),
                ["configure", "read", "read"],
            );
            assert.match(formatResult(result), /^Refreshing \(dev\)/);
        });

        it("destroy deletes every resource in reverse order and empties the state", async () => {
            const result = await stack.run("destroy");
            assertNoErrors(result);
            assert.deepEqual(
                result.steps.map((s) => [s.name, s.op]),
                [
                    ["alpha", "delete"],
                    ["toy-dev", "delete"],
                ],
            );
            assert.deepEqual(step(result, "alpha").calls, ["Delete"]);
            assert.deepEqual(result.state.resources, []);
            assert.deepEqual(JSON.parse(fs.readFileSync(stack.statePath, "utf8")).resources, []);
            assert.deepEqual(stack.items(), {});
            assert.deepEqual(result.outputs, {});
            assert.match(formatResult(result), /- {3}└─ pulumi-nodejs:dynamic\/toy:Item +alpha +deleted/);
        });
    });

    describe("previewing a change to an existing stack", () => {
        const stack = newStack();
        after(() => fs.rmSync(stack.dir, { recursive: true, force: true }));

        it("shows the replacement with Check and Diff only, and outputs not among the inputs are unknown", async () => {
            assertNoErrors(await stack.run("up"));
            const before = fs.readFileSync(stack.statePath, "utf8");
            const result = await stack.run("preview", { "toy:alphaLabel": "alpha-two" });
            assertNoErrors(result);
            assert.deepEqual([step(result, "alpha").op, step(result, "alpha").calls], ["replace", ["Check", "Diff"]]);
            assert.deepEqual([step(result, "beta").op, step(result, "beta").calls], ["same", ["Check", "Diff"]]);
            assert.equal(result.outputs.alphaLabel, "alpha-two");
            assert.equal(result.outputs.alphaStatus, "[unknown]");
            assert.equal(result.outputs.alphaId, "[unknown]");
            assert.deepEqual(result.outputs.itemIds, ["[unknown]", "beta-label-2"]);
            assert.equal(fs.readFileSync(stack.statePath, "utf8"), before);
            assert.deepEqual(Object.keys(stack.items()).sort(), ["alpha-label-1", "beta-label-2"]);
            assert.match(formatResult(result), /\+- {2}├─ pulumi-nodejs:dynamic\/toy:Item +alpha +replace/);
        });
    });

    describe("failures", () => {
        const stack = newStack();
        after(() => fs.rmSync(stack.dir, { recursive: true, force: true }));

        it("a Check failure fails that resource with the provider's reason and creates nothing", async () => {
            const result = await stack.run("up", { "toy:betaLabel": "" });
            const beta = step(result, "beta");
            assert.equal(beta.error, "property label has a problem: label is required");
            assert.deepEqual(beta.calls, ["Check"]);
            assert.ok(result.errors.includes(`${beta.urn}: ${beta.error}`));
            assert.equal(stateResource(result, "beta"), undefined);
            assert.match(formatResult(result), /error: property label has a problem: label is required/);
        });

        it("a Create error is the host's message, and the rest of the stack is kept", async () => {
            const result = await stack.run("up", { "toy:betaLabel": "fail-create" });
            const beta = step(result, "beta");
            assert.equal(beta.error, "create refused for label fail-create");
            assert.deepEqual(beta.calls, ["Check", "Create"]);
            assert.ok(result.errors.includes(`${beta.urn}: create refused for label fail-create`));
            assert.ok(result.errors.some((e) => e.startsWith("program: ") && e.includes("create refused")));
            assert.equal(stateResource(result, "beta"), undefined);
            assert.ok(stateResource(result, "alpha"));
        });
    });
});
