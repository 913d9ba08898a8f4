import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadConfig } from '../sut/sut-config';
import { emptyCounters, type LoadCounters } from './load-recorder';
import { judgeLoad, loadExitCode } from './load-verdict';
import type { Summary } from './statistics';

const lat = (p50: number, p99: number): Summary => ({ count: 100, p50, p95: p99, p99, max: p99 * 2, mean: p50 });

function healthy(): LoadCounters {
  const c = emptyCounters();
  c.connects = { attempted: 100, ok: 100, failed: 0, failures: {} };
  c.boots.accepted = 100;
  c.chargePoints.accepted = 100;
  c.calls = { BootNotification: 100, StatusNotification: 300, Heartbeat: 900 };
  c.answers = { ...c.calls };
  return c;
}

const thresholds = (t: Partial<LoadConfig['thresholds']> = {}): LoadConfig['thresholds'] => ({ latency: {}, errorRate: 0, chargePointFailureRate: 0, ...t });
const latency = new Map([['connect', lat(5, 40)], ['BootNotification', lat(10, 300)], ['Heartbeat', lat(2, 20)]]);

test('a clean run with no thresholds declared passes: every CALL answered, every charge point in service', () => {
  const v = judgeLoad({ counters: healthy(), latency, thresholds: thresholds(), chargePoints: 100 });
  assert.equal(v.verdict, 'PASS');
  assert.equal(v.reason, 'every check held');
  assert.equal(loadExitCode(v.verdict), 0);
});

test('the error rate counts CALLERRORs, timeouts and answers against the SUT file, against its limit', () => {
  const c = healthy();
  c.callErrors = { 'Heartbeat InternalError': 5 };
  c.timeouts = { Heartbeat: 3 };
  c.unexpected = { BootNotification: 5 };
  const strict = judgeLoad({ counters: c, latency, thresholds: thresholds(), chargePoints: 100 });
  assert.equal(strict.verdict, 'FAIL');
  assert.match(strict.reason, /error rate.*13 of 1300 CALLs/);
  assert.equal(loadExitCode(strict.verdict), 1);
  assert.equal(judgeLoad({ counters: c, latency, thresholds: thresholds({ errorRate: 0.01 }), chargePoints: 100 }).verdict, 'PASS');
});

test('latency limits apply per action, "*" to every action without its own entry but not to the handshake', () => {
  const t = thresholds({ latency: { BootNotification: { p99: 200 }, '*': { p99: 1000, max: 10 } } });
  const v = judgeLoad({ counters: healthy(), latency, thresholds: t, chargePoints: 100 });
  const failed = v.checks.filter((k) => !k.ok).map((k) => k.name);
  assert.deepEqual(failed, ['p99 BootNotification latency', 'max Heartbeat latency']);
  assert.ok(!v.checks.some((k) => /connect latency/.test(k.name)));
  const withConnect = judgeLoad({ counters: healthy(), latency, thresholds: thresholds({ latency: { connect: { p50: 4 } } }), chargePoints: 100 });
  assert.deepEqual(withConnect.checks.filter((k) => !k.ok).map((k) => `${k.name}: ${k.actual} > ${k.limit}`), ['p50 connect latency: 5.00 ms > 4.00 ms']);
});

test('a latency limit for an action the profile never sent checks nothing', () => {
  const v = judgeLoad({ counters: healthy(), latency, thresholds: thresholds({ latency: { StartTransaction: { p99: 1 } } }), chargePoints: 100 });
  assert.equal(v.verdict, 'PASS');
});

test('schema and SHALL protocol violations fail whatever the thresholds; SHOULD findings only warn', () => {
  const lenient = thresholds({ errorRate: 1, chargePointFailureRate: 1 });
  const schema = healthy();
  schema.findings = { 'SHALL schema violation OCPP 1.6 §6.4 BootNotification.conf': 100 };
  const v = judgeLoad({ counters: schema, latency, thresholds: lenient, chargePoints: 100 });
  assert.equal(v.verdict, 'FAIL');
  assert.match(v.reason, /schema violations: 100.*OCPP 1\.6 §6/);
  const protocol = healthy();
  protocol.findings = { 'SHALL protocol violation OCPP-J 1.6 §4.1.4': 1 };
  assert.equal(judgeLoad({ counters: protocol, latency, thresholds: lenient, chargePoints: 100 }).verdict, 'FAIL');
  const should = healthy();
  should.findings = { 'SHOULD behaviour OCPP 1.6 §4.2': 2 };
  const w = judgeLoad({ counters: should, latency, thresholds: thresholds(), chargePoints: 100 });
  assert.equal(w.verdict, 'WARN');
  assert.equal(loadExitCode(w.verdict), 0);
});

test('charge points that failed to connect, were never Accepted or were dropped count against their limit', () => {
  const c = healthy();
  c.chargePoints.failed = 3;
  assert.equal(judgeLoad({ counters: c, latency, thresholds: thresholds(), chargePoints: 100 }).verdict, 'FAIL');
  assert.equal(judgeLoad({ counters: c, latency, thresholds: thresholds({ chargePointFailureRate: 0.05 }), chargePoints: 100 }).verdict, 'PASS');
});

test('the harness running out of descriptors or ports, or failing itself, is ERROR: nothing is said about the CSMS', () => {
  const c = healthy();
  c.harnessLimited = 2;
  c.chargePoints.failed = 2;
  c.callErrors = { 'Heartbeat GenericError': 1 };
  const v = judgeLoad({ counters: c, latency, thresholds: thresholds(), chargePoints: 100 });
  assert.equal(v.verdict, 'ERROR');
  assert.equal(loadExitCode(v.verdict), 3);
  const e = healthy();
  e.harnessErrors = 1;
  assert.equal(judgeLoad({ counters: e, latency, thresholds: thresholds(), chargePoints: 100 }).verdict, 'ERROR');
});
