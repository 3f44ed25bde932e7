/** Huawei Cloud KPS (key pair service) reads. */
export * from "./getKeypairTask";
export * from "./keypairTask";
