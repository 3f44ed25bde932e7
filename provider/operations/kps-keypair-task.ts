import * as t from "io-ts";
import { idSegment } from "../core/input-codecs";
import { otherTask, type ReadOperation, type Scope } from "./operation";
import { HUAWEI_OVERRIDE_NAMES, HuaweiOverrides } from "./overrides";

/** Arguments of the KPS key pair task read. */
export const KeypairTaskArgs = t.intersection([
    t.type({ taskId: idSegment(1, 64) }),
    t.partial({ projectId: idSegment(32, 32) }),
    HuaweiOverrides,
]);
export type KeypairTaskArgs = t.TypeOf<typeof KeypairTaskArgs>;

/** Success body of `GET /v3/{project_id}/tasks/{task_id}`. */
export const KeypairTaskBody = t.intersection([
    t.type({ task_status: t.string }),
    t.partial({ task_id: t.string, server_id: t.string }),
], "KeypairTaskBody");
export type KeypairTaskBody = t.TypeOf<typeof KeypairTaskBody>;

/** The KPS key pair task read's result. */
export interface KeypairTaskResult {
    /** The project the task belongs to (the argument, `huaweicloud:projectId`, or the IAM look-up). */
    readonly projectId: string;
    /** The task id read. */
    readonly taskId: string;
    /** The raw status, `PHASE_OPERATION`, e.g. `RUNNING_RESET`; unknown values pass through. */
    readonly taskStatus: string;
    /** The part before the first `_`: `READY`, `RUNNING`, `SUCCESS` or `FAILED` in the documented values. */
    readonly phase: string;
    /** The part after it: `RESET`, `REPLACE`, `UNBIND` or `BIND`; empty for a status without `_`. */
    readonly operation: string;
    /** The ECS server the task acts on; empty when KPS does not say. */
    readonly serverId: string;
}

/**
 * Splits `PHASE_OPERATION` (`RUNNING_RESET` -> `RUNNING`, `RESET`). A status without an
 * underscore is all phase; sources disagree on the full list, so nothing is rejected.
 */
export function splitTaskStatus(status: string): { phase: string; operation: string } {
    const at = status.indexOf("_");
    return at < 0 ? { phase: status, operation: "" } : { phase: status.slice(0, at), operation: status.slice(at + 1) };
}

const project = (s: Scope): string => s.projectId ?? "";

/** Huawei Cloud KPS "Querying Task Information": status of a key pair task. */
export const kpsKeypairTask: ReadOperation<KeypairTaskArgs, KeypairTaskBody, KeypairTaskResult> = {
    token: "huaweicloud.kps.KeypairTask",
    vendor: "huaweicloud",
    service: "kms",
    serviceName: "Huawei Cloud KPS",
    operation: "ListKeypairTask",
    args: KeypairTaskArgs,
    argNames: ["taskId", "projectId", ...HUAWEI_OVERRIDE_NAMES],
    scope: "project",
    path: (a, s) => ["v3", project(s), "tasks", a.taskId],
    accept: "application/json",
    response: KeypairTaskBody,
    mismatch: (body, a) => otherTask(body.task_id, a.taskId),
    result: (body, a, s) => ({
        projectId: project(s),
        taskId: a.taskId,
        taskStatus: body.task_status,
        ...splitTaskStatus(body.task_status),
        serverId: body.server_id ?? "",
    }),
    resultNames: ["projectId", "taskId", "taskStatus", "phase", "operation", "serverId"],
    secretFields: [],
    id: (a, s) => `${project(s)}/${a.taskId}`,
    idNames: ["projectId", "taskId"],
    idExample: "0123456789abcdef0123456789abcdef/aee8d2fe-5484-4753-9177-5a38dc15546c",
    target: (a, s) => `projectId ${JSON.stringify(project(s))}, taskId ${JSON.stringify(a.taskId)}`,
};
