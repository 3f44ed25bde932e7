import type { Emulator } from "../../emulator";
import { performRead } from "../../provider/runtime/execute";
import { operations } from "../../provider/operations";
import { FAST_SETTINGS, NAMESPACE, READ_FOR, type FaultCase, type FaultContext } from "./reliability-faults";
import { VALID_ARGS } from "./reliability-inputs";
import { secretsIn } from "./reliability-secrets";
import { emulatorStackConfig, sources } from "./stack";

/**
 * Running one case of the fault matrix (reliability-faults.ts): inject its fault into a reset
 * emulator, perform the read, and judge the outcome against the case's expectation.
 */

/** How one fault case came out. */
export interface FaultOutcome {
    readonly case: FaultCase;
    readonly ok: boolean;
    readonly problems: readonly string[];
    /** "success" or the error class name. */
    readonly result: string;
    readonly message: string;
    readonly attempts: number;
    readonly ms: number;
    /** Fixture secrets found in the message, stack, inspect() or JSON of the error. */
    readonly secretsFound: number;
}

/** Stack config for a case: the emulator defaults plus the case's settings in the read's namespace. */
export function caseConfig(emu: Emulator, c: Pick<FaultCase, "service" | "settings" | "config">, base: Readonly<Record<string, string>> = {}): Record<string, string> {
    const ns = NAMESPACE[c.service];
    const config = emulatorStackConfig(emu, { ...base, ...(c.config ?? {}) });
    for (const [k, v] of Object.entries({ ...FAST_SETTINGS, ...(c.settings ?? {}) })) config[`${ns}:${k}`] = v;
    return config;
}

/** Runs one case on a reset emulator and judges it. */
export async function runFaultCase(emu: Emulator, c: FaultCase, ctx: FaultContext, base: Readonly<Record<string, string>> = {}): Promise<FaultOutcome> {
    emu.reset();
    emu.inject(c.service, c.fault(ctx), c.times);
    const token = c.token ?? READ_FOR[c.service];
    const started = Date.now();
    let result = "success";
    let message = "";
    let secretsFound = 0;
    try {
        await performRead(operations[token], VALID_ARGS[token], sources(caseConfig(emu, c, base)));
    } catch (e) {
        result = e instanceof Error ? e.name : typeof e;
        message = e instanceof Error ? e.message : String(e);
        secretsFound = secretsIn(e).length;
    }
    const ms = Date.now() - started;
    emu.clearFaults();
    const attempts = emu.requests.filter((r) => r.service === c.service).length;
    const problems: string[] = [];
    const x = c.expect;
    if (x.outcome === "success") {
        if (result !== "success") problems.push(`expected success, got ${result}: ${message}`);
    } else {
        if (result !== x.errorName) problems.push(`expected ${x.errorName}, got ${result}${message ? `: ${message}` : ""}`);
        const op = operations[token];
        for (const needed of [op.serviceName, op.operation]) if (!message.includes(needed)) problems.push(`message does not name ${needed}`);
        if (x.status !== undefined && !message.includes(`HTTP ${x.status}`)) problems.push(`message does not name HTTP ${x.status}`);
        if (x.vendorCode !== undefined && !message.includes(`error code ${x.vendorCode}`)) problems.push(`message does not name error code ${x.vendorCode}`);
        if (x.requestId === "id" && !/request id [0-9a-f]{8}-[0-9a-f]{4}-/.test(message)) problems.push("message does not carry the request id");
        if (x.requestId === "none" && /request id/.test(message)) problems.push("message names a request id, but none was sent");
        for (const m of x.mentions ?? []) if (!message.includes(m)) problems.push(`message does not mention ${JSON.stringify(m)}`);
    }
    const wanted = c.attempts;
    if (typeof wanted === "number" ? attempts !== wanted : attempts < wanted.min || attempts > wanted.max) {
        problems.push(`expected ${typeof wanted === "number" ? wanted : `${wanted.min}..${wanted.max}`} attempt(s) at the emulator, saw ${attempts}`);
    }
    if (ms > c.maxMs) problems.push(`took ${ms} ms, more than ${c.maxMs} ms`);
    if (c.minMs !== undefined && ms < c.minMs) problems.push(`took ${ms} ms: the server's Retry-After (at least ${c.minMs} ms) was not honoured`);
    if (secretsFound > 0) problems.push(`${secretsFound} fixture secret(s) in the error`);
    return { case: c, ok: problems.length === 0, problems, result, message, attempts, ms, secretsFound };
}
