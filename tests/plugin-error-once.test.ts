import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { oneKeypairTaskYaml, usePluginStack, yamlCliPath } from "./helpers/plugin-stack";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { diagnostics, linesWith } from "./helpers/pulumi-cli-results";

const ONE_READ = oneKeypairTaskYaml("cloudreads-error-once");
const AUTH = /was not authenticated: HTTP 401/;
const TRANSPORT = /could not connect to 127\.0\.0\.1:\d+: connection refused/;
const PLAIN = /plain plugin: read failed on purpose/;
const FRAME = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;
const COMMANDS = [["refresh", "--yes", "--skip-preview"], ["preview", "--refresh"], ["up", "--yes", "--skip-preview", "--refresh"]];

/**
 * A YAML program of one `plainfail:index:Thing`, the resource of a minimal plugin of Pulumi's own
 * kind (tests/cli-fixtures/plain-plugin: @pulumi/pulumi's provider framework, none of this
 * package's code), with the real CLI and a stack; the plugin comes from the project's `plugins`.
 */
async function plainPluginStack(): Promise<{ cli: PulumiCli; dir: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-plain-plugin-"));
    const bin = path.join(dir, "plugin");
    fs.mkdirSync(bin);
    const provider = path.join(__dirname, "cli-fixtures", "plain-plugin", "provider.js");
    fs.writeFileSync(path.join(bin, "pulumi-resource-plainfail"), `#!/bin/sh\nexec "${process.execPath}" "${provider}" "$@"\n`, { mode: 0o755 });
    const project = `name: plain-plugin-error\nruntime: yaml\nplugins:\n  providers:\n    - name: plainfail\n      path: ${bin}\nresources:\n  thing:\n    type: plainfail:index:Thing\n`;
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
    const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { PATH: yamlCliPath() } });
    await cli.ok(["stack", "init", "plain"]);
    await cli.ok(["up", "--yes", "--skip-preview"]);
    return { cli, dir };
}

/**
 * The provider plugin's share of a failed read: its message once, under the resource, in `pulumi
 * refresh`, `preview --refresh` and `up --refresh`, no stack frame; the stack trace at debug
 * severity, for `pulumi --debug`. Counted on the engine's event log: the CLI's text shows the
 * engine's one diagnostic on several lines (as it comes, as the resource's step fails, and in its
 * summary), and it does so for any plugin's error, which a plain plugin shows.
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

    /** The engine's record of `args`: the diagnostics with `message`, checked as our share; returns the CLI's text. */
    async function assertOnce(args: string[], message: RegExp): Promise<string> {
        const text = await suite.stack.cli.run(args);
        assert.notEqual(text.code, 0);
        assert.doesNotMatch(text.stdout + text.stderr, FRAME);
        assert.doesNotMatch(text.stdout + text.stderr, /(AuthError|TransportError): [^\n]*: \1: /, "a doubled prefix in the CLI's output");
        const shown = diagnostics(await suite.stack.cli.events(args, true)).filter((d) => d.severity !== "debug");
        const withMessage = shown.filter((d) => message.test(d.message));
        assert.equal(withMessage.length, 1, shown.map((d) => `${d.severity}: ${d.message}`).join("\n"));
        assert.match(withMessage[0]!.urn ?? "", /KeypairTask::task$/);
        const head = withMessage[0]!.message.slice(0, 60);
        assert.equal(withMessage[0]!.message.split(head).length - 1, 1, "the message twice in its diagnostic");
        for (const d of shown) assert.doesNotMatch(d.message, FRAME, d.message);
        return text.stdout + text.stderr;
    }

    for (const args of COMMANDS) {
        it(`pulumi ${args.join(" ")} with a revoked token: the message once, no frame`, async () => {
            await assertOnce(args, AUTH);
        });
    }

    it("pulumi up creating the resource anew (--replace) with a revoked token: the message once, no frame", async () => {
        const urn = `urn:pulumi:${suite.stack.stack}::cloudreads-error-once::cloudreads:huaweicloud/kps:KeypairTask::task`;
        await assertOnce(["up", "--yes", "--skip-preview", "--replace", urn], AUTH);
    });

    it("with --debug, the stack trace is there, at debug severity", async () => {
        const all = diagnostics(await suite.stack.cli.events(["refresh", "--yes", "--skip-preview", "--debug"], true));
        const traces = all.filter((d) => d.severity === "debug" && d.message.startsWith("cloudreads provider: huaweicloud.kps.KeypairTask: AuthError: "));
        assert.equal(traces.length, 1, all.filter((d) => d.message.includes("KeypairTask")).map((d) => `${d.severity}: ${d.message.slice(0, 160)}`).join("\n"));
        // Each line of the trace made safe for a terminal (its indent trimmed).
        assert.match(traces[0]!.message, /^at responseError \(.+:\d+:\d+\)$/m);
    });

    describe("Pulumi's share, shown by a plain plugin of Pulumi's own kind whose read throws", () => {
        let plain: { cli: PulumiCli; dir: string } | undefined;
        before(async function () {
            this.timeout(300_000);
            plain = await plainPluginStack();
            plain.cli.env.CLOUDREADS_PLAIN_FAILS = "read";
        });
        after(() => {
            plain?.cli.dispose();
            if (plain) fs.rmSync(plain.dir, { recursive: true, force: true });
        });

        for (const args of COMMANDS) {
            it(`pulumi ${args.join(" ")}: the CLI shows any plugin's error on as many lines as ours, and the engine records it once`, async () => {
                const ours = linesWith(await assertOnce(args, AUTH), AUTH);
                const text = await plain!.cli.run(args);
                assert.notEqual(text.code, 0);
                const theirs = linesWith(text.stdout + text.stderr, PLAIN);
                assert.ok(theirs >= 2, `the CLI shows the plain plugin's error on ${theirs} lines:\n${text.stdout}`);
                assert.equal(ours, theirs, "our error on more or fewer lines than any plugin's");
                const shown = diagnostics(await plain!.cli.events(args, true)).filter((d) => d.severity !== "debug");
                assert.equal(shown.filter((d) => PLAIN.test(d.message)).length, 1, shown.map((d) => `${d.severity}: ${d.message}`).join("\n"));
            });
        }
    });

    // Last (mocha runs a suite's own tests before its nested suites): the emulator stays stopped.
    describe("with the emulator stopped", () => {
        it("the TransportError's message once, no frame", async () => {
            suite.emulator.data.huawei.tokens = [...tokens];
            await suite.emulator.close();
            await assertOnce(["refresh", "--yes", "--skip-preview"], TRANSPORT);
        });
    });
});
