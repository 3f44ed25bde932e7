import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-engine");

// A secret output, for the diff of a replacement (3.257: --show-secrets reveals secrets in diffs).
const pass = new huaweicloud.sms.TaskPassphrase("pass", { taskId: config.require("smsTaskId") });

// A resource whose read fails at create, and one that takes its output (3.252: failed
// registrations give faulted outputs rather than unknown ones).
const missingTaskId = config.get("missingKpsTaskId");
if (missingTaskId) {
    const missing = new huaweicloud.kps.KeypairTask("missing", { taskId: missingTaskId });
    new huaweicloud.kps.KeypairTask("dependant", { taskId: missing.serverId.apply((s) => `dependant-of-${s}`) });
}

export const passphrase = pass.passphrase;
