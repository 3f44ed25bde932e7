import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/** The folder holding `pulumi` and its plugins, or undefined when neither PATH nor the cache has one. */
export function findPulumiCliDir(): string | undefined {
    try {
        return pulumiCliDir();
    } catch {
        return undefined;
    }
}

/** The folder holding `pulumi` and its plugins, from `npm run pulumi-cli` (never builds here). */
export function pulumiCliDir(): string {
    const run = spawnSync("bash", [path.join(ROOT, "scripts", "pulumi-cli.sh")], {
        env: { ...process.env, CLOUDREADS_PULUMI_CLI_NO_BUILD: "1" },
        encoding: "utf8",
        timeout: 60_000,
    });
    const dir = (run.stdout ?? "").trim().split("\n").pop() ?? "";
    if (run.status !== 0 || !dir || !fs.existsSync(path.join(dir, "pulumi"))) {
        throw new Error(`no Pulumi CLI: run \`npm run pulumi-cli\` first (npm test does it in pretest).\n${(run.stderr ?? "").trim()}`);
    }
    return dir;
}

/** One line of the engine's `--event-log` (the fields these tests read). */
export interface EngineEvent {
    sequence?: number;
    resourcePreEvent?: { metadata: StepMetadata };
    resOutputsEvent?: { metadata: StepMetadata };
    diagnosticEvent?: { message: string; severity: string; urn?: string; ephemeral?: boolean };
    summaryEvent?: { resourceChanges?: Record<string, number> };
    [other: string]: unknown;
}

/** A step as the engine's events describe it. */
export interface StepMetadata {
    op: string;
    urn: string;
    type: string;
    diffs?: string[];
    keys?: string[];
    detailedDiff?: Record<string, { kind: string }>;
}

/** What one CLI command printed, and how it ended. */
export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Options of a {@link PulumiCli}. */
export interface PulumiCliOptions {
    /** The project folder (holds Pulumi.yaml); commands run there. */
    cwd: string;
    /** Extra environment, e.g. credentials a user exports. */
    env?: Record<string, string>;
    /** Receives the CLI's output as it comes (the demo prints it). */
    echo?: (chunk: string) => void;
}

// Variables of the test process that would reach the program or provider and change a read.
const DROPPED_ENV = /^(HW_|ASTRA_CONTROL_|CLOUDREADS_|PULUMI_|npm_)/i;

/**
 * The real `pulumi` CLI against a local file backend in a temp folder: passphrase secrets,
 * no update checks, no plugin downloads, its own PULUMI_HOME. One instance, one backend.
 */
export class PulumiCli {
    readonly home: string;
    readonly backend: string;
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    private readonly echo?: (chunk: string) => void;

    constructor(binDir: string, options: PulumiCliOptions) {
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-cli-"));
        this.home = path.join(scratch, "home");
        this.backend = path.join(scratch, "state");
        fs.mkdirSync(this.home);
        fs.mkdirSync(this.backend);
        this.cwd = options.cwd;
        this.echo = options.echo;
        const env: NodeJS.ProcessEnv = {};
        for (const [k, v] of Object.entries(process.env)) if (!DROPPED_ENV.test(k)) env[k] = v;
        this.env = {
            ...env,
            PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
            PULUMI_BACKEND_URL: `file://${this.backend}`,
            PULUMI_CONFIG_PASSPHRASE: "cloudreads-test-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_HOME: this.home,
            // Enables `--event-log`, the engine events the Automation API reads too.
            PULUMI_DEBUG_COMMANDS: "true",
            // Type-checking the program is the user's choice; tests need only its behaviour.
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            NO_COLOR: "1",
            ...options.env,
        };
    }

    /** Runs `pulumi ...args`; resolves with its output whatever its exit code. */
    run(args: string[], timeoutMs = 240_000): Promise<CliResult> {
        return new Promise((resolve, reject) => {
            const child = spawn("pulumi", ["--non-interactive", ...args], { cwd: this.cwd, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d: Buffer) => {
                stdout += d.toString("utf8");
                this.echo?.(d.toString("utf8"));
            });
            child.stderr.on("data", (d: Buffer) => {
                stderr += d.toString("utf8");
                this.echo?.(d.toString("utf8"));
            });
            const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.once("error", (e) => {
                clearTimeout(timer);
                reject(e);
            });
            child.once("close", (code, signal) => {
                clearTimeout(timer);
                resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
            });
        });
    }

    /** Runs `pulumi ...args` and fails with its output unless it exits 0. */
    async ok(args: string[], timeoutMs?: number): Promise<CliResult> {
        const result = await this.run(args, timeoutMs);
        if (result.code !== 0) {
            throw new Error(`\`pulumi ${args.join(" ")}\` exited ${result.code}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
        }
        return result;
    }

    /** `pulumi ...args --json`, parsed. */
    async json<T>(args: string[], timeoutMs?: number): Promise<T> {
        const result = await this.ok([...args, "--json"], timeoutMs);
        return JSON.parse(result.stdout) as T;
    }

    /**
     * Runs `pulumi ...args` with `--event-log` and returns the engine's events; fails with the
     * CLI's output unless it exits 0 (or `allowFailure`).
     */
    async events(args: string[], allowFailure = false): Promise<EngineEvent[]> {
        const log = path.join(path.dirname(this.home), `events-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
        const result = await this.run([...args, "--event-log", log]);
        if (result.code !== 0 && !allowFailure) {
            throw new Error(`\`pulumi ${args.join(" ")}\` exited ${result.code}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
        }
        const text = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
        fs.rmSync(log, { force: true });
        return text
            .split("\n")
            .filter((line) => line.trim())
            .map((line) => JSON.parse(line) as EngineEvent);
    }

    /** Sets each key with `pulumi config set` (`--secret` for the keys in `secret`). */
    async setConfig(values: Record<string, string>, secret: ReadonlySet<string> = new Set()): Promise<void> {
        for (const [key, value] of Object.entries(values)) {
            await this.ok(["config", "set", ...(secret.has(key) ? ["--secret"] : ["--plaintext"]), key, "--", value]);
        }
    }

    /** Removes the temp backend and home. */
    dispose(): void {
        fs.rmSync(path.dirname(this.home), { recursive: true, force: true });
    }
}
