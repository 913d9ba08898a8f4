/**
 * Which scenarios have been shown able to fail (issue 10, "Every scenario proven"): a scenario is proven when it is
 * a declared detector (`detectedBy`) of a reference fault and the fault stage saw it reach the fault's verdict for
 * the fault's rule. A scenario no detected fault names has never been seen to fail: its check may assert nothing.
 *
 * `npm test` prints `scenarios proven: N/N` after the fault stage and counts each unproven scenario as a failure.
 */
import type { ImplementedCase } from '../support/catalogue/feature-index';

/** What the fault stage decided for one fault (the part of its outcome this module reads). */
export interface FaultProof {
  readonly fault: string;
  readonly declared: readonly string[];
  readonly detected: boolean;
}

export interface ProofCoverage {
  /** Every implemented scenario id, in feature order, once. */
  readonly scenarios: readonly string[];
  /** Proven scenario id → the detected faults that prove it. */
  readonly provenBy: ReadonlyMap<string, readonly string[]>;
  /** Scenarios no detected fault names: never seen to fail. */
  readonly unproven: readonly string[];
  /** Scenarios a fault names but that no detected fault names (their fault was not detected). */
  readonly declaredOnly: readonly string[];
}

export function proofCoverage(cases: readonly ImplementedCase[], outcomes: readonly FaultProof[]): ProofCoverage {
  const scenarios = [...new Set(cases.map((c) => c.id))];
  const provenBy = new Map<string, string[]>();
  const declared = new Set<string>();
  for (const o of outcomes) {
    for (const id of o.declared) {
      declared.add(id);
      if (!o.detected) continue;
      provenBy.set(id, [...(provenBy.get(id) ?? []), o.fault]);
    }
  }
  const unproven = scenarios.filter((id) => !provenBy.has(id));
  return { scenarios, provenBy, unproven, declaredOnly: unproven.filter((id) => declared.has(id)) };
}

/** The lines `npm test` prints: the count, then what is not proven and why. */
export function describeCoverage(c: ProofCoverage): string[] {
  const lines = [`scenarios proven: ${c.scenarios.length - c.unproven.length}/${c.scenarios.length}`];
  const notDeclared = c.unproven.filter((id) => !c.declaredOnly.includes(id));
  if (notDeclared.length > 0) lines.push(`  in no fault's detectedBy: ${notDeclared.join(' ')}`);
  if (c.declaredOnly.length > 0) lines.push(`  named only by faults that were not detected: ${c.declaredOnly.join(' ')}`);
  return lines;
}
