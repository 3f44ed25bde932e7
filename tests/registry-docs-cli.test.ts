import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { disposeStack, pluginStack, requestsDuring } from "./helpers/plugin-stack";
import { FIXTURE } from "./helpers/stack";

const ROOT = path.join(__dirname, "..");

/**
 * The YAML example of the Registry's overview page (docs/_index.md, as committed) is a program that
 * works: copied as it is into a project, with the plugin installed and the stack configured as
 * docs/installation-configuration.md says, it runs through the real CLI against the emulator.
 */
describe("docs/_index.md: its YAML example runs through the real CLI and the provider plugin", function () {
    this.timeout(300_000);
    let emulator: Emulator;
    let s: Awaited<ReturnType<typeof pluginStack>>;

    before(async function () {
        this.timeout(300_000);
        const page = fs.readFileSync(path.join(ROOT, "docs", "_index.md"), "utf8");
        const program = /```yaml\n([\s\S]*?)```/.exec(page)?.[1];
        assert.ok(program?.startsWith("name: "), "docs/_index.md has a YAML program");
        emulator = await startEmulator({ port: 0 });
        s = await pluginStack(emulator, { project: program });
    });

    after(async function () {
        this.timeout(120_000);
        if (s) await s.cli.run(["stack", "rm", "--yes", "--force", s.stack]);
        disposeStack(s);
        await emulator?.close();
    });

    it("up reads every value; the outputs marked [secret] are secret", async () => {
        await s.cli.ok(["up", "--yes", "--skip-preview"]);
        const shown = await s.cli.json<Record<string, unknown>>(["stack", "output"]);
        const out = await s.cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        assert.equal(out.taskPassphrasePassphrase, FIXTURE.smsPassphrase);
        assert.equal(out.productAuthenticationPassword, FIXTURE.romaPassword);
        assert.equal(shown.taskPassphrasePassphrase, "[secret]");
        assert.equal(shown.productAuthenticationPassword, "[secret]");
        for (const k of ["certificatePem", "certificateReadPem"]) assert.match(String(out[k]), /^-----BEGIN CERTIFICATE-----/, k);
        for (const k of ["keypairTaskPhase", "taskState", "taskReadState"]) assert.equal(typeof out[k], "string", k);
    });

    it("destroy sends no request", async () => {
        const [, requests] = await requestsDuring(emulator, () => s.cli.ok(["destroy", "--yes", "--skip-preview"]));
        assert.deepEqual(requests, []);
    });
});
