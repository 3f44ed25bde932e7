import * as pulumi from "@pulumi/pulumi";
import { astracontrol, huaweicloud } from "pulumi-cloudreads";

// Ids default to the emulator's fixtures; set them with `pulumi config set` for a real cloud.
const config = new pulumi.Config("cloudreads-quickstart");
const migrationTaskId = config.get("migrationTaskId") ?? "d7fa81b9-c174-4c0a-a475-51a54c8af8a4";
const keypairTaskId = config.get("keypairTaskId") ?? "aee8d2fe-5484-4753-9177-5a38dc15546c";
const romaInstanceId = config.get("romaInstanceId") ?? "7c3e0e8a-0000-4000-8000-000000000001";
const romaProductId = config.get("romaProductId") ?? "99999999999999999";
const certificateId = config.get("certificateId") ?? "a26cbed4-2183-58ce-aa19-e37ca8b0531a";

// Resources: read at `pulumi up`, re-read at `pulumi refresh`, secrets stored as secrets.
const agentPass = new huaweicloud.sms.TaskPassphrase("agent-pass", { taskId: migrationTaskId });
const deviceAuth = new huaweicloud.roma.ProductAuthentication("device-auth", { instanceId: romaInstanceId, productId: romaProductId });
const resetTask = new huaweicloud.kps.KeypairTask("reset-task", { taskId: keypairTaskId });
const vcenterCa = new astracontrol.Certificate("vcenter-ca", { certificateId });

// Functions: read in the program, so their values are known during `pulumi preview` too.
const taskNow = huaweicloud.kps.getKeypairTaskOutput({ taskId: keypairTaskId });
const caNow = astracontrol.getCertificateOutput({ certificateId });

export const migrationPassphrase = agentPass.passphrase;
export const deviceUserName = deviceAuth.userName;
export const devicePassword = deviceAuth.password;
export const keypairTaskStatus = resetTask.taskStatus;
export const keypairTaskDone = resetTask.phase.apply((phase) => phase === "SUCCESS");
export const caCommonName = vcenterCa.cn;
export const caExpires = vcenterCa.expiryTimestamp;
export const caPemFirstLine = vcenterCa.pem.apply((pem) => pem.split("\n")[0]);
export const previewKnownTaskStatus = taskNow.taskStatus;
export const previewKnownCaTrustState = caNow.trustState;
