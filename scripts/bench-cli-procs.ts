/**
 * Peak RSS of the dynamic-provider host of one Pulumi project, for `npm run bench:cli`: the
 * kernel's high-water mark (`VmHWM` in /proc/<pid>/status) of each `dynamic-provider` process
 * whose working folder is the project's, polled while the command runs (Linux only; 0 elsewhere).
 */
import * as fs from "node:fs";

function hostPids(projectDir: string): string[] {
    const pids: string[] = [];
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
        try {
            if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider")) continue;
            if (fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(projectDir)) pids.push(pid);
        } catch {
            // the process ended between the listing and the read
        }
    }
    return pids;
}

function highWaterMiB(pid: string): number {
    try {
        const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        return kib ? Number(kib) / 1024 : 0;
    } catch {
        return 0;
    }
}

/** Runs `work` and returns its result with the provider host's peak RSS in MiB (0 when none ran). */
export async function withHostPeakRss<T>(projectDir: string, work: () => Promise<T>): Promise<[T, number]> {
    if (!fs.existsSync("/proc/self/status")) return [await work(), 0];
    let peak = 0;
    const poll = (): void => {
        for (const pid of hostPids(projectDir)) peak = Math.max(peak, highWaterMiB(pid));
    };
    const timer = setInterval(poll, 250);
    try {
        return [await work(), peak];
    } finally {
        clearInterval(timer);
    }
}
