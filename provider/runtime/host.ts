import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ConfigurationError, NotFoundError } from "../core/errors";
import { performRead, readSources } from "./execute";
import { lookup, SettingName, SettingSources } from "../core/settings";
import { argFailures, UNKNOWN_SENTINEL } from "../core/validate-args";
import { operationFor } from "../operations";
import { descriptionOf } from "../operations/describe";
import { argsFromId, idSubject, type AnyReadOperation } from "../operations/operation";
import { vendorFor } from "../vendors";

/**
 * The provider side of every resource, run inside Pulumi's dynamic-provider host. The
 * modules in `provider/dynamic/` load this file at call time, so nothing here is ever
 * serialized into `__provider`. The provider plugin (provider/plugin/) calls the same functions
 * with its own setting sources (the last argument; the dynamic host's by default).
 */

export { printedOnce } from "./dynamic-host-errors";

const PROVIDER_KEY = "__provider";

// The stack config the engine handed to Configure; credentials stay in this process only.
let stackConfig: ((key: string) => string | undefined) | undefined;

/** Keeps the stack config for later reads (called from the provider's `configure`). */
export function configure(config: dynamic.Config): void {
    stackConfig = (key) => config.get(key);
}

// The dynamic-provider host has no engine connection for log messages; the CLI shows what a
// provider writes to stderr, under the resource's step.
function sources(): SettingSources {
    return {
        config: (key) => stackConfig?.(key),
        env: process.env,
        progress: (message) => process.stderr.write(`${message}\n`),
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
        status: (message) => process.stderr.write(`${message}\n`),
    };
}

/** The arguments among stored inputs or outputs: defined values of the read's argument names. */
function argsOf(op: AnyReadOperation, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const args = Object.create(null) as Record<string, unknown>;
    for (const name of op.argNames) if (Object.hasOwn(props, name) && props[name] !== undefined) args[name] = props[name];
    return args;
}

async function readOutputs(op: AnyReadOperation, props: Readonly<Record<string, unknown>>, subject: string, src: SettingSources): Promise<{ id: string; outs: Record<string, unknown> }> {
    const outcome = await performRead(op, argsOf(op, props), src, subject);
    // `id` and `urn` are the resource's own; a result field of that name is the resource id.
    const { id: _id, urn: _urn, ...result } = outcome.result;
    return { id: outcome.id, outs: { ...outcome.args, ...result } };
}

/** Validates inputs (tolerating preview unknowns) and normalizes them, e.g. productId to a digit string. */
export async function check(token: string, _olds: Record<string, unknown>, news: Record<string, unknown>, src: SettingSources = sources()): Promise<dynamic.CheckResult> {
    const op = operationFor(token);
    const { [PROVIDER_KEY]: _provider, ...given } = news;
    const { value, failures } = argFailures(op.args, op.argNames, given, true);
    if (failures.length) return { inputs: news, failures };
    // An unknown connection name fails at preview, listing the connections that exist.
    if (typeof given.connection === "string" && given.connection !== UNKNOWN_SENTINEL) {
        try {
            readSources(op, given, src);
        } catch (e) {
            if (e instanceof ConfigurationError) return { inputs: news, failures: [{ property: "connection", reason: e.message }] };
            throw e;
        }
    }
    const inputs: Record<string, unknown> = { ...given };
    for (const [k, v] of Object.entries(value ?? {})) if (given[k] !== UNKNOWN_SENTINEL) inputs[k] = v;
    return { inputs };
}

/**
 * Any change of an identifying input replaces; `__provider` and outputs are ignored. An id left
 * to settings (projectId, accountId) replaces when the stack config or env var now names another
 * one; an id found by an IAM look-up is not re-resolved here (diff sends no request).
 */
export async function diff(token: string, _id: string, olds: Record<string, unknown>, news: Record<string, unknown>, src: SettingSources = sources()): Promise<dynamic.DiffResult> {
    const op = operationFor(token);
    // Ids the vendor resolves from settings when they are not given, and the setting behind each.
    const resolved: Readonly<Record<string, SettingName>> = vendorFor(op.vendor).scopeSettings;
    const replaces: string[] = [];
    const updates: string[] = [];
    const specs = descriptionOf(op).args;
    // The id found by name (`productId` from `productName`) is an output then, not an input to compare.
    const found = op.byName && news[op.byName.arg] !== undefined && news[op.byName.into] === undefined ? op.byName.into : undefined;
    for (const name of op.argNames) {
        if (name === found) continue;
        const next = news[name];
        const prev = olds[name];
        const setting = resolved[name];
        if (next === undefined && setting) {
            const configured = lookup(readSources(op, news, src), setting)?.value;
            if (configured !== undefined && prev !== undefined && configured !== String(prev)) replaces.push(name);
            continue;
        }
        if (next === UNKNOWN_SENTINEL || (prev === undefined ? "" : String(prev)) !== (next === undefined ? "" : String(next))) (specs[name]?.identifying === false ? updates : replaces).push(name);
    }
    // A change that does not replace (minValidDays) is an update, which reads again.
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
}

/** Reads the object; a missing one fails with a NotFoundError naming its ids. */
export async function create(token: string, inputs: Record<string, unknown>, src: SettingSources = sources()): Promise<dynamic.CreateResult> {
    const op = operationFor(token);
    return readOutputs(op, inputs, op.token, src);
}

/**
 * Refresh: reads again; an object that no longer exists leaves the stack (empty id). With no
 * stored arguments (`X.get(name, id)`), the arguments come from the id. Returns the arguments as
 * `inputs` too (the engine stores them since 3.216), so a refresh leaves no spurious diff.
 */
export async function read(token: string, id: string, props: Record<string, unknown> | undefined, src: SettingSources = sources()): Promise<dynamic.ReadResult> {
    const op = operationFor(token);
    const stored = argsOf(op, props ?? {});
    // None of the id's arguments stored (`X.get(name, id)`): they come from the id.
    // (Scope ids such as projectId may be left to settings, so only the others count.)
    const scopeIds = vendorFor(op.vendor).scopeSettings;
    const fromId = !op.idNames.some((n) => !Object.hasOwn(scopeIds, n) && stored[n] !== undefined);
    const readArgs = fromId ? { ...argsFromId(op, id), ...stored } : stored;
    // A resource found by name (`productName`) is refreshed by the id found then: the same object,
    // even if it was renamed since. The name stays an input.
    const by = op.byName;
    const name = by && readArgs[by.into] !== undefined ? readArgs[by.arg] : undefined;
    if (by && name !== undefined) delete readArgs[by.arg];
    try {
        // Errors about arguments taken from the id say so, with the id's shape.
        const { id: fresh, outs } = await readOutputs(op, readArgs, fromId ? idSubject(op) : op.token, src);
        // The arguments read with become the stored inputs, so the next diff compares like with like
        // (after `X.get` the engine holds no inputs at all).
        const inputs = argsOf(op, outs);
        if (by && name !== undefined) {
            outs[by.arg] = name;
            inputs[by.arg] = name;
            delete inputs[by.into];
        }
        return { id: fresh || id, props: outs, inputs };
    } catch (e) {
        if (e instanceof NotFoundError) return { id: "" };
        throw e;
    }
}

/** A change that does not replace (`minValidDays`): reads again, so the new condition is checked at `up`. */
export async function update(token: string, _id: string, _olds: Record<string, unknown>, news: Record<string, unknown>, src: SettingSources = sources()): Promise<dynamic.UpdateResult> {
    const op = operationFor(token);
    return { outs: (await readOutputs(op, news, op.token, src)).outs };
}
