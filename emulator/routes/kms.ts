import * as t from "io-ts";
import { nonEmptyString, strictObject, timeline, wholeNumber } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import type { FixtureData, KpsTask } from "../fixture-types";
import { integerParam, pageSize } from "../paging";
import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, kpsError } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
import type { Route } from "./route";
import { hasProject } from "./iam";
import { projectScopeError } from "./project-scope";
import { nextStatus } from "../timeline";

/** Key pair tasks: ListKeypairTask serves them. */
const tasks = fixtureCollection<KpsTask>(
  "huawei.kps.tasks",
  strictObject("a KPS task", { projectId: nonEmptyString, taskId: nonEmptyString, taskStatus: nonEmptyString, serverId: t.string }, { timeline }),
  {
    unique: { field: "taskId", key: (task) => `${task.projectId}/${task.taskId}` },
    unreachable: (task, data) => (hasProject(data, task.projectId) ? undefined : { field: "projectId", problem: "names no project in huawei.projects (every read of it would be 403)" }),
  },
);

/** KPS's answer for a project the caller may not use: 403 in KPS's shape. */
const forbidden = () => {
  const [code, message] = huaweiErrorEntry("kms", 403);
  return kpsError(403, code, message);
};

/** The members every listed KPS task has (`RunningTasks` of ListRunningTask). */
const listedTask = {
  projectId: nonEmptyString, taskId: nonEmptyString, operateType: nonEmptyString, taskTime: wholeNumber("a time in milliseconds since the epoch", 0, 8.64e15),
  serverName: t.string, serverId: t.string, keypairName: nonEmptyString,
};
const inFixtureProject = (task: { projectId: string }, data: FixtureData) =>
  hasProject(data, task.projectId) ? undefined : { field: "projectId", problem: "names no project in huawei.projects (every read of it would be 403)" };

/** Tasks ListRunningTask answers. */
const runningTasks = fixtureCollection("huawei.kps.runningTasks", strictObject("a running KPS task", listedTask, {}), { unreachable: inFixtureProject });
/** Tasks ListFailedTask answers: a listed task and its error. */
const failedTasks = fixtureCollection(
  "huawei.kps.failedTasks",
  strictObject("a failed KPS task", { ...listedTask, taskErrorCode: nonEmptyString, taskErrorMsg: t.string }, {}),
  { unreachable: inFixtureProject },
);

/** KPS's documented `limit` and `offset` of its task lists, as the emulator takes them (a whole number each; `limit` at least 1). */
const LIST_LIMIT = { min: 1, max: 1000, default: 1000 } as const;
const LIST_OFFSET = { min: 0, max: 1_000_000, default: 0 } as const;

/** The listed body of a task record: its members under KPS's names, without `projectId`. */
function listedBody(task: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(task).filter(([k]) => k !== "projectId").map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

/**
 * A KPS task list (ListRunningTask, ListFailedTask): `{total, tasks}` of the project's records, the
 * page from `offset`, at most `limit` long (and the emulator's `maxPageSize`). A bad `limit` or
 * `offset` is a 400 naming it.
 */
function listTasks(ctx: RequestContext, projectId: string, records: readonly { projectId: string }[]): EmulatorResponse {
  const scopeError = projectScopeError(ctx, projectId, forbidden);
  if (scopeError) return scopeError;
  for (const [name, range] of [["limit", LIST_LIMIT], ["offset", LIST_OFFSET]] as const) {
    if (integerParam(ctx, name, range.min, range.max).kind === "invalid") {
      const [code, message] = huaweiErrorEntry("kms", 400);
      return kpsError(400, code, `${message} ${name} must be an integer from ${range.min} to ${range.max}.`);
    }
  }
  const limit = integerParam(ctx, "limit", LIST_LIMIT.min, LIST_LIMIT.max);
  const offset = integerParam(ctx, "offset", LIST_OFFSET.min, LIST_OFFSET.max);
  const mine = records.filter((r) => r.projectId === projectId);
  const start = offset.kind === "value" ? offset.value : LIST_OFFSET.default;
  const page = mine.slice(start, start + pageSize(ctx, limit.kind === "value" ? limit.value : LIST_LIMIT.default)).map(listedBody);
  return jsonResponse(200, { total: mine.length, tasks: page });
}

/** A task list route of KPS at `v3/{project_id}/<name>`. */
function listRoute(name: string, records: (ctx: RequestContext) => readonly { projectId: string }[]): Route {
  return {
    method: "GET",
    pattern: ["v3", ":project_id", name],
    handle: (ctx, params) => listTasks(ctx, params.project_id, records(ctx)),
    sample: (ctx, params): SuccessSample => {
      const mine = records(ctx).filter((r) => r.projectId === params.project_id).map(listedBody);
      return { contentType: HUAWEI_JSON, body: { total: mine.length, tasks: mine }, required: ["tasks"] };
    },
  };
}

function findTask(ctx: RequestContext, projectId: string, taskId: string) {
  return tasks.in(ctx.data).find((t) => t.projectId === projectId && t.taskId === taskId);
}

/**
 * KPS (key pair service, served by the DEW/KMS host): `GET /v3/{project_id}/tasks/{task_id}` (ListKeypairTask)
 * and the task lists `GET /v3/{project_id}/running-tasks` (ListRunningTask) and `.../failed-tasks` (ListFailedTask).
 * Regional, so AK/SK requests must sign `X-Project-Id`.
 */
export const kmsService = huaweiService(
  "kms",
  [
    {
      method: "GET",
      pattern: ["v3", ":project_id", "tasks", ":task_id"],
      handle(ctx, params) {
        const scopeError = projectScopeError(ctx, params.project_id, forbidden);
        if (scopeError) return scopeError;
        const task = findTask(ctx, params.project_id, params.task_id);
        if (!task) {
          const [code, message] = huaweiErrorEntry("kms", 404);
          return kpsError(404, code, `${message} task_id: ${params.task_id}`);
        }
        return jsonResponse(200, { task_id: task.taskId, task_status: nextStatus(task.timeline, task.taskStatus), server_id: task.serverId });
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const taskId = params.task_id ?? "00000000-0000-4000-8000-000000000000";
        const task = findTask(ctx, params.project_id ?? "", taskId);
        return {
          contentType: HUAWEI_JSON,
          body: {
            task_id: taskId,
            task_status: task?.taskStatus ?? "RUNNING_RESET",
            server_id: task?.serverId ?? "00000000-0000-4000-8000-000000000000",
          },
          required: ["task_status", "server_id"],
        };
      },
    },
    listRoute("running-tasks", (ctx) => runningTasks.in(ctx.data)),
    listRoute("failed-tasks", (ctx) => failedTasks.in(ctx.data)),
  ],
  ["x-project-id"],
  [tasks, runningTasks, failedTasks],
);
