import * as pulumi from "@pulumi/pulumi";
import { smsTaskPassphrase, TaskPassphraseResult } from "../../../provider/operations/sms-task-passphrase";
import { invokeRead, invokeReadOutput } from "../../internal/program";

/**
 * Arguments of {@link getTaskPassphrase}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.sms.GetTaskPassphraseArgs = { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4", region: "cn-north-4" };
 * ```
 */
export interface GetTaskPassphraseArgs {
    /** Migration task id (1 to 36 characters). */
    readonly taskId: string;
    /** Region that picks the SMS site. Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: string;
    /** Base URL of SMS. Default: `huaweicloud:endpoints.sms`, else derived from the region. */
    readonly endpoint?: string;
}

/**
 * Arguments of {@link getTaskPassphraseOutput}: as {@link GetTaskPassphraseArgs}, each an Input.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.sms.GetTaskPassphraseOutputArgs = { taskId: pulumi.output("d7fa81b9-c174-4c0a-a475-51a54c8af8a4") };
 * ```
 */
export interface GetTaskPassphraseOutputArgs {
    readonly taskId: pulumi.Input<string>;
    readonly region?: pulumi.Input<string>;
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * Result of {@link getTaskPassphrase}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const r: huaweicloud.sms.GetTaskPassphraseResult = await huaweicloud.sms.getTaskPassphrase({ taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" });
 * ```
 */
export type GetTaskPassphraseResult = TaskPassphraseResult;

/**
 * Reads the certificate passphrase of a Huawei Cloud SMS migration task, in the program
 * process. Returns **plain** values: `passphrase` is not marked secret, so prefer
 * {@link getTaskPassphraseOutput} unless you handle it yourself.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const { passphrase } = await huaweicloud.sms.getTaskPassphrase({ taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" });
 * ```
 */
export function getTaskPassphrase(args: GetTaskPassphraseArgs, opts?: pulumi.InvokeOptions): Promise<GetTaskPassphraseResult> {
    return invokeRead<GetTaskPassphraseResult>(smsTaskPassphrase, args, opts);
}

/**
 * Reads the certificate passphrase of a Huawei Cloud SMS migration task as an Output. The
 * result is a secret Output, so `passphrase` (and every field taken from it) stays secret;
 * its value is known during `pulumi preview`.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const pass = huaweicloud.sms.getTaskPassphraseOutput({ taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" });
 * export const passphrase = pass.passphrase; // [secret]
 * ```
 */
export function getTaskPassphraseOutput(args: GetTaskPassphraseOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetTaskPassphraseResult> {
    return invokeReadOutput<GetTaskPassphraseResult>(smsTaskPassphrase, args, opts);
}
