import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalogue, parseCatalogue, parseCsv } from './catalogue';
import { PROFILES } from '../cucumber/tags';
import { listCases } from './case-list';
import { scanFeatureText } from './feature-index';
import type { SutConfig } from '../sut/sut-config';

test('CSV fields: quoted commas, doubled quotes, CRLF, blank lines', () => {
  assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n\r\nd,,e\n'), [['a', 'b, c', 'say "hi"'], ['d', '', 'e']]);
});

test('the shipped catalogue: 177 cases of the 2024-04 document and 12 of the 2025 revision, unique ids, our profile names', () => {
  const all = loadCatalogue();
  assert.equal(all.length, 189);
  assert.equal(new Set(all.map((e) => e.id)).size, all.length);
  assert.equal(all.filter((e) => e.section === '(newer revision)').length, 12);
  for (const e of all) {
    assert.match(e.id, /^TC_\d{3}(_\d+)?_(CS|CSMS)$/);
    assert.equal(e.role, e.id.endsWith('_CSMS') ? 'central-system' : 'charge-point', e.id);
    assert.ok((PROFILES as readonly string[]).includes(e.profile), `${e.id}: ${e.profile}`);
  }
  const tc003 = all.find((e) => e.id === 'TC_003_CS');
  assert.deepEqual([tc003?.title, tc003?.section, tc003?.operatorActions], ['Regular Charging Session - Plugin First', '2.2 Start Charging Session', ['plug-in', 'present-idTag']]);
  assert.equal(all.find((e) => e.id === 'TC_062_CS')?.profileNote, 'Core (DataTransfer)');
});

test('a catalogue without a needed column is refused by name', () => {
  assert.throws(() => parseCatalogue('id,title\nTC_001_CS,x\n'), /no column "sut"/);
});

const feature = `# a comment @not-a-tag
@sut:charge-point @feature-profile:Core
Feature: Boot
  Some words.

  @TC_001_CS @operator
  Scenario: TC_001_CS Cold Boot Charge Point
    Given the Charge Point is booted
    """
    @TC_999_CS inside a doc string
    """

  @TC_002_CS
  @spec=OCPP-1.6-4.2
  Scenario: TC_002_CS Cold Boot Charge Point - Pending
    Given x

  Scenario: EXT_BOOT_001 Without an id tag
    Given y
`;

test('scenarios of a feature file: id from the tag or the name, title, line, feature tags inherited', () => {
  const cases = scanFeatureText(feature, 'features/charge-point/core/boot.feature');
  assert.deepEqual(cases.map((c) => [c.id, c.title, c.line, c.role, c.profile]), [
    ['TC_001_CS', 'Cold Boot Charge Point', 7, 'charge-point', 'Core'],
    ['TC_002_CS', 'Cold Boot Charge Point - Pending', 15, 'charge-point', 'Core'],
    ['EXT_BOOT_001', 'Without an id tag', 18, 'charge-point', 'Core'],
  ]);
  assert.ok(cases[0]?.tags.includes('@operator'));
  assert.ok(cases[1]?.tags.includes('@spec=OCPP-1.6-4.2'));
});

const sut = {
  file: `${process.cwd()}/fixtures/sut/bench.json`,
  role: 'charge-point',
  chargePoint: { supportedProfiles: ['Core', 'Reservation'] },
  notApplicable: new Map([['TC_002_CS', 'no Pending support']]),
  knownDeviations: new Map([['TC_001_CS', { reason: 'ticket 42' }]]),
} as unknown as SutConfig;

test('the list: implemented where, ours beyond the catalogue, and for a SUT what applies and why not', () => {
  const rows = listCases(scanFeatureText(feature, 'f.feature'), sut);
  const row = (id: string): (typeof rows)[number] | undefined => rows.find((r) => r.id === id);
  assert.deepEqual([row('TC_001_CS')?.implementedAt, row('TC_001_CS')?.applies, row('TC_001_CS')?.reason], ['f.feature:7', 'known deviation', 'ticket 42']);
  assert.deepEqual([row('TC_002_CS')?.applies, row('TC_002_CS')?.reason], ['N/A', 'declared not applicable in fixtures/sut/bench.json: no Pending support']);
  assert.deepEqual([row('TC_003_CS')?.implementedAt, row('TC_003_CS')?.applies], [undefined, 'applies']);
  assert.match(row('TC_001_CSMS')?.reason ?? '', /tests a central system; the SUT is a charge point/);
  assert.match(row('TC_056_CS')?.reason ?? '', /does not list the SmartCharging profile/);
  assert.equal(row('TC_046_1_CS')?.applies, 'applies');
  assert.deepEqual([row('EXT_BOOT_001')?.inCatalogue, row('EXT_BOOT_001')?.section], [false, '(beyond the catalogue)']);
  assert.equal(rows.length, 190);
});
