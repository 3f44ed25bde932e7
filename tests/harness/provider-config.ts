import { isSecret, makeSecret, type WireMap } from "./property-values";
import type { StateResource } from "./state-file";

/** The engine's default provider for dynamic resources; its inputs are the stack config of the last `up`. */
export const DEFAULT_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/** Stack config as the harness passes it: plain keys and secret keys. */
export interface StackConfig {
    config: Record<string, string>;
    secretConfig: Record<string, string>;
}

/**
 * The default provider's state entry, as the engine keeps it: the whole stack config as inputs,
 * secrets as secrets (encrypted on save). Not marked custom, so counts of custom resources are
 * those of the program's resources alone.
 */
export function defaultProviderState(project: string, stack: string, cfg: StackConfig): StateResource {
    const inputs: WireMap = { ...cfg.config };
    for (const [k, v] of Object.entries(cfg.secretConfig)) inputs[k] = makeSecret(v);
    return {
        urn: `urn:pulumi:${stack}::${project}::${DEFAULT_PROVIDER_TYPE}::default`,
        type: DEFAULT_PROVIDER_TYPE,
        name: "default",
        custom: false,
        id: "",
        inputs,
        outputs: {},
        secretOutputs: [],
        additionalSecretOutputs: [],
        dependencies: [],
    };
}

/**
 * The config `refresh` and `destroy` run with: the engine configures the provider from state (the
 * config as of the last `up`), not from the stack file; undefined before a first `up`.
 */
export function storedProviderConfig(resources: readonly StateResource[]): StackConfig | undefined {
    const provider = resources.find((r) => r.type === DEFAULT_PROVIDER_TYPE);
    if (!provider) return undefined;
    const out: StackConfig = { config: {}, secretConfig: {} };
    for (const [k, v] of Object.entries(provider.inputs)) {
        if (isSecret(v)) out.secretConfig[k] = String((v as { value: unknown }).value);
        else if (typeof v === "string") out.config[k] = v;
    }
    return out;
}
