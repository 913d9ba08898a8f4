/**
 * The verdict of a load run. Three kinds of check, kept apart as everywhere in the harness:
 *
 * - the harness's own health (its errors, handshakes it could not make for want of file descriptors or ports):
 *   when one fails the verdict is ERROR and nothing is said about the Central System (exit 3);
 * - the spec: schema and protocol violations break a SHALL whatever the load (FAIL, exit 1), SHOULDs WARN;
 * - the thresholds of the SUT file's `load.thresholds`: error rate, failed charge points, latency per action (FAIL).
 *   A latency limit for an action that got no answer checks nothing: the error rate already counts what went
 *   unanswered, and a profile that never sends the action is not at fault.
 */
import type { LatencyLimits, LoadConfig } from '../sut/sut-config';
import { type LoadCounters, sumTally } from './load-recorder';
import type { Summary } from './statistics';

export type LoadVerdictName = 'PASS' | 'WARN' | 'FAIL' | 'ERROR';

export interface LoadCheck {
  /** What is checked, e.g. `p99 BootNotification latency`. */
  readonly name: string;
  readonly limit: string;
  readonly actual: string;
  readonly ok: boolean;
  /** Who is to blame when it fails. */
  readonly kind: 'harness' | 'spec' | 'threshold';
  /** The clause, for spec checks. */
  readonly rule?: string;
}

export interface LoadVerdict {
  readonly verdict: LoadVerdictName;
  readonly checks: readonly LoadCheck[];
  /** One sentence per failed check (or "every check held"). */
  readonly reason: string;
}

export interface LoadJudgement {
  readonly counters: LoadCounters;
  readonly latency: ReadonlyMap<string, Summary>;
  readonly thresholds: LoadConfig['thresholds'];
  /** The charge points this run (shard) started. */
  readonly chargePoints: number;
}

const PERCENTILES: ReadonlyArray<keyof LatencyLimits> = ['p50', 'p95', 'p99', 'max'];

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const percent = (x: number): string => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 4 : 2)} %`;

/** The share of CALLs answered with a CALLERROR, not answered in time, or answered against the SUT file. */
export function errorRate(c: LoadCounters): { errors: number; calls: number; rate: number } {
  const errors = sumTally(c.callErrors) + sumTally(c.timeouts) + sumTally(c.unexpected);
  const calls = sumTally(c.calls);
  return { errors, calls, rate: calls === 0 ? 0 : errors / calls };
}

export function judgeLoad(input: LoadJudgement): LoadVerdict {
  const { counters: c, thresholds } = input;
  const checks: LoadCheck[] = [];

  checks.push({ name: 'harness errors', limit: '0', actual: String(c.harnessErrors), ok: c.harnessErrors === 0, kind: 'harness' });
  checks.push({
    name: 'handshakes lost to limits of the harness machine (file descriptors, ports)', limit: '0', actual: String(c.harnessLimited),
    ok: c.harnessLimited === 0, kind: 'harness',
  });

  const findings = Object.entries(c.findings);
  const count = (level: string, schema: boolean): number =>
    findings.filter(([key]) => key.startsWith(`${level} `) && key.includes(' schema violation ') === schema).reduce((s, [, n]) => s + n, 0);
  checks.push({ name: 'schema violations', limit: '0', actual: String(count('SHALL', true)), ok: count('SHALL', true) === 0, kind: 'spec', rule: 'OCPP 1.6 §6 (JSON schemas)' });
  checks.push({ name: 'protocol violations (SHALL)', limit: '0', actual: String(count('SHALL', false)), ok: count('SHALL', false) === 0, kind: 'spec', rule: 'OCPP-J 1.6 §4' });

  const { errors, calls, rate } = errorRate(c);
  checks.push({
    name: 'error rate (CALLERRORs, timeouts, answers against the SUT file)', limit: percent(thresholds.errorRate),
    actual: `${percent(rate)} (${errors} of ${calls} CALLs)`, ok: rate <= thresholds.errorRate, kind: 'threshold',
  });
  const failedShare = input.chargePoints === 0 ? 0 : c.chargePoints.failed / input.chargePoints;
  checks.push({
    name: 'charge points not connected, never Accepted, or dropped', limit: percent(thresholds.chargePointFailureRate),
    actual: `${percent(failedShare)} (${c.chargePoints.failed} of ${input.chargePoints})`, ok: failedShare <= thresholds.chargePointFailureRate, kind: 'threshold',
  });

  for (const [action, summary] of input.latency) {
    const limits = thresholds.latency[action] ?? (action === 'connect' ? undefined : thresholds.latency['*']);
    if (!limits) continue;
    for (const p of PERCENTILES) {
      const limit = limits[p];
      if (limit === undefined) continue;
      const actual = summary[p];
      checks.push({ name: `${p} ${action} latency`, limit: formatMs(limit), actual: formatMs(actual), ok: actual <= limit, kind: 'threshold' });
    }
  }
  const failed = checks.filter((k) => !k.ok);
  const shouldFindings = count('SHOULD', false) + count('SHOULD', true);
  const verdict: LoadVerdictName = failed.some((k) => k.kind === 'harness') ? 'ERROR' : failed.length > 0 ? 'FAIL' : shouldFindings > 0 ? 'WARN' : 'PASS';
  const reason = failed.length > 0
    ? failed.map((k) => `${k.name}: ${k.actual}, limit ${k.limit}${k.rule ? ` [${k.rule}]` : ''}`).join('; ')
    : shouldFindings > 0 ? `${shouldFindings} SHOULD finding(s)` : 'every check held';
  return { verdict, checks, reason };
}

/** Exit code of a load run: 0 PASS or WARN, 1 FAIL, 3 ERROR. */
export function loadExitCode(verdict: LoadVerdictName): 0 | 1 | 3 {
  return verdict === 'FAIL' ? 1 : verdict === 'ERROR' ? 3 : 0;
}
