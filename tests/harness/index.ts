/**
 * A stand-in for the Pulumi engine, for tests and demos on machines without
 * the Pulumi CLI: runs a program under the SDK's mocks and drives the real
 * dynamic-provider host over gRPC as `pulumi preview/up/refresh/destroy` would.
 *
 * @example
 * ```ts
 * import { runHarness, formatResult } from "./harness";
 *
 * const result = await runHarness({ mode: "up", programDir: "examples/quickstart", statePath: "/tmp/qs.json", config: {} });
 * process.stdout.write(formatResult(result));
 * ```
 *
 * @module
 */
export { runHarness, isDynamicType, makeUrn } from "./run-harness";
export { formatResult } from "./print-result";
export type { HarnessMode, HarnessResult, HarnessRun, Step, StepDiff, StepOp } from "./types";
export type { StateFile, StateResource } from "./state-file";
export { SECRET_SIG, SIG_KEY, UNKNOWN } from "./property-values";
