/**
 * Public types of the harness.
 *
 * @module
 */
import type { StateFile } from "./state-file";

/** What the harness should do, like the CLI command of the same name. */
export type HarnessMode = "preview" | "up" | "refresh" | "destroy";

/** One run of the harness: a CLI invocation against one stack. */
export interface HarnessRun {
    /** `preview` and `up` run the program; `refresh` and `destroy` work from the state alone. */
    mode: HarnessMode;
    /** Directory of the Pulumi program (`Pulumi.yaml` `main`, else the CLI's package.json rules, else the directory). */
    programDir: string;
    /** The checkpoint file; created on first `up`. */
    statePath: string;
    /** Stack config, `"ns:key": "value"` (an un-namespaced key gets the project's namespace). */
    config: Record<string, string>;
    /** Secret stack config: reaches the program (as secret) and Configure (wrapped as secret); stored nowhere. */
    secretConfig?: Record<string, string>;
    /** Environment for the program and the provider host, over the harness's own. */
    env?: NodeJS.ProcessEnv;
    /** Project name. Default: `name` in the program's `Pulumi.yaml`, else `"project"`. */
    project?: string;
    /** Stack name. Default: `"dev"`. */
    stack?: string;
    /** Passphrase of the state's secrets provider. Default: a fixed harness passphrase. */
    passphrase?: string;
    /** Limit for the whole run, after which the program and host are killed. Default: 60 000 ms. */
    timeoutMs?: number;
    /**
     * Refresh with the given config, as `pulumi refresh --run-program` does; without it a refresh
     * (and a destroy) uses the config of the last `up`, as the engine does.
     */
    runProgram?: boolean;
}

/** Operation of a step, as `pulumi up`/`refresh`/`destroy` report them (`discard`: a `get` resource forgotten, never deleted). */
export type StepOp = "create" | "same" | "update" | "replace" | "delete" | "discard" | "refresh" | "read" | "read-skipped";

/** Why a step changes what it changes. */
export interface StepDiff {
    /** What the provider's Diff said (`unknown` when it has no `diff`: the engine then compares inputs). */
    providerChanges: "none" | "some" | "unknown";
    /** Top-level input keys that differ from the stored inputs (for refresh: output keys that changed). */
    changedKeys: string[];
    /** Keys that force replacement (provider `replaces` plus `replaceOnChanges` matches). */
    replaceKeys: string[];
    /** Whether the replacement deleted the old resource first. */
    deleteBeforeReplace: boolean;
}

/** One resource step of a run. */
export interface Step {
    op: StepOp;
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Resulting id (`""` in preview for new resources; the deleted id for deletes). */
    id: string;
    /** For `refresh`: whether the resource was unchanged, changed, or found gone (and dropped). */
    refresh?: "same" | "update" | "deleted";
    diff?: StepDiff;
    /** gRPC methods sent to the provider host for this resource, in order. */
    calls: string[];
    /** The host's message when a call failed; the step did not happen. */
    error?: string;
}

/** Result of {@link runHarness}. Contains no secret in clear in any enumerable field. */
export interface HarnessResult {
    mode: HarnessMode;
    project: string;
    stack: string;
    steps: Step[];
    /** Stack outputs, secrets as `"[secret]"`, preview unknowns as `"[unknown]"`. */
    outputs: Record<string, unknown>;
    /** Names of stack outputs that are secret. */
    secretOutputNames: string[];
    /** The state as stored after the run (secrets encrypted); for preview, the unchanged state. */
    state: StateFile;
    hostStdout: string;
    hostStderr: string;
    programStdout: string;
    programStderr: string;
    /** Every gRPC call to the provider host, in order. */
    grpcCalls: { method: string; urn?: string }[];
    /** Failures: `"<urn>: <host message>"` for resources, program and harness errors otherwise. */
    errors: string[];
    /** Things the CLI would warn about (e.g. an entry point taken from package.json). */
    warnings: string[];
    /** Plain values of secrets, for assertions; a function so it never serializes. */
    reveal: {
        /** A stack output's plain value (secrets unwrapped). */
        output(name: string): unknown;
        /** A resource output's plain value, by resource name or URN, from the state after the run. */
        resourceOutput(nameOrUrn: string, key: string): unknown;
    };
}
