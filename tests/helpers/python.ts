import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/** The pins of the Python tools and of what the SDK is tested with (`pulumi==…`): tools/python/requirements.txt. */
export const PYTHON_PINS = path.join(ROOT, "tools", "python", "requirements.txt");

/**
 * The Python SDK folder the tests build and install: `sdk/python` (the committed SDK), or
 * `CLOUDREADS_PYTHON_SDK` (e.g. a folder of `npm run sdks -- <dir>`).
 *
 * @example
 * ```ts
 * fs.existsSync(path.join(pythonSdkDir(), "pyproject.toml")); // true
 * ```
 */
export function pythonSdkDir(): string {
    return path.resolve(ROOT, process.env.CLOUDREADS_PYTHON_SDK ?? path.join("sdk", "python"));
}

/** Runs a command and returns its stdout; on failure the error holds its stdout and stderr. */
export function run(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
    try {
        return execFileSync(cmd, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
        const err = e as { status?: number; stdout?: string; stderr?: string };
        throw new Error(`\`${cmd} ${args.join(" ")}\` exited ${err.status}:\n${(err.stdout ?? "").slice(-6000)}\n${(err.stderr ?? "").slice(-6000)}`);
    }
}

/** The last line of a script's stdout (the scripts print their result there). */
const lastLine = (out: string): string => out.trim().split("\n").pop() ?? "";

/**
 * The tools' virtual environment (pinned pulumi, build, mypy) from scripts/python-venv.sh: made from
 * PyPI once, cached by the hash of its pins.
 *
 * @example
 * ```ts
 * run(path.join(toolsVenv(), "bin", "python"), ["-m", "mypy", "--version"]);
 * ```
 */
export function toolsVenv(): string {
    return lastLine(run("bash", [path.join(ROOT, "scripts", "python-venv.sh")]));
}

/** The Python SDK's wheel and sdist, built by scripts/release/python-dists.sh (`python -m build`) from {@link pythonSdkDir}. */
export function pythonDists(): { wheel: string; sdist: string } {
    const dir = lastLine(run("bash", [path.join(ROOT, "scripts", "release", "python-dists.sh"), pythonSdkDir()]));
    const pick = (suffix: string): string => {
        const found = fs.readdirSync(dir).filter((f) => f.endsWith(suffix));
        if (found.length !== 1) throw new Error(`${dir}: expected one *${suffix}, found ${found.join(", ") || "none"}`);
        return path.join(dir, found[0]!);
    };
    return { wheel: pick(".whl"), sdist: pick(".tar.gz") };
}

/**
 * A fresh virtual environment in a temp folder, with `requirements` installed from PyPI by pip
 * (`-c` the project's pins, so `pulumi` is the tested version) and `findLinks` as a local index
 * (the release folder's wheel). Returns its folder; the caller removes it.
 *
 * @example
 * ```ts
 * const venv = freshVenv(["pulumi_cloudreads==0.1.0"], path.dirname(wheel));
 * run(path.join(venv, "bin", "python"), ["-c", "import pulumi_cloudreads"]);
 * ```
 */
export function freshVenv(requirements: readonly string[], findLinks?: string): string {
    const venv = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-venv-"));
    run(process.env.CLOUDREADS_PYTHON ?? "python3", ["-m", "venv", venv]);
    const links = findLinks ? ["--find-links", findLinks] : [];
    run(path.join(venv, "bin", "python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "-c", PYTHON_PINS, ...links, ...requirements]);
    return venv;
}

/**
 * `mypy` (the tools venv's, pinned) on `targets`, resolving imports in the venv `venv`; returns its
 * exit code and output lines instead of throwing.
 *
 * @example
 * ```ts
 * mypy(venv, ["--strict", "main.py"], dir).code; // 0
 * ```
 */
export function mypy(venv: string, args: readonly string[], cwd: string): { code: number; lines: string[] } {
    try {
        const out = execFileSync(path.join(toolsVenv(), "bin", "python"), ["-m", "mypy", "--cache-dir=/dev/null", "--python-executable", path.join(venv, "bin", "python"), ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, lines: out.trim().split("\n") };
    } catch (e) {
        const err = e as { status?: number; stdout?: string; stderr?: string };
        return { code: err.status ?? 1, lines: `${err.stdout ?? ""}${err.stderr ?? ""}`.trim().split("\n") };
    }
}
