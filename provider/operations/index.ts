import { astraCertificate } from "./astra-certificate";
import { kpsKeypairTask } from "./kps-keypair-task";
import type { AnyReadOperation } from "./operation";
import { romaProductAuthentication } from "./roma-product-authentication";
import { smsTaskPassphrase } from "./sms-task-passphrase";

/** Every read this package offers, by token. A fifth API is one new file and one line here. */
export const operations = {
    "huaweicloud.sms.TaskPassphrase": smsTaskPassphrase,
    "huaweicloud.roma.ProductAuthentication": romaProductAuthentication,
    "huaweicloud.kps.KeypairTask": kpsKeypairTask,
    "astracontrol.Certificate": astraCertificate,
} as const satisfies Record<string, AnyReadOperation>;

/** Token of a read, e.g. `huaweicloud.kps.KeypairTask`. */
export type OperationToken = keyof typeof operations;

/** Looks up a read by token; throws for an unknown token (a corrupted state file). */
export function operationFor(token: string): AnyReadOperation {
    const op = (operations as Record<string, AnyReadOperation>)[token];
    if (!op || op.token !== token) throw new Error(`pulumi-cloudreads: unknown read ${JSON.stringify(token)}`);
    return op;
}
