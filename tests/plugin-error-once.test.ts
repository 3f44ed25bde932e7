import { strict as assert } from "node:assert";
import { oneKeypairTaskYaml, usePluginStack } from "./helpers/plugin-stack";
import { diagnostics } from "./helpers/pulumi-cli-results";

const ONE_READ = oneKeypairTaskYaml("cloudreads-error-once");
const AUTH = /was not authenticated: HTTP 401/;
const FRAME = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;

/**
 * The provider plugin's share of a failed read: its message once, under the resource, in `pulumi
 * refresh`, `preview --refresh` and `up --refresh`, no stack frame; the stack trace at debug
 * severity, for `pulumi --debug`. Counted on the engine's event log (the CLI's text shows each
 * diagnostic as it comes and again in its summary).
 */
describe("provider plugin: a failed resource read is printed once", function () {
    this.timeout(600_000);
    const suite = usePluginStack(ONE_READ);
    let tokens: string[] = [];
    before(async () => {
        await suite.stack.cli.ok(["up", "--yes", "--skip-preview"]);
        tokens = [...suite.emulator.data.huawei.tokens];
    });
    beforeEach(() => {
        suite.emulator.data.huawei.tokens = [];
    });
    afterEach(() => {
        suite.emulator.data.huawei.tokens = [...tokens];
    });

    for (const args of [["refresh", "--yes", "--skip-preview"], ["preview", "--refresh"], ["up", "--yes", "--skip-preview", "--refresh"]]) {
        it(`pulumi ${args.join(" ")} with a revoked token: the message once, no frame`, async () => {
            const text = await suite.stack.cli.run(args);
            assert.notEqual(text.code, 0);
            assert.doesNotMatch(text.stdout + text.stderr, FRAME);
            const shown = diagnostics(await suite.stack.cli.events(args, true)).filter((d) => d.severity !== "debug");
            const withMessage = shown.filter((d) => AUTH.test(d.message));
            assert.equal(withMessage.length, 1, shown.map((d) => `${d.severity}: ${d.message}`).join("\n"));
            assert.match(withMessage[0]!.urn ?? "", /KeypairTask::task$/);
            const head = withMessage[0]!.message.slice(0, 60);
            assert.equal(withMessage[0]!.message.split(head).length - 1, 1, "the message twice in its diagnostic");
            for (const d of shown) assert.doesNotMatch(d.message, FRAME, d.message);
        });
    }

    it("with --debug, the stack trace is there, at debug severity", async () => {
        const all = diagnostics(await suite.stack.cli.events(["refresh", "--yes", "--skip-preview", "--debug"], true));
        const traces = all.filter((d) => d.severity === "debug" && d.message.startsWith("cloudreads provider: huaweicloud.kps.KeypairTask: AuthError: "));
        assert.equal(traces.length, 1, all.filter((d) => d.message.includes("KeypairTask")).map((d) => `${d.severity}: ${d.message.slice(0, 160)}`).join("\n"));
        // Each line of the trace made safe for a terminal (its indent trimmed).
        assert.match(traces[0]!.message, /^at responseError \(.+:\d+:\d+\)$/m);
    });
});
