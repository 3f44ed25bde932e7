import * as path from "node:path";

// This package's own code, in the repository (sdk/, provider/) or built (dist/sdk/, dist/provider/).
const ROOT = path.resolve(__dirname, "..", "..", "..");
const OWN = [path.join(ROOT, "sdk") + path.sep, path.join(ROOT, "provider") + path.sep];
const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/**
 * Where the user's program called into this package: the first stack frame outside it (and outside
 * node_modules and Node's internals), as `file:line` (relative to the working directory when inside
 * it), or undefined when there is none. `below` is the function whose frames and callees are skipped.
 */
export function userCallSite(below: Function): string | undefined {
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, below);
    for (const line of (holder.stack ?? "").split("\n").slice(1)) {
        const m = FRAME.exec(line.trim());
        if (!m) continue;
        const file = m[1]!.replace(/^file:\/\//, "");
        if (!path.isAbsolute(file) || OWN.some((dir) => file.startsWith(dir)) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const relative = path.relative(process.cwd(), file);
        return `${relative.startsWith("..") ? file : relative}:${m[2]}`;
    }
    return undefined;
}

/** `error` with the call site appended to its message (and to the message its stack repeats); other values as they are. */
export function withCallSite(error: unknown, site: string | undefined): unknown {
    if (!(error instanceof Error) || site === undefined || error.message.endsWith(`(called at ${site})`)) return error;
    const before = error.message;
    error.message = `${before} (called at ${site})`;
    if (typeof error.stack === "string" && before !== "") error.stack = error.stack.replace(before, error.message);
    return error;
}
