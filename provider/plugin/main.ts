/**
 * Entry point of the provider plugin `pulumi-resource-cloudreads`, bundled to one file by esbuild
 * and shipped as a Node.js single executable application (scripts/release/): started by the engine
 * as `pulumi-resource-cloudreads [engine flags] <engine address>`.
 */
// First: SIGINT and SIGTERM end the process cleanly from here on, start-up included (shutdown.ts).
import { shutdown } from "./shutdown";
import { main } from "./server";
import { readArguments } from "./arguments";

// Arguments the engine does not pass are named on stderr and left out: the server sees only its own.
const { kept, notes } = readArguments(process.argv.slice(2));
for (const note of notes) process.stderr.write(`cloudreads provider: ${note}\n`);
main(kept, shutdown).catch((e: unknown) => {
    process.stderr.write(`cloudreads provider failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
