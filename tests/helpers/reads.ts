import * as fs from "node:fs";
import * as path from "node:path";
import { operations, type OperationToken } from "../../provider/operations";
import { descriptionOf } from "../../provider/operations/describe";

/**
 * Every read the package offers, and what the test matrices need to know about each, taken from
 * the reads' descriptions: a new description is covered by every matrix without editing a list.
 */

/** Every read's token, in the registry's order. */
export const READS: readonly OperationToken[] = Object.keys(operations) as OperationToken[];

/** Whether a read is a resource too, or only functions (a look-up by name). */
export function hasResource(token: OperationToken): boolean {
    return descriptionOf(operations[token]).resource !== false;
}

/** The reads that are resources, for the matrices about resources (state, refresh, `__provider`). */
export const RESOURCE_READS: readonly OperationToken[] = READS.filter(hasResource);

/** Whether a read is a list (its missing example is an empty list, not a 404). */
export function isList(token: OperationToken): boolean {
    return operations[token].paging !== undefined;
}

/** The Pulumi type of a read's resource. */
export function typeOf(token: string): string {
    return `pulumi-nodejs:dynamic/cloudreads:${token}`;
}

/** The module under `provider/dynamic/` that a read's `__provider` requires. */
export function dynamicModuleOf(token: string): string {
    const parts = token.split(".");
    const name = parts.pop()!;
    return `${parts.join("-")}-${name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}`;
}

/** Arguments that read an existing object of the default fixtures, and ones that read a missing object. */
export function examplesOf(token: OperationToken): { args: Readonly<Record<string, string>>; missing: Readonly<Record<string, string>>; name: string; secretFields: readonly string[] } {
    const op = operations[token];
    const d = descriptionOf(op);
    return { args: d.examples.args, missing: d.examples.missing, name: d.docs.example.name, secretFields: op.secretFields };
}

/** `huaweicloud.sms.TaskPassphrase` -> `{ module: "huaweicloud.sms", name: "TaskPassphrase", fn: "getTaskPassphrase" }`. */
export function sdkNamesOf(token: string): { module: string; name: string; fn: string } {
    const at = token.lastIndexOf(".");
    const name = token.slice(at + 1);
    return { module: token.slice(0, at), name, fn: `get${name}` };
}

/** The SDK's resource class and functions of a read, looked up in a loaded SDK module by name. */
export function sdkEntry(sdk: object, token: string): { /** Absent for a function-only read. */ Resource: new (name: string, args: object) => { urn: unknown }; get: (args: object) => Promise<object>; getOutput: (args: object) => { apply: unknown } } {
    const { module, name, fn } = sdkNamesOf(token);
    let scope = sdk as Record<string, unknown>;
    for (const part of module.split(".")) scope = scope[part] as Record<string, unknown>;
    const entry = { Resource: scope[name], get: scope[fn], getOutput: scope[`${fn}Output`] };
    for (const [k, v] of Object.entries(entry)) if (typeof v !== "function" && !(k === "Resource" && !hasResource(token as OperationToken))) throw new Error(`the SDK has no ${module}.${k === "Resource" ? name : k === "get" ? fn : `${fn}Output`}`);
    return entry as ReturnType<typeof sdkEntry>;
}

/** A program line declaring a read's resource: `new huaweicloud.sms.Task("name", { ... });`. */
export function resourceLine(token: string, name: string, args: Readonly<Record<string, string>>): string {
    const { module } = sdkNamesOf(token);
    return `new ${module}.${sdkNamesOf(token).name}(${JSON.stringify(name)}, ${JSON.stringify(args)});`;
}

/** The reads `examples/quickstart/index.ts` declares as resources. */
export function quickstartReads(): OperationToken[] {
    const text = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "quickstart", "index.ts"), "utf8");
    return RESOURCE_READS.filter((token) => {
        const { module, name } = sdkNamesOf(token);
        return text.includes(`new ${module}.${name}(`);
    });
}
