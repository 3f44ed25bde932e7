import * as pulumi from "@pulumi/pulumi";
import provider = require("../../../provider/dynamic/huaweicloud-sms-task-passphrase");
import { smsTaskPassphrase } from "../../../provider/operations/sms-task-passphrase";
import { resourceOptions, resourceProps, TYPE_MODULE } from "../../internal/program";

/**
 * Arguments of {@link TaskPassphrase}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.sms.TaskPassphraseArgs = { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" };
 * ```
 */
export interface TaskPassphraseArgs {
    /** Migration task id (1 to 36 characters). Changing it replaces the resource. */
    readonly taskId: pulumi.Input<string>;
    /** Region that picks the SMS site (China, international, Europe). Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: pulumi.Input<string>;
    /** Base URL of SMS, overriding the derived host. Default: `huaweicloud:endpoints.sms`, else derived from the region. */
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * The certificate passphrase of a Huawei Cloud SMS migration task's secure transmission
 * channel (`GET /v3/tasks/{task_id}/passphrase`). Read-only: create and refresh read it;
 * delete only forgets it. `passphrase` is stored and shown as a secret.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const pass = new huaweicloud.sms.TaskPassphrase("agent-pass", { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" });
 * export const passphrase = pass.passphrase; // [secret]
 * ```
 */
export class TaskPassphrase extends pulumi.dynamic.Resource {
    /** The task id. */
    declare readonly taskId: pulumi.Output<string>;
    /** The certificate passphrase (secret). */
    declare readonly passphrase: pulumi.Output<string>;
    /** The region override, when given. */
    declare readonly region: pulumi.Output<string | undefined>;
    /** The endpoint override, when given. */
    declare readonly endpoint: pulumi.Output<string | undefined>;

    /**
     * Reads an existing object into the stack by its resource id, the task id, as Pulumi's
     * `get` does: nothing is declared but the id, and the arguments are taken from it.
     *
     * @example
     * ```ts
     * import { huaweicloud } from "pulumi-cloudreads";
     *
     * const existing = huaweicloud.sms.TaskPassphrase.get("agent-pass", "d7fa81b9-c174-4c0a-a475-51a54c8af8a4");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): TaskPassphrase {
        // No arguments: the provider's read takes them from the id.
        return new TaskPassphrase(name, {} as TaskPassphraseArgs, { ...opts, id });
    }

    /**
     * @param name The unique name of the resource.
     * @param args The task to read.
     * @param opts Resource options; `passphrase` is added to `additionalSecretOutputs`.
     */
    constructor(name: string, args: TaskPassphraseArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, resourceProps(smsTaskPassphrase, args), resourceOptions(smsTaskPassphrase, opts), TYPE_MODULE, smsTaskPassphrase.token);
    }
}
