import * as pulumi from "@pulumi/pulumi";
import { performRead } from "../../provider/runtime/execute";
import type { SettingSources } from "../../provider/core/settings";
import type { AnyReadOperation } from "../../provider/operations/operation";
import { checkInvokeOptions, invokeOutputDependencies } from "./invoke-options";
import { refuseUnsupportedRuntime } from "./runtime-check";

// In the program process, settings come from the stack config and the environment: one snapshot
// of the config per read, parsed once per distinct config (`getConfig` would parse the whole
// PULUMI_CONFIG again for every key, 15 keys a read).
function programSources(): SettingSources {
    const config = configSnapshot();
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
    checkInvokeOptions(functionNameOf(op), opts);
    return (await performRead(op, args, programSources(), functionNameOf(op))).result as R;
}

/**
 * Runs a read once its inputs and `opts.dependsOn` are known; results with secret fields are
 * secret Outputs. Refuses invoke options a read in the program cannot honour, at once.
 */
export function invokeReadOutput<R>(op: AnyReadOperation, args: pulumi.Inputs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<R> {
    const waitFor = invokeOutputDependencies(functionNameOf(op), opts);
    return pulumi.all([pulumi.output(args), waitFor]).apply(async ([plain]) => {
        const result = (await performRead(op, plain, programSources(), `${functionNameOf(op)}Output`)).result as R;
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
    if (op.secretFields.length === 0) return { ...opts };
    return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...op.secretFields] };
}

/** Module part of every type token: `pulumi-nodejs:dynamic/cloudreads:<read token>`. */
export const TYPE_MODULE = "cloudreads";
