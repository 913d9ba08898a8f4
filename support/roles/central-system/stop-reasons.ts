/**
 * The clauses a StopTransaction.req is judged by, per reason the test case expects: `wait`, the clause that makes
 * the charger stop the transaction at all, and `reason`, the one that gives the reason its meaning. The reason is a
 * SHOULD in OCPP 1.6 §4.10; the test case document validates it, so the scenarios do too.
 */
const CLAUSES: Readonly<Record<string, { wait: string; reason: string }>> = {
  Local: { wait: '§4.10', reason: '§7.36' },
  EVDisconnected: { wait: '§4.10', reason: '§7.36' },
  PowerLoss: { wait: '§4.10', reason: '§7.36' },
  Remote: { wait: '§5.12', reason: '§7.36' },
  SoftReset: { wait: '§5.14', reason: '§5.14' },
  HardReset: { wait: '§5.14', reason: '§5.14' },
  UnlockCommand: { wait: '§5.18', reason: '§5.18' },
  DeAuthorized: { wait: 'errata §3.17', reason: 'errata §3.17' },
};

/** `OCPP 1.6 …` clauses for a StopTransaction.req expected with one of `reasons`. */
export function stopReasonClauses(reasons: readonly string[]): { wait: string; reason: string } {
  const c = CLAUSES[reasons[0] ?? 'Local'] ?? { wait: '§4.10', reason: '§7.36' };
  return { wait: `OCPP 1.6 ${c.wait}`, reason: `OCPP 1.6 ${c.reason}` };
}
