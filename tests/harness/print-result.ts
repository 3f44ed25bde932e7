/**
 * Formats a {@link HarnessResult} the way the Pulumi CLI prints an update:
 * the resource tree with `+ create`, `~ update`, `+- replace`, `- delete`,
 * diagnostics, outputs (secrets as `[secret]`) and the resource summary.
 *
 * @module
 */
import { SECRET_DISPLAY, UNKNOWN_DISPLAY } from "./property-values";
import { STACK_TYPE } from "./state-file";
import type { HarnessResult, Step } from "./types";

const SYMBOL: Record<string, string> = {
    create: "+ ",
    update: "~ ",
    replace: "+-",
    delete: "- ",
    discard: "- ",
    read: "> ",
    same: "  ",
};

const PRESENT: Record<string, string> = { create: "create", update: "update", replace: "replace", delete: "delete", discard: "discard", read: "read", same: "" };
const FAILED: Record<string, string> = {
    create: "creating failed",
    update: "updating failed",
    replace: "replacing failed",
    delete: "deleting failed",
    discard: "discarding failed",
    read: "reading failed",
    same: "failed",
};
const PAST: Record<string, string> = { create: "created", update: "updated", replace: "replaced", delete: "deleted", discard: "discarded", read: "read", same: "" };

const HEADER: Record<HarnessResult["mode"], string> = {
    preview: "Previewing update",
    up: "Updating",
    refresh: "Refreshing",
    destroy: "Destroying",
};

/** The op a step shows as: refresh results display as the change they found. */
function shownOp(step: Step): string {
    if (step.op === "refresh") {
        return step.refresh === "deleted" ? "delete" : step.refresh === "update" ? "update" : "same";
    }
    return step.op;
}

function diffNote(step: Step): string {
    const keys = step.diff?.changedKeys.filter((k) => k !== "__provider") ?? [];
    if (shownOp(step) === "same" || keys.length === 0) {
        return "";
    }
    return `[diff: ~${keys.join(",")}]`;
}

function formatValue(v: unknown, indent: string): string {
    if (v === SECRET_DISPLAY) {
        return SECRET_DISPLAY;
    }
    if (v === UNKNOWN_DISPLAY) {
        return "output<string>";
    }
    const json = JSON.stringify(v, null, 4);
    return json === undefined ? "undefined" : json.replace(/\n/g, `\n${indent}`);
}

function pad(s: string, width: number): string {
    return s + " ".repeat(Math.max(0, width - s.length));
}

/** Renders `result` as `pulumi preview`/`up`/`refresh`/`destroy` output. */
export function formatResult(result: HarnessResult): string {
    const lines: string[] = [`${HEADER[result.mode]} (${result.stack})`, ""];
    const done = result.mode !== "preview";
    const stackSteps = result.steps.filter((s) => s.type === STACK_TYPE);
    const otherSteps = result.steps.filter((s) => s.type !== STACK_TYPE);
    const rows: [string, string, string, string, string][] = [];
    for (const step of stackSteps) {
        const op = shownOp(step);
        rows.push([SYMBOL[op] ?? "  ", step.type, step.name, step.error ? `**${FAILED[op]}**` : ((done ? PAST : PRESENT)[op] ?? op), ""]);
    }
    otherSteps.forEach((step, i) => {
        const op = shownOp(step);
        const branch = stackSteps.length > 0 ? (i === otherSteps.length - 1 ? "└─ " : "├─ ") : "";
        const status = step.error ? `**${FAILED[op] ?? "failed"}**` : ((done ? PAST : PRESENT)[op] ?? op);
        rows.push([SYMBOL[op] ?? "  ", `${branch}${step.type}`, step.name, status, diffNote(step)]);
    });
    const widths = [0, 1, 2, 3].map((c) => Math.max(["", "Type", "Name", done ? "Status" : "Plan"][c]!.length, ...rows.map((r) => r[c]!.length)));
    lines.push(`     ${pad("Type", widths[1]!)}  ${pad("Name", widths[2]!)}  ${done ? "Status" : "Plan"}`);
    for (const r of rows) {
        lines.push(` ${pad(r[0], 2)}  ${pad(r[1], widths[1]!)}  ${pad(r[2], widths[2]!)}  ${pad(r[3], widths[3]!)}  ${r[4]}`.trimEnd());
    }

    const failed = result.steps.filter((s) => s.error);
    const general = result.errors.filter((e) => !failed.some((s) => e.startsWith(`${s.urn}: `)));
    if (failed.length > 0 || general.length > 0 || result.warnings.length > 0) {
        lines.push("", "Diagnostics:");
        for (const s of failed) {
            lines.push(`  ${s.type} (${s.name}):`, `    error: ${s.error}`);
        }
        if (general.length > 0 || result.warnings.length > 0) {
            lines.push(`  ${STACK_TYPE} (${result.project}-${result.stack}):`);
            lines.push(...result.warnings.map((w) => `    warning: ${w}`));
            lines.push(...general.map((e) => `    error: ${e}`));
        }
    }

    const names = Object.keys(result.outputs).sort();
    if (names.length > 0) {
        const width = Math.max(...names.map((n) => n.length));
        lines.push("", "Outputs:");
        for (const n of names) {
            const indent = " ".repeat(4 + width + 2);
            const value = result.secretOutputNames.includes(n) ? SECRET_DISPLAY : formatValue(result.outputs[n], indent);
            lines.push(`    ${pad(n, width)}: ${value}`);
        }
    }

    const counts = new Map<string, number>();
    for (const s of result.steps.filter((x) => !x.error)) {
        const op = shownOp(s);
        counts.set(op, (counts.get(op) ?? 0) + 1);
    }
    lines.push("", "Resources:");
    for (const op of ["create", "update", "replace", "delete", "discard", "read"]) {
        const n = counts.get(op);
        if (n) {
            lines.push(`    ${SYMBOL[op]!.trim()} ${n} ${done ? PAST[op] : `to ${PRESENT[op]}`}`);
        }
    }
    if (counts.get("same")) {
        lines.push(`    ${counts.get("same")} unchanged`);
    }
    return `${lines.join("\n")}\n`;
}
