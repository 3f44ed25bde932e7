import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Saves the measured runs of `npm run bench:cli` as JSON in a private folder of their own
 * (`mkdtemp`: mode 0700, a fresh name each time) and returns the file's path, for
 * `BENCH_CLI_RENDER=<path> npm run bench:cli` to render the docs again without measuring. A fixed
 * name in the shared temp folder could be a symlink planted by another user, or be read by one.
 */
export function saveRuns(measured: unknown, tmp: string = os.tmpdir()): string {
    const dir = fs.mkdtempSync(path.join(tmp, "cloudreads-bench-cli-runs-"));
    const file = path.join(dir, "runs.json");
    // `wx`: never through an existing file or link, even in our own folder.
    fs.writeFileSync(file, `${JSON.stringify(measured, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return file;
}
