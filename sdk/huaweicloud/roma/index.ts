/** Huawei Cloud ROMA Connect reads. */
export * from "./getProductAuthentication";
export * from "./productAuthentication";
export * from "./product-id";
