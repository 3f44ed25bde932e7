/**
 * Entry point of the provider plugin `pulumi-resource-cloudreads`, bundled to one file by esbuild
 * and shipped as a Node.js single executable application (scripts/release/): started by the engine
 * as `pulumi-resource-cloudreads [engine flags] <engine address>`.
 */
import { main } from "./server";
import { argumentNotes } from "./arguments";

const args = process.argv.slice(2);
for (const note of argumentNotes(args)) process.stderr.write(`cloudreads provider: ${note}\n`);
main(args).catch((e: unknown) => {
    process.stderr.write(`cloudreads provider failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
