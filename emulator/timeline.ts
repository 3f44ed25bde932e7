import type { TimelineStep } from "./fixture-types";

/**
 * The status a scripted timeline answers now, counting this GET: the first step with polls left
 * (one is used up), or `otherwise` once every step is used. Tests read `polls` to see progress.
 */
export function nextStatus(timeline: TimelineStep[] | undefined, otherwise: string): string {
  const step = timeline?.find((s) => s.polls > 0);
  if (!step) return otherwise;
  step.polls--;
  return step.status;
}

/** The status the next GET would answer, without using up a poll: for lists, which show a task without polling it. */
export function currentStatus(timeline: readonly TimelineStep[] | undefined, otherwise: string): string {
  return timeline?.find((s) => s.polls > 0)?.status ?? otherwise;
}
