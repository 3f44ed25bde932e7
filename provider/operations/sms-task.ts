import * as t from "io-ts";
import { defineRead, field } from "./describe";
import { type VendorValues, withValues } from "./vendor-values";
import { huaweiOverrides, SERVICES, smsTaskIdArg, waitForArg } from "./services";

const Source = t.partial({ id: t.string, ip: t.string, name: t.string, os_type: t.string, os_version: t.string, state: t.string });
const Target = t.partial({ vm_id: t.string, name: t.string });

/** Success body of `GET /v3/tasks/{task_id}`: the fields users gate on; the rest are ignored. */
export const TaskBody = t.intersection([
    t.type({ id: t.string }),
    t.partial({
        name: t.string,
        type: t.string,
        os_type: t.string,
        state: t.string,
        source_server: Source,
        target_server: Target,
        estimate_complete_time: t.number,
        create_date: t.number,
        start_date: t.number,
        finish_date: t.number,
        migrate_speed: t.number,
        // Whole seconds (`integer` in the plugin's schema): Huawei's ShowTask reference types both
        // Long as far as we recall; the page is not among /work/shared/api, so this is a guess.
        remain_seconds: t.number,
        total_time: t.number,
        error_json: t.string,
        connected: t.boolean,
    }),
], "TaskBody");

const SHOW_TASK_PAGE = { page: "Querying a Migration Task with a Specified ID", url: "https://support.huaweicloud.com/intl/en-us/api-sms/ShowTask.html", read: "2026-12-07", updated: "2026-01-28" } as const;

/**
 * The SMS task states, as "Listing Migration Tasks" (`GET /v3/tasks`) lists them for its `state`
 * filter: the states tasks are in, and what `waitFor` compares with.
 *
 * @example
 * ```ts
 * SMS_TASK_STATES.values.includes("MIGRATE_SUCCESS"); // true
 * ```
 */
export const SMS_TASK_STATES: VendorValues = {
    values: ["READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS", "MIGRATE_FAIL", "ABORTING", "ABORT", "DELETING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS"],
    page: "Listing Migration Tasks",
    url: "https://support.huaweicloud.com/intl/en-us/api-sms/ListTasks.html",
    read: "2026-12-07",
    updated: "2025-11-27",
    note: "\"Querying a Migration Task with a Specified ID\" (updated 2026-01-28) calls `state` the task status without listing values in the copies read; Huawei's SDK model of its response (`ShowTaskResponse`, generated from the same API definition) lists none either, so this list stands for both.",
};

/** The task types ShowTask lists (`type`). */
const SMS_TASK_TYPES: VendorValues = { values: ["MIGRATE_FILE", "MIGRATE_BLOCK"], ...SHOW_TASK_PAGE };
/** The OS types ShowTask lists (`os_type`). */
const SMS_OS_TYPES: VendorValues = { values: ["WINDOWS", "LINUX"], ...SHOW_TASK_PAGE };

/** A millisecond epoch as RFC 3339, or "" for none (SMS sends 0 for "not yet"). */
function instant(ms: number | undefined): string {
    return ms !== undefined && ms > 0 && Number.isFinite(ms) && ms < 8.64e15 ? new Date(ms).toISOString() : "";
}

/** Huawei Cloud SMS `ShowTask`: a migration task's state, servers, progress and error. */
export const smsTask = defineRead({
    token: "huaweicloud.sms.Task",
    ...SERVICES.sms,
    api: { operation: "ShowTask", path: "/v3/tasks/{taskId}", scope: "domain", page: SHOW_TASK_PAGE.page, url: SHOW_TASK_PAGE.url, read: SHOW_TASK_PAGE.read },
    args: {
        taskId: smsTaskIdArg,
        waitFor: waitForArg("SMS task states such as `READY`, `RUNNING`, `SYNCING`, `MIGRATE_SUCCESS`", "`MIGRATE_SUCCESS`, `MIGRATE_FAIL`, `ABORT`, `SYNC_F_ROLLBACK_SUCCESS`"),
        ...huaweiOverrides("sms", "SMS"),
    },
    response: TaskBody,
    mismatch: (body, a) => (body.id !== a.taskId ? `id: the response is for task ${JSON.stringify(body.id)}, not the task asked for (${JSON.stringify(a.taskId)})` : undefined),
    result: (b, a) => ({
        taskId: a.taskId,
        name: b.name ?? "",
        type: b.type ?? "",
        osType: b.os_type ?? "",
        state: b.state ?? "",
        sourceServerId: b.source_server?.id ?? "",
        sourceServerName: b.source_server?.name ?? "",
        sourceServerIp: b.source_server?.ip ?? "",
        targetServerId: b.target_server?.vm_id ?? "",
        targetServerName: b.target_server?.name ?? "",
        createdAt: instant(b.create_date),
        startedAt: instant(b.start_date),
        finishedAt: instant(b.finish_date),
        estimatedCompletion: instant(b.estimate_complete_time),
        remainingSeconds: b.remain_seconds ?? 0,
        totalSeconds: b.total_time ?? 0,
        migrateSpeedMBps: b.migrate_speed ?? 0,
        connected: b.connected ?? false,
        error: b.error_json ?? "",
    }),
    fields: {
        taskId: field.string("The migration task id read."),
        name: field.string("The task name the user gave it."),
        type: field.string(withValues("The task type: file-level (`MIGRATE_FILE`) or block-level (`MIGRATE_BLOCK`) migration.", SMS_TASK_TYPES)),
        osType: field.string(withValues("The OS type of the source server.", SMS_OS_TYPES)),
        state: field.string(withValues("The task state, as SMS sends it; `waitFor` compares it trimmed and upper-cased.", SMS_TASK_STATES)),
        sourceServerId: field.string("Id of the source server; empty when SMS does not say."),
        sourceServerName: field.string("Name of the source server."),
        sourceServerIp: field.string("IP address of the source server."),
        targetServerId: field.string("ECS id (`vm_id`) of the target server; empty before it exists."),
        targetServerName: field.string("Name of the target server."),
        createdAt: field.string("When the task was created (RFC 3339), or empty."),
        startedAt: field.string("When it started (RFC 3339), or empty."),
        finishedAt: field.string("When it finished (RFC 3339), or empty while it runs."),
        estimatedCompletion: field.string("SMS's estimate of when it completes (RFC 3339), or empty."),
        remainingSeconds: field.integer("SMS's estimate of the seconds left; 0 when it does not say."),
        totalSeconds: field.integer("Time the task has taken so far, in seconds."),
        migrateSpeedMBps: field.number("The migration speed in MB/s; 0 when idle."),
        connected: field.boolean("Whether the source server's agent is connected."),
        error: field.string("The task's error as SMS reports it (`error_json`, often JSON text with `error_code` and `error_message`); empty when there is none."),
    },
    values: { type: SMS_TASK_TYPES, osType: SMS_OS_TYPES, state: SMS_TASK_STATES },
    wait: {
        phaseOf: (r) => r.state,
        known: SMS_TASK_STATES.values,
        terminal: ["MIGRATE_SUCCESS", "MIGRATE_FAIL", "ABORT", "SYNC_F_ROLLBACK_SUCCESS"],
        failed: ["MIGRATE_FAIL"],
        failure: (r) => `migration task ${r.taskId} (${JSON.stringify(r.name)}) ended ${r.state}${r.error ? `: ${r.error}` : ""}`,
    },
    id: ["taskId"],
    docs: {
        summary: "a Huawei Cloud SMS migration task: its state, source and target servers, progress figures and error",
        details: "Gate a cut-over on `state`, or feed `targetServerId` to the resources that follow the migration.",
        example: { name: "erp-migration", output: "state" },
    },
    examples: { args: { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" }, missing: { taskId: "00000000-0000-4000-8000-00000000dead" } },
});

/** The SMS task read's result. */
export type TaskResult = ReturnType<typeof smsTask.result>;
