/**
 * The clauses a rule cites, as structured ids: a rule names one clause (`OCPP 1.6 §4.9`), or several with a
 * message name (`OCPP 1.6 §3.15, OCPP 1.6 §6.47 StatusNotification.req`). Comparing clause ids, not text, keeps
 * `OCPP 1.6 §4.1` apart from `OCPP 1.6 §4.10` (the fault self-test, issue 10); a sub-clause belongs to its clause.
 */
const CLAUSE = /OCPP(?:-J)?(?: 1\.6)?(?: errata)? §\d+(?:\.\d+)*|Security whitepaper (?:§\d+(?:\.\d+)*|[A-Z]\d{2}\.FR\.\d+)/g;

/**
 * Every clause id `rule` cites, in order: `OCPP 1.6 §4.2`, `OCPP-J 1.6 §4.2.3`, `OCPP-J errata §3.8`, and the
 * security white paper's sections and requirement ids, `Security whitepaper §2.4`, `Security whitepaper A05.FR.01`.
 */
export function clausesOf(rule: string): string[] {
  return rule.match(CLAUSE) ?? [];
}

/**
 * True when `rule` cites the clause `clause` (one clause id, e.g. a fault's rule) or one of its sub-clauses: a
 * finding of §9.1.8 (one Core key) is a finding of §9.1, one of §9.10 or §9 is not. A rule of the harness's own
 * that cites no clause (`SUT file vs GetConfiguration`, EXT_SUT_001) is its own id: only the same rule cites it.
 */
export function citesClause(rule: string, clause: string): boolean {
  if (clausesOf(clause).length === 0) return rule === clause;
  return clausesOf(rule).some((c) => c === clause || c.startsWith(`${clause}.`));
}
