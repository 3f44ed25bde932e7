import * as pulumi from "@pulumi/pulumi";
import { astracontrol, huaweicloud } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-lookups");
const instanceId = config.require("instanceId");
const productName = config.require("productName");

// An IoT device config built from a product found by name: the resource finds the product at up,
// the function at preview; both keep the password secret.
const auth = new huaweicloud.roma.ProductAuthentication("device-auth", { instanceId, productName });
const checked = huaweicloud.roma.getProductAuthenticationOutput({ instanceId, productName: config.require("functionProductName") });
const products = huaweicloud.roma.getProductsOutput({ instanceId, name: productName });

export const resourceProductId = auth.productId;
export const deviceConfig = pulumi.interpolate`{"username":"${auth.userName}","password":"${auth.password}"}`;
export const functionProductId = checked.productId;
export const listedProducts = products.products.apply((ps) => ps.map((p) => `${p.productId}:${p.name}`));

// Migration tasks and certificates by name.
export const tasks = huaweicloud.sms.getTasksOutput({ name: config.require("taskName") }).tasks.apply((ts) => ts.map((t) => `${t.taskId}:${t.state}`));
export const certificates = astracontrol
    .getCertificatesOutput({ cn: config.require("cn") })
    .certificates.apply((cs) => cs.map((c) => `${c.id}:${c.fingerprintSha256}:${c.daysUntilExpiry}`));
