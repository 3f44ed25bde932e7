import * as t from "io-ts";
import { idSegment } from "../core/input-codecs";
import { defineRead, field, optionalArg } from "./describe";
import { KPS_TASK_STATUSES } from "./kps-keypair-task";
import { huaweiOverrides, offsetPaging, SERVICES } from "./services";
import type { VendorValues } from "./vendor-values";

/**
 * What "Querying Running Tasks" and "Querying Task Failure Information" list for a listed task's
 * `operate_type`.
 *
 * @example
 * ```ts
 * KPS_OPERATE_TYPES.values; // ["FAILED_RESET", "FAILED_REPLACE", "FAILED_UNBIND"]
 * ```
 */
export const KPS_OPERATE_TYPES: VendorValues = {
    values: ["FAILED_RESET", "FAILED_REPLACE", "FAILED_UNBIND"],
    page: "Querying Running Tasks",
    url: "https://support.huaweicloud.com/intl/en-us/api-dew/ListRunningTask.html",
    read: "2026-12-07",
    updated: "2025-10-16",
    seen: KPS_TASK_STATUSES.values,
    note: `Both pages list these three, yet their example responses send \`RUNNING_RESET\`, a key pair task status: the task statuses of "${KPS_TASK_STATUSES.page}" are taken as seen values too (a guess from the examples).`,
};

/** A millisecond epoch KPS documents as a String (\`"1523342130000"\` in its examples) and may send as a number. */
const EpochMillis = new t.Type<number, number, unknown>(
    "milliseconds since the epoch (a number, or its digits as a string)",
    (u): u is number => typeof u === "number" && Number.isSafeInteger(u),
    (u, c) => (typeof u === "number" && Number.isSafeInteger(u) ? t.success(u) : typeof u === "string" && /^[0-9]{1,16}$/.test(u) ? t.success(Number(u)) : t.failure(u, c)),
    t.identity,
);

/** One task of `ListRunningTask` (KPS's `RunningTasks` model); every member optional, as the SDKs have it. */
export const RunningTaskItem = t.partial({
    task_id: t.string,
    operate_type: t.string,
    task_time: EpochMillis,
    server_name: t.string,
    server_id: t.string,
    keypair_name: t.string,
}, "RunningTasks");

/** One page of `ListRunningTask`: `total` is every task, whatever the page. */
const RunningTaskPage = t.intersection([t.type({ tasks: t.array(RunningTaskItem) }), t.partial({ total: t.number })], "ListRunningTaskResponse");

/**
 * A KPS key pair task that is being processed, as `getRunningTasks` lists it.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const { tasks } = await huaweicloud.kps.getRunningTasks({});
 * const busy: huaweicloud.kps.RunningTask[] = tasks.filter((t) => t.serverId === "c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006");
 * ```
 */
export interface RunningTask {
    /** The task id (what `getKeypairTask` takes). */
    readonly taskId: string;
    /** What the task does, as KPS sends it: the pages list `FAILED_RESET`, `FAILED_REPLACE`, `FAILED_UNBIND`, their examples send `RUNNING_RESET`; other values pass through. */
    readonly operateType: string;
    /**
     * When the task started, in milliseconds since the epoch; 0 when KPS does not say.
     * @integer
     */
    readonly taskTime: number;
    /** The name of the ECS server the task acts on. */
    readonly serverName: string;
    /** The id of the ECS server the task acts on. */
    readonly serverId: string;
    /** The name of the key pair. */
    readonly keypairName: string;
}

/** The documented fields of a listed KPS task. */
export function runningTaskOf(x: t.TypeOf<typeof RunningTaskItem>): RunningTask {
    return {
        taskId: x.task_id ?? "",
        operateType: x.operate_type ?? "",
        taskTime: x.task_time ?? 0,
        serverName: x.server_name ?? "",
        serverId: x.server_id ?? "",
        keypairName: x.keypair_name ?? "",
    };
}

/** The `projectId` argument of the KPS task lists. */
export const kpsProjectIdArg = optionalArg(idSegment(32, 32), "Project id (32 characters). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM for the region.");

/** Huawei Cloud KPS `ListRunningTask`: the key pair tasks being processed, every page. */
export const kpsRunningTasks = defineRead({
    token: "huaweicloud.kps.RunningTasks",
    ...SERVICES.kps,
    api: { operation: "ListRunningTask", path: "/v3/{projectId}/running-tasks", scope: "project", page: "Querying Running Tasks", url: "https://support.huaweicloud.com/intl/en-us/api-dew/ListRunningTask.html", read: "2026-12-07" },
    args: {
        projectId: kpsProjectIdArg,
        ...huaweiOverrides("kms", "KPS (the `kms` endpoint)"),
    },
    response: RunningTaskPage,
    paging: offsetPaging(RunningTaskPage, { key: "tasks", totalKey: "total", pageSize: 100, filters: {}, maxItems: 5000, noun: "tasks" }),
    result: (b, _a, s) => ({ projectId: s.projectId ?? "", tasks: b.tasks.map(runningTaskOf) }),
    fields: {
        projectId: field.string("The project listed (the argument, `huaweicloud:projectId`, or the IAM look-up)."),
        tasks: field.of<readonly RunningTask[]>("readonly RunningTask[]", "Every key pair task KPS is processing in the project, in KPS's order; empty when none runs."),
    },
    values: { "tasks.operateType": KPS_OPERATE_TYPES },
    id: [],
    resource: false,
    docs: {
        summary: "the Huawei Cloud KPS key pair tasks (reset, replace, bind, unbind) being processed in a project",
        details: "Every page is followed (up to 5,000 tasks; past that the read fails). Wait on one with `getKeypairTask` and its `waitFor`.",
        example: { name: "running-kps-tasks", output: "tasks" },
    },
    examples: { args: { projectId: "0123456789abcdef0123456789abcdef" }, missing: { projectId: "abcdef0123456789abcdef0123456789" } },
    publicTypes: ["RunningTask"],
});
