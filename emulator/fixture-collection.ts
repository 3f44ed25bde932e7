import * as t from "io-ts";
import { secretString, strictObjectMembers } from "./fixture-codec";
import type { FixtureData } from "./fixture-types";

/**
 * A list of fixture records, declared once by the route module that serves it: where the list sits
 * in the fixture data (and in `fixtures/default.json`, which holds its default records), one
 * record's codec, and what makes a record unique or unreachable. Its secrets are the members the
 * codec types {@link secretString}: fixture errors never show them, and `fixtureSecrets` (which the
 * leak scans use) finds them without another list to keep.
 *
 * @example
 * ```ts
 * const certKeys = fixtureCollection("huawei.sms.certKeys", certKey, { unique: { field: "taskId", key: (r) => r.taskId } });
 * certKeys.in(ctx.data).find((r) => r.taskId === taskId);
 * ```
 */
export interface FixtureCollection<R> {
  /** Dotted path of the list in the fixture data, e.g. `huawei.sms.tasks`. */
  readonly path: string;
  /** One record's codec. */
  readonly record: t.Decoder<unknown, R>;
  /** Paths of the secret values inside a record (`passphrase`; `""` for a list of secret strings). */
  readonly secrets: readonly string[];
  /** The member that tells records apart, and the key two records must not share. */
  readonly unique?: { readonly field: string; key(record: R): string };
  /** Why a record given by the user could never be served (it names a project that does not exist), or undefined. */
  unreachable?(record: R, data: FixtureData): { readonly field: string; readonly problem: string } | undefined;
  /** The collection's records in `data` (live: edits take effect on the next request). */
  in(data: FixtureData): R[];
}

/** A collection with its record type erased, for the registry. */
export type AnyFixtureCollection = FixtureCollection<unknown>;

/** Paths of the secret strings a codec holds, relative to the value it decodes. */
export function secretPaths(codec: t.Decoder<unknown, unknown>, at = ""): string[] {
  if (codec === secretString) return [at];
  if (codec instanceof t.ArrayType) return secretPaths(codec.type as t.Decoder<unknown, unknown>, at);
  if (codec instanceof t.IntersectionType || codec instanceof t.UnionType) return (codec.types as t.Decoder<unknown, unknown>[]).flatMap((c) => secretPaths(c, at));
  const members = strictObjectMembers(codec);
  if (!members) return [];
  return Object.entries(members).flatMap(([key, member]) => secretPaths(member, at === "" ? key : `${at}.${key}`));
}

/** The value at a dotted path of an object (the object itself for `""`). */
export function valueAt(value: unknown, dotted: string): unknown {
  if (dotted === "") return value;
  let at: unknown = value;
  for (const key of dotted.split(".")) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Declares a fixture collection (see {@link FixtureCollection}). */
export function fixtureCollection<R>(
  path: string,
  record: t.Decoder<unknown, R>,
  options: Pick<FixtureCollection<R>, "unique" | "unreachable"> = {},
): FixtureCollection<R> {
  return {
    path,
    record,
    secrets: secretPaths(record),
    ...options,
    in: (data) => valueAt(data, path) as R[],
  };
}
