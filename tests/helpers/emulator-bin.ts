import type { ChildProcessWithoutNullStreams } from "node:child_process";
import * as net from "node:net";

/** Everything a running `cloudreads-emulator` printed, once it printed its last line; rejects if it exits first. */
export function printed(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (out.includes("# Ctrl-C stops the emulator.\n")) resolve(out);
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.once("exit", (code) => reject(new Error(`cloudreads-emulator exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
}

/** The port of the URL on the first line a `cloudreads-emulator` printed (`--format both` or `config`). */
export function printedPort(out: string): number {
  return Number(new URL(out.split("\n")[0] ?? "").port);
}

/** How `child` ended. */
export function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Resolves once nothing listens on `port` any more (a process closing on its own schedule; no deadline). */
export async function portClosed(port: number): Promise<void> {
  while (await canConnect(port)) await new Promise((resolve) => setTimeout(resolve, 100));
}
