/**
 * Messages between the program process (`program-runner.ts`, where the SDK's
 * resource monitor calls land) and the harness process (which plays the engine).
 * They travel over Node's IPC channel as JSON.
 *
 * @module
 */
import type { WireMap } from "./property-values";

/** How the harness starts the runner (passed as its single argument, JSON). */
export interface RunnerOptions {
    /** Absolute path of the entry point to `require` (a directory ends with `/`). */
    program: string;
    project: string;
    stack: string;
    organization: string;
    preview: boolean;
}

/** RegisterResource, as the engine receives it. */
export interface RegisterMessage {
    kind: "register";
    reqId: number;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    /** The inputs in wire form: secrets as envelopes, unknowns as the sentinel. */
    object: WireMap;
    additionalSecretOutputs: string[];
    deleteBeforeReplace: boolean;
    deleteBeforeReplaceDefined: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    protect: boolean;
    retainOnDelete: boolean;
    dependencies: string[];
    importId: string;
    provider: string;
}

/** ReadResource (a resource constructed with `opts.id`, i.e. `get`). */
export interface ReadMessage {
    kind: "read";
    reqId: number;
    type: string;
    name: string;
    parent: string;
    id: string;
    properties: WireMap;
    additionalSecretOutputs: string[];
    dependencies: string[];
    provider: string;
}

/** RegisterResourceOutputs (a component's or the stack's outputs). */
export interface OutputsMessage {
    kind: "outputs";
    reqId: number;
    urn: string;
    outputs: WireMap;
}

/** The program finished (successfully or not). */
export interface DoneMessage {
    kind: "done";
    errors: string[];
}

/** Any message the runner sends. */
export type RunnerMessage = RegisterMessage | ReadMessage | OutputsMessage | DoneMessage;

/** The harness's answer to a request. */
export type HarnessReply =
    | { kind: "ok"; reqId: number; urn: string; id: string; object: WireMap }
    | { kind: "error"; reqId: number; message: string };
