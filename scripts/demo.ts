/**
 * `npm run demo`: the project's main job on its embedded default. Starts the emulator, runs
 * examples/quickstart through the engine harness as `pulumi up` would (real dynamic-provider
 * host over gRPC), then shows a second `up` (no changes) and a `refresh` after the emulated KPS
 * task finishes. Prints what the Pulumi CLI would, secrets as `[secret]`; exits non-zero on any
 * failure.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { formatResult, HarnessMode, HarnessResult, runHarness } from "../tests/harness";
import { emulatorStackConfig, FIXTURE } from "../tests/helpers/stack";

// The project directory: its Pulumi.yaml names examples/quickstart as the program, as for `pulumi up`.
const PROGRAM_DIR = path.join(__dirname, "..");
const CREDENTIAL_KEYS = ["huaweicloud:token", "astracontrol:apiToken"];

async function main(): Promise<number> {
    const emu = await startEmulator({ port: 0 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-demo-"));
    try {
        const all = emulatorStackConfig(emu);
        const config = Object.fromEntries(Object.entries(all).filter(([k]) => !CREDENTIAL_KEYS.includes(k)));
        const secretConfig = Object.fromEntries(Object.entries(all).filter(([k]) => CREDENTIAL_KEYS.includes(k)));
        const statePath = path.join(dir, "state.json");
        process.stdout.write(`Emulator on ${emu.url}; project ${PROGRAM_DIR} (program examples/quickstart); state ${statePath}\n\n`);
        const run = async (mode: HarnessMode, title: string): Promise<HarnessResult> => {
            process.stdout.write(`$ pulumi ${mode}    # ${title}\n`);
            const result = await runHarness({ mode, programDir: PROGRAM_DIR, statePath, config, secretConfig, project: "cloudreads-quickstart", stack: "demo" });
            process.stdout.write(`${formatResult(result)}\n`);
            if (result.errors.length > 0) throw new Error(`pulumi ${mode} failed: ${result.errors.join("; ")}`);
            return result;
        };
        await run("preview", "functions read now; resource outputs are unknown until up");
        await run("up", "creates the four read-only resources");
        await run("up", "the same program again: no changes");
        emu.setKeypairTaskStatus(FIXTURE.projectId, FIXTURE.kpsTaskId, "SUCCESS_RESET");
        process.stdout.write("(the emulated KPS task has finished: RUNNING_RESET -> SUCCESS_RESET)\n\n");
        await run("refresh", "re-reads every resource");
        await run("up", "the program now sees the finished task");
        const requests = emu.requests.length;
        await run("destroy", "forgets the resources; sends no request");
        if (emu.requests.length !== requests) throw new Error("destroy sent a request");
        return 0;
    } finally {
        await emu.close();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
