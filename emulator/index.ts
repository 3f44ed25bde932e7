/**
 * An in-process HTTP emulator of Huawei Cloud SMS, ROMA Connect, KPS (plus the IAM
 * look-ups clients need) and NetApp Astra Control, faithful to the vendors' documented
 * success bodies, error shapes and auth, and controllable from tests.
 *
 * ## Example Usage
 * ```typescript
 * import { startEmulator } from "../emulator";
 *
 * const emulator = await startEmulator({ port: 0 });
 * emulator.inject("kms", { kind: "status", status: 429 }, 2);
 * const res = await fetch(`${emulator.endpoints.kms}/v3/0123456789abcdef0123456789abcdef/tasks/aee8d2fe-5484-4753-9177-5a38dc15546c`, {
 *   headers: { "X-Auth-Token": "emulator-huawei-token-0000000000000001" },
 * });
 * await emulator.close();
 * ```
 */
export { startEmulator } from "./server";
export type { Emulator, RemovableKind, StartEmulatorOptions } from "./server";
export { loadDefaultFixtures, fixtureSecrets, FIXTURE_SECRETS } from "./fixtures";
export type { FixtureData, HuaweiCredential } from "./fixtures";
export type { Fault, FaultStatus } from "./faults";
export type { EmulatedService, RecordedRequest } from "./types";
export { EMULATED_SERVICES } from "./types";
export {
  canonicalRequest,
  computeSignature,
  expectedSignature,
  formatSdkDate,
  parseAuthorization,
  stringToSign,
} from "./huawei-signature";
