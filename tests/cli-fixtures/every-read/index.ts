import * as pulumi from "@pulumi/pulumi";
import * as sdk from "pulumi-cloudreads";
import { examplesOf, hasResource, READS, sdkEntry } from "../../helpers/reads";

// Every read the package registers, with no list here: a resource (unless function-only) and a getXOutput call each, on
// the object its description's example names, or (config `missing: true`) on a missing one.
const config = new pulumi.Config("cloudreads-every-read");
const missing = config.getBoolean("missing") ?? false;

const functions: Record<string, pulumi.Output<object>> = {};
for (const token of READS) {
    const read = sdkEntry(sdk, token);
    const args = missing ? examplesOf(token).missing : examplesOf(token).args;
    if (hasResource(token)) new read.Resource(`r-${token}`, args);
    if (!missing) functions[token] = read.getOutput(args) as unknown as pulumi.Output<object>;
}

export const fromFunctions = functions;
