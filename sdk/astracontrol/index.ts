/** NetApp Astra Control reads. */
export * from "./certificate";
export * from "./getCertificate";
