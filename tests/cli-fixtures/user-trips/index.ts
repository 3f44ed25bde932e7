import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-trips");
const scenario = config.require("scenario");
const taskId = config.require("kpsTaskId");

// Each scenario is a pattern users write; with a task id that does not exist, the read fails.
let out: pulumi.Input<unknown> = {};
if (scenario === "near-miss") {
    // Two resources and a function: the warning about a misspelt key still comes once.
    const a = new huaweicloud.kps.KeypairTask("a", { taskId });
    new huaweicloud.kps.KeypairTask("b", { taskId });
    out = { status: a.taskStatus, fromFunction: huaweicloud.kps.getKeypairTaskOutput({ taskId }).taskStatus };
} else if (scenario === "export") {
    const task = huaweicloud.kps.getKeypairTaskOutput({ taskId }); // call site: export
    out = task.taskStatus;
} else if (scenario === "interpolate") {
    const task = huaweicloud.kps.getKeypairTaskOutput({ taskId });
    out = pulumi.interpolate`kps:${task.taskId}`;
} else if (scenario === "resource") {
    const task = huaweicloud.kps.getKeypairTaskOutput({ taskId });
    new huaweicloud.sms.TaskPassphrase("pass", { taskId: task.serverId });
} else if (scenario === "secret") {
    // The pattern of the report: a failing read's field, interpolated, wrapped in pulumi.secret.
    const task = huaweicloud.kps.getKeypairTaskOutput({ taskId });
    out = pulumi.secret(pulumi.interpolate`kps:${task.taskId}`);
} else if (scenario === "secret-direct") {
    out = pulumi.secret(huaweicloud.kps.getKeypairTaskOutput({ taskId }));
} else if (scenario === "secret-bad-input") {
    // Fails before any request, at once.
    out = pulumi.secret(pulumi.interpolate`kps:${huaweicloud.kps.getKeypairTaskOutput({ taskId: "not/an/id" }).taskId}`);
} else if (scenario === "secret-to-resource") {
    const task = huaweicloud.kps.getKeypairTaskOutput({ taskId });
    new huaweicloud.sms.TaskPassphrase("pass", { taskId: pulumi.secret(task.serverId) });
}

export const result = out;
