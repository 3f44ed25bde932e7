import * as pulumi from "@pulumi/pulumi";
import { astracontrol, huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-conventions");

// Adopted by id: a read step, which the engine runs in preview as well as in up.
const task = huaweicloud.kps.KeypairTask.get("adopted-task", config.require("kpsId"));
const ca = astracontrol.Certificate.get("adopted-ca", config.require("certificateId"));

// A resource, and a function that must wait for it: unknown in preview while the resource is to be
// created, read after the resource in up.
const pass = new huaweicloud.sms.TaskPassphrase("pass", { taskId: config.require("smsTaskId") });
const after = huaweicloud.kps.getKeypairTaskOutput({ taskId: config.require("kpsTaskId") }, { dependsOn: [pass] });

if (config.getBoolean("useProviderOption")) {
    huaweicloud.kps.getKeypairTaskOutput({ taskId: config.require("kpsTaskId") }, { provider: pass as unknown as pulumi.ProviderResource });
}

export const adoptedStatus = task.taskStatus;
export const adoptedCn = ca.cn;
export const waitedStatus = after.taskStatus;
