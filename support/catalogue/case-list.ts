/**
 * The list behind `ocpp-conformance list`: every catalogue test case and every scenario of ours, with where it is
 * implemented and, for a given SUT, whether it applies (N/A with the reason) or is a declared known deviation.
 */
import type { SutConfig } from '../sut/sut-config';
import { applicability } from './applicability';
import { loadCatalogue, type CatalogueEntry } from './catalogue';
import type { ImplementedCase } from './feature-index';

export interface CaseListing {
  readonly id: string;
  readonly title: string;
  readonly role: 'charge-point' | 'central-system' | undefined;
  readonly profile: string;
  readonly section: string;
  readonly inCatalogue: boolean;
  readonly operatorActions: readonly string[];
  /** `features/…/x.feature:12`, or undefined when not implemented yet. */
  readonly implementedAt: string | undefined;
  /** Only with a SUT: `applies`, `N/A` or `known deviation`. */
  readonly applies?: 'applies' | 'N/A' | 'known deviation';
  readonly reason?: string;
}

export function listCases(implemented: readonly ImplementedCase[], sut?: SutConfig, catalogue: readonly CatalogueEntry[] = loadCatalogue()): CaseListing[] {
  const byId = new Map<string, ImplementedCase>();
  for (const c of implemented) if (!byId.has(c.id)) byId.set(c.id, c);
  const rows: CaseListing[] = catalogue.map((e) => {
    const impl = byId.get(e.id);
    return {
      id: e.id, title: e.title, role: e.role, profile: e.profile, section: e.section, inCatalogue: true,
      operatorActions: e.operatorActions, implementedAt: impl ? `${impl.file}:${impl.line}` : undefined,
    };
  });
  const known = new Set(catalogue.map((e) => e.id));
  for (const c of implemented) {
    if (known.has(c.id)) continue;
    known.add(c.id);
    rows.push({
      id: c.id, title: c.title, role: c.role, profile: c.profile ?? 'Core', section: '(beyond the catalogue)', inCatalogue: false,
      operatorActions: c.tags.includes('@operator') ? ['operator'] : [], implementedAt: `${c.file}:${c.line}`,
    });
  }
  if (!sut) return rows;
  return rows.map((r) => {
    const a = applicability(sut, r);
    if (!a.applies) return { ...r, applies: 'N/A', reason: a.reason };
    if (a.knownDeviation !== undefined) return { ...r, applies: 'known deviation', reason: a.knownDeviation };
    return { ...r, applies: 'applies' };
  });
}
