import * as pulumi from "@pulumi/pulumi";
import provider = require("../../../provider/dynamic/huaweicloud-kps-keypair-task");
import { kpsKeypairTask } from "../../../provider/operations/kps-keypair-task";
import { resourceOptions, resourceProps, TYPE_MODULE } from "../../internal/program";

/**
 * Arguments of {@link KeypairTask}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.kps.KeypairTaskArgs = { taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c", region: "cn-north-4" };
 * ```
 */
export interface KeypairTaskArgs {
    /** Key pair task id. Changing it replaces the resource. */
    readonly taskId: pulumi.Input<string>;
    /** Project id (32 characters). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM. */
    readonly projectId?: pulumi.Input<string>;
    /** Region. Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: pulumi.Input<string>;
    /** Base URL of KPS. Default: `huaweicloud:endpoints.kms`, else `https://kms.{region}.{cloud}`. */
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * The status of a Huawei Cloud KPS key pair task (`GET /v3/{project_id}/tasks/{task_id}`).
 * Read-only: `pulumi refresh` picks up a new status.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const task = new huaweicloud.kps.KeypairTask("reset-task", { taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * export const done = task.phase.apply((p) => p === "SUCCESS");
 * ```
 */
export class KeypairTask extends pulumi.dynamic.Resource {
    /** The project id read from. */
    declare readonly projectId: pulumi.Output<string>;
    /** The task id. */
    declare readonly taskId: pulumi.Output<string>;
    /** Raw status, e.g. `RUNNING_RESET`. */
    declare readonly taskStatus: pulumi.Output<string>;
    /** Phase part of the status, e.g. `RUNNING` (unknown values pass through). */
    declare readonly phase: pulumi.Output<string>;
    /** Operation part of the status, e.g. `RESET` (empty when the status has none). */
    declare readonly operation: pulumi.Output<string>;
    /** The server the task works on (empty when not returned). */
    declare readonly serverId: pulumi.Output<string>;
    /** The region override, when given. */
    declare readonly region: pulumi.Output<string | undefined>;
    /** The endpoint override, when given. */
    declare readonly endpoint: pulumi.Output<string | undefined>;

    /**
     * Reads an existing object into the stack by its resource id, `{projectId}/{taskId}`, as Pulumi's
     * `get` does: nothing is declared but the id, and the arguments are taken from it.
     *
     * @example
     * ```ts
     * import { huaweicloud } from "pulumi-cloudreads";
     *
     * const existing = huaweicloud.kps.KeypairTask.get("reset-task", "0123456789abcdef0123456789abcdef/aee8d2fe-5484-4753-9177-5a38dc15546c");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): KeypairTask {
        // No arguments: the provider's read takes them from the id.
        return new KeypairTask(name, {} as KeypairTaskArgs, { ...opts, id });
    }

    /**
     * @param name The unique name of the resource.
     * @param args The task to read.
     * @param opts Resource options.
     */
    constructor(name: string, args: KeypairTaskArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, resourceProps(kpsKeypairTask, args), resourceOptions(kpsKeypairTask, opts), TYPE_MODULE, kpsKeypairTask.token);
    }
}
