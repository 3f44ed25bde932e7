import * as pulumi from "@pulumi/pulumi";
import { InputError, type InputFailure } from "../../../provider/core/errors";

// Options that would change where a read runs: it runs in this program, with no provider plugin.
const REFUSED: Readonly<Record<string, string>> = {
    provider: "pulumi-cloudreads functions run in your program and use no provider resource; to read from another account, region or installation, pass the `connection` argument, naming a connection set under huaweicloud:connections.<name> or astracontrol:connections.<name> in stack config",
    version: "pulumi-cloudreads functions use no provider plugin, so there is no plugin version to choose",
    pluginDownloadURL: "pulumi-cloudreads functions use no provider plugin, so there is nothing to download",
};

// Accepted and without effect on a read: `parent` only places an invoke under a resource for
// provider inheritance (there is no provider to inherit); `async` is Pulumi's deprecated switch.
const ACCEPTED = new Set(["parent", "async"]);

function failures(opts: object, allowed: ReadonlySet<string>, functionName: string): InputFailure[] {
    const found: InputFailure[] = [];
    for (const key of Object.keys(opts)) {
        const value = (opts as Record<string, unknown>)[key];
        if (value === undefined || allowed.has(key)) continue;
        if (key in REFUSED) found.push({ property: `opts.${key}`, reason: `not supported: ${REFUSED[key]}` });
        else if (key === "dependsOn") found.push({ property: "opts.dependsOn", reason: `not supported by ${functionName}, which reads at once; use ${functionName}Output(args, { dependsOn }) to wait for resources` });
        else found.push({ property: `opts.${key}`, reason: `not an invoke option (expected ${[...allowed].sort().join(", ")})` });
    }
    return found;
}

/**
 * Checks the options of a plain `getX(args, opts)`; rejects what Pulumi's InvokeOptions would do
 * for a provider function but a read in the program cannot.
 */
export function checkInvokeOptions(functionName: string, opts: pulumi.InvokeOptions | undefined): void {
    const found = failures(opts ?? {}, ACCEPTED, functionName);
    if (found.length) throw new InputError(functionName, found);
}

/**
 * Checks the options of `getXOutput(args, opts)` and returns the Outputs the read must wait for:
 * the id of every custom resource in `dependsOn` (unknown in preview while that resource is being
 * created, which makes the result unknown too, as Pulumi's own invokes do) and the urn of any
 * other resource.
 */
export function invokeOutputDependencies(functionName: string, opts: pulumi.InvokeOutputOptions | undefined): pulumi.Output<unknown[]> {
    const found = failures(opts ?? {}, new Set([...ACCEPTED, "dependsOn"]), `${functionName}Output`);
    if (found.length) throw new InputError(`${functionName}Output`, found);
    if (opts?.dependsOn === undefined) return pulumi.output([]);
    return pulumi.output(opts.dependsOn as pulumi.Input<pulumi.Input<pulumi.Resource>[]>).apply((deps) => {
        const list = (Array.isArray(deps) ? deps : [deps]) as unknown[];
        const waits = list.map((dep, i) => {
            if (pulumi.CustomResource.isInstance(dep)) return dep.id;
            if (pulumi.Resource.isInstance(dep)) return dep.urn;
            throw new InputError(`${functionName}Output`, [{ property: `opts.dependsOn[${i}]`, reason: "expected a Pulumi resource" }]);
        });
        return pulumi.all(waits);
    });
}
