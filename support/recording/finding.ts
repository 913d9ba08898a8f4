/**
 * A finding: something the system under test did that breaks a rule, noticed by the protocol monitor or a step.
 * SHALL findings make the scenario FAIL, SHOULD findings WARN.
 */
export type FindingLevel = 'SHALL' | 'SHOULD';

/** The report's categories (issue: reports), one per kind of failure a reader looks for. */
export type FindingCategory =
  | 'schema violation'
  | 'protocol violation'
  | 'unexpected message'
  | 'missing message'
  | 'wrong CALLERROR'
  | 'timing'
  | 'behaviour';

export interface Finding {
  readonly level: FindingLevel;
  readonly category: FindingCategory;
  /** The clause broken, e.g. `OCPP-J 1.6 §4.1.4`. */
  readonly rule: string;
  readonly message: string;
  /** The frame it is about. */
  readonly seq?: number;
  readonly connection?: string;
  /** The raw frame text, as evidence. */
  readonly raw?: string;
}

export function formatFinding(f: Finding): string {
  const where = f.seq !== undefined ? ` [frame #${f.seq}${f.connection ? ` on ${f.connection}` : ''}]` : '';
  return `${f.level === 'SHALL' ? 'FAIL' : 'WARN'} ${f.rule}: ${f.message}${where}`;
}

/**
 * The first SHALL finding. Findings are recorded as frames arrive, so the list is in time order; of two findings
 * that name their frames, the older frame comes first.
 */
export function firstShallFinding(findings: readonly Finding[]): Finding | undefined {
  let first: Finding | undefined;
  for (const f of findings) {
    if (f.level !== 'SHALL') continue;
    if (!first || (f.seq !== undefined && first.seq !== undefined && f.seq < first.seq)) first = f;
  }
  return first;
}
