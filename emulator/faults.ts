import { decodeFault, decodeService, problemsOf } from "./fault-codec";
import type { Fault } from "./fault-types";
import type { EmulatedService } from "./types";

// The types live in a leaf both this file and the codec import (no import circle); re-exported here.
export type { Fault, FaultInjection, FaultStatus } from "./fault-types";

/**
 * Throws a RangeError naming each problem of a fault or service no test could have meant
 * (unknown kind or service, bad status, size, delay or location, unknown keys).
 */
export function validateFault(service: unknown, fault: unknown): void {
  const problems = [...problemsOf(decodeService(service)), ...problemsOf(decodeFault(fault))];
  if (problems.length > 0) throw new RangeError(`invalid fault injection: ${problems.join("; ")}`);
}

interface PendingFault {
  service: EmulatedService | "*";
  fault: Fault;
  remaining: number;
}

/** Injected faults, served first-in first-out to the requests they match. */
export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  /** Queues `fault` for the next `times` requests to `service` (or any service for "*"). */
  add(service: EmulatedService | "*", fault: Fault, times = 1): void {
    if (!(times === Infinity || (Number.isSafeInteger(times) && times >= 1))) {
      throw new RangeError(`invalid fault injection: times: expected a positive integer or Infinity, got ${String(times)}`);
    }
    validateFault(service, fault);
    this.pending.push({ service, fault, remaining: times });
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(service: EmulatedService | "unknown"): Fault | undefined {
    const index = this.pending.findIndex((p) => p.service === "*" || p.service === service);
    if (index < 0) return undefined;
    const entry = this.pending[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
