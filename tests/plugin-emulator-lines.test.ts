import { strict as assert } from "node:assert";
import { startEmulator, type Emulator } from "../emulator";
import { connectionInstructions } from "../emulator/cli";
import { disposeStack, pluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

/** The words of one printed `pulumi config set ...` line (single-quoted words as the shell reads them). */
function shellWords(line: string): string[] {
    return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/**
 * What `npx cloudreads-emulator` prints for the provider plugin is enough: examples/yaml, with
 * exactly those `pulumi config set cloudreads:...` lines run as printed (the endpoints as one JSON
 * value), goes up through the real CLI and reads the emulator's values.
 */
describe("provider plugin: the emulator's printed cloudreads: config lines run examples/yaml as they are", function () {
    this.timeout(300_000);
    let emulator: Emulator;
    let s: Awaited<ReturnType<typeof pluginStack>> | undefined;

    before(async () => {
        emulator = await startEmulator({ port: 0 });
    });
    after(async function () {
        this.timeout(120_000);
        if (s) await s.cli.run(["destroy", "--yes", "--skip-preview"]);
        disposeStack(s);
        await emulator?.close();
    });

    it("prints one line per dynamic-form key, under cloudreads:, credentials --secret; up with them reads every value", async () => {
        const lines = connectionInstructions(emulator, "config").filter((l) => l.startsWith("pulumi config set") && l.includes(" cloudreads:"));
        assert.deepEqual(
            lines.map((l) => shellWords(l).filter((w) => w.startsWith("cloudreads:") || w === "--secret").join(" ")),
            [
                "cloudreads:huaweicloudEndpoints",
                "cloudreads:huaweicloudRegion",
                "cloudreads:huaweicloudProjectId",
                "cloudreads:huaweicloudDomainId",
                "--secret cloudreads:huaweicloudToken",
                "cloudreads:astracontrolUrl",
                "--secret cloudreads:astracontrolApiToken",
                "cloudreads:astracontrolAccountId",
            ],
        );
        s = await pluginStack(emulator, { config: false });
        for (const line of lines) await s.cli.ok(["config", "set", ...shellWords(line).slice(3)]);
        await s.cli.ok(["up", "--yes", "--skip-preview"]);
        const outputs = JSON.parse((await s.cli.ok(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
        assert.ok(Object.values(outputs).includes(FIXTURE.smsPassphrase), JSON.stringify(Object.keys(outputs)));
    });
});
