/**
 * Fail fast on a precondition that cannot be reached. When "booted and idle" (or "booted") fails for a reason that
 * will not change by itself — the actuator cannot carry out a step it needs, the charger never reports its
 * connectors, a connector stays out of idle whatever the harness does — the first case decides it, and every later
 * case of the worker that needs the same state ends at once with the same verdict ("as decided in <case>: …")
 * instead of waiting out the same timeouts again. The decision is kept per charger for the life of the worker (the
 * view of the emulated Central System outlives the scenarios) and is dropped as soon as the charger is seen in the
 * state after all.
 */
import { ConformanceAssertionError, HarnessError, OperatorTimeout } from '../../reporting/errors';
import type { ObservedChargePoint } from './observed-charge-point';

export type Precondition = 'booted' | 'idle';

export interface Decision {
  readonly caseId: string;
  readonly error: Error;
}

const decisions = new WeakMap<ObservedChargePoint, Map<Precondition, Decision>>();
const lastingErrors = new WeakSet<Error>();

/** Marks `error` as one that will not change by itself: the case that meets it decides for the later ones. */
export function lasting<E extends Error>(error: E): E {
  lastingErrors.add(error);
  return error;
}

export function isLasting(error: unknown): boolean {
  return error instanceof Error && lastingErrors.has(error);
}

/** The decisions taken for one charger (its view). */
export class PreconditionDecisions {
  constructor(private readonly view: ObservedChargePoint) {}

  private get map(): Map<Precondition, Decision> {
    let map = decisions.get(this.view);
    if (!map) {
      map = new Map();
      decisions.set(this.view, map);
    }
    return map;
  }

  decided(precondition: Precondition): Decision | undefined {
    return this.map.get(precondition);
  }

  decide(precondition: Precondition, caseId: string, error: Error): void {
    this.map.set(precondition, { caseId, error });
  }

  forget(precondition: Precondition): void {
    this.map.delete(precondition);
  }
}

/** The error a later case ends with: the verdict of the decision, its reason prefixed "as decided in <case>: ". */
export function asDecided(decision: Decision, caseId: string | undefined): Error {
  const prefix = `as decided in ${decision.caseId}: `;
  const e = decision.error;
  if (e instanceof ConformanceAssertionError) {
    const step = caseId && e.detail.step?.startsWith(decision.caseId) ? `${caseId}${e.detail.step.slice(decision.caseId.length)}` : e.detail.step;
    return new ConformanceAssertionError({ ...e.detail, step, message: `${prefix}${e.detail.message}` }, e.findings);
  }
  if (e instanceof OperatorTimeout) return new OperatorTimeout(`${prefix}${e.message}`, { unavailable: e.unavailable });
  return new HarnessError(`${prefix}${e.message}`);
}
