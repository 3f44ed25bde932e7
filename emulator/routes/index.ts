import type { EmulatedService } from "../types";
import { astraService } from "./astra";
import { iamService } from "./iam";
import { kmsService } from "./kms";
import { romaService } from "./roma";
import type { ServiceDefinition } from "./route";
import { smsService } from "./sms";

/** Every emulated service by its path prefix. */
export const SERVICES: Readonly<Record<EmulatedService, ServiceDefinition>> = {
  sms: smsService,
  roma: romaService,
  kms: kmsService,
  iam: iamService,
  astra: astraService,
};

export { dispatch, sampleFor } from "./route";
export type { Route, ServiceDefinition } from "./route";
