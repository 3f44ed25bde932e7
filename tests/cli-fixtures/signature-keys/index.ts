import * as pulumi from "@pulumi/pulumi";
import { astracontrol } from "pulumi-cloudreads";

const config = new pulumi.Config("cloudreads-sig");

// Were a signature object to pass, this stack output would carry it to the engine, which hashes
// an asset or archive (fetching its URL, reading its file) on this machine.
const ca = new astracontrol.Certificate("ca", { certificateId: config.require("certificateId") });
export const details = ca.trustStateDetails;
