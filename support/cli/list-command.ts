/**
 * `ocpp-conformance list [--sut <file>]`: the catalogue of test cases, each with its role, profile, where it is
 * implemented (feature file and line) or that it is not yet, and, given a SUT file, whether it applies to that SUT
 * (N/A or known deviation, with the reason). Text for people, JSON or CSV for scripts.
 */
import { listCases, type CaseListing } from '../catalogue/case-list';
import { CATALOGUE_REVISION } from '../catalogue/catalogue';
import { scanFeatures } from '../catalogue/feature-index';
import { ConfigError } from '../reporting/errors';
import { loadSutFile } from '../sut/sut-config';
import { type FlagSpec, helpText, parseArgs } from './args';
import { ROOT } from './run-command';

const FORMATS = ['text', 'json', 'csv'] as const;
const ROLES = ['charge-point', 'central-system'] as const;

export const LIST_FLAGS: Record<string, FlagSpec> = {
  sut: { kind: 'string', placeholder: 'file', description: 'Say for each test case whether it applies to this SUT, and why not.' },
  role: { kind: 'string', placeholder: 'role', description: 'Only test cases of this role under test: charge-point or central-system.' },
  implemented: { kind: 'boolean', description: 'Only test cases that have a scenario.' },
  missing: { kind: 'boolean', description: 'Only catalogue test cases without a scenario yet.' },
  format: { kind: 'string', placeholder: 'text|json|csv', description: 'Output format (default text).' },
};

export const LIST_HELP = helpText(
  'ocpp-conformance list [--sut <file>] [options]',
  `Lists the test cases of the catalogue (${CATALOGUE_REVISION})\nand the scenarios of ours beyond it: id, role, profile, where implemented, and with --sut whether it applies.`,
  LIST_FLAGS,
);

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function applies(row: CaseListing): string {
  if (row.applies === undefined) return '';
  return row.applies === 'applies' ? 'yes' : row.applies === 'N/A' ? 'N/A' : 'XFAIL';
}

export function renderText(rows: readonly CaseListing[], withSut: boolean): string {
  const head = ['ID', 'ROLE', 'PROFILE', 'IMPLEMENTED', ...(withSut ? ['APPLIES'] : []), 'TITLE'];
  const table = rows.map((r) => [
    r.id,
    r.role === 'central-system' ? 'CSMS' : 'CP',
    r.profile,
    r.implementedAt ?? '-',
    ...(withSut ? [applies(r)] : []),
    `${r.title}${r.reason ? ` (${r.applies === 'N/A' ? 'N/A' : 'known deviation'}: ${r.reason})` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(head), ...table.map(line)].join('\n');
}

export function renderTotals(rows: readonly CaseListing[], sutName: string | undefined): string {
  const catalogue = rows.filter((r) => r.inCatalogue);
  const implemented = catalogue.filter((r) => r.implementedAt).length;
  const ours = rows.filter((r) => !r.inCatalogue).length;
  const parts = [`${catalogue.length} catalogue test cases, ${implemented} implemented`, `${ours} of ours beyond the catalogue`];
  if (sutName) {
    const count = (a: CaseListing['applies']): number => rows.filter((r) => r.applies === a).length;
    parts.push(`for ${sutName}: ${count('applies')} apply, ${count('known deviation')} known deviation(s), ${count('N/A')} N/A`);
  }
  return parts.join('; ');
}

export async function listCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { flags, positionals } = parseArgs(argv, LIST_FLAGS, 'ocpp-conformance list');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance list: unexpected argument "${positionals[0]}" (see ocpp-conformance list --help)`);
  const format = (flags['format'] as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new ConfigError(`ocpp-conformance list: --format takes text, json or csv, not "${format}"`);
  const role = flags['role'] as string | undefined;
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) throw new ConfigError(`ocpp-conformance list: --role takes charge-point or central-system, not "${role}"`);
  const sut = typeof flags['sut'] === 'string' ? loadSutFile(flags['sut']) : undefined;
  let rows = listCases(scanFeatures(ROOT), sut);
  if (role) rows = rows.filter((r) => r.role === role);
  if (flags['implemented']) rows = rows.filter((r) => r.implementedAt);
  if (flags['missing']) rows = rows.filter((r) => !r.implementedAt && r.inCatalogue);
  if (format === 'json') {
    out.write(`${JSON.stringify({ catalogue: CATALOGUE_REVISION, sut: sut?.name, testCases: rows }, null, 2)}\n`);
  } else if (format === 'csv') {
    const head = ['id', 'title', 'role', 'profile', 'section', 'in_catalogue', 'implemented_at', 'operator_actions', ...(sut ? ['applies', 'reason'] : [])];
    const lines = rows.map((r) => [
      r.id, r.title, r.role ?? '', r.profile, r.section, String(r.inCatalogue), r.implementedAt ?? '', r.operatorActions.join(' '),
      ...(sut ? [applies(r), r.reason ?? ''] : []),
    ].map(csvField).join(','));
    out.write(`${[head.join(','), ...lines].join('\n')}\n`);
  } else {
    out.write(`${renderText(rows, Boolean(sut))}\n\n${renderTotals(rows, sut?.name)}\n`);
  }
  return 0;
}
