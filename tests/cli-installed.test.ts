import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { installPackages, packProject } from "./helpers/installed-package";
import { cliStackConfig, exportedResources, stackOutputs } from "./helpers/pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { FIXTURE } from "./helpers/stack";
import { programDependencies } from "./helpers/versions";

const ROOT = path.join(__dirname, "..");
const TYPE_PREFIX = "pulumi-nodejs:dynamic/cloudreads:";

const PROJECT_FILE = `name: cloudreads-quickstart
runtime:
  name: nodejs
  options:
    typescript: true
description: examples/quickstart with pulumi-cloudreads installed from its npm tarball.
`;

/** The module path each resource type's `__provider` must require. */
function providerModule(type: string): string {
    const token = type.slice(TYPE_PREFIX.length);
    return `pulumi-cloudreads/provider/dynamic/${token.replace(/\./g, "-").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}`;
}

/** The quickstart in a scratch folder with the package installed from `npm pack`, run by the real CLI. */
describe("real Pulumi CLI: examples/quickstart with the package packed and installed", function () {
    this.timeout(240_000);
    let tmp: string;
    let emulator: Emulator;
    let cli: PulumiCli;

    before(async function () {
        this.timeout(300_000);
        const bin = pulumiCliDir();
        tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-cli-installed-")));
        const tarball = await packProject(ROOT, path.join(tmp, "stage"), path.join(tmp, "pack"), 150_000);
        const programDir = path.join(tmp, "program");
        fs.mkdirSync(programDir);
        fs.writeFileSync(path.join(programDir, "package.json"), `${JSON.stringify({ name: "cloudreads-installed-quickstart", private: true, main: "index.ts" }, null, 2)}\n`);
        fs.copyFileSync(path.join(ROOT, "examples", "quickstart", "index.ts"), path.join(programDir, "index.ts"));
        fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), PROJECT_FILE);
        await installPackages(programDir, [tarball, ...programDependencies()], 150_000);
        emulator = await startEmulator({ port: 0 });
        cli = new PulumiCli(bin, { cwd: programDir });
        await cli.ok(["stack", "init", "dev"]);
        const { plain, secret } = cliStackConfig(emulator);
        await cli.setConfig(plain);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
    });

    after(async () => {
        cli?.dispose();
        await emulator?.close();
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("up reads through the installed package; each __provider is a short by-reference require", async () => {
        await cli.ok(["up", "--yes", "--skip-preview"]);
        const outputs = await stackOutputs(cli, true);
        assert.equal(outputs.migrationPassphrase, FIXTURE.smsPassphrase);
        assert.equal(outputs.keypairTaskStatus, "RUNNING_RESET");
        const resources = exportedResources((await cli.ok(["stack", "export"])).stdout).filter((r) => r.type.startsWith(TYPE_PREFIX));
        assert.equal(resources.length, 4);
        for (const r of resources) {
            const provider = String(r.inputs.__provider);
            assert.ok(provider.length <= 1024, `${r.type}: __provider is ${provider.length} bytes`);
            assert.ok(provider.includes(`require("${providerModule(r.type)}")`), `${r.type}: ${provider}`);
            assert.equal(provider.includes(tmp), false, "__provider holds a path");
        }
    });

    it("refresh and destroy run the installed provider from state", async () => {
        emulator.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        await cli.ok(["refresh", "--yes", "--skip-preview"]);
        const task = exportedResources((await cli.ok(["stack", "export"])).stdout).find((r) => r.type.endsWith("kps.KeypairTask"));
        assert.equal(task?.outputs.taskStatus, "SUCCESS_RESET");
        const before = emulator.requests.length;
        await cli.ok(["destroy", "--yes", "--skip-preview"]);
        assert.equal(emulator.requests.length, before);
    });
});
