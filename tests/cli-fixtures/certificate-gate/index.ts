import * as pulumi from "@pulumi/pulumi";
import { astracontrol } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-gate");
const certificateId = config.require("certificateId");

// A trust store fed only with certificates valid for the days asked.
const ca = new astracontrol.Certificate("ca", { certificateId, minValidDays: config.requireNumber("resourceMinValidDays") });
const checked = astracontrol.getCertificateOutput({ certificateId, minValidDays: config.requireNumber("functionMinValidDays") });

export const resourceDaysLeft = ca.daysUntilExpiry;
export const functionDaysLeft = checked.daysUntilExpiry;
export const fingerprint = checked.fingerprintSha256;
export const notAfter = checked.notAfter;
