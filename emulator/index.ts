/**
 * `pulumi-cloudreads/emulator`: an in-process HTTP emulator of Huawei Cloud SMS, ROMA Connect,
 * KPS (plus the IAM look-ups clients need) and NetApp Astra Control on 127.0.0.1, faithful to
 * the vendors' documented success bodies, error shapes and auth, with your own fixtures and
 * injected faults. For testing stacks and CI pipelines offline; every default value is fake.
 *
 * ## Example Usage
 * ```typescript
 * import { connectionSettings, startEmulator } from "pulumi-cloudreads/emulator";
 *
 * const emulator = await startEmulator({ fixturesFile: "test/emulator-fixtures.json" });
 * emulator.inject("kms", { kind: "status", status: 503 }, 1); // the next KPS request gets a 503
 * const { config } = connectionSettings(emulator); // stack config that points a program at it
 * // ... run the stack ...
 * emulator.requests.filter((r) => r.service === "kms").length; // 2: the 503, then the retry
 * await emulator.close();
 * ```
 */
export { startEmulator } from "./start-emulator";
export type { Emulator, RemovableKind } from "./server";
export type { StartEmulatorOptions } from "./start-emulator";
export { FixtureError, loadDefaultFixtures, loadFixtureFile, parseFixtures, fixtureSecrets, FIXTURE_SECRETS } from "./fixtures";
export type {
  AstraCertificate,
  AstraCertificateResource,
  AstraToken,
  FixtureData,
  FixtureInput,
  HuaweiCredential,
  HuaweiDomain,
  HuaweiProject,
  KpsTask,
  RomaInstance,
  RomaProduct,
  SmsTask,
} from "./fixture-types";
export { connectionSettings } from "./connection-settings";
export { fixtureListing } from "./fixture-listing";
export type { EmulatorConfigValue, EmulatorConnectionSettings } from "./connection-settings";
export type { Fault, FaultInjection, FaultStatus } from "./faults";
export type { EmulatedService, RecordedRequest } from "./types";
export { EMULATED_SERVICES } from "./types";
