/**
 * Entry point of the provider plugin `pulumi-resource-cloudreads` (bundled to one file by
 * `npm run plugin:pack`): `node main.js <engine address>`.
 */
import { main } from "./server";

main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`cloudreads provider failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
