import * as t from "io-ts";
import { defineRead, field } from "./describe";
import { otherTask } from "./operation";
import { huaweiOverrides, SERVICES, smsTaskIdArg } from "./services";

/** `GET /v3/tasks/{task_id}/passphrase` success body (`task_id` is sent by some regions only). */
const TaskPassphraseBody = t.intersection([t.type({ passphrase: t.string }), t.partial({ task_id: t.string })], "TaskPassphraseBody");

/** Huawei Cloud SMS `ShowPassphrase`: the certificate passphrase of a migration task. */
export const smsTaskPassphrase = defineRead({
    token: "huaweicloud.sms.TaskPassphrase",
    ...SERVICES.sms,
    api: { operation: "ShowPassphrase", path: "/v3/tasks/{taskId}/passphrase", scope: "domain", page: "Querying a Certificate Passphrase", read: "2026-12-07" },
    args: {
        taskId: smsTaskIdArg,
        ...huaweiOverrides("sms", "SMS"),
    },
    response: TaskPassphraseBody,
    mismatch: (body, a) => otherTask(body.task_id, a.taskId),
    result: (body, a) => ({ taskId: a.taskId, passphrase: body.passphrase }),
    fields: {
        taskId: field.string("The migration task id read."),
        passphrase: field.string("The certificate passphrase of the task's secure transmission channel.", { secret: true }),
    },
    id: ["taskId"],
    docs: {
        summary: "the certificate passphrase of a Huawei Cloud SMS migration task's secure transmission channel",
        details: "Pass it to the migration agent's configuration.",
        example: { name: "agent-pass", output: "passphrase" },
    },
    examples: { args: { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" }, missing: { taskId: "00000000-0000-4000-8000-00000000dead" } },
});

/** The SMS passphrase read's result. */
export type TaskPassphraseResult = ReturnType<typeof smsTaskPassphrase.result>;
