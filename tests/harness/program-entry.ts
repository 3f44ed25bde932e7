/**
 * Finds the project name and the program entry point the way the Pulumi CLI
 * and the Node language host do.
 *
 * @module
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The two `Pulumi.yaml` fields the harness uses. */
export interface ProjectFile {
    name?: string;
    main?: string;
}

/** Path of the project file in `programDir`, if there is one. */
export function findProjectFile(programDir: string): string | undefined {
    return ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(programDir, f)).find((f) => fs.existsSync(f));
}

/** Reads top-level `name` and `main` from `Pulumi.yaml` (or `.yml`) in `programDir`. */
export function readProjectFile(programDir: string): ProjectFile {
    for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
        let text: string;
        try {
            text = fs.readFileSync(path.join(programDir, file), "utf8");
        } catch {
            continue;
        }
        const field = (key: string) => {
            const m = new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, "m").exec(text);
            return m?.[1]?.replace(/^(['"])(.*)\1$/, "$2");
        };
        const out: ProjectFile = {};
        const name = field("name");
        const main = field("main");
        if (name) {
            out.name = name;
        }
        if (main) {
            out.main = main;
        }
        return out;
    }
    return {};
}

function withDirSlash(p: string): string {
    // The language host requires a directory with a trailing "/" so an adjacent .json is not picked.
    return fs.existsSync(p) && fs.statSync(p).isDirectory() && !p.endsWith("/") ? `${p}/` : p;
}

function findUp(dir: string, file: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        const candidate = path.join(d, file);
        if (fs.existsSync(candidate)) {
            return candidate;
        }
        if (path.dirname(d) === d) {
            return undefined;
        }
    }
}

/**
 * The module the language host would `require`: `Pulumi.yaml` `main`; else,
 * as `cmd/run/run.js` does, the `exports`/`main` of the nearest package.json
 * (searched upward, so a program without its own package.json inherits its
 * parent package's entry point); else the directory itself. Pushes a warning
 * when the entry point comes from a package.json outside the program directory.
 */
export function resolveEntryPoint(programDir: string, warnings: string[]): string {
    const project = readProjectFile(programDir);
    if (project.main) {
        return withDirSlash(path.resolve(programDir, project.main));
    }
    const manifest = findUp(programDir, "package.json");
    if (manifest) {
        const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as { exports?: unknown; main?: unknown };
        let entry: unknown;
        if (typeof pkg.exports === "string") {
            entry = pkg.exports;
        } else if (typeof pkg.exports === "object" && pkg.exports !== null) {
            const dot = (pkg.exports as Record<string, unknown>)["."];
            const conditions = typeof dot === "object" && dot !== null ? (dot as Record<string, unknown>) : {};
            entry = typeof dot === "string" ? dot : (conditions.default ?? conditions.require ?? conditions.import);
        } else {
            entry = pkg.main;
        }
        if (typeof entry === "string") {
            const resolved = path.join(path.dirname(manifest), entry);
            if (fs.existsSync(resolved)) {
                if (path.dirname(manifest) !== programDir) {
                    warnings.push(
                        `entry point taken from ${manifest} (${entry}): the program directory has no Pulumi.yaml "main" and no package.json of its own`,
                    );
                }
                return withDirSlash(resolved);
            }
            warnings.push(`Could not find entry point '${entry}' specified in package.json; using '${programDir}' instead`);
        }
    }
    return withDirSlash(programDir);
}
