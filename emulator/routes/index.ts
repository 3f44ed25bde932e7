import type { EmulatedService } from "../types";
import { astraService } from "./astra";
import { iamService } from "./iam";
import { kmsService } from "./kms";
import { romaService } from "./roma";
import type { ServiceDefinition } from "./route";
import { smsService } from "./sms";

/** Every emulated service by its path prefix (in this order its fixture collections are checked and listed). */
export const SERVICES: Readonly<Record<EmulatedService, ServiceDefinition>> = {
  iam: iamService,
  sms: smsService,
  roma: romaService,
  kms: kmsService,
  astra: astraService,
};

export { dispatch, sampleFor } from "./route";
export type { Route, ServiceDefinition } from "./route";
