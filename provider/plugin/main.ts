/**
 * Entry point of the provider plugin `pulumi-resource-cloudreads` (bundled to one file by
 * `npm run plugin:pack`): `node main.js <engine address>`.
 */
// First: SIGINT and SIGTERM end the process cleanly from here on, start-up included (shutdown.ts).
import { shutdown } from "./shutdown";
import { main } from "./server";

main(process.argv.slice(2), shutdown).catch((e: unknown) => {
    process.stderr.write(`cloudreads provider failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
