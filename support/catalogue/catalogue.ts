/**
 * The catalogue of official test cases (`octt-1.6-catalogue.csv`, shipped with the project): one row per test case
 * of the OCA's *Test case document OCTT for OCPP 1.6* (FINAL 2024-04), plus the ids of its 2025 revision known from
 * secondary sources. Ids, titles, sections and the operator actions a case needs; no text of the document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SutRole } from '../sut/sut-config';

/** Printed in reports (environment, summary) so a reader knows which document the ids refer to. */
export const CATALOGUE_REVISION = 'OCTT for OCPP 1.6, FINAL 2024-04 (+12 ids of the 2025 revision)';

export const CATALOGUE_FILE = join(__dirname, 'octt-1.6-catalogue.csv');

export interface CatalogueEntry {
  readonly id: string;
  readonly title: string;
  readonly role: SutRole;
  /** The profile as the tag vocabulary spells it (`@feature-profile:<profile>`). */
  readonly profile: string;
  /** The catalogue's own wording where it qualifies the profile, e.g. `Core (DataTransfer)`. */
  readonly profileNote: string;
  /** Section of the test case document, e.g. `2.2 Start Charging Session`, or `(newer revision)`. */
  readonly section: string;
  /** Physical or operator actions the case needs (`plug-in`, `present-idTag`, …); empty when none. */
  readonly operatorActions: readonly string[];
  readonly source: string;
}

/** RFC 4180 fields: commas, double quotes, quoted commas. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** `Core (DataTransfer)` → `Core`; `Security whitepaper (not a 1.6 profile)` → `Security`. */
export function tagProfile(catalogueProfile: string): string {
  if (/^security/i.test(catalogueProfile)) return 'Security';
  return catalogueProfile.replace(/\s*\(.*\)\s*$/, '').trim();
}

export function parseCatalogue(text: string): CatalogueEntry[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string): number => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`the test case catalogue has no column "${name}"`);
    return i;
  };
  const [id, title, sut, profile, section, actions, source] = ['id', 'title', 'sut', 'profile', 'section', 'operator_actions', 'source'].map(col) as number[];
  const seen = new Set<string>();
  const entries: CatalogueEntry[] = [];
  for (const r of rows) {
    const caseId = (r[id as number] ?? '').trim();
    if (!caseId || seen.has(caseId)) continue;
    seen.add(caseId);
    const rawProfile = (r[profile as number] ?? '').trim();
    entries.push({
      id: caseId,
      title: (r[title as number] ?? '').trim(),
      role: /central/i.test(r[sut as number] ?? '') ? 'central-system' : 'charge-point',
      profile: tagProfile(rawProfile),
      profileNote: rawProfile,
      section: (r[section as number] ?? '').trim(),
      operatorActions: (r[actions as number] ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== '—'),
      source: (r[source as number] ?? '').trim(),
    });
  }
  return entries;
}

let cached: CatalogueEntry[] | undefined;

/** The shipped catalogue, in document order. */
export function loadCatalogue(): CatalogueEntry[] {
  cached ??= parseCatalogue(readFileSync(CATALOGUE_FILE, 'utf8'));
  return cached;
}
