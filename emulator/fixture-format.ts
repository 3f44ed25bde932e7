import * as t from "io-ts";
import { strictObject } from "./fixture-codec";
import type { AnyFixtureCollection } from "./fixture-collection";
import type { FixtureData, FixtureInput } from "./fixture-types";

/**
 * The fixture format, put together from a list of collections (the route modules declare them,
 * `fixtures` of each service in emulator/routes/*.ts; emulator/fixtures.ts lists them all): a
 * collection's path places its list in the data, its record codec checks each record. Nothing
 * here names a collection, or knows where the list comes from.
 */

interface Node {
  readonly lists: Map<string, AnyFixtureCollection>;
  readonly children: Map<string, Node>;
}

/** The collections as a tree of their paths' segments, in registry order. */
function tree(collections: readonly AnyFixtureCollection[]): Node {
  const root: Node = { lists: new Map(), children: new Map() };
  for (const c of collections) {
    const keys = c.path.split(".");
    let node = root;
    for (const key of keys.slice(0, -1)) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { lists: new Map(), children: new Map() }));
      node = child;
    }
    node.lists.set(keys[keys.length - 1]!, c);
  }
  return root;
}

/** The codec of one node: every member required (the complete data) or optional (a user's fixtures). */
function nodeCodec(node: Node, name: string, complete: boolean): t.Mixed {
  const members: t.Props = {};
  for (const [key, c] of node.lists) members[key] = t.array(c.record as t.Mixed);
  for (const [key, child] of node.children) members[key] = nodeCodec(child, name === "" ? key : `${name}.${key}`, complete);
  const title = name === "" ? (complete ? "the fixture data" : "the fixtures") : name;
  return complete ? strictObject(title, members, {}) : strictObject(title, {}, members);
}

/** The two codecs of `collections`' format. */
export interface FixtureCodecs {
  /** Complete fixture data, as `fixtures/default.json` holds it. */
  readonly data: t.Decoder<unknown, FixtureData>;
  /** A user's fixtures: any list may be left out (it keeps the default), every record given is complete. */
  readonly input: t.Decoder<unknown, FixtureInput>;
}

/** The codecs of the fixture data that `collections` make up. */
export function fixtureCodecs(collections: readonly AnyFixtureCollection[]): FixtureCodecs {
  const root = tree(collections);
  return { data: nodeCodec(root, "", true) as t.Decoder<unknown, FixtureData>, input: nodeCodec(root, "", false) as t.Decoder<unknown, FixtureInput> };
}

/** `input`'s lists in place of the defaults' (see {@link FixtureInput}), as a fresh copy. */
export function mergeFixtures(collections: readonly AnyFixtureCollection[], defaults: FixtureData, input: FixtureInput): FixtureData {
  const data: Record<string, unknown> = {};
  for (const c of collections) {
    const keys = c.path.split(".");
    let given: unknown = input;
    for (const key of keys) given = typeof given === "object" && given !== null ? (given as Record<string, unknown>)[key] : undefined;
    let at = data;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]!] = structuredClone(given ?? c.in(defaults));
  }
  return data as unknown as FixtureData;
}

/**
 * Records of `given` (the user's lists, after merging into `data`) that the emulator could never
 * serve: duplicates, and records naming a project or instance it does not have. Lists left to
 * the defaults are not checked: they are consistent among themselves.
 */
export function unreachableRecords(collections: readonly AnyFixtureCollection[], data: FixtureData, given: FixtureInput): string[] {
  const lists = collections.map((c) => ({ c, records: c.in(given as FixtureData) as readonly unknown[] | undefined }));
  const duplicates = lists.flatMap(({ c, records }) => {
    const unique = c.unique;
    if (!unique) return [];
    const seen = new Map<string, number>();
    return (records ?? []).flatMap((record, i) => {
      const k = unique.key(record);
      const first = seen.get(k);
      if (first === undefined) return void seen.set(k, i), [];
      return [`${c.path}[${i}].${unique.field}: the same as ${c.path}[${first}]; the emulator would only ever serve the first`];
    });
  });
  const unreachable = lists.flatMap(({ c, records }) =>
    (records ?? []).flatMap((record, i) => {
      const found = c.unreachable?.(record, data);
      return found ? [`${c.path}[${i}].${found.field}: ${found.problem}`] : [];
    }),
  );
  return [...duplicates, ...unreachable];
}
