import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, smsError, smsForbidden } from "../vendor-errors";
import { huaweiService } from "./huawei-service";

/** The documented maximum length of an SMS task id. */
const MAX_TASK_ID_LENGTH = 36;

function findTask(ctx: RequestContext, taskId: string) {
  return ctx.data.huawei.sms.tasks.find((t) => t.taskId === taskId);
}

/**
 * SMS (Server Migration Service): `GET /v3/tasks/{task_id}/passphrase`. SMS is a
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
        if (ctx.principal?.kind === "aksk") {
          const domainId = ctx.headers["x-domain-id"];
          if (!ctx.data.huawei.domains.some((d) => d.id === domainId)) return smsForbidden(`domain ${domainId ?? ""}`);
        }
        const taskId = params.task_id;
        if (taskId.length > MAX_TASK_ID_LENGTH) {
          const [code, message] = huaweiErrorEntry("sms", 400);
          return smsError(400, code, `${message} task_id is longer than ${MAX_TASK_ID_LENGTH} characters.`, { errorParam: ["task_id"] });
        }
        const task = findTask(ctx, taskId);
        if (!task) {
          const [code, message] = huaweiErrorEntry("sms", 404);
          return smsError(404, code, `${message} task_id: ${taskId}`, { errorParam: [taskId] });
        }
        return jsonResponse(200, { task_id: task.taskId, passphrase: task.passphrase });
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
  ],
  ["x-domain-id"],
);
