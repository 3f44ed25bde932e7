import * as t from "io-ts";
import { NameText, StateName } from "../core/input-codecs";
import { defineRead, field, optionalArg } from "./describe";
import { huaweiOverrides, offsetPaging, SERVICES } from "./services";
import { SMS_TASK_STATES, smsTask, TaskBody, type TaskResult } from "./sms-task";
import { comparable, withValues } from "./vendor-values";

/** One page of `ListTasks`: `count` is every match, whatever the page. */
const TaskPage = t.type({ count: t.number, tasks: t.array(TaskBody) }, "TaskListBody");

/** Huawei Cloud SMS `ListTasks`, every page, narrowed by `name` and `state`. */
export const smsTasks = defineRead({
    token: "huaweicloud.sms.Tasks",
    ...SERVICES.sms,
    api: { operation: "ListTasks", path: "/v3/tasks", scope: "domain", page: "Listing Migration Tasks", url: "https://support.huaweicloud.com/intl/en-us/api-sms/ListTasks.html", read: "2026-12-07" },
    args: {
        name: optionalArg(NameText(255), "Keep only tasks with exactly this name (SMS narrows the list by it; the match here is exact)."),
        state: optionalArg(StateName, withValues("Keep only tasks in this state (compared trimmed and upper-cased).", SMS_TASK_STATES)),
        ...huaweiOverrides("sms", "SMS"),
    },
    response: TaskPage,
    // SMS's `limit` goes up to 200; its `offset` counts tasks.
    paging: offsetPaging(TaskPage, { key: "tasks", totalKey: "count", pageSize: 200, filters: { name: "name", state: "state" }, maxItems: 5000, noun: "tasks" }),
    result: (b, a, s) => ({
        tasks: b.tasks
            .filter((x) => (a.name === undefined || x.name === a.name) && (a.state === undefined || comparable(x.state ?? "") === comparable(a.state)))
            .map((x): TaskResult => smsTask.result(x, { taskId: x.id }, s)),
    }),
    fields: {
        tasks: field.of<readonly TaskResult[]>("readonly GetTaskResult[]", "Every migration task that the filters keep, in SMS's order, each with every field `getTask` returns; empty when none matches."),
    },
    values: { state: SMS_TASK_STATES, "tasks.state": SMS_TASK_STATES },
    id: [],
    resource: false,
    docs: {
        summary: "the Huawei Cloud SMS migration tasks of the account, looked up by `name` or `state`",
        details: "Every page is followed (up to 5,000 tasks; past that the read fails, asking to narrow it). Find a task's id by its name, then gate on its `state`.",
        example: { name: "db-migrations", output: "tasks" },
    },
    examples: { args: { name: "db-02-migration" }, missing: { name: "no-such-migration" } },
    sdkImports: [{ from: "./getTask", names: ["GetTaskResult"] }],
});
