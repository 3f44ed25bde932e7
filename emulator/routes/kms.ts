import * as t from "io-ts";
import { nonEmptyString, strictObject, timeline } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import type { KpsTask } from "../fixtures";
import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, kpsError } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
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

function findTask(ctx: RequestContext, projectId: string, taskId: string) {
  return tasks.in(ctx.data).find((t) => t.projectId === projectId && t.taskId === taskId);
}

/**
 * KPS (key pair service, served by the DEW/KMS host): `GET /v3/{project_id}/tasks/{task_id}`.
 * Regional, so AK/SK requests must sign `X-Project-Id`.
 */
export const kmsService = huaweiService(
  "kms",
  [
    {
      method: "GET",
      pattern: ["v3", ":project_id", "tasks", ":task_id"],
      handle(ctx, params) {
        const scopeError = projectScopeError(ctx, params.project_id, () => {
          const [code, message] = huaweiErrorEntry("kms", 403);
          return kpsError(403, code, message);
        });
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
  ],
  ["x-project-id"],
  [tasks],
);
