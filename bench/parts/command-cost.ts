/**
 * What one `pulumi` command of `npm run bench:cli` cost: wall time; CPU time of the whole process
 * tree (bash's `times` after the command: the CLI, its plugins and the program, all waited for);
 * and, polled from /proc (every 50 ms), the CPU time and the peak RSS (`VmHWM`, the kernel's
 * high-water mark) of the provider process (the dynamic-provider host, or a
 * `pulumi-resource-cloudreads` plugin binary) and the CPU time of the Node program — the processes
 * whose working folder is the project's. Linux only for the polled figures (0 elsewhere).
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import type { PulumiCli } from "../../tests/helpers/pulumi-cli";

/** The cost of one command. */
export interface CommandCost {
    ms: number;
    /** CPU (user + system) of the CLI and every process it waited for. */
    cpuMs: number;
    /** CPU of the provider process (dynamic-provider host or plugin), as last seen before it ended (0 when none ran). */
    hostCpuMs: number;
    /** Peak RSS of the provider process (0 when none ran). */
    rssMiB: number;
    /** CPU of the Node program, as last seen before it ended. */
    programCpuMs: number;
}

// By its full path: a YAML program's PATH holds no folder with a node, which here is /usr/bin, bash's too.
const BASH = execFileSync("bash", ["-c", "command -v bash"], { encoding: "utf8" }).trim();
const TICK_MS = 10; // USER_HZ is 100 on Linux
type Role = "host" | "program";

function roleOf(pid: string, projectDir: string): Role | undefined {
    try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        const provider = cmd.includes("cmd/dynamic-provider") || cmd.split("\0")[0]!.endsWith("/pulumi-resource-cloudreads");
        const role = provider ? "host" : cmd.includes("cmd/run") ? "program" : undefined;
        return role && fs.realpathSync(`/proc/${pid}/cwd`) === projectDir ? role : undefined;
    } catch {
        return undefined; // the process ended between the listing and the read
    }
}

function sample(pid: string): { cpuMs: number; hwmMiB: number } | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        return { cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, hwmMiB: kib ? Number(kib) / 1024 : 0 };
    } catch {
        return undefined;
    }
}

/** `0m7.504s` as milliseconds. */
function parseTimes(text: string): number {
    const m = /(\d+)m([\d.]+)s/.exec(text);
    return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : NaN;
}

/** Runs `pulumi ...args` as `cli` would (its folder and environment) and measures it; fails unless it exits 0. */
export async function measuredCommand(cli: PulumiCli, args: string[], timeoutMs: number): Promise<CommandCost> {
    const projectDir = fs.realpathSync(cli.cwd);
    const seen = new Map<string, { role: Role; cpuMs: number; hwmMiB: number }>();
    // The processes found are sampled every 50 ms (a process's last sample is at most that old when
    // it ends); new ones are looked for every 250 ms, a full scan of /proc.
    let tick = 0;
    const poll = (): void => {
        if (!fs.existsSync("/proc/self/stat")) return;
        const pids = tick++ % 5 === 0 ? fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)) : [...seen.keys()];
        for (const pid of pids) {
            const role = seen.get(pid)?.role ?? roleOf(pid, projectDir);
            const s = role && sample(pid);
            if (role && s) seen.set(pid, { role, cpuMs: s.cpuMs, hwmMiB: Math.max(s.hwmMiB, seen.get(pid)?.hwmMiB ?? 0) });
        }
    };
    const timer = setInterval(poll, 50);
    const t0 = process.hrtime.bigint();
    try {
        const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
            const script = 'pulumi --non-interactive "$@"; s=$?; times >&2; exit $s';
            const child = spawn(BASH, ["-c", script, "bash", ...args], { cwd: cli.cwd, env: cli.env, stdio: ["ignore", "pipe", "pipe"] });
            let out = "";
            let err = "";
            child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
            child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
            const kill = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.once("error", reject);
            child.once("close", (c) => {
                clearTimeout(kill);
                resolve({ code: c ?? 1, stdout: out, stderr: err });
            });
        });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (code !== 0) throw new Error(`\`pulumi ${args.join(" ")}\` exited ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
        // The last line of `times` is the children's user and system time.
        const [user = "", system = ""] = stderr.trim().split("\n").pop()?.trim().split(/\s+/) ?? [];
        const procs = [...seen.values()];
        const sum = (role: Role): number => procs.filter((p) => p.role === role).reduce((a, p) => a + p.cpuMs, 0);
        return { ms, cpuMs: parseTimes(user) + parseTimes(system), hostCpuMs: sum("host"), rssMiB: Math.max(0, ...procs.filter((p) => p.role === "host").map((p) => p.hwmMiB)), programCpuMs: sum("program") };
    } finally {
        clearInterval(timer);
    }
}
