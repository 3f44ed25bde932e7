/** Huawei Cloud Server Migration Service reads. */
export * from "./getTaskPassphrase";
export * from "./taskPassphrase";
