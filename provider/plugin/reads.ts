import { operations } from "../operations";
import type { AnyReadOperation } from "../operations/operation";
import { pluginTokens } from "./tokens";

/** The plugin's reads by their schema tokens (provider/plugin/tokens.ts), from the registry. */

const all = (): AnyReadOperation[] => Object.values(operations as Record<string, AnyReadOperation>);

let byResource: ReadonlyMap<string, AnyReadOperation> | undefined;
let byFunction: ReadonlyMap<string, AnyReadOperation> | undefined;

/** The read behind a resource token, or undefined. */
export function readOfResource(type: string): AnyReadOperation | undefined {
    byResource ??= new Map(all().filter((op) => (op as { description?: { resource?: false } }).description?.resource !== false).map((op) => [pluginTokens(op.token).resource, op]));
    return byResource.get(type);
}

/** The read behind a function token, or undefined. */
export function readOfFunction(tok: string): AnyReadOperation | undefined {
    byFunction ??= new Map(all().map((op) => [pluginTokens(op.token).function, op]));
    return byFunction.get(tok);
}

/** Every function token, sorted: what an unknown token's error lists. */
export function functionTokens(): string[] {
    return all().map((op) => pluginTokens(op.token).function).sort();
}

/** Every resource token, sorted. */
export function resourceTokens(): string[] {
    return all().filter((op) => readOfResource(pluginTokens(op.token).resource)).map((op) => pluginTokens(op.token).resource).sort();
}
