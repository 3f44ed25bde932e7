import type { TypeOf } from "io-ts";
import { jsonObject, nonEmptyString, secretString, shownString, strictObject, timeline } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, smsError, smsForbidden } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
import { currentStatus, nextStatus } from "../timeline";
import type { SmsTask } from "../fixture-types";
import { integerParam, pageSize } from "../paging";

/** The documented maximum length of an SMS task id. */
const MAX_TASK_ID_LENGTH = 36;

/** An SMS task id as the fixtures take it: at most 36 characters, as SMS documents it. */
const smsTaskId = shownString(`a non-empty string of at most ${MAX_TASK_ID_LENGTH} characters`, (s) => nonEmptyString.is(s) && s.length <= MAX_TASK_ID_LENGTH);

/** The migration tasks: ShowTask, ListTasks and ShowPassphrase serve them. */
const tasks = fixtureCollection<SmsTask>(
  "huawei.sms.tasks",
  strictObject("an SMS task", { taskId: smsTaskId, passphrase: secretString }, { detail: jsonObject, timeline }),
  { unique: { field: "taskId", key: (task) => task.taskId } },
);

/** The certificates and private keys ShowCertKey answers for a task (`taskId` names one of `huawei.sms.tasks`). */
const certKey = strictObject(
  "an SMS task certificate",
  { taskId: smsTaskId, cert: nonEmptyString, privateKey: secretString },
  { ca: nonEmptyString, targetMgmtCert: nonEmptyString, targetMgmtPrivateKey: secretString, targetDataCert: nonEmptyString, targetDataPrivateKey: secretString },
);
const certKeys = fixtureCollection("huawei.sms.certKeys", certKey, {
  unique: { field: "taskId", key: (c) => c.taskId },
  unreachable: (c, data) => (tasks.in(data).some((task) => task.taskId === c.taskId) ? undefined : { field: "taskId", problem: "names no task in huawei.sms.tasks (every read of it would be 404)" }),
});

/** The ShowCertKey body of a certificate record: its members under SMS's names. */
function certKeyBody(c: TypeOf<typeof certKey>): Record<string, unknown> {
  return {
    cert: c.cert, private_key: c.privateKey, ca: c.ca,
    target_mgmt_cert: c.targetMgmtCert, target_mgmt_private_key: c.targetMgmtPrivateKey,
    target_data_cert: c.targetDataCert, target_data_private_key: c.targetDataPrivateKey,
  };
}

function findTask(ctx: RequestContext, taskId: string) {
  return tasks.in(ctx.data).find((t) => t.taskId === taskId);
}

/** SMS is global: an AK/SK request must sign an `X-Domain-Id` naming a fixture domain, else the documented 403. */
function domainError(ctx: RequestContext, action?: string): EmulatorResponse | undefined {
  if (ctx.principal?.kind !== "aksk") return undefined;
  const domainId = ctx.headers["x-domain-id"];
  return ctx.data.huawei.domains.some((d) => d.id === domainId) ? undefined : smsForbidden(`domain ${domainId ?? ""}`, action);
}

/** The task, or the documented error for an id that is too long or unknown; AK/SK requests must name a fixture domain. */
function taskOrError(ctx: RequestContext, taskId: string): ReturnType<typeof findTask> & object | EmulatorResponse {
  const forbidden = domainError(ctx);
  if (forbidden) return forbidden;
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

/** ListTasks' documented `limit` (0 to 200, default 100) and `offset` (0 to 65535, default 0). */
const LIST_LIMIT = { min: 0, max: 200, default: 100 } as const;
const LIST_OFFSET = { min: 0, max: 65535, default: 0 } as const;

/** A ListTasks filter value: absent or empty means no filter. */
function filterValue(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.query.get(name);
  return value === null || value === "" ? undefined : value;
}

/** The ListTasks body (TasksResponseBody) of a task: ShowTask's, with the state a ShowTask would answer next (no poll used). */
function listedTask(task: SmsTask): Record<string, unknown> {
  const body = taskBody(task);
  return { ...body, state: currentStatus(task.timeline, String(body.state)) };
}

/** The fixture tasks a ListTasks query matches, in fixture order. */
function matchingTasks(ctx: RequestContext): Record<string, unknown>[] {
  const state = filterValue(ctx, "state");
  const name = filterValue(ctx, "name");
  const id = filterValue(ctx, "id");
  const sourceServerId = filterValue(ctx, "source_server_id");
  return ctx.data.huawei.sms.tasks.map(listedTask).filter((body) => {
    if (state !== undefined && body.state !== state) return false;
    if (name !== undefined && !(typeof body.name === "string" && body.name.includes(name))) return false;
    if (id !== undefined && body.id !== id) return false;
    if (sourceServerId !== undefined) {
      const source = body.source_server;
      const sourceId = typeof source === "object" && source !== null ? (source as Record<string, unknown>).id : undefined;
      if (sourceId !== sourceServerId) return false;
    }
    return true;
  });
}

/**
 * ListTasks: `{count, tasks}`. `count` is every matching task, unaffected by paging; `tasks` is
 * the page from `offset`, at most `limit` long (and at most the emulator's `maxPageSize`).
 * A `limit` or `offset` that is not a whole number in its documented range is a 400.
 */
function listTasks(ctx: RequestContext): EmulatorResponse {
  const forbidden = domainError(ctx, "sms:server:listTask");
  if (forbidden) return forbidden;
  const limit = integerParam(ctx, "limit", LIST_LIMIT.min, LIST_LIMIT.max);
  const offset = integerParam(ctx, "offset", LIST_OFFSET.min, LIST_OFFSET.max);
  for (const [name, param, range] of [["limit", limit, LIST_LIMIT], ["offset", offset, LIST_OFFSET]] as const) {
    if (param.kind === "invalid") {
      const [code, message] = huaweiErrorEntry("sms", 400);
      return smsError(400, code, `${message} ${name} must be an integer from ${range.min} to ${range.max}.`, { errorParam: [name] });
    }
  }
  const tasks = matchingTasks(ctx);
  const start = offset.kind === "value" ? offset.value : LIST_OFFSET.default;
  const size = pageSize(ctx, limit.kind === "value" ? limit.value : LIST_LIMIT.default);
  return jsonResponse(200, { count: tasks.length, tasks: tasks.slice(start, start + size) });
}

/**
 * SMS (Server Migration Service): `GET /v3/tasks` (ListTasks), `GET /v3/tasks/{task_id}/passphrase` (ShowPassphrase),
 * `GET /v3/tasks/{task_id}/certkey` (ShowCertKey) and
 * `GET /v3/tasks/{task_id}` (ShowTask). SMS is a
 * global service, so AK/SK requests must sign `X-Domain-Id` and it must name a
 * fixture domain (else the documented 403 `SMS.9004`).
 */
export const smsService = huaweiService(
  "sms",
  [
    {
      method: "GET",
      pattern: ["v3", "tasks"],
      handle: (ctx) => listTasks(ctx),
      sample(ctx: RequestContext): SuccessSample {
        const tasks = ctx.data.huawei.sms.tasks.map(listedTask);
        return { contentType: HUAWEI_JSON, body: { count: tasks.length, tasks: tasks.slice(0, LIST_LIMIT.default) }, required: ["count", "tasks"] };
      },
    },
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
      pattern: ["v3", "tasks", ":task_id", "certkey"],
      handle(ctx, params) {
        const found = taskOrError(ctx, params.task_id);
        if ("status" in found) return found;
        const record = certKeys.in(ctx.data).find((c) => c.taskId === found.taskId);
        if (!record) {
          const [code, message] = huaweiErrorEntry("sms", 404);
          return smsError(404, code, `${message} certkey of task_id: ${found.taskId}`, { errorParam: [found.taskId] });
        }
        return jsonResponse(200, certKeyBody(record));
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const record = certKeys.in(ctx.data).find((c) => c.taskId === params.task_id) ?? { taskId: "", cert: "emulator-sample-cert", privateKey: "emulator-sample-private-key" };
        return { contentType: HUAWEI_JSON, body: certKeyBody(record), required: ["cert", "private_key"] };
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
  [tasks, certKeys],
);
