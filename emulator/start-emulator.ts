import type { FaultInjection } from "./faults";
import { loadDefaultFixtures, loadFixtureFile, parseFixtures } from "./fixtures";
import type { FixtureInput } from "./fixture-types";
import { checkMaxPageSize } from "./paging";
import { EmulatorServer, type Emulator } from "./server";

/**
 * Options for {@link startEmulator}.
 *
 * @example
 * ```ts
 * const options: StartEmulatorOptions = {
 *   fixturesFile: "test/emulator-fixtures.json",
 *   faults: [{ service: "kms", fault: { kind: "status", status: 503 } }],
 * };
 * ```
 */
export interface StartEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Fixtures to serve, merged onto the defaults list by list (see {@link FixtureInput});
   * validated at start ({@link FixtureError}). Copied, never mutated.
   */
  fixtures?: FixtureInput;
  /** A JSON file of fixtures, read and validated like `fixtures`. Not with `fixtures`. */
  fixturesFile?: string;
  /** Faults queued before the first request, in order (see {@link Emulator.inject}). */
  faults?: readonly FaultInjection[];
  /** The emulator's clock, for the AK/SK clock-skew check; defaults to the system clock. */
  now?: () => Date;
  /**
   * Caps every list route's page (SMS ListTasks, ROMA ListProducts, Astra "List all certificates")
   * at this many items, below whatever `limit` asks, so tests can page through the default
   * fixtures. A whole number of at least 1 (else a RangeError); by default only the documented maxima apply.
   */
  maxPageSize?: number;
}

/**
 * Starts an emulator on 127.0.0.1; resolves once it is listening. Throws a {@link FixtureError}
 * for fixtures that do not fit the format and a RangeError for a bad fault, before listening.
 *
 * @example
 * ```ts
 * import { startEmulator } from "pulumi-cloudreads/emulator";
 *
 * const emulator = await startEmulator({ fixturesFile: "test/emulator-fixtures.json" });
 * emulator.inject("kms", { kind: "status", status: 503 }, 1); // one 503, which a read retries
 * // ... point the stack at emulator.endpoints / emulator.url, run it ...
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  if (options.fixtures !== undefined && options.fixturesFile !== undefined) {
    throw new TypeError("startEmulator: give fixtures or fixturesFile, not both");
  }
  const fixtures =
    options.fixturesFile !== undefined
      ? loadFixtureFile(options.fixturesFile)
      : options.fixtures !== undefined
        ? parseFixtures(options.fixtures, "startEmulator fixtures")
        : loadDefaultFixtures();
  const maxPageSize = checkMaxPageSize(options.maxPageSize, "startEmulator");
  const emulator = new EmulatorServer(fixtures, options.now ?? (() => new Date()), maxPageSize);
  (options.faults ?? []).forEach((f, i) => {
    try {
      emulator.inject(f.service, f.fault, f.times);
    } catch (error) {
      throw new RangeError(`startEmulator faults[${i}]: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await emulator.listen(options.port ?? 0);
  return emulator;
}
