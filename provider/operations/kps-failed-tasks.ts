import * as t from "io-ts";
import { defineRead, field } from "./describe";
import { KPS_OPERATE_TYPES, kpsProjectIdArg, type RunningTask, RunningTaskItem, runningTaskOf } from "./kps-running-tasks";
import { huaweiOverrides, offsetPaging, SERVICES } from "./services";

/** One task of `ListFailedTask` (KPS's `FailedTasks` model): a listed task and its error. */
const FailedTaskItem = t.intersection([RunningTaskItem, t.partial({ task_error_code: t.string, task_error_msg: t.string })], "FailedTasks");

/** One page of `ListFailedTask`: `total` is every task, whatever the page. */
const FailedTaskPage = t.intersection([t.type({ tasks: t.array(FailedTaskItem) }), t.partial({ total: t.number })], "ListFailedTaskResponse");

/**
 * A KPS key pair task that failed, as `getFailedTasks` lists it.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const { tasks } = await huaweicloud.kps.getFailedTasks({});
 * const failed: huaweicloud.kps.FailedTask | undefined = tasks.find((t) => t.keypairName === "erp-keypair");
 * ```
 */
export interface FailedTask extends RunningTask {
    /** KPS's error code of the failure, e.g. `KPS.XXXX`; empty when not sent. */
    readonly taskErrorCode: string;
    /** KPS's error message of the failure; empty when not sent. */
    readonly taskErrorMsg: string;
}

/** Huawei Cloud KPS `ListFailedTask`: the key pair tasks that failed, every page. */
export const kpsFailedTasks = defineRead({
    token: "huaweicloud.kps.FailedTasks",
    ...SERVICES.kps,
    api: { operation: "ListFailedTask", path: "/v3/{projectId}/failed-tasks", scope: "project", page: "Querying Failed Tasks", url: "https://support.huaweicloud.com/intl/en-us/api-dew/ListFailedTask.html", read: "2026-12-07" },
    args: {
        projectId: kpsProjectIdArg,
        ...huaweiOverrides("kms", "KPS (the `kms` endpoint)"),
    },
    response: FailedTaskPage,
    paging: offsetPaging(FailedTaskPage, { key: "tasks", totalKey: "total", pageSize: 100, filters: {}, maxItems: 5000, noun: "tasks" }),
    result: (b, _a, s) => ({
        projectId: s.projectId ?? "",
        tasks: b.tasks.map((x): FailedTask => ({ ...runningTaskOf(x), taskErrorCode: x.task_error_code ?? "", taskErrorMsg: x.task_error_msg ?? "" })),
    }),
    fields: {
        projectId: field.string("The project listed (the argument, `huaweicloud:projectId`, or the IAM look-up)."),
        tasks: field.of<readonly FailedTask[]>("readonly FailedTask[]", "Every key pair task that failed in the project, with KPS's error, in KPS's order; empty when none failed."),
    },
    values: { "tasks.operateType": { ...KPS_OPERATE_TYPES, page: "Querying Task Failure Information", url: "https://support.huaweicloud.com/intl/en-us/api-dew/ListFailedTask.html" } },
    id: [],
    resource: false,
    docs: {
        summary: "the Huawei Cloud KPS key pair tasks (reset, replace, bind, unbind) that failed in a project, with their errors",
        details: "Every page is followed (up to 5,000 tasks; past that the read fails).",
        example: { name: "failed-kps-tasks", output: "tasks" },
    },
    examples: { args: { projectId: "0123456789abcdef0123456789abcdef" }, missing: { projectId: "abcdef0123456789abcdef0123456789" } },
    publicTypes: ["FailedTask"],
});
