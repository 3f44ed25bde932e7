/**
 * A Pulumi program with a single read, for the secret-hygiene sweep's failing `up` runs: one
 * resource, or one function call, chosen by stack config. With nothing else in flight, a failed
 * read ends the program the same way every time (the quickstart, with four resources created
 * concurrently, would race its remaining replies against the program's exit).
 *
 * Config (`cloudreads-sweep:` namespace): `read` = sms | roma | kps | astra; `as` = resource |
 * function; `id` = the task, product or certificate id; `instanceId` for roma.
 */
import * as pulumi from "@pulumi/pulumi";
import { astracontrol, huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-sweep");
const read = config.require("read");
const asFunction = config.require("as") === "function";
const id = config.require("id");

function readOnce(): pulumi.Output<string> {
    switch (read) {
        case "sms":
            return asFunction
                ? huaweicloud.sms.getTaskPassphraseOutput({ taskId: id }).passphrase
                : new huaweicloud.sms.TaskPassphrase("one", { taskId: id }).passphrase;
        case "roma": {
            const args = { instanceId: config.require("instanceId"), productId: id };
            return asFunction ? huaweicloud.roma.getProductAuthenticationOutput(args).password : new huaweicloud.roma.ProductAuthentication("one", args).password;
        }
        case "kps":
            return asFunction ? huaweicloud.kps.getKeypairTaskOutput({ taskId: id }).taskStatus : new huaweicloud.kps.KeypairTask("one", { taskId: id }).taskStatus;
        case "astra":
            return asFunction
                ? astracontrol.getCertificateOutput({ certificateId: id }).cn
                : new astracontrol.Certificate("one", { certificateId: id }).cn;
        default:
            throw new Error(`cloudreads-sweep:read must be sms, roma, kps or astra, not ${JSON.stringify(read)}`);
    }
}

export const value = readOnce();
