import * as t from "io-ts";
import { idSegment } from "../core/input-codecs";
import { defineRead, field, requiredArg } from "./describe";
import { otherTask } from "./operation";
import { huaweiOverrides } from "./overrides";

/** `GET /v3/tasks/{task_id}/passphrase` success body (`task_id` is sent by some regions only). */
const TaskPassphraseBody = t.intersection([t.type({ passphrase: t.string }), t.partial({ task_id: t.string })], "TaskPassphraseBody");

/** Huawei Cloud SMS `ShowPassphrase`: the certificate passphrase of a migration task. */
export const smsTaskPassphrase = defineRead({
    token: "huaweicloud.sms.TaskPassphrase",
    vendor: "huaweicloud",
    service: "sms",
    serviceName: "Huawei Cloud SMS",
    operation: "ShowPassphrase",
    apiPage: { title: "Querying a Certificate Passphrase" },
    path: "/v3/tasks/{taskId}/passphrase",
    scope: "domain",
    args: {
        taskId: requiredArg(idSegment(1, 36), "Migration task id (1 to 36 characters)."),
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
        exampleName: "agent-pass",
        exampleOutput: "passphrase",
    },
    examples: {
        args: { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" },
        missing: { taskId: "00000000-0000-4000-8000-00000000dead" },
    },
});

/** The SMS passphrase read's result. */
export type TaskPassphraseResult = ReturnType<typeof smsTaskPassphrase.result>;
