import * as t from "io-ts";
import { idSegment } from "../core/input-codecs";
import { otherTask, type ReadOperation } from "./operation";
import { HUAWEI_OVERRIDE_NAMES, HuaweiOverrides } from "./overrides";

/** Arguments of the SMS passphrase read. */
export const TaskPassphraseArgs = t.intersection([t.type({ taskId: idSegment(1, 36) }), HuaweiOverrides]);
export type TaskPassphraseArgs = t.TypeOf<typeof TaskPassphraseArgs>;

/** `GET /v3/tasks/{task_id}/passphrase` success body. */
export const TaskPassphraseBody = t.type({ passphrase: t.string }, "TaskPassphraseBody");
const OptionalTaskId = t.partial({ task_id: t.string });

/** The SMS passphrase read's result. */
export interface TaskPassphraseResult {
    /** The migration task id read. */
    readonly taskId: string;
    /** The certificate passphrase of the task (secret: resource outputs and getTaskPassphraseOutput keep it secret). */
    readonly passphrase: string;
}

/** Huawei Cloud SMS `ShowPassphrase`: the certificate passphrase of a migration task. */
export const smsTaskPassphrase: ReadOperation<TaskPassphraseArgs, t.TypeOf<typeof TaskPassphraseBody> & t.TypeOf<typeof OptionalTaskId>, TaskPassphraseResult> = {
    token: "huaweicloud.sms.TaskPassphrase",
    vendor: "huaweicloud",
    service: "sms",
    serviceName: "Huawei Cloud SMS",
    operation: "ShowPassphrase",
    args: TaskPassphraseArgs,
    argNames: ["taskId", ...HUAWEI_OVERRIDE_NAMES],
    scope: "domain",
    path: (a) => ["v3", "tasks", a.taskId, "passphrase"],
    accept: "application/json",
    response: t.intersection([TaskPassphraseBody, OptionalTaskId]),
    mismatch: (body, a) => otherTask(body.task_id, a.taskId),
    result: (body, a) => ({ taskId: a.taskId, passphrase: body.passphrase }),
    resultNames: ["taskId", "passphrase"],
    secretFields: ["passphrase"],
    id: (a) => a.taskId,
    idNames: ["taskId"],
    idExample: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4",
    target: (a) => `taskId ${JSON.stringify(a.taskId)}`,
};
