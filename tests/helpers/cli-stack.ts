import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator, type FixtureInput } from "../../emulator";
import { cliStackConfig } from "./pulumi-cli-results";
import { PulumiCli, pulumiCliDir } from "./pulumi-cli";

/** A stack of a test project, run by the real CLI against its own emulator (filled in by the `before` hook). */
export interface CliStack {
    emu: Emulator;
    cli: PulumiCli;
    readonly name: string;
}

/**
 * Registers mocha hooks, in the calling `describe`, that start an emulator, init a stack of the
 * project in `dir` on a file backend, and set the emulator's config (credentials with `--secret`)
 * plus `config(emu)`; afterwards they destroy the stack, remove it and its stack file, and stop the
 * emulator. `env` reaches every CLI command (e.g. `PULUMI_DEBUG_GRPC`).
 */
export function useCliStack(
    dir: string,
    prefix: string,
    config: (emu: Emulator) => Record<string, string> = () => ({}),
    fixtures?: FixtureInput,
    emulator: { maxPageSize?: number } = {},
    env: Record<string, string> = {},
): CliStack {
    const stack = { name: `${prefix}-${process.pid}` } as CliStack;
    before(async function () {
        this.timeout(120_000);
        stack.emu = await startEmulator({ port: 0, ...(fixtures ? { fixtures } : {}), ...emulator });
        stack.cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env });
        await stack.cli.ok(["stack", "init", stack.name]);
        const { plain, secret } = cliStackConfig(stack.emu, config(stack.emu));
        await stack.cli.setConfig(plain);
        await stack.cli.setConfig(secret, new Set(Object.keys(secret)));
    });
    after(async function () {
        this.timeout(120_000);
        if (stack.cli) {
            await stack.cli.run(["destroy", "--yes", "--skip-preview"]);
            await stack.cli.run(["stack", "rm", "--yes", "--force", stack.name]);
            fs.rmSync(path.join(dir, `Pulumi.${stack.name}.yaml`), { force: true });
            stack.cli.dispose();
        }
        await stack.emu?.close();
    });
    return stack;
}
