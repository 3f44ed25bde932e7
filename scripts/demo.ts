/**
 * `npm run demo`: the project's main job on its embedded default. Starts the emulator and runs
 * examples/quickstart with the real Pulumi CLI through preview, up, a second up (no changes), a
 * refresh after the emulated KPS task finishes, and destroy, in this folder (Pulumi.yaml `main:
 * examples/quickstart/index.ts`) against a temporary file backend, printing the CLI's own output.
 *
 * The CLI comes from scripts/pulumi-cli.sh: on PATH or cached, else built there and then, its
 * progress shown; without Go and without a CLI, that script says what to install and the demo stops.
 *
 * Exits non-zero on any failure.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { PulumiCli } from "../tests/helpers/pulumi-cli";
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

/**
 * The folder holding `pulumi` and its plugins: scripts/pulumi-cli.sh's last stdout line. Its
 * progress (and, when it builds, its heartbeat) goes straight to our stderr.
 */
function pulumiCli(): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn("bash", [path.join(PROJECT_DIR, "scripts", "pulumi-cli.sh")], { stdio: ["ignore", "pipe", "inherit"] });
        let stdout = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
        child.once("error", reject);
        child.once("close", (code) => {
            const dir = stdout.trim().split("\n").pop() ?? "";
            if (code === 0 && dir && fs.existsSync(path.join(dir, "pulumi"))) resolve(dir);
            else reject(new Error("no Pulumi CLI (scripts/pulumi-cli.sh said why, above)"));
        });
    });
}

async function main(): Promise<number> {
    const started = Date.now();
    const bin = await pulumiCli();
    const emu = await startEmulator({ port: 0 });
    try {
        await withCli(emu, bin);
        out(`demo: preview, up, refresh and destroy through the real Pulumi CLI passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
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
