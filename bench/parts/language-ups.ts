/**
 * The languages' section of `npm run bench:cli:plugin` (issue 25): how long a `pulumi up` of the
 * four reads takes from each language, each as its example program runs it, through the real CLI
 * v3.276.0 against the emulator, in interleaved rounds (who goes first rotates; a `destroy`, which
 * sends no request, after each up):
 * - YAML: examples/yaml/Pulumi.yaml, `pulumi up --yes --skip-preview`, the plugin installed with `--file`;
 * - Node: examples/quickstart/index.ts on the dynamic form (this repository's build), `pulumi up --yes --skip-preview`;
 * - Python: `python main.py up` of examples/python (Automation API inline program), in a fresh venv
 *   with the release's wheel and pulumi from PyPI; the engine installs the plugin from the release
 *   layout served on 127.0.0.1 (in a warm-up up, not counted);
 * - Go: examples/go built with `go build`, `<binary> up` (Automation API inline program), the plugin
 *   installed the same way.
 * Wall time of the whole command as a user sees it: CLI, language runtime, plugin start-up and the
 * reads. Machine-dependent; never asserted in tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { buildGoProgram, okGoProgram } from "../../tests/helpers/go";
import { PulumiCli, pulumiCliDir } from "../../tests/helpers/pulumi-cli";
import { cliStackConfig } from "../../tests/helpers/pulumi-cli-results";
import { PLUGIN_VERSION, pluginTarball, setPluginConfig, yamlCliPath } from "../../tests/helpers/plugin-stack";
import { freshVenv, pythonDists } from "../../tests/helpers/python";
import { pythonProject } from "../../tests/helpers/python-program";
import { releaseFolder } from "../../tests/helpers/release-folder";
import { serveRelease } from "../../tests/helpers/release-server";
import { SECOND, SECOND_FIXTURES } from "../../tests/helpers/second-account";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");

/** One language's program: a timed up and an untimed destroy. */
interface Language {
    label: string;
    up(): Promise<unknown>;
    destroy(): Promise<unknown>;
    dispose(): Promise<void>;
}

/**
 * Runs `rounds` interleaved rounds of each language's `up` (after one warm-up up and destroy each)
 * and returns the milliseconds of each up by language.
 *
 * @example
 * ```ts
 * const ms = await languageUps(3); // { YAML: [..], "Node (dynamic form)": [..], Python: [..], Go: [..] }
 * ```
 */
export async function languageUps(rounds: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Record<string, number[]>> {
    const first = await startEmulator({ port: 0 });
    const second = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
    const server = await serveRelease(releaseFolder(["linux-amd64"]));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-bench-languages-"));
    const nodeDir = path.join(ROOT, "tmp", `bench-languages-${process.pid}`);
    const langs: Language[] = [];
    let venv: string | undefined;
    try {
        log("bench:cli:plugin languages: setting up the YAML, Node, Python and Go programs");
        // YAML: the example as it is, the plugin installed from the tarball.
        const yamlDir = path.join(scratch, "yaml");
        fs.mkdirSync(yamlDir);
        fs.copyFileSync(path.join(EXAMPLES, "yaml", "Pulumi.yaml"), path.join(yamlDir, "Pulumi.yaml"));
        const yaml = new PulumiCli(pulumiCliDir(), { cwd: yamlDir, env: { PATH: yamlCliPath() } });
        await yaml.ok(["plugin", "install", "resource", "cloudreads", PLUGIN_VERSION, "--file", pluginTarball()]);
        await yaml.ok(["stack", "init", "bench"]);
        await setPluginConfig(yaml, first);
        langs.push(cliLanguage("YAML", yaml));

        // Node: the quickstart on this repository's build (inside the repository, so it resolves @pulumi/pulumi).
        fs.mkdirSync(nodeDir, { recursive: true });
        fs.writeFileSync(path.join(nodeDir, "Pulumi.yaml"), "name: cloudreads-quickstart\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
        const quickstart = fs.readFileSync(path.join(EXAMPLES, "quickstart", "index.ts"), "utf8").replace(/from "pulumi-cloudreads"/, 'from "../../dist/sdk/nodejs"');
        fs.writeFileSync(path.join(nodeDir, "index.ts"), quickstart);
        const node = new PulumiCli(pulumiCliDir(), { cwd: nodeDir });
        await node.ok(["stack", "init", "bench"]);
        const c = cliStackConfig(first);
        await node.setConfig(c.plain);
        await node.setConfig(c.secret, new Set(Object.keys(c.secret)));
        langs.push(cliLanguage("Node (dynamic form)", node));

        // Python: the example in a fresh venv (requirements.txt: pulumi from PyPI, our wheel from the release).
        const { wheel } = pythonDists();
        venv = freshVenv(["-r", path.join(EXAMPLES, "python", "requirements.txt")], path.dirname(wheel));
        const files = Object.fromEntries(["main.py", "Pulumi.yaml", "requirements.txt"].map((f) => [f, fs.readFileSync(path.join(EXAMPLES, "python", f), "utf8")]));
        const py = await pythonProject({ files, venv, server, emulator: first });
        await py.cli.setConfig({ "cloudreads-python:secondRegion": SECOND.region, "cloudreads-python:secondProjectId": SECOND.projectId });
        await py.cli.setConfig({ "cloudreads-python:secondToken": SECOND.huaweiToken }, new Set(["cloudreads-python:secondToken"]));
        for (const s of ["sms", "kms"] as const) await py.cli.ok(["config", "set", "--path", `cloudreads-python:secondEndpoints.${s}`, "--", second.endpoints[s]]);
        langs.push({ label: "Python", up: () => py.pythonOk(["main.py", "up"]), destroy: () => py.pythonOk(["main.py", "destroy"]), dispose: () => py.dispose() });

        // Go: the example built once, run as a user runs it.
        const goBin = buildGoProgram(path.join(EXAMPLES, "go"), scratch, "cloudreads-go");
        const goDir = path.join(scratch, "go");
        fs.mkdirSync(goDir);
        fs.copyFileSync(path.join(EXAMPLES, "go", "Pulumi.yaml"), path.join(goDir, "Pulumi.yaml"));
        const go = new PulumiCli(pulumiCliDir(), { cwd: goDir, env: { ...server.env, PATH: yamlCliPath() } });
        delete go.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
        await go.ok(["stack", "init", "dev"]);
        await setPluginConfig(go, first, {
            plain: { "cloudreads-go:secondRegion": SECOND.region, "cloudreads-go:secondProjectId": SECOND.projectId, "cloudreads-go:secondSmsEndpoint": second.endpoints.sms, "cloudreads-go:secondKmsEndpoint": second.endpoints.kms },
            secret: { "cloudreads-go:secondToken": SECOND.huaweiToken },
        });
        langs.push({
            label: "Go",
            up: () => okGoProgram(goBin, go, ["up"]),
            destroy: () => okGoProgram(goBin, go, ["destroy"]),
            dispose: async () => {
                await go.run(["stack", "rm", "--yes", "--force", "dev"]);
                go.dispose();
            },
        });

        const ms: Record<string, number[]> = {};
        for (const l of langs) {
            log(`bench:cli:plugin languages: warm-up up and destroy, ${l.label}`);
            await l.up();
            await l.destroy();
        }
        for (let r = 0; r < rounds; r++) {
            for (let i = 0; i < langs.length; i++) {
                const l = langs[(i + r) % langs.length]!;
                log(`bench:cli:plugin languages round ${r + 1}/${rounds}: up, ${l.label} (load ${os.loadavg()[0]!.toFixed(2)})`);
                const t0 = process.hrtime.bigint();
                await l.up();
                (ms[l.label] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6);
                await l.destroy();
            }
        }
        return ms;
    } finally {
        for (const l of langs) await l.dispose();
        if (venv) fs.rmSync(venv, { recursive: true, force: true });
        fs.rmSync(scratch, { recursive: true, force: true });
        fs.rmSync(nodeDir, { recursive: true, force: true });
        await server.close();
        await first.close();
        await second.close();
    }
}

/** A language whose program the CLI runs itself (`pulumi up`). */
function cliLanguage(label: string, cli: PulumiCli): Language {
    return {
        label,
        up: () => cli.ok(["up", "--yes", "--skip-preview"], 600_000),
        destroy: () => cli.ok(["destroy", "--yes", "--skip-preview"], 600_000),
        dispose: async () => cli.dispose(),
    };
}
