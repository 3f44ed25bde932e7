import { operations } from "./all";
import type { AnyReadOperation } from "./operation";

export { operations };

/** Token of a read, e.g. `huaweicloud.kps.KeypairTask`. */
export type OperationToken = keyof typeof operations;

/** Looks up a read by token; throws for an unknown token (a corrupted state file). */
export function operationFor(token: string): AnyReadOperation {
    const op = (operations as Record<string, AnyReadOperation>)[token];
    if (!op || op.token !== token) throw new Error(`pulumi-cloudreads: unknown read ${JSON.stringify(token)}`);
    return op;
}
