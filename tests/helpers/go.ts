import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliResult, PulumiCli } from "./pulumi-cli";

/**
 * The environment of the tests' `go` commands on the committed Go SDK (sdk/go.mod) and the Go
 * program (examples/go): the CLI's build flags (scripts/pulumi-cli.sh: CGO_ENABLED=0, -trimpath,
 * tags osusergo,grpcnotrace), so the packages they share come from Go's build cache, and
 * GOWORK=off, so each module builds from its own go.mod, as a user's does.
 *
 * @example
 * ```ts
 * execFileSync("go", ["vet", "./..."], { cwd: "sdk", env: goEnv() });
 * ```
 */
export function goEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
    return { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-trimpath -tags=osusergo,grpcnotrace -buildvcs=false", GOWORK: "off", ...extra };
}

const ROOT = path.join(__dirname, "..", "..");

/**
 * A Go module in `dir` made of examples/go's driver (main.go, go.mod, go.sum; the SDK replaced by
 * this checkout's sdk/) and `programGo` as program.go: the Automation API runs that `program`.
 * Returns `dir`, for {@link buildGoProgram}.
 *
 * @example
 * ```ts
 * const bin = buildGoProgram(exampleGoModule(readmeProgram, path.join(scratch, "module")), scratch);
 * ```
 */
export function exampleGoModule(programGo: string, dir: string): string {
    const example = path.join(ROOT, "examples", "go");
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ["main.go", "go.sum"]) fs.copyFileSync(path.join(example, f), path.join(dir, f));
    const goMod = fs.readFileSync(path.join(example, "go.mod"), "utf8").replace(/=> \.\.\/\.\.\/sdk$/m, `=> ${path.join(ROOT, "sdk")}`);
    fs.writeFileSync(path.join(dir, "go.mod"), goMod);
    fs.writeFileSync(path.join(dir, "program.go"), programGo);
    return dir;
}

/** Builds the Go program of the module in `moduleDir` into `outDir/name`; returns the binary's path. */
export function buildGoProgram(moduleDir: string, outDir: string, name = "program"): string {
    const bin = path.join(outDir, name);
    execFileSync("go", ["build", "-o", bin, "."], { cwd: moduleDir, env: goEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: 20 * 60_000 });
    return bin;
}

/**
 * Runs a program built from examples/go's main.go (`<bin> [-stack NAME] preview|up|outputs|refresh|destroy`)
 * in the project folder of `cli`, with the CLI's environment: the Automation API runs `pulumi` from
 * its PATH against its backend and home. Resolves with the output whatever the exit code.
 */
export function runGoProgram(bin: string, cli: PulumiCli, args: string[]): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(bin, args, { cwd: cli.cwd, env: cli.env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
        const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
        child.once("error", reject);
        child.once("close", (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? 1, stdout, stderr });
        });
    });
}

/** {@link runGoProgram}, failing with its output unless it exits 0. */
export async function okGoProgram(bin: string, cli: PulumiCli, args: string[]): Promise<CliResult> {
    const r = await runGoProgram(bin, cli, args);
    if (r.code !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} exited ${r.code}:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
    return r;
}

/** The `name: value` lines of examples/go's `outputs` command (`[secret]` for a secret). */
export function goOutputLines(stdout: string): Record<string, string> {
    return Object.fromEntries(stdout.split("\n").filter((l) => l.includes(": ")).map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]));
}
