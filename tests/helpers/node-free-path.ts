import * as fs from "node:fs";
import * as path from "node:path";

/**
 * `PATH` (the test process's by default) without any folder that holds a `node` executable: what the
 * plugin's process and the CLI of a YAML, Python or Go program get, so that a plugin that needed
 * Node.js would fail to start instead of finding the test's own Node.
 *
 * @example
 * ```ts
 * spawn(plugin, [], { env: { PATH: nodeFreePath() } });
 * ```
 */
export function nodeFreePath(pathVar: string = process.env.PATH ?? ""): string {
    return pathVar
        .split(path.delimiter)
        .filter((dir) => dir && !hasNode(dir))
        .join(path.delimiter);
}

function hasNode(dir: string): boolean {
    try {
        fs.accessSync(path.join(dir, "node"), fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}
