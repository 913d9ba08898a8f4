import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { Finding } from '../../recording/finding';
import type { FrameRecord } from '../../recording/frame-record';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { NegativeTransactions } from './negative-transactions';

let seq = 0;
const record = (raw = ''): FrameRecord => ({ type: 'frame', seq: ++seq, time: '', mono: 0, connection: 'CP', direction: 'in', raw, kind: 'CALLRESULT', problems: [], violations: [] });

/** A charge point stub whose Central System numbers transactions with `nextId`. */
function chargePoint(identity: string, nextId: () => number, stop: CallOutcome['kind'] = 'result'): EmulatedChargePoint {
  const send = async (action: string): Promise<CallOutcome> => {
    if (action === 'StopTransaction' && stop === 'error') return { kind: 'error', code: 'PropertyConstraintViolation', description: '', details: {}, request: record(), response: record() };
    const payload = action === 'StartTransaction' ? { idTagInfo: { status: 'Accepted' }, transactionId: nextId() } : {};
    return { kind: 'result', payload, request: record(), response: record(JSON.stringify(payload)) };
  };
  return { identity, connectors: 2, send } as unknown as EmulatedChargePoint;
}

const rule = { rule: 'OCPP 1.6 errata §3.54' };

test('distinct positive ids pass without warnings', async () => {
  let n = 10;
  const tx = new NegativeTransactions();
  await tx.startOnEveryConnector([chargePoint('A', () => n++), chargePoint('B', () => n++)], 'TAG', rule);
  const warnings: Array<Omit<Finding, 'level'>> = [];
  tx.expectDistinctIds(rule, (w) => warnings.push(w));
  assert.deepEqual(warnings, []);
});

test('one id on two connectors of one charge point fails; across charge points it warns', async () => {
  const perChargePoint = (): (() => number) => {
    let n = 1;
    return () => n++;
  };
  const tx = new NegativeTransactions();
  await tx.startOnEveryConnector([chargePoint('A', perChargePoint()), chargePoint('B', perChargePoint())], 'TAG', rule);
  const warnings: Array<Omit<Finding, 'level'>> = [];
  tx.expectDistinctIds(rule, (w) => warnings.push(w));
  assert.equal(warnings.length, 2);

  const zero = new NegativeTransactions();
  await zero.startOnEveryConnector([chargePoint('A', () => 0)], 'TAG', rule);
  assert.throws(() => zero.expectDistinctIds(rule, () => undefined), (e: unknown) => e instanceof ConformanceAssertionError && e.detail.level === 'SHALL' && /transactionId 0 to two transactions/.test(e.message));
});

test('a CALLERROR to StopTransaction.req for an unknown transaction fails §4.10', async () => {
  const tx = new NegativeTransactions();
  await tx.stopUnknown(chargePoint('A', () => 1), 99, { rule: 'OCPP 1.6 §4.10' });
  tx.expectLastStopAcknowledged({ rule: 'OCPP 1.6 §4.10' });
  await tx.stopUnknown(chargePoint('A', () => 1, 'error'), -1, { rule: 'OCPP 1.6 §4.10' });
  assert.throws(() => tx.expectLastStopAcknowledged({ rule: 'OCPP 1.6 §4.10' }), /failure to process the message \(OCPP 1\.6 §3\.7\.1\)/);
});
