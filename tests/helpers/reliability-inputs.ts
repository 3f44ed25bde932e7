import type { Emulator } from "../../emulator";
import { performRead } from "../../provider/runtime/execute";
import { operations, OperationToken } from "../../provider/operations";
import { descriptionOf } from "../../provider/operations/describe";
import { BAD_REGIONS, BAD_URLS, BAD_UUIDS, badIds, badValuesFor, type Bad } from "./bad-values";
import { secretsIn } from "./reliability-secrets";
import { emulatorStackConfig, FIXTURE, sources } from "./stack";

/**
 * The bad-input matrix: every argument of every read, and the settings that shape a request,
 * each given values that must be refused before anything is sent.
 */

/** One bad input: a read, the property (argument or setting) that is bad, and the call. */
export interface InputCase {
    readonly token: OperationToken;
    /** The argument name (e.g. `taskId`) or setting key (e.g. `huaweicloud:projectId`). */
    readonly property: string;
    /** What is wrong, for reports: never contains a secret. */
    readonly label: string;
    readonly args: Readonly<Record<string, unknown>>;
    /** Stack config entries replacing the emulator defaults (settings cases). */
    readonly config?: Readonly<Record<string, string>>;
    /** Which error must come back. */
    readonly expect: "InputError" | "ConfigurationError";
}

/** Valid arguments of each read against the default fixtures: the examples of its description. */
export const VALID_ARGS: Readonly<Record<OperationToken, Readonly<Record<string, unknown>>>> = Object.fromEntries(
    Object.values(operations).map((op) => [op.token, descriptionOf(op).examples.args]),
) as Record<OperationToken, Readonly<Record<string, unknown>>>;

/** Every argument of every read with every bad value. */
export function argumentCases(): InputCase[] {
    const perProperty = Object.fromEntries(
        Object.values(operations).map((op) => [op.token, Object.fromEntries(Object.entries(descriptionOf(op).args).map(([name, a]) => [name, badValuesFor(a.codec)]))]),
    ) as Record<OperationToken, Record<string, Bad[]>>;
    const cases: InputCase[] = [];
    for (const [token, properties] of Object.entries(perProperty) as [OperationToken, Record<string, Bad[]>][]) {
        for (const [property, values] of Object.entries(properties)) {
            // An argument of a `oneOf` group is tried without the others of its group.
            const others = (descriptionOf(operations[token]).oneOf ?? []).filter((g) => g.includes(property)).flat().filter((x) => x !== property);
            const base = Object.fromEntries(Object.entries(VALID_ARGS[token]).filter(([k]) => !others.includes(k)));
            for (const [label, value] of values) {
                cases.push({ token, property, label, args: { ...base, [property]: value }, expect: "InputError" });
            }
        }
    }
    for (const token of Object.keys(VALID_ARGS) as OperationToken[]) {
        for (const group of descriptionOf(operations[token]).oneOf ?? []) {
            const without = Object.fromEntries(Object.entries(VALID_ARGS[token]).filter(([k]) => !group.includes(k)));
            cases.push({ token, property: group[0]!, label: `none of ${group.join(", ")}`, args: without, expect: "InputError" });
            cases.push({ token, property: group[1]!, label: `both ${group.join(" and ")}`, args: { ...without, ...Object.fromEntries(group.map((k) => [k, k === "productId" ? "1" : "meter-gateway"])) }, expect: "InputError" });
        }
        cases.push({ token, property: "(unknown)", label: "an unknown argument (misspelt taskId)", args: { ...VALID_ARGS[token], taskld: "x" }, expect: "InputError" });
        cases.push({ token, property: "(arguments)", label: "arguments that are not an object", args: "taskId" as unknown as Record<string, unknown>, expect: "InputError" });
    }
    return dedupe(cases);
}

/** Settings (stack config) that must be refused with a ConfigurationError before any request. */
export function settingCases(): InputCase[] {
    const cases: InputCase[] = [];
    const all = Object.values(operations);
    const huawei = all.filter((op) => op.vendor === "huaweicloud").map((op) => op.token as OperationToken);
    const projectScoped = all.filter((op) => op.scope === "project").map((op) => op.token as OperationToken);
    const add = (token: OperationToken, property: string, label: string, config: Record<string, string>, args = VALID_ARGS[token]): void => {
        cases.push({ token, property, label, args, config, expect: "ConfigurationError" });
    };
    const withoutProject = (token: OperationToken): Record<string, unknown> => {
        const { projectId: _drop, ...rest } = VALID_ARGS[token];
        return rest;
    };
    for (const [label, value] of BAD_URLS) {
        if (typeof value !== "string" || value.trim() === "") continue;
        add("astracontrol.Certificate", "astracontrol:url", label, { "astracontrol:url": value });
        add("huaweicloud.kps.KeypairTask", "huaweicloud:endpoints", label, { "huaweicloud:endpoints": JSON.stringify({ kms: value }) });
    }
    for (const [label, value] of [["not JSON", "{kms:"], ["an array", "[]"], ["an unknown service", '{"ecs":"https://ecs.example.com"}'], ["a number value", '{"kms":1}']] as const) {
        add("huaweicloud.kps.KeypairTask", "huaweicloud:endpoints", label, { "huaweicloud:endpoints": value });
    }
    for (const [label, value] of BAD_REGIONS) {
        if (typeof value !== "string" || value.trim() === "") continue;
        for (const token of huawei) add(token, "huaweicloud:region", label, { "huaweicloud:region": value });
    }
    for (const [label, value] of badIds(32)) {
        if (typeof value !== "string" || value.trim() === "") continue;
        for (const token of projectScoped) {
            add(token, "huaweicloud:projectId", label, { "huaweicloud:projectId": value }, withoutProject(token));
        }
    }
    for (const [label, value] of BAD_UUIDS) {
        if (typeof value !== "string" || value.trim() === "") continue;
        add("astracontrol.Certificate", "astracontrol:accountId", label, { "astracontrol:accountId": value }, { certificateId: FIXTURE.certificateId });
    }
    const headerBreakers: Bad[] = [["line feed", "\n"], ["carriage return + line feed", "\r\nX-Injected: 1"], ["NUL", "\u0000"], ["non-Latin-1", "任务"]];
    for (const [label, value] of headerBreakers) {
        add("huaweicloud.kps.KeypairTask", "huaweicloud:token", `token with ${label}`, { "huaweicloud:token": `${FIXTURE.huaweiToken}${String(value)}` });
        add("astracontrol.Certificate", "astracontrol:apiToken", `token with ${label}`, { "astracontrol:apiToken": `${FIXTURE.astraToken}${String(value)}` });
        add("huaweicloud.sms.TaskPassphrase", "huaweicloud:domainId", `domain id with ${label} (AK/SK)`, {
            "huaweicloud:token": "",
            "huaweicloud:accessKey": FIXTURE.accessKey,
            "huaweicloud:secretKey": FIXTURE.secretKey,
            "huaweicloud:domainId": `${FIXTURE.domainId}${String(value)}`,
        });
    }
    const transport: [string, string, string][] = [
        ["requestTimeout", "not a number", "abc"],
        ["requestTimeout", "zero", "0"],
        ["requestTimeout", "negative", "-1"],
        ["requestTimeout", "fraction", "1.5"],
        ["maxRetries", "above 20", "21"],
        ["maxRetries", "negative", "-1"],
        ["deadline", "exponent", "1e3"],
        ["maxResponseBytes", "below 1024", "10"],
        ["maxResponseBytes", "not a number", "4MiB"],
        ["maxConcurrency", "zero", "0"],
        ["maxRetryDelay", "not a number", "soon"],
        ["insecure", "not a boolean", "yes please"],
        ["caCert", "a path that does not exist", "/nonexistent/ca.pem"],
        ["caCert", "PEM markers around garbage", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"],
    ];
    for (const [key, label, value] of transport) {
        add("huaweicloud.kps.KeypairTask", `huaweicloud:${key}`, label, { [`huaweicloud:${key}`]: value });
        add("astracontrol.Certificate", `astracontrol:${key}`, label, { [`astracontrol:${key}`]: value });
    }
    add("huaweicloud.kps.KeypairTask", "cloudreads:retryBaseDelayMs", "not a number", { "cloudreads:retryBaseDelayMs": "fast" });
    return cases;
}

function dedupe(cases: InputCase[]): InputCase[] {
    const seen = new Set<string>();
    return cases.filter((c) => {
        const key = `${c.token}|${c.property}|${c.label}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/** How one case came out. */
export interface InputOutcome {
    readonly case: InputCase;
    /** The error's class name, or "accepted" when the read went ahead. */
    readonly got: string;
    readonly message: string;
    /** Requests the emulator received for this case. */
    readonly requests: number;
    /** Fixture secrets found anywhere in the error. */
    readonly secretsFound: number;
    /** Whether the outcome is what the case expects: the right error, naming the property, nothing sent, no secret. */
    readonly ok: boolean;
    /** Why not, when not ok. */
    readonly problem?: string;
}

/** The name a message must contain for a case: the argument, or the setting key. */
function namedIn(c: InputCase, message: string): boolean {
    if (c.property === "(unknown)") return message.includes("taskld");
    if (c.property === "(arguments)") return message.includes("(arguments)");
    if (c.expect === "InputError") return message.includes(`${c.property}:`) || message.includes(`argument ${c.property}`);
    // A credential is only ever named by the header it would travel in: the value itself must never appear.
    const header: Record<string, string> = { "huaweicloud:token": "header X-Auth-Token", "astracontrol:apiToken": "header Authorization" };
    return message.includes(c.property) || (header[c.property] !== undefined && message.includes(header[c.property]));
}

/** Runs one case against `emu` and judges it. */
export async function runInputCase(emu: Emulator, c: InputCase): Promise<InputOutcome> {
    const before = emu.requests.length;
    const config = { ...emulatorStackConfig(emu), ...(c.config ?? {}) };
    let got = "accepted";
    let message = "";
    let secretsFound = 0;
    try {
        await performRead(operations[c.token], c.args, sources(config));
    } catch (e) {
        got = e instanceof Error ? e.name : typeof e;
        message = e instanceof Error ? e.message : String(e);
        secretsFound = secretsIn(e).length;
    }
    const requests = emu.requests.length - before;
    const problems: string[] = [];
    if (got !== c.expect) problems.push(`expected ${c.expect}, got ${got}`);
    else if (!namedIn(c, message)) problems.push(`the message does not name ${c.property}`);
    if (requests !== 0) problems.push(`${requests} request(s) reached the emulator`);
    if (secretsFound !== 0) problems.push(`${secretsFound} fixture secret(s) in the error`);
    return { case: c, got, message, requests, secretsFound, ok: problems.length === 0, ...(problems.length ? { problem: problems.join("; ") } : {}) };
}
