import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { startEmulator, type Emulator } from "../emulator";
import { useCliStack } from "./helpers/cli-stack";
import { buildGoProgram, exampleGoModule, goOutputLines, okGoProgram } from "./helpers/go";
import { PulumiCli, pulumiCliDir } from "./helpers/pulumi-cli";
import { stackOutputs } from "./helpers/pulumi-cli-results";
import { PLUGIN_VERSION, pluginTarball, setPluginConfig, yamlCliPath } from "./helpers/plugin-stack";
import { freshVenv, mypy, PYTHON_PINS, pythonDists } from "./helpers/python";
import { pythonProject, type PythonProject } from "./helpers/python-program";

const ROOT = path.join(__dirname, "..");

/** The README's TypeScript examples that are whole programs (they import the package). */
function readmePrograms(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "").filter((code) => code.includes(`from "pulumi-cloudreads"`));
}

/** `export const name = …; // claim`: what each stack output is said to be. */
function claims(program: string): { name: string; claim: string }[] {
    return [...program.matchAll(/^export const (\w+) = .*; \/\/ (.+)$/gm)].map((m) => ({ name: m[1] ?? "", claim: (m[2] ?? "").trim() }));
}

// Written inside the repository, so that `pulumi-cloudreads` resolves to this package (self-reference).
const PROJECT = path.join(ROOT, "tmp", `readme-example-${process.pid}`);
const program = readmePrograms()[0] ?? "";

/**
 * The README's TypeScript example as a user runs it: the real `pulumi` CLI, the default fixtures of
 * the emulator. Each output the example annotates (`// "RUNNING"`, `// [secret]`) must be what
 * `pulumi stack output` shows.
 */
describe("README: the TypeScript example returns what its comments claim against the default fixtures", function () {
    this.timeout(240_000);
    // Registered before useCliStack's hooks, so the project exists when they init its stack.
    before(() => {
        fs.mkdirSync(PROJECT, { recursive: true });
        fs.writeFileSync(path.join(PROJECT, "Pulumi.yaml"), "name: cloudreads-readme-example\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
        fs.writeFileSync(path.join(PROJECT, "index.ts"), program);
    });
    const stack = useCliStack(PROJECT, "readme-example");
    after(() => fs.rmSync(PROJECT, { recursive: true, force: true }));

    it("the README has one whole TypeScript program, with at least three claims", () => {
        assert.equal(readmePrograms().length, 1);
        assert.ok(claims(program).length >= 3, JSON.stringify(claims(program)));
    });

    it("pulumi up succeeds and every claimed output holds; [secret] ones are secret and not empty", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const hidden = await stackOutputs(stack.cli, false);
        const shown = await stackOutputs(stack.cli, true);
        assertClaims(claims(program), hidden, shown);
        for (const [name, value] of Object.entries(shown)) assert.ok(value !== "" && !(Array.isArray(value) && value.length === 0), `${name} is empty`);
    });
});

/** The README's one fenced block of `language` (```go, ```python): a whole example of that language. */
function readmeExample(language: string): string {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1] ?? "");
    assert.equal(blocks.length, 1, `the README has one ${language} example`);
    return blocks[0]!;
}

/** The README's Go example: a `program` function of package main. */
const readmeGoProgram = (): string => readmeExample("go");

/** `ctx.Export("name", ...) // claim`: what each stack output of the Go example is said to be. */
function goClaims(program: string): { name: string; claim: string }[] {
    return [...program.matchAll(/^\s*ctx\.Export\("(\w+)", .*\)\s+\/\/ (.+)$/gm)].map((m) => ({ name: m[1] ?? "", claim: (m[2] ?? "").trim() }));
}

/**
 * Each claim holds: a `[secret]` output is shown as secret by the example's driver (`printed`) and
 * is a non-empty string once revealed (`shown`, `pulumi stack output --show-secrets`); any other
 * claim is the JSON of the revealed value.
 */
function assertClaims(claims: readonly { name: string; claim: string }[], printed: Record<string, unknown>, shown: Record<string, unknown>): void {
    for (const { name, claim } of claims) {
        assert.ok(name in shown, `${name}: not a stack output`);
        if (claim === "[secret]") {
            assert.equal(printed[name], "[secret]", `${name} is not secret`);
            assert.ok(typeof shown[name] === "string" && shown[name] !== "", `${name} is empty`);
        } else {
            assert.deepEqual(shown[name], JSON.parse(claim), `${name}: the README says ${claim}`);
        }
    }
}

/**
 * The README's Go example as a user runs it: its `program` with examples/go's main.go (the
 * Automation API, inline: no Go language host) on the committed SDK, the plugin installed with the
 * one documented command, the real CLI and the emulator's default fixtures. Each output the
 * example annotates must be what the stack's outputs show.
 */
describe("README: the Go example compiles, runs and returns what its comments claim", function () {
    this.timeout(1_200_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-readme-go-"));
    let emu: Emulator;
    let cli: PulumiCli;
    let bin: string;

    before(async function () {
        this.timeout(1_200_000);
        bin = buildGoProgram(exampleGoModule(readmeGoProgram(), path.join(scratch, "module")), scratch, "readme-go");
        emu = await startEmulator({ port: 0 });
        const project = path.join(scratch, "project");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: cloudreads-readme-go\nruntime: go\n");
        cli = new PulumiCli(pulumiCliDir(), { cwd: project, env: { PATH: yamlCliPath() } });
        await cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
        await cli.ok(["stack", "init", "dev"]);
        await setPluginConfig(cli, emu);
    });
    after(async function () {
        this.timeout(120_000);
        if (cli) {
            await cli.run(["stack", "rm", "--yes", "--force", "dev"]);
            cli.dispose();
        }
        await emu?.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("has at least two claims, one of them a secret", () => {
        const claims = goClaims(readmeGoProgram());
        assert.ok(claims.length >= 2 && claims.some((c) => c.claim === "[secret]"), JSON.stringify(claims));
    });

    it("up succeeds and every claimed output holds; [secret] ones are secret and not empty", async () => {
        await okGoProgram(bin, cli, ["up"]);
        const printed = goOutputLines((await okGoProgram(bin, cli, ["outputs"])).stdout);
        assertClaims(goClaims(readmeGoProgram()), printed, await stackOutputs(cli, true));
        await okGoProgram(bin, cli, ["destroy"]);
    });
});

/** The README's Python example: a module with a `program` function. */
const readmePythonProgram = (): string => readmeExample("python");

/** `pulumi.export("name", ...)  # claim`: what each stack output of the Python example is said to be. */
function pythonClaims(program: string): { name: string; claim: string }[] {
    return [...program.matchAll(/^\s*pulumi\.export\("(\w+)", .*\)\s+# (.+)$/gm)].map((m) => ({ name: m[1] ?? "", claim: (m[2] ?? "").trim() }));
}

/** The arguments of the README's one `pip install` command. */
function readmePipArguments(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const lines = [...readme.matchAll(/^pip install (.+)$/gm)].map((m) => m[1] ?? "");
    assert.equal(lines.length, 1, "the README has one pip install command");
    return lines[0]!.split(" ").map((a) => a.replace(/^"(.*)"$/, "$1"));
}

/**
 * The README's Python example as a user runs it: a fresh venv made with the README's `pip install`
 * (the release folder's wheel, the pinned `pulumi` from PyPI), its `program` with examples/python's
 * main.py (the Automation API, inline: no Python language host), the plugin installed with the
 * command the README gives for YAML, the real CLI and the emulator's default fixtures. Each output
 * the example annotates must be what the stack's outputs show.
 */
describe("README: the Python example installs as it says, runs and returns what its comments claim", function () {
    this.timeout(900_000);
    const example = path.join(ROOT, "examples", "python");
    let emu: Emulator;
    let venv: string;
    let project: PythonProject;
    let wheel: string;

    before(async function () {
        this.timeout(900_000);
        wheel = pythonDists().wheel;
        const release = `$CLOUDREADS/release/v${PLUGIN_VERSION}/`;
        venv = freshVenv(readmePipArguments().map((a) => (a.startsWith(release) ? path.join(path.dirname(wheel), a.slice(release.length)) : a)));
        emu = await startEmulator({ port: 0 });
        const files = { "main.py": fs.readFileSync(path.join(example, "main.py"), "utf8"), "Pulumi.yaml": fs.readFileSync(path.join(example, "Pulumi.yaml"), "utf8"), "program.py": readmePythonProgram() };
        project = await pythonProject({ files, venv, emulator: emu });
        await project.cli.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
    });
    after(async function () {
        this.timeout(120_000);
        await project?.dispose();
        if (venv) fs.rmSync(venv, { recursive: true, force: true });
        await emu?.close();
    });

    it("pip installs the wheel `npm run release` writes and the pulumi version the SDK is tested with", () => {
        const args = readmePipArguments();
        assert.deepEqual(args, [`$CLOUDREADS/release/v${PLUGIN_VERSION}/${path.basename(wheel)}`, pinnedPulumi()]);
        assert.match(fs.readFileSync(path.join(ROOT, "scripts", "release", "release.sh"), "utf8"), /python-dists\.sh/);
    });

    it("has at least two claims, one of them a secret", () => {
        const claims = pythonClaims(readmePythonProgram());
        assert.ok(claims.length >= 2 && claims.some((c) => c.claim === "[secret]"), JSON.stringify(claims));
    });

    it("type-checks: mypy --strict passes it with examples/python's main.py against the installed package", () => {
        const r = mypy(venv, ["--strict", "main.py", "program.py"], project.dir);
        assert.equal(r.code, 0, r.lines.join("\n"));
    });

    it("up succeeds and every claimed output holds; [secret] ones are secret and not empty", async () => {
        await project.pythonOk(["main.py", "up"]);
        const printed = JSON.parse((await project.pythonOk(["main.py", "outputs"])).stdout) as Record<string, unknown>;
        assertClaims(pythonClaims(readmePythonProgram()), printed, await stackOutputs(project.cli, true));
        await project.pythonOk(["main.py", "destroy"]);
    });
});

/** `pulumi==X` as tools/python/requirements.txt pins it: the version the Python SDK is tested with. */
function pinnedPulumi(): string {
    const pin = /^pulumi==\S+$/m.exec(fs.readFileSync(PYTHON_PINS, "utf8"))?.[0];
    assert.ok(pin, `${PYTHON_PINS} pins no pulumi`);
    return pin;
}
