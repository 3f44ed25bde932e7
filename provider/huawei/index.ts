/**
 * Huawei Cloud building blocks: request signing, endpoint resolution and KooCLI profiles.
 *
 * @example
 * ```ts
 * import { serviceBaseUrl, signRequest } from "./huawei";
 *
 * const base = serviceBaseUrl("kms", { region: "cn-north-4" });
 * ```
 */
export * from "./signer";
export * from "./endpoints";
export * from "./koocli-profile";
