import Module = require("node:module");
import * as pulumi from "@pulumi/pulumi";
import type * as Execute from "../../../provider/runtime/execute";
import type { SettingSources } from "../../../provider/core/settings";
import type { AnyReadOperation } from "../../../provider/operations/operation";
import { userCallSite, withCallSite } from "./call-site";
import { warnNearMissConfig } from "./config-near-miss";
import { checkInvokeOptions, invokeOutputDependencies } from "./invoke-options";
import { refuseUnsupportedRuntime } from "./runtime-check";

// The runtime (transport, signer, vendors) loads at the first read, not when the SDK is imported:
// a program that only declares resources never needs it in the program process.
let execute: typeof Execute | undefined;
function performRead(...args: Parameters<typeof Execute.performRead>): ReturnType<typeof Execute.performRead> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    execute ??= require("../../../provider/runtime/execute") as typeof Execute;
    return execute.performRead(...args);
}

// In the program process, settings come from the stack config and the environment: one snapshot
// of the config per read, parsed once per distinct config (`getConfig` would parse the whole
// PULUMI_CONFIG again for every key, 15 keys a read).
function programSources(): SettingSources {
    const config = configSnapshot();
    warnNearMissConfig(config);
    return {
        config: (key) => (Object.hasOwn(config, key) ? config[key] : undefined),
        env: process.env,
        progress: (message) => void pulumi.log.info(message),
        warn: (message) => void pulumi.log.warn(message),
        // Ephemeral: the CLI shows the latest one while the read waits, and drops it once done.
        status: (message) => void pulumi.log.info(message, undefined, undefined, true),
    };
}

type ConfigStore = { getStore(): { config: Record<string, string | undefined> } };
let storeModule: ConfigStore | null | undefined;
let lastRaw: string | undefined;
let lastParsed: Readonly<Record<string, string>> = {};

/**
 * The stack config as `pulumi.runtime.allConfig()` gives it, re-parsed only when the serialized
 * config the SDK holds has changed. The serialized text comes from @pulumi/pulumi's config store
 * (not public API): where that is not there, every read parses once.
 */
function configSnapshot(): Readonly<Record<string, string>> {
    if (storeModule === undefined) {
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            storeModule = require("@pulumi/pulumi/runtime/state") as ConfigStore;
            if (typeof storeModule.getStore !== "function") storeModule = null;
        } catch {
            storeModule = null;
        }
    }
    const raw = storeModule?.getStore().config?.PULUMI_CONFIG;
    if (typeof raw !== "string") return pulumi.runtime.allConfig();
    if (raw !== lastRaw) {
        lastParsed = pulumi.runtime.allConfig();
        lastRaw = raw;
    }
    return lastParsed;
}

/** The public name of a read's plain function: `huaweicloud.kps.KeypairTask` -> `huaweicloud.kps.getKeypairTask`. */
export function functionNameOf(op: AnyReadOperation): string {
    return op.token.replace(/([^.]+)$/, "get$1");
}

/** Runs a read in the program process and returns plain values. */
export async function invokeRead<R>(op: AnyReadOperation, args: object, opts?: pulumi.InvokeOptions): Promise<R> {
    // Taken before the first await, while the user's frame is still on the stack.
    const site = userCallSite(invokeRead);
    checkInvokeOptions(functionNameOf(op), opts);
    try {
        return (await performRead(op, args, programSources(), functionNameOf(op))).result as R;
    } catch (error) {
        throw withCallSite(error, site);
    }
}

/**
 * Runs a read once its inputs and `opts.dependsOn` are known; results with secret fields are
 * secret Outputs. Refuses invoke options a read in the program cannot honour, at once.
 */
export function invokeReadOutput<R>(op: AnyReadOperation, args: pulumi.Inputs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<R> {
    const site = userCallSite(invokeReadOutput);
    const waitFor = invokeOutputDependencies(functionNameOf(op), opts);
    return pulumi.all([pulumi.output(args), waitFor]).apply(async ([plain]) => {
        // The error names the user's line, as Pulumi's resource errors do: the apply runs later, from no user frame.
        const result = (await performRead(op, plain, programSources(), `${functionNameOf(op)}Output`).catch((error: unknown) => Promise.reject(withCallSite(error, site)))).result as R;
        return op.secretFields.length > 0 ? pulumi.secret(result) : result;
    }) as pulumi.Output<R>;
}

const RESERVED = new Set(["id", "urn"]);

/** The props a dynamic resource registers: its inputs plus every result field as an output. */
export function resourceProps(op: AnyReadOperation, args: object): pulumi.Inputs {
    const props: Record<string, unknown> = {};
    for (const name of op.resultNames) if (!RESERVED.has(name)) props[name] = undefined;
    for (const [k, v] of Object.entries(args)) if (v !== undefined) props[k] = v;
    return props;
}

/** Merges the read's secret fields into `additionalSecretOutputs` (and refuses runtimes that cannot host the resource). */
export function resourceOptions(op: AnyReadOperation, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    refuseUnsupportedRuntime(op.token);
    warnNearMissConfig(configSnapshot());
    if (op.secretFields.length === 0) return { ...opts };
    return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...op.secretFields] };
}

/** Module part of every type token: `pulumi-nodejs:dynamic/cloudreads:<read token>`. */
export const TYPE_MODULE = "cloudreads";

/** The type token of a read's resource, as `pulumi.dynamic.Resource` would build it. */
export function resourceType(op: AnyReadOperation): string {
    return `pulumi-nodejs:dynamic/${TYPE_MODULE}:${op.token}`;
}

const providerSources = new Map<string, string>();

type ModuleInternals = {
    _nodeModulePaths(from: string): string[];
    _resolveFilename(request: string, parent: { paths: string[]; filename: string | null }): string;
};

/**
 * Where the dynamic-provider host will find `request`: it loads `__provider` with
 * require-from-string, a module without a file whose lookup paths are the `node_modules` folders
 * from its working directory up (the project directory), so no package self-reference applies.
 * Undefined when it will not find it.
 */
function resolvedAsHost(request: string): string | undefined {
    const internals = Module as unknown as ModuleInternals;
    try {
        return internals._resolveFilename(request, { paths: internals._nodeModulePaths(process.cwd()), filename: null });
    } catch {
        return undefined;
    }
}

/**
 * The `__provider` of a read's resources: a one-line module whose `handler()` requires the read's
 * dynamic provider module, which the engine's dynamic-provider host runs (it resolves `require` from
 * the project directory, as the program does). Written here, not serialized from a closure:
 * ~110 bytes per resource in state, no closure serialization in the program, and the resource's
 * recorded source position is the user's line. By package name when that name resolves, from the
 * project directory, to this very module (an installed package, or this repository); otherwise
 * (a linked copy) by its absolute path, without extension, as a closure would have held it.
 *
 * @param module - The file name under `provider/dynamic/`, e.g. `huaweicloud-kps-keypair-task`.
 * @param resolvedHere - That module's path as the SDK file itself resolves it (`require.resolve`).
 */
export function providerSource(module: string, resolvedHere: string): string {
    let text = providerSources.get(resolvedHere);
    if (text === undefined) {
        const byName = `pulumi-cloudreads/provider/dynamic/${module}`;
        let target = resolvedHere.replace(/\.[cm]?[jt]s$/, "");
        if (resolvedAsHost(byName) === resolvedHere) target = byName;
        text = `exports.handler = () => require(${JSON.stringify(target)});\n`;
        providerSources.set(resolvedHere, text);
    }
    return text;
}

/** The props a resource registers, `__provider` included. */
export function resourcePropsWithProvider(op: AnyReadOperation, args: object, module: string, resolvedHere: string): pulumi.Inputs {
    return { ...resourceProps(op, args), __provider: providerSource(module, resolvedHere) };
}
