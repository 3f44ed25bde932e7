/**
 * `npm run demo`: the project's main job on its embedded default. Starts the emulator and runs
 * examples/quickstart through preview, up, a second up (no changes), a refresh after the emulated
 * KPS task finishes, and destroy.
 *
 * - With the real Pulumi CLI (on PATH, or cached by `npm run pulumi-cli`), it runs the `pulumi`
 *   commands a user types, in this folder (Pulumi.yaml `main: examples/quickstart/`), against a
 *   temporary file backend, and prints the CLI's own output.
 * - Without one, it runs the same steps through the engine stand-in (tests/harness) and says so.
 *
 * Exits non-zero on any failure.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { formatResult, HarnessMode, HarnessResult, runHarness } from "../tests/harness";
import { findPulumiCliDir, PulumiCli } from "../tests/helpers/pulumi-cli";
import { cliStackConfig } from "../tests/helpers/pulumi-cli-results";
import { FIXTURE } from "../tests/helpers/stack";

const PROJECT_DIR = path.join(__dirname, "..");
const out = (text: string): boolean => process.stdout.write(text);

function finishKpsTask(emu: Emulator): void {
    emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
    out("(the emulated KPS task has finished: RUNNING_RESET -> SUCCESS_RESET)\n\n");
}

async function withCli(emu: Emulator, bin: string): Promise<void> {
    const stack = `demo-${process.pid}`;
    const cli = new PulumiCli(bin, { cwd: PROJECT_DIR, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, echo: out });
    const { plain, secret } = cliStackConfig(emu);
    out(`Real Pulumi CLI: ${path.join(bin, "pulumi")}; emulator on ${emu.url}; project ${PROJECT_DIR} (program examples/quickstart); backend ${cli.env.PULUMI_BACKEND_URL}\n\n`);
    const run = async (args: string[], note?: string): Promise<void> => {
        out(`$ pulumi ${args.join(" ")}${note ? `    # ${note}` : ""}\n`);
        await cli.ok(args);
        out("\n");
    };
    try {
        await run(["stack", "init", stack]);
        out(`$ pulumi config set <key> <value>    # ${Object.keys(plain).join(", ")}\n`);
        await cli.setConfig(plain);
        out(`$ pulumi config set --secret <key> <value>    # ${Object.keys(secret).join(", ")}\n\n`);
        await cli.setConfig(secret, new Set(Object.keys(secret)));
        await run(["preview"], "functions read now; resource outputs are unknown until up");
        await run(["up", "--yes"], "creates the four read-only resources");
        await run(["up", "--yes"], "the same program again: no changes");
        finishKpsTask(emu);
        await run(["refresh", "--yes"], "re-reads every resource");
        await run(["up", "--yes"], "the program now sees the finished task");
        await run(["stack", "output"], "secrets stay [secret]; add --show-secrets to see them");
        const requests = emu.requests.length;
        await run(["destroy", "--yes"], "forgets the resources; sends no request");
        if (emu.requests.length !== requests) throw new Error("destroy sent a request");
    } finally {
        await cli.run(["stack", "rm", "--yes", "--force", stack]);
        fs.rmSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), { force: true });
        cli.dispose();
    }
}

async function withStandIn(emu: Emulator): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-demo-"));
    try {
        const { plain: config, secret: secretConfig } = cliStackConfig(emu);
        const statePath = path.join(dir, "state.json");
        out("No Pulumi CLI found (run `npm run pulumi-cli` to build one): using the engine stand-in, tests/harness.\n");
        out(`Emulator on ${emu.url}; project ${PROJECT_DIR} (program examples/quickstart); state ${statePath}\n\n`);
        const run = async (mode: HarnessMode, title: string): Promise<HarnessResult> => {
            out(`$ pulumi ${mode}    # ${title} (stand-in)\n`);
            const result = await runHarness({ mode, programDir: PROJECT_DIR, statePath, config, secretConfig, project: "cloudreads-quickstart", stack: "demo" });
            out(`${formatResult(result)}\n`);
            if (result.errors.length > 0) throw new Error(`pulumi ${mode} failed: ${result.errors.join("; ")}`);
            return result;
        };
        await run("preview", "functions read now; resource outputs are unknown until up");
        await run("up", "creates the four read-only resources");
        await run("up", "the same program again: no changes");
        finishKpsTask(emu);
        await run("refresh", "re-reads every resource");
        await run("up", "the program now sees the finished task");
        const requests = emu.requests.length;
        await run("destroy", "forgets the resources; sends no request");
        if (emu.requests.length !== requests) throw new Error("destroy sent a request");
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

async function main(): Promise<number> {
    const emu = await startEmulator({ port: 0 });
    try {
        const bin = findPulumiCliDir();
        await (bin ? withCli(emu, bin) : withStandIn(emu));
        return 0;
    } finally {
        await emu.close();
    }
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
