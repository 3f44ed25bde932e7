import { ConfigurationError } from "../../provider/core/errors";

/**
 * Dynamic resources need Pulumi's Node.js dynamic-provider host, which Bun cannot run. A resource
 * of this package declared from a Bun program fails at once with this explanation, instead of
 * failing later inside the engine. (The functions, getX and getXOutput, read in the program and
 * work under Bun.)
 */
export function refuseUnsupportedRuntime(resourceType: string): void {
    if (process.versions.bun !== undefined) {
        throw new ConfigurationError(
            `${resourceType}: this program runs under Bun, which cannot run Pulumi dynamic providers; run it with Node.js (Pulumi.yaml runtime: nodejs, without packagemanager: bun) or use the function form (getX/getXOutput), which works under Bun.`,
        );
    }
}
