import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "user-trips");
const MISSING_TASK = "00000000-0000-4000-8000-00000000dead";

/**
 * What a new user tripped on, through the real `pulumi` CLI: a misspelt stack config key, an error
 * that did not say where it came from, and a failing function in the patterns users write (among
 * them the `pulumi.secret` wrapping that makes @pulumi/pulumi spin for a failing apply of its own;
 * see docs/known-traps.md). Each program runs with a 512 MB heap cap and the CLI with a generous
 * kill timeout, so a runaway fails the test instead of eating the machine; no test times anything.
 */
describe("real Pulumi CLI: what new users tripped on", function () {
    this.timeout(600_000);
    const stack = useCliStack(PROJECT, "cli-user-trips", () => ({ "cloudreads-trips:kpsTaskId": MISSING_TASK, "cloudreads-trips:scenario": "export" }));
    before(() => {
        stack.cli.env.NODE_OPTIONS = "--max-old-space-size=512";
    });

    async function up(scenario: string, config: Record<string, string> = {}): Promise<{ code: number; output: string }> {
        await stack.cli.setConfig({ "cloudreads-trips:scenario": scenario, ...config });
        const r = await stack.cli.run(["up", "--yes", "--skip-preview"], 300_000);
        return { code: r.code, output: `${r.stdout}\n${r.stderr}` };
    }

    it("a misspelt huaweicloud: key gets one warning with the key meant, and pulumi-huaweicloud's keys none", async () => {
        await stack.cli.setConfig({ "huaweicloud:regoin": "cn-north-4", "huaweicloud:userName": "someone", "huaweicloud:tenantName": "cn-north-4" });
        try {
            await stack.cli.setConfig({ "cloudreads-trips:scenario": "near-miss", "cloudreads-trips:kpsTaskId": FIXTURE.kpsTaskId });
            // The engine's own record of the diagnostics (the CLI prints each one twice: as it comes, and in the summary).
            const messages = diagnostics(await stack.cli.events(["up", "--yes", "--skip-preview"])).map((d) => `${d.severity}: ${d.message}`);
            const warnings = messages.filter((m) => m.includes("huaweicloud:regoin"));
            assert.equal(warnings.length, 1, messages.join("\n"));
            assert.match(warnings[0]!, /^warning: .*did you mean huaweicloud:region\?/);
            assert.equal(messages.some((m) => /huaweicloud:userName|huaweicloud:tenantName/.test(m)), false);
        } finally {
            await stack.cli.run(["config", "rm", "huaweicloud:regoin"]);
            await stack.cli.run(["config", "rm", "huaweicloud:userName"]);
            await stack.cli.run(["config", "rm", "huaweicloud:tenantName"]);
            await stack.cli.setConfig({ "cloudreads-trips:kpsTaskId": MISSING_TASK });
            await stack.cli.run(["destroy", "--yes", "--skip-preview"]);
        }
    });

    it("a failing getKeypairTaskOutput names the program's file and line of the call", async () => {
        const line = fs.readFileSync(path.join(PROJECT, "index.ts"), "utf8").split("\n").findIndex((l) => l.includes("// call site: export")) + 1;
        assert.ok(line > 0);
        const { code, output } = await up("export");
        assert.notEqual(code, 0);
        assert.match(output, new RegExp(`getKeypairTaskOutput: .*found nothing.*\\(called at index\\.ts:${line}\\)`));
    });

    for (const scenario of ["export", "interpolate", "resource", "secret", "secret-direct", "secret-to-resource", "secret-bad-input"]) {
        it(`a failing function fails the update with its error when the user's program does "${scenario}"`, async () => {
            const { code, output } = await up(scenario);
            assert.notEqual(code, 0, output);
            assert.doesNotMatch(output, /heap out of memory|Allocation failed/);
            const expected = scenario === "secret-bad-input" ? /getKeypairTaskOutput: .*taskId/ : /getKeypairTaskOutput: .*found nothing: HTTP 404/;
            assert.match(output, expected);
        });
    }
});
