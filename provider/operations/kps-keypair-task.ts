import * as t from "io-ts";
import { idSegment } from "../core/input-codecs";
import { defineRead, field, optionalArg, requiredArg } from "./describe";
import { otherTask } from "./operation";
import { huaweiOverrides, SERVICES, waitForArg } from "./services";
import { type VendorValues, withValues } from "./vendor-values";

/** Success body of `GET /v3/{project_id}/tasks/{task_id}`. */
const KeypairTaskBody = t.intersection([t.type({ task_status: t.string }), t.partial({ task_id: t.string, server_id: t.string })], "KeypairTaskBody");

/**
 * The key pair task statuses "Querying Task Information" lists for `task_status`, `PHASE_OPERATION`.
 *
 * @example
 * ```ts
 * KPS_TASK_STATUSES.values.includes("SUCCESS_RESET"); // true
 * ```
 */
export const KPS_TASK_STATUSES: VendorValues = {
    values: ["READY_RESET", "RUNNING_RESET", "FAILED_RESET", "SUCCESS_RESET", "READY_REPLACE", "RUNNING_REPLACE", "FAILED_REPLACE", "SUCCESS_REPLACE", "READY_UNBIND", "RUNNING_UNBIND", "FAILED_UNBIND", "SUCCESS_UNBIND"],
    page: "Querying Task Information",
    url: "https://support.huaweicloud.com/eu/api-dew/ListKeypairTask.html",
    read: "2026-12-07",
    updated: "2025-09-15",
    note: "The page lists `FAILED_RESET` and `SUCCESS_RESET` a second time as \"Replacement failed/succeeded\": `FAILED_REPLACE` and `SUCCESS_REPLACE` are a guess at what it means. The intl copy (updated 2026-06-09) shows the same list in a new layout. `BIND` statuses are seen too but not listed, and pass through.",
};

/** The phases of {@link KPS_TASK_STATUSES}: the part of each before its first `_`. */
const KPS_PHASES: VendorValues = { ...KPS_TASK_STATUSES, values: ["READY", "RUNNING", "FAILED", "SUCCESS"], note: "The part before the first `_` of each listed status." };
/** The operations of {@link KPS_TASK_STATUSES}: the part of each after its first `_`. */
const KPS_OPERATIONS: VendorValues = { ...KPS_TASK_STATUSES, values: ["RESET", "REPLACE", "UNBIND"], note: "The part after the first `_` of each listed status; `BIND` is seen too (it is not listed), and passes through." };

/**
 * Splits `PHASE_OPERATION` (`RUNNING_RESET` -> `RUNNING`, `RESET`). A status without an
 * underscore is all phase; sources disagree on the full list, so nothing is rejected.
 */
export function splitTaskStatus(status: string): { phase: string; operation: string } {
    const at = status.indexOf("_");
    return at < 0 ? { phase: status, operation: "" } : { phase: status.slice(0, at), operation: status.slice(at + 1) };
}

/** Huawei Cloud KPS "Querying Task Information" (`ListKeypairTask`): status of a key pair task. */
export const kpsKeypairTask = defineRead({
    token: "huaweicloud.kps.KeypairTask",
    ...SERVICES.kps,
    api: { operation: "ListKeypairTask", path: "/v3/{projectId}/tasks/{taskId}", scope: "project", page: "Querying Task Information", url: KPS_TASK_STATUSES.url, read: KPS_TASK_STATUSES.read },
    args: {
        taskId: requiredArg(idSegment(1, 64), "Key pair task id, as returned by the KPS operation that started it (1 to 64 characters)."),
        projectId: optionalArg(idSegment(32, 32), "Project id (32 characters). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM for the region."),
        waitFor: waitForArg("`READY`, `RUNNING`, `SUCCESS`, `FAILED`, or a full status such as `SUCCESS_RESET`", "`SUCCESS`, `FAILED`"),
        ...huaweiOverrides("kms", "KPS (the `kms` endpoint)"),
    },
    response: KeypairTaskBody,
    mismatch: (body, a) => otherTask(body.task_id, a.taskId),
    result: (body, a, s) => ({
        projectId: s.projectId ?? "",
        taskId: a.taskId,
        taskStatus: body.task_status,
        ...splitTaskStatus(body.task_status),
        serverId: body.server_id ?? "",
    }),
    fields: {
        projectId: field.string("The project the task belongs to (the argument, `huaweicloud:projectId`, or the IAM look-up)."),
        taskId: field.string("The task id read."),
        taskStatus: field.string(withValues("The raw status, `PHASE_OPERATION`.", KPS_TASK_STATUSES)),
        phase: field.string(withValues("The part of `taskStatus` before the first `_`; `waitFor` compares it trimmed and upper-cased.", KPS_PHASES)),
        operation: field.string(withValues("The part after it; empty for a status without `_`.", KPS_OPERATIONS)),
        serverId: field.string("The ECS server the task acts on; empty when KPS does not say."),
    },
    values: { taskStatus: KPS_TASK_STATUSES, phase: KPS_PHASES, operation: KPS_OPERATIONS },
    wait: {
        phaseOf: (r) => r.phase,
        known: KPS_PHASES.values,
        statusOf: (r) => r.taskStatus,
        terminal: ["SUCCESS", "FAILED"],
        failed: ["FAILED"],
        failure: (r) => `key pair task ${r.taskId} ended ${r.taskStatus}${r.serverId ? ` on server ${r.serverId}` : ""}`,
    },
    id: ["projectId", "taskId"],
    docs: {
        summary: "the status of a Huawei Cloud KPS key pair task (reset, replace, bind or unbind of an ECS key pair)",
        details: "`phase` and `operation` split `taskStatus`, so a gate can test `phase === \"SUCCESS\"`.",
        example: { name: "reset-task", output: "phase" },
    },
    examples: { args: { taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c", projectId: "0123456789abcdef0123456789abcdef" }, missing: { taskId: "00000000-0000-4000-8000-00000000dead", projectId: "0123456789abcdef0123456789abcdef" } },
});

/** The KPS key pair task read's result. */
export type KeypairTaskResult = ReturnType<typeof kpsKeypairTask.result>;
