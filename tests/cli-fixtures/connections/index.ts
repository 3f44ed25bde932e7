import * as pulumi from "@pulumi/pulumi";
import { astracontrol, huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-connections");
// The Huawei connection the second account's resources use (a test changes it).
const via = config.require("via");
const taskId = config.require("kpsTaskId");

const taskA = new huaweicloud.kps.KeypairTask("task-a", { taskId });
const taskB = new huaweicloud.kps.KeypairTask("task-b", { taskId, connection: via });
const passB = new huaweicloud.sms.TaskPassphrase("pass-b", { taskId: config.require("smsTaskId"), connection: via });
const fnB = huaweicloud.kps.getKeypairTaskOutput({ taskId, connection: via });
const caB = astracontrol.getCertificateOutput({ certificateId: config.require("certificateId"), connection: "dr" });

export const statuses = { a: taskA.taskStatus, b: taskB.taskStatus, fnB: fnB.taskStatus };
export const projects = { a: taskA.projectId, b: taskB.projectId };
export const passphraseB = passB.passphrase;
export const caCn = caB.cn;
