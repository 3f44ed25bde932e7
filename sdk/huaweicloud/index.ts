/** Huawei Cloud reads: SMS, ROMA Connect and KPS. */
export * as kps from "./kps";
export * as roma from "./roma";
export * as sms from "./sms";
