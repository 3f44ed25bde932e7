import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-wait");
const taskId = config.require("kpsTaskId");

// A deployment gated on a finished key pair reset.
const reset = huaweicloud.kps.getKeypairTaskOutput({ taskId, waitFor: { phase: "SUCCESS", timeout: 120 } });
export const phaseSeenByFunction = reset.phase;

if (config.getBoolean("asResource")) {
    const task = new huaweicloud.kps.KeypairTask("bind", { taskId: config.require("resourceTaskId"), waitFor: { phase: "SUCCESS", timeout: 120 } });
    exports.phaseSeenByResource = task.phase;
}
