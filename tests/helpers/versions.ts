import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

function readJson(file: string): { version?: string; devDependencies?: Record<string, string> } {
    return JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string; devDependencies?: Record<string, string> };
}

/**
 * The @pulumi/pulumi this test job runs on: the one in node_modules (3.276.0 after `npm ci`, the
 * current job; 3.248.0 in the floor job, which installs it over). Scratch projects that install
 * the packed package take the same version, so both jobs test what they say.
 */
export const PULUMI_SDK_VERSION: string = readJson(require.resolve("@pulumi/pulumi/package.json")).version ?? "";

/** The exact devDependency versions of the tools a scratch TypeScript program needs. */
function devDependency(name: string): string {
    const v = readJson(path.join(ROOT, "package.json")).devDependencies?.[name];
    if (!v) throw new Error(`package.json has no devDependency ${name}`);
    return `${name}@${v}`;
}

/** `npm install` specs of a TypeScript Pulumi program: @pulumi/pulumi of this job, typescript, ts-node, @types/node. */
export function programDependencies(): string[] {
    return [`@pulumi/pulumi@${PULUMI_SDK_VERSION}`, devDependency("typescript"), devDependency("ts-node"), devDependency("@types/node")];
}
