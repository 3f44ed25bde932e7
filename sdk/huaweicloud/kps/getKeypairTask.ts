import * as pulumi from "@pulumi/pulumi";
import { KeypairTaskResult, kpsKeypairTask } from "../../../provider/operations/kps-keypair-task";
import { invokeRead, invokeReadOutput } from "../../internal/program";

/**
 * Arguments of {@link getKeypairTask}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.kps.GetKeypairTaskArgs = { taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" };
 * ```
 */
export interface GetKeypairTaskArgs {
    /** Key pair task id. */
    readonly taskId: string;
    /** Project id (32 characters). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM. */
    readonly projectId?: string;
    /** Region. Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: string;
    /** Base URL of KPS. Default: `huaweicloud:endpoints.kms`, else derived. */
    readonly endpoint?: string;
}

/**
 * Arguments of {@link getKeypairTaskOutput}: as {@link GetKeypairTaskArgs}, each an Input.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.kps.GetKeypairTaskOutputArgs = { taskId: pulumi.output("aee8d2fe-5484-4753-9177-5a38dc15546c") };
 * ```
 */
export interface GetKeypairTaskOutputArgs {
    readonly taskId: pulumi.Input<string>;
    readonly projectId?: pulumi.Input<string>;
    readonly region?: pulumi.Input<string>;
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * Result of {@link getKeypairTask}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const r: huaweicloud.kps.GetKeypairTaskResult = await huaweicloud.kps.getKeypairTask({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * ```
 */
export type GetKeypairTaskResult = KeypairTaskResult;

/**
 * Reads the status of a KPS key pair task in the program process.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const task = await huaweicloud.kps.getKeypairTask({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * if (task.phase === "FAILED") throw new Error("key pair reset failed");
 * ```
 */
export function getKeypairTask(args: GetKeypairTaskArgs, opts?: pulumi.InvokeOptions): Promise<GetKeypairTaskResult> {
    return invokeRead<GetKeypairTaskResult>(kpsKeypairTask, args, opts);
}

/**
 * Reads the status of a KPS key pair task as an Output (known during preview).
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const task = huaweicloud.kps.getKeypairTaskOutput({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * export const status = task.taskStatus;
 * ```
 */
export function getKeypairTaskOutput(args: GetKeypairTaskOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetKeypairTaskResult> {
    return invokeReadOutput<GetKeypairTaskResult>(kpsKeypairTask, args, opts);
}
