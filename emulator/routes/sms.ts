import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, smsError, smsForbidden } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
import { nextStatus } from "../timeline";
import type { SmsTask } from "../fixtures";

/** The documented maximum length of an SMS task id. */
const MAX_TASK_ID_LENGTH = 36;

function findTask(ctx: RequestContext, taskId: string) {
  return ctx.data.huawei.sms.tasks.find((t) => t.taskId === taskId);
}

/** The task, or the documented error for an id that is too long or unknown; AK/SK requests must name a fixture domain. */
function taskOrError(ctx: RequestContext, taskId: string): ReturnType<typeof findTask> & object | EmulatorResponse {
  if (ctx.principal?.kind === "aksk") {
    const domainId = ctx.headers["x-domain-id"];
    if (!ctx.data.huawei.domains.some((d) => d.id === domainId)) return smsForbidden(`domain ${domainId ?? ""}`);
  }
  if (taskId.length > MAX_TASK_ID_LENGTH) {
    const [code, message] = huaweiErrorEntry("sms", 400);
    return smsError(400, code, `${message} task_id is longer than ${MAX_TASK_ID_LENGTH} characters.`, { errorParam: ["task_id"] });
  }
  const task = findTask(ctx, taskId);
  if (!task) {
    const [code, message] = huaweiErrorEntry("sms", 404);
    return smsError(404, code, `${message} task_id: ${taskId}`, { errorParam: [taskId] });
  }
  return task;
}

/** The documented `ShowTask` body of a fixture task: its `detail`, else the least a task has. */
function taskBody(task: { taskId: string; detail?: Record<string, unknown> }): Record<string, unknown> {
  return { id: task.taskId, name: "", state: "READY", ...task.detail };
}

/** A ShowTask answer: the fixture body, with `state` from the task's scripted timeline while it lasts. */
function showTask(task: SmsTask): Record<string, unknown> {
  const body = taskBody(task);
  return { ...body, state: nextStatus(task.timeline, String(body.state)) };
}

/**
 * SMS (Server Migration Service): `GET /v3/tasks/{task_id}/passphrase` (ShowPassphrase) and
 * `GET /v3/tasks/{task_id}` (ShowTask). SMS is a
 * global service, so AK/SK requests must sign `X-Domain-Id` and it must name a
 * fixture domain (else the documented 403 `SMS.9004`).
 */
export const smsService = huaweiService(
  "sms",
  [
    {
      method: "GET",
      pattern: ["v3", "tasks", ":task_id", "passphrase"],
      handle(ctx, params) {
        const found = taskOrError(ctx, params.task_id);
        return "status" in found ? found : jsonResponse(200, { task_id: found.taskId, passphrase: found.passphrase });
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const taskId = params.task_id ?? "00000000-0000-4000-8000-000000000000";
        const task = findTask(ctx, taskId);
        return {
          contentType: HUAWEI_JSON,
          body: { task_id: taskId, passphrase: task?.passphrase ?? "emulator-sample-passphrase" },
          required: ["passphrase"],
        };
      },
    },
    {
      method: "GET",
      pattern: ["v3", "tasks", ":task_id"],
      handle(ctx, params) {
        const found = taskOrError(ctx, params.task_id);
        return "status" in found ? found : jsonResponse(200, showTask(found));
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const taskId = params.task_id ?? "00000000-0000-4000-8000-000000000000";
        const task = findTask(ctx, taskId);
        return { contentType: HUAWEI_JSON, body: taskBody(task ?? { taskId }), required: ["id", "state"] };
      },
    },
  ],
  ["x-domain-id"],
);
