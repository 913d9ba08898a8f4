import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decorateAllureResults, environmentOf, nameSuffix, specTagName } from './allure-results';
import { stripAnalytics } from './allure-report';
import { everyVerdict, sampleRun, scenarioResult } from './test-results';

const run = sampleRun;

const boot = JSON.stringify({
  type: 'frame', seq: 4, time: '2026-01-02T03:04:05.000Z', mono: 1, connection: 'CP-1', direction: 'in', raw: '[2,"1","BootNotification",{}]', kind: 'CALL',
  id: '1', action: 'BootNotification', payload: { chargePointVendor: 'Acme', chargePointModel: 'Wallbox 7', chargeBoxSerialNumber: 'SN-1', firmwareVersion: '1.2.3' }, problems: [], violations: [],
});

/** A reports folder as a run leaves it: results, traces, and allure-cucumberjs's files for two of the cases. */
function reportsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allure-'));
  const results = join(dir, 'allure-results');
  mkdirSync(results, { recursive: true });
  mkdirSync(join(dir, 'traces'));
  writeFileSync(join(dir, 'traces', 'TC_003_CS.jsonl'), `${boot}\n{"type":"frame","seq":5,"cut sh`);
  const result = (uuid: string, id: string): unknown => ({
    uuid, name: `${id} Title of ${id}`, status: 'passed', statusDetails: {}, stage: 'finished', attachments: [], parameters: [], links: [],
    steps: [{ name: 'Then the Charge Point sends x', status: 'failed', statusDetails: { message: 'Error: FAIL [rule] x\n  expected: a\n    at expectConf (expectations.ts:95:11)', trace: 'Error: x\n    at expectConf (expectations.ts:95)' } }],
    // As allure-cucumberjs writes them: cucumber-js's defaults, then the feature's name and the scenario's tags.
    labels: [
      { name: 'language', value: 'javascript' }, { name: 'framework', value: 'cucumberjs' }, { name: 'package', value: 'ocpp-conformance.features.boot.feature' },
      { name: '_fallbackTestCaseId', value: 'c19b93a4' }, { name: 'host', value: 'vm' }, { name: 'thread', value: 'pid-12763-worker-0' },
      { name: 'feature', value: 'Boot (test case document §2.1)' }, { name: 'tag', value: `@${id}` }, { name: 'tag', value: '@feature-profile:Core' },
    ],
  });
  writeFileSync(join(results, 'u-003-result.json'), JSON.stringify(result('u-003', 'TC_003_CS')));
  writeFileSync(join(results, 'u-001-result.json'), JSON.stringify(result('u-001', 'TC_001_CS')));
  writeFileSync(join(results, 'c-1-container.json'), JSON.stringify({
    uuid: 'c-1', name: 'judge the scenario', children: ['u-003'], befores: [],
    afters: [{ name: 'judge the scenario', steps: [{ name: 'TC_003_CS-wire-trace.jsonl', attachments: [{ name: 'TC_003_CS-wire-trace.jsonl', source: 'a-1-attachment.jsonl', type: 'application/x-ndjson' }] }] }],
  }));
  writeFileSync(join(results, 'a-1-attachment.jsonl'), boot);
  writeFileSync(join(results, 'g-globals.json'), JSON.stringify({ attachments: [], errors: [{ message: 'judge the scenario failed: Error: FAIL …' }, { message: 'open the test bench failed: EADDRINUSE' }] }));
  return dir;
}

const read = (dir: string, name: string): Record<string, any> => JSON.parse(readFileSync(join(dir, 'allure-results', name), 'utf8'));

function resultsById(dir: string): Map<string, Record<string, any>> {
  return new Map(readdirSync(join(dir, 'allure-results')).filter((n) => n.endsWith('-result.json')).map((n) => {
    const r = read(dir, n);
    return [r.name.split(' ')[0], r];
  }));
}

test('statuses, labels, links and messages come from the verdicts', () => {
  const dir = reportsFolder();
  const results = everyVerdict().map((r) => (r.id === 'TC_003_CS' ? { ...r, trace: 'traces/TC_003_CS.jsonl', tags: [...r.tags, '@spec=OCPP-J-1.6-4.1.4'] } : r));
  decorateAllureResults(dir, results, { run });
  const fail = read(dir, 'u-003-result.json');
  assert.equal(fail.status, 'failed');
  assert.equal(fail.name, 'TC_003_CS Title of TC_003_CS — FAIL');
  assert.equal(fail.statusDetails.message, 'FAIL: why TC_003_CS is FAIL');
  assert.equal(fail.statusDetails.expected, 'status Charging');
  assert.equal(fail.statusDetails.actual, 'nothing within 15 s');
  assert.match(fail.statusDetails.trace, /Rule broken: OCPP 1\.6 §4\.9 \(SHALL\)\nTest case step: TC_003_CS step 7/);
  const labels = Object.fromEntries(fail.labels.filter((l: { name: string }) => l.name !== 'tag').map((l: { name: string; value: string }) => [l.name, l.value]));
  assert.deepEqual(
    [labels.epic, labels.feature, labels.story, labels.testCase, labels.sut, labels.rule, labels.severity, labels.subSuite, labels.category],
    ['Charge Point', 'Core', 'TC_003_CS Title of TC_003_CS', 'TC_003_CS', 'Bench charger', 'OCPP 1.6 §4.9', 'critical', 'Boot (test case document §2.1)', 'Missing message (timeout)'],
  );
  assert.deepEqual(fail.labels.filter((l: { name: string }) => l.name === 'tag').map((l: { value: string }) => l.value), ['FAIL']);
  assert.deepEqual(fail.links.map((l: { name: string }) => l.name), ['OCPP 1.6 §4.9', 'OCPP 1.6 §4.2', 'OCPP-J 1.6 §4.1.4']);
  assert.deepEqual(fail.steps[0].statusDetails, { message: 'FAIL [rule] x\n  expected: a' }, 'the stack trace of a step the SUT failed goes');
  assert.equal(read(dir, 'u-001-result.json').status, 'passed');
  assert.equal(read(dir, 'u-001-result.json').statusDetails.message, undefined);
});

test('cucumber-js default labels go; host and thread (the Timeline) come last, behind the 8 label groups a test shows first', () => {
  const dir = reportsFolder();
  const results = everyVerdict();
  decorateAllureResults(dir, results, { run });
  const first = read(dir, 'u-003-result.json').labels as Array<{ name: string; value: string }>;
  decorateAllureResults(dir, results, { run });
  for (const name of ['u-003-result.json', 'u-001-result.json']) {
    const labels = read(dir, name).labels as Array<{ name: string; value: string }>;
    const names = labels.map((l) => l.name);
    for (const dropped of ['language', 'framework', 'package']) assert.ok(!names.includes(dropped), `${name}: ${dropped} dropped`);
    assert.deepEqual(names.slice(-2), ['host', 'thread'], name);
    assert.equal(labels.find((l) => l.name === 'thread')?.value, 'pid-12763-worker-0');
    assert.ok(names.includes('_fallbackTestCaseId'), 'a hidden label of allure-cucumberjs stays');
    const groups = [...new Set(names)].slice(0, 8);
    assert.deepEqual(groups.slice(0, 5), ['epic', 'feature', 'story', 'testCase', 'sut'], name);
    assert.ok(groups.includes('verdict') && !groups.includes('host') && !groups.includes('thread'), `${name}: ${groups.join(', ')}`);
  }
  assert.deepEqual(read(dir, 'u-003-result.json').labels, first, 'a second pass changes nothing');
  assert.deepEqual(first.filter((l) => l.name === 'rule').map((l) => l.value), ['OCPP 1.6 §4.9']);
  assert.ok(!read(dir, 'u-001-result.json').labels.some((l: { name: string }) => l.name === 'rule'), 'a PASS broke no rule');
});

test('the wire trace moves from the tear-down to the test, beside a sequence diagram; a second pass changes nothing', () => {
  const dir = reportsFolder();
  const results = [scenarioResult({ id: 'TC_003_CS', verdict: 'FAIL', trace: 'traces/TC_003_CS.jsonl', findings: [{ level: 'SHALL', category: 'timing', rule: 'r', message: 'too early', seq: 4 }] })];
  decorateAllureResults(dir, results, { run });
  const first = read(dir, 'u-003-result.json');
  assert.deepEqual(first.attachments.map((a: { name: string }) => a.name), ['Sequence diagram', 'Wire trace (JSONL)']);
  assert.equal(first.attachments[1].source, 'a-1-attachment.jsonl');
  assert.equal(read(dir, 'c-1-container.json').afters[0].steps.length, 0);
  const svg = readFileSync(join(dir, 'allure-results', first.attachments[0].source), 'utf8');
  assert.match(svg, /✖ BootNotification\.req/);
  decorateAllureResults(dir, results, { run });
  assert.deepEqual(read(dir, 'u-003-result.json').attachments, first.attachments);
  assert.equal(readdirSync(join(dir, 'allure-results')).filter((n) => n.endsWith('.svg')).length, 1);
});

test('every verdict shows truthfully: XFAIL is a known (accepted) failure with its link, N/A skipped, INCONCLUSIVE unknown, ERROR broken', () => {
  const dir = reportsFolder();
  decorateAllureResults(dir, everyVerdict(), { run });
  const byId = resultsById(dir);
  assert.equal(byId.size, 8, 'a result without an Allure result gets one of its own');
  const xfail = byId.get('TC_021_CS');
  assert.deepEqual([xfail?.status, xfail?.statusDetails.known], ['failed', true]);
  assert.deepEqual(xfail?.links.at(-1), { name: 'known deviation: ticket 42', url: 'https://tracker.example/42', type: 'issue' });
  assert.deepEqual(['TC_042_1_CS', 'TC_010_CS', 'TC_013_CS', 'TC_019_CS'].map((id) => byId.get(id)?.status), ['skipped', 'unknown', 'broken', 'passed']);
  assert.match(byId.get('TC_042_1_CS')?.statusDetails.message, /^N\/A: the SUT file does not list/);
  assert.match(byId.get('TC_019_CS')?.name, / — WARN$/);
  assert.match(byId.get('TC_001_CSMS')?.statusDetails.message, /^PASS, unexpectedly/);
  decorateAllureResults(dir, everyVerdict(), { run, strict: true });
  assert.deepEqual(['TC_019_CS', 'TC_001_CSMS'].map((id) => resultsById(dir).get(id)?.status), ['failed', 'failed'], '--strict fails them in the report too');
});

test('the hook error that only repeats a FAIL leaves the global errors; others stay', () => {
  const dir = reportsFolder();
  decorateAllureResults(dir, everyVerdict(), { run });
  assert.deepEqual(read(dir, 'g-globals.json').errors.map((e: { message: string }) => e.message), ['open the test bench failed: EADDRINUSE']);
});

test('environment: the SUT as its BootNotification.req named it, the harness, the catalogue, Node, the date, the notice', () => {
  const dir = reportsFolder();
  const env = new Map(environmentOf(dir, [scenarioResult({ id: 'TC_003_CS', verdict: 'PASS', trace: 'traces/TC_003_CS.jsonl' })], run));
  assert.deepEqual(
    ['CP under test', 'CP vendor', 'CP model', 'CP serial number', 'CP firmware', 'Harness', 'Catalogue', 'Node.js', 'Date'].map((k) => env.get(k)),
    ['Bench charger', 'Acme', 'Wallbox 7', 'SN-1', '1.2.3', 'ocpp-conformance 9.9.9', 'OCTT test', 'v20.0.0', '2026-01-02T03:04:05.000Z'],
  );
  assert.match(env.get('Notice') ?? '', /not an OCA certification/);
  decorateAllureResults(dir, [], { run });
  assert.match(readFileSync(join(dir, 'allure-results', 'environment.properties'), 'utf8'), /^CP\\ vendor=\(no BootNotification\.req recorded\)$/m);
});

test('spec tags read as sections; verdict suffixes only where the status icon does not say it all', () => {
  assert.equal(specTagName('OCPP-1.6-4.2'), 'OCPP 1.6 §4.2');
  assert.equal(specTagName('OCPP-J-1.6-4.1.4'), 'OCPP-J 1.6 §4.1.4');
  assert.equal(specTagName('OCPP-1.6-errata-3.22'), 'OCPP 1.6 errata §3.22');
  assert.equal(nameSuffix({ verdict: 'PASS', unexpectedPass: false }), '');
  assert.equal(nameSuffix({ verdict: 'XFAIL', unexpectedPass: false }), ' — XFAIL');
});

test('the analytics script of the Allure template is cut out', () => {
  const html = `<body><div id="app"></div>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
    </script>
    <script>window.allureReportData = 1</script></body>`;
  const out = stripAnalytics(html);
  assert.doesNotMatch(out, /googletagmanager|gtag/);
  assert.match(out, /window\.allureReportData = 1/);
  assert.ok(existsSync(join(__dirname, '..', '..', 'allurerc.mjs')));
});
