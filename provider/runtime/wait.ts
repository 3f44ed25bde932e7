import { backoffDelay } from "../core/backoff";
import { sleepUnlessCancelled } from "../core/cancel";
import { ConditionError } from "../core/errors";
import { safeText } from "../core/safe-text";
import type { WaitFor } from "../core/input-codecs";
import { INTEGER_SETTINGS, integerSetting, POLL_BASE_DELAY, type SettingSources } from "../core/settings";
import type { AnyReadOperation } from "../operations/operation";
import { comparable, listed } from "../operations/vendor-values";
import type { Scope } from "../vendors/vendor";

/** The longest wait between two polls, and the default `waitFor.timeout`. */
const POLL_CAP_MS = 30_000;
const DEFAULT_TIMEOUT_S = 600;

/** A finished read, as `performRead` returns it (only what waiting looks at). */
interface Read {
    readonly args: Readonly<Record<string, unknown>>;
    readonly scope: Scope;
    readonly result: Readonly<Record<string, unknown>>;
}

/**
 * Reads again, with exponential backoff and full jitter between polls, until the task reaches a
 * phase `waitFor.phase` names, or a final phase, or `waitFor.timeout` passes. Each poll is one read
 * with its own retries and deadline; polls never overlap, so a wait holds one request slot at most.
 * A task that ends failed (unless asked for) and a timeout are ConditionErrors naming the status.
 * Phases compare trimmed and upper-cased (`migrate_success` is `MIGRATE_SUCCESS`); a task already
 * final returns at the first read. A phase the vendor's page does not list, seen twice in a row, is
 * warned about once per wait, by name.
 */
export async function waitForTask<R extends Read>(op: AnyReadOperation, first: R, sources: SettingSources, subject: string, readAgain: () => Promise<R>): Promise<R> {
    const wait = op.wait;
    const spec = first.args.waitFor as WaitFor | undefined;
    if (!wait || !spec) return first;
    const wanted = (spec.phase === undefined ? [] : typeof spec.phase === "string" ? [spec.phase] : [...spec.phase]).map(comparable);
    const timeoutMs = (spec.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
    const baseMs = integerSetting(sources, POLL_BASE_DELAY, ...INTEGER_SETTINGS.pollBaseDelayMs);
    const started = Date.now();
    const aim = wanted.length ? `phase ${wanted.join(" or ")}` : `a final phase (${wait.terminal.join(", ")})`;
    let outcome = first;
    let previous: string | undefined;
    let warnedUnknown = false;
    for (let polls = 1; ; polls++) {
        const result = outcome.result as never;
        const phase = comparable(wait.phaseOf(result));
        const status = wait.statusOf?.(result) ?? wait.phaseOf(result);
        if (wanted.includes(phase) || wanted.includes(comparable(status))) return outcome;
        // The status (KPS task_status, SMS state) is vendor text on its way to a progress line or an error.
        const shown = safeText(status, 120);
        if (wait.known && !warnedUnknown && phase === previous && !listed(wait.known, phase)) {
            warnedUnknown = true;
            sources.warn?.(`${subject}: ${op.serviceName} reports the state ${safeText(phase, 120)}, which its API reference does not list (${wait.known.join(", ")}); waiting on as for a state that is not final`);
        }
        previous = phase;
        // The task's error is vendor text: made safe for a terminal, as every error field is.
        if (listed(wait.failed, phase)) throw new ConditionError(`${subject}: ${safeText(wait.failure(result), 600)}, while waiting for ${aim}`);
        if (listed(wait.terminal, phase)) return outcome;
        const elapsed = Date.now() - started;
        const delay = Math.min(backoffDelay(polls, baseMs, POLL_CAP_MS), Math.max(0, timeoutMs - elapsed));
        if (elapsed >= timeoutMs) {
            throw new ConditionError(`${subject}: gave up after ${Math.round(elapsed / 1000)} s (waitFor.timeout ${timeoutMs / 1000} s) and ${polls} polls waiting for ${aim}; the last status seen was ${shown}`);
        }
        sources.status?.(`${subject}: ${op.target(outcome.args, outcome.scope)} is ${shown}; waiting for ${aim} (poll ${polls}, ${Math.round(elapsed / 1000)} s of ${timeoutMs / 1000} s)`);
        await sleepUnlessCancelled(delay, sources.signal, subject);
        outcome = await readAgain();
    }
}
