import type { Emulator } from "../../emulator";
import type { EngineEvent, PulumiCli, StepMetadata } from "./pulumi-cli";
import { emulatorStackConfig } from "./stack";

/** Config keys a user sets with `pulumi config set --secret`. */
export const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(["huaweicloud:token", "huaweicloud:accessKey", "huaweicloud:secretKey", "huaweicloud:securityToken", "astracontrol:apiToken"]);

/** The emulator's stack config, split into plain keys and the credentials to set with `--secret`. */
export function cliStackConfig(emu: Emulator, extra: Record<string, string> = {}): { plain: Record<string, string>; secret: Record<string, string> } {
    const plain: Record<string, string> = {};
    const secret: Record<string, string> = {};
    for (const [k, v] of Object.entries(emulatorStackConfig(emu, extra))) (CREDENTIAL_KEYS.has(k) ? secret : plain)[k] = v;
    return { plain, secret };
}

/** The steps of a run, in the order the engine began them (one per resource). */
export function previewSteps(events: readonly EngineEvent[]): StepMetadata[] {
    return events.flatMap((e) => (e.resourcePreEvent ? [e.resourcePreEvent.metadata] : []));
}

/** Warnings and errors the CLI showed, with their text. */
export function diagnostics(events: readonly EngineEvent[]): { message: string; severity: string; urn?: string; ephemeral?: boolean }[] {
    return events.flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent] : []));
}

/** One resource of a `pulumi stack export`. */
export interface ExportedResource {
    urn: string;
    type: string;
    id?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
}

/** The resources of a `pulumi stack export` output. */
export function exportedResources(text: string): ExportedResource[] {
    const parsed = JSON.parse(text) as { deployment?: { resources?: Partial<ExportedResource>[] } };
    return (parsed.deployment?.resources ?? []).map((r) => ({ urn: r.urn ?? "", type: r.type ?? "", id: r.id, inputs: r.inputs ?? {}, outputs: r.outputs ?? {} }));
}

/** `pulumi stack output --json`, with or without `--show-secrets`. */
export async function stackOutputs(cli: PulumiCli, showSecrets: boolean): Promise<Record<string, unknown>> {
    return cli.json<Record<string, unknown>>(["stack", "output", ...(showSecrets ? ["--show-secrets"] : [])]);
}

/**
 * How many lines of a CLI's text show `message`.
 *
 * @example
 * ```ts
 * linesWith(result.stdout, /was not authenticated/); // 3 for a failed `pulumi refresh`
 * ```
 */
export function linesWith(text: string, message: RegExp): number {
    return text.split("\n").filter((l) => message.test(l)).length;
}
