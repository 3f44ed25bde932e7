import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-error-once");

/**
 * The minimal repro of Pulumi's own share: a plain dynamic provider, none of this package's code,
 * whose create or read throws a plain Error when `CLOUDREADS_PLAIN_FAILS` (in the CLI's
 * environment, which the dynamic-provider host inherits) says so.
 */
const plain: pulumi.dynamic.ResourceProvider = {
    async create() {
        if (process.env.CLOUDREADS_PLAIN_FAILS === "create") throw new Error("plain provider: create failed on purpose");
        return { id: "plain-1", outs: {} };
    },
    async read(id) {
        if (process.env.CLOUDREADS_PLAIN_FAILS === "read") throw new Error("plain provider: read failed on purpose");
        return { id, props: {} };
    },
};

class Plain extends pulumi.dynamic.Resource {
    constructor(name: string) {
        super(plain, name, {}, {});
    }
}

const scenario = config.get("scenario") ?? "ours";
const resource = scenario === "plain" ? new Plain("plain") : new huaweicloud.kps.KeypairTask("task", { taskId: config.require("kpsTaskId") });

export const urn = resource.urn;
