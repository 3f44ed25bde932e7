import { ConfigurationError } from "../../../provider/core/errors";

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

/** The oldest Node.js major this package supports (package.json `engines.node`). */
export const NODE_FLOOR_MAJOR = 22;

let warnedNode = false;

/**
 * On a Node.js below {@link NODE_FLOOR_MAJOR}: one line on stderr, once per process, naming the
 * version found and the one supported. A warning, not an error: a program that works there is not
 * stopped, but it runs untested (Node.js 20 reached its end of life on 2026-04-30, and
 * `@pulumi/pulumi` 3.249 and later need Node.js 22).
 *
 * @example
 * ```ts
 * warnUnsupportedNode("20.20.2"); // pulumi-cloudreads: warning: Node.js v20.20.2 is below the supported v22 ...
 * ```
 */
export function warnUnsupportedNode(version: string = process.versions.node, write: (line: string) => void = (l) => void process.stderr.write(l)): boolean {
    const major = Number(version.split(".")[0]);
    if (process.versions.bun !== undefined || !Number.isInteger(major) || major >= NODE_FLOOR_MAJOR || warnedNode) return false;
    warnedNode = true;
    write(`pulumi-cloudreads: warning: Node.js v${version} is below the supported v${NODE_FLOOR_MAJOR} (engines.node ">=${NODE_FLOOR_MAJOR}"); this package is tested on Node.js 24 and 22 only. Upgrade Node.js.\n`);
    return true;
}
