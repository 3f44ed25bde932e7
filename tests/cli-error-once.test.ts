import { strict as assert } from "node:assert";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics, linesWith } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "error-once");
const AUTH = /was not authenticated: HTTP 401/;
const TRANSPORT = /could not connect to 127\.0\.0\.1:\d+: connection refused/;
/** A stack frame: `    at fn (file:line:col)`. */
const FRAME = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;
const POINTER = "the error is reported under the resource, in our words (its stack trace: pulumi --debug)";

type Diagnostic = ReturnType<typeof diagnostics>[number];

/** What a user reads: every diagnostic but the debug ones (`pulumi --debug` shows those). */
const shown = (all: readonly Diagnostic[]): Diagnostic[] => all.filter((d) => d.severity !== "debug");

/**
 * A failed resource read shows its message once (issue 26), through the real CLI, in `pulumi
 * refresh`, `preview --refresh` and `up --refresh`: no doubled `AuthError: X: AuthError: X`, no
 * stack frame unless `--debug`. Counted on the engine's own record of the diagnostics (its event
 * log): the CLI's text prints each diagnostic twice, as it comes and in the summary, which is the
 * CLI's display, not a repetition of the error. A plain dynamic provider that throws shows the part
 * that is Pulumi's dynamic-provider host's: it prints `${e}: ${e.stack}`.
 */
describe("real Pulumi CLI: a failed resource read is printed once (dynamic form)", function () {
    this.timeout(600_000);
    const stack = useCliStack(PROJECT, "cli-error-once", () => ({ "cloudreads-error-once:kpsTaskId": FIXTURE.kpsTaskId }));
    let tokens: string[] = [];
    before(async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        tokens = [...stack.emu.data.huawei.tokens];
    });
    beforeEach(() => {
        // The stack's token is revoked: every read answers 401.
        stack.emu.data.huawei.tokens = [];
    });
    afterEach(() => {
        stack.emu.data.huawei.tokens = [...tokens];
    });

    /** Our share of a failure: the message once, under the resource, and one pointer line; no frame. */
    function assertOnce(all: readonly Diagnostic[], message: RegExp, text: string, hostPrints = true): void {
        const seen = shown(all);
        const withMessage = seen.filter((d) => message.test(d.message));
        assert.equal(withMessage.length, 1, seen.map((d) => `${d.severity}: ${d.message}`).join("\n"));
        assert.equal(withMessage[0]!.severity, "error");
        assert.match(withMessage[0]!.urn ?? "", /huaweicloud\.kps\.KeypairTask::task$/, "the message is the resource's");
        const head = withMessage[0]!.message.slice(0, 60);
        assert.equal(withMessage[0]!.message.split(head).length - 1, 1, "the message twice in its diagnostic");
        // Pulumi's host prints check, diff, read and delete failures (not create's): our one line there.
        const pointers = seen.filter((d) => d.message.includes(POINTER));
        assert.equal(pointers.length, hostPrints ? 1 : 0, "our one line in the host's output");
        for (const p of pointers) assert.equal(p.message.trim().split("\n").length, 1);
        for (const d of seen) assert.doesNotMatch(d.message, FRAME, `a stack frame without --debug: ${d.message}`);
        assert.doesNotMatch(text, /(AuthError|TransportError): [^\n]*: \1: /, "a doubled prefix in the CLI's output");
        assert.doesNotMatch(text, /node_modules|dist\/provider|provider\/runtime/, "a frame or path of a stack in the CLI's output");
    }

    for (const [what, args] of [
        ["pulumi refresh", ["refresh", "--yes", "--skip-preview"]],
        ["pulumi preview --refresh", ["preview", "--refresh"]],
        ["pulumi up --refresh", ["up", "--yes", "--skip-preview", "--refresh"]],
    ] as const) {
        it(`${what} with a revoked token: the AuthError's message once, our pointer one line, no frame`, async () => {
            const text = await stack.cli.run([...args]);
            assert.notEqual(text.code, 0);
            const all = diagnostics(await stack.cli.events([...args], true));
            assertOnce(all, AUTH, text.stdout + text.stderr);
        });
    }

    it("pulumi up creating a resource with a revoked token: the message once, no frame", async () => {
        await stack.cli.setConfig({ "cloudreads-error-once:kpsTaskId": FIXTURE.kpsOtherTaskId });
        try {
            const args = ["up", "--yes", "--skip-preview"];
            const text = await stack.cli.run(args);
            assert.notEqual(text.code, 0);
            assertOnce(diagnostics(await stack.cli.events(args, true)), AUTH, text.stdout + text.stderr, false);
        } finally {
            await stack.cli.setConfig({ "cloudreads-error-once:kpsTaskId": FIXTURE.kpsTaskId });
        }
    });

    it("with --debug, the stack trace is there, at debug severity", async () => {
        const all = diagnostics(await stack.cli.events(["refresh", "--yes", "--skip-preview", "--debug"], true));
        const traces = all.filter((d) => d.severity === "debug" && d.message.startsWith("pulumi-cloudreads: huaweicloud.kps.KeypairTask: AuthError: "));
        assert.equal(traces.length, 1, all.map((d) => `${d.severity}: ${d.message.slice(0, 120)}`).join("\n"));
        assert.match(traces[0]!.message, FRAME);
        assert.equal(shown(all).filter((d) => AUTH.test(d.message)).length, 1);
    });

    it("Pulumi's share, shown by a plain dynamic provider that throws: the host doubles the message and prints the frames; the CLI shows the engine's copy on as many lines as ours", async () => {
        const refresh = ["refresh", "--yes", "--skip-preview"];
        const oursText = await stack.cli.run(refresh);
        const ours = linesWith(oursText.stdout + oursText.stderr, AUTH);
        stack.emu.data.huawei.tokens = [...tokens];
        await stack.cli.setConfig({ "cloudreads-error-once:scenario": "plain" });
        try {
            await stack.cli.ok(["up", "--yes", "--skip-preview"]);
            stack.cli.env.CLOUDREADS_PLAIN_FAILS = "read";
            const all = shown(diagnostics(await stack.cli.events(["refresh", "--yes", "--skip-preview"], true)));
            const host = all.filter((d) => d.message.startsWith("Error: plain provider: read failed on purpose: Error: plain provider: read failed on purpose"));
            assert.equal(host.length, 1, all.map((d) => `${d.severity}: ${d.message}`).join("\n"));
            // The host's stderr arrives line by line: its frames, one diagnostic each, into @pulumi/pulumi.
            assert.ok(all.some((d) => FRAME.test(d.message) && /node_modules\/@pulumi/.test(d.message)), "no frame of the host");
            assert.equal(all.filter((d) => d.severity === "error" && d.message.startsWith("plain provider: read failed on purpose")).length, 1, "the engine's own copy");
            // The CLI's text: the engine's one copy on several lines (as it comes, as the step fails, in the summary), for any provider.
            const text = await stack.cli.run(refresh);
            const lines = (text.stdout + text.stderr).split("\n").filter((l) => !l.includes(": Error: plain provider"));
            const theirs = linesWith(lines.join("\n"), /plain provider: read failed on purpose/);
            assert.ok(theirs >= 2, `the CLI shows the plain provider's error on ${theirs} lines:\n${text.stdout}`);
            assert.equal(ours, theirs, "our error on more or fewer lines than any dynamic provider's");
        } finally {
            delete stack.cli.env.CLOUDREADS_PLAIN_FAILS;
            await stack.cli.setConfig({ "cloudreads-error-once:scenario": "ours" });
            await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        }
    });

    it("with the emulator stopped: the TransportError's message once, no frame", async () => {
        stack.emu.data.huawei.tokens = [...tokens];
        await stack.emu.close();
        const text = await stack.cli.run(["refresh", "--yes", "--skip-preview"]);
        assert.notEqual(text.code, 0);
        const all = diagnostics(await stack.cli.events(["refresh", "--yes", "--skip-preview"], true));
        assertOnce(all, TRANSPORT, text.stdout + text.stderr);
    });
});
