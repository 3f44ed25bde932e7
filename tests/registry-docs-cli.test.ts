import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { requestsDuring, usePluginStack } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

/** The first YAML program of the Registry's overview page, docs/_index.md, as committed. */
function indexYamlProgram(): string {
    const page = fs.readFileSync(path.join(__dirname, "..", "docs", "_index.md"), "utf8");
    const program = /```yaml\n([\s\S]*?)```/.exec(page)?.[1];
    if (!program?.startsWith("name: ")) throw new Error("docs/_index.md has no YAML program");
    return program;
}

/**
 * The YAML example of docs/_index.md is a program that works: copied as it is into a project, with
 * the plugin installed and the stack configured as docs/installation-configuration.md says, it runs
 * through the real CLI against the emulator.
 */
describe("docs/_index.md: its YAML example runs through the real CLI and the provider plugin", function () {
    this.timeout(300_000);
    const suite = usePluginStack(indexYamlProgram());

    it("up reads every value; the outputs marked [secret] are secret", async () => {
        const cli = suite.stack.cli;
        await cli.ok(["up", "--yes", "--skip-preview"]);
        const shown = await cli.json<Record<string, unknown>>(["stack", "output"]);
        const out = await cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        assert.equal(out.taskPassphrasePassphrase, FIXTURE.smsPassphrase);
        assert.equal(out.productAuthenticationPassword, FIXTURE.romaPassword);
        assert.equal(shown.taskPassphrasePassphrase, "[secret]");
        assert.equal(shown.productAuthenticationPassword, "[secret]");
        for (const k of ["certificatePem", "certificateReadPem"]) assert.match(String(out[k]), /^-----BEGIN CERTIFICATE-----/, k);
        for (const k of ["keypairTaskPhase", "taskState", "taskReadState"]) assert.equal(typeof out[k], "string", k);
    });

    it("destroy sends no request", async () => {
        const [, requests] = await requestsDuring(suite.emulator, () => suite.stack.cli.ok(["destroy", "--yes", "--skip-preview"]));
        assert.deepEqual(requests, []);
    });
});
