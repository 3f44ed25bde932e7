import * as fs from "node:fs";
import { decodeWithPaths } from "./fixture-codec";
import { valueAt, type AnyFixtureCollection } from "./fixture-collection";
import { fixtureCodecs, mergeFixtures, unreachableRecords } from "./fixture-format";
import type { FixtureData, FixtureInput } from "./fixture-types";
import { jsonErrorOffset, lineAndColumn } from "./json-position";
import { SERVICES } from "./routes";
import defaultFixtureJson = require("./fixtures/default.json");

/**
 * Every fixture collection the routes serve, in the order of the services (`SERVICES`) and of
 * each service's `fixtures`: the one list that the fixture format, merging, the listing and
 * `fixtureSecrets` derive from.
 *
 * @example
 * ```ts
 * FIXTURE_COLLECTIONS.map((c) => c.path); // ["huawei.tokens", "huawei.credentials", ...]
 * ```
 */
export const FIXTURE_COLLECTIONS: readonly AnyFixtureCollection[] = Object.values(SERVICES).flatMap((s) => s.fixtures);

const CODECS = fixtureCodecs(FIXTURE_COLLECTIONS);

/**
 * Fixtures that do not fit the format. `problems` has one `path: what is wrong` line each, e.g.
 * `huawei.sms.tasks[2].taskId: expected a non-empty string of at most 36 characters, got 42`;
 * secret values (tokens, secret keys, passphrases, passwords) are never shown.
 *
 * @example
 * ```ts
 * try { await startEmulator({ fixturesFile: "fixtures.json" }); }
 * catch (e) { if (e instanceof FixtureError) console.error(e.problems.join("\n")); }
 * ```
 */
export class FixtureError extends Error {
  override readonly name = "FixtureError";
  constructor(
    /** Where the fixtures came from, e.g. a file path. */
    readonly source: string,
    /** One line per problem. */
    readonly problems: readonly string[],
  ) {
    super(`invalid emulator fixtures (${source}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** A deep copy of any fixture data (plain JSON, so a JSON round trip is exact). */
export function cloneFixtures<T extends FixtureInput | FixtureData>(data: T): T {
  return structuredClone(data);
}

/**
 * A fresh copy of the default fixtures (`fixtures/default.json`; every value fake).
 *
 * @example
 * ```ts
 * const data = loadDefaultFixtures();
 * data.huawei.tokens[0]; // "emulator-huawei-token-0000000000000001"
 * ```
 */
export function loadDefaultFixtures(): FixtureData {
  const decoded = decodeWithPaths(CODECS.data, structuredClone(defaultFixtureJson));
  if (!decoded.ok) throw new FixtureError("the package's default fixtures", decoded.problems);
  return decoded.value;
}

/**
 * Validates a user's fixtures (any JSON value) and merges them onto the defaults (see
 * {@link FixtureInput}). Throws a {@link FixtureError} listing every problem.
 *
 * @example
 * ```ts
 * const data = parseFixtures({ huawei: { kps: { tasks: [] } } });
 * data.huawei.kps.tasks.length; // 0; every other list is the default one
 * ```
 */
export function parseFixtures(value: unknown, source = "fixtures"): FixtureData {
  const decoded = decodeWithPaths(CODECS.input, value);
  if (!decoded.ok) throw new FixtureError(source, decoded.problems);
  const data = mergeFixtures(FIXTURE_COLLECTIONS, loadDefaultFixtures(), decoded.value);
  const unreachable = unreachableRecords(FIXTURE_COLLECTIONS, data, decoded.value);
  if (unreachable.length > 0) throw new FixtureError(source, unreachable);
  return data;
}

/**
 * Reads, validates and merges a fixture file (JSON; see {@link FixtureInput}). Throws a
 * {@link FixtureError} naming the file: it cannot be read, it is not JSON (with the line and
 * column, never the text, which may hold secrets), or it does not fit the format.
 *
 * @example
 * ```ts
 * const data = loadFixtureFile("test/emulator-fixtures.json");
 * ```
 */
export function loadFixtureFile(file: string): FixtureData {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new FixtureError(file, [`cannot read the file (${code})`]);
  }
  // A byte order mark, as some Windows editors write, is not part of the JSON.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be a secret: only the position is given.
    const offset = jsonErrorOffset(text);
    const where = offset === undefined ? "" : ` at ${lineAndColumn(text, offset)}`;
    throw new FixtureError(file, [`not valid JSON${where}`]);
  }
  return parseFixtures(value, file);
}

/**
 * Every secret value in `data`: each value a fixture collection's codec types as a secret (tokens,
 * secret keys, security tokens, passphrases, passwords, private keys; see emulator/routes/*.ts).
 * Scan logs, errors and state for these to prove nothing leaks.
 *
 * @example
 * ```ts
 * const secrets = fixtureSecrets(emulator.data);
 * for (const s of secrets) assert.ok(!stackExport.includes(s));
 * ```
 */
export function fixtureSecrets(data: FixtureData): string[] {
  const values = FIXTURE_COLLECTIONS.flatMap((c) => c.in(data).flatMap((record) => c.secrets.flatMap((p) => [valueAt(record, p)].flat())));
  return [...new Set(values.filter((v): v is string => typeof v === "string"))];
}

/**
 * The secret values of the default fixtures (see {@link fixtureSecrets}).
 *
 * @example
 * ```ts
 * for (const s of FIXTURE_SECRETS) assert.ok(!output.includes(s));
 * ```
 */
export const FIXTURE_SECRETS: readonly string[] = Object.freeze(fixtureSecrets(loadDefaultFixtures()));
