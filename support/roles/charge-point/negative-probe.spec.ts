import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WireLog } from '../../recording/wire-log';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { EmulatedChargePoint } from './emulated-charge-point';
import { invalidPayloadFrame, missingPayloadFrame, nonArrayFrame, unknownMessageTypeFrame } from './negative-frames';
import { NegativeProbe } from './negative-probe';

type Reply = (frame: unknown[], ws: WebSocket) => void;

/** A bare ws Central System answering each frame with `reply` (Heartbeat.conf when it returns nothing). */
async function withCentralSystem(reply: Reply, run: (probe: NegativeProbe) => Promise<void>): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'ocpp1.6' });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => ws.on('message', (d) => {
    let frame: unknown[];
    try {
      frame = JSON.parse(String(d)) as unknown[];
    } catch {
      frame = [];
    }
    reply(frame, ws);
  }));
  const log = new WireLog();
  log.beginScenario();
  const cp = new EmulatedChargePoint({
    csmsUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ocpp`, identity: 'NEG-1', log, defaultTimeoutMs: 300,
    onFinding: () => undefined, onHarnessError: assert.fail,
  });
  await cp.connect();
  try {
    await run(new NegativeProbe(cp, log, 300));
  } finally {
    await cp.disconnect();
    wss.close();
  }
}

const heartbeat: Reply = (f, ws) => {
  if (f[0] === 2 && f[2] === 'Heartbeat' && f.length === 4) ws.send(JSON.stringify([3, f[1], { currentTime: new Date().toISOString() }]));
};
const rule = { rule: 'OCPP-J 1.6 §4.2.3' };

test('a CALLERROR with a listed code passes; a foreign spelling fails naming the 1.6 one', async () => {
  let code = 'OccurenceConstraintViolation';
  const reply: Reply = (f, ws) => (f[2] === 'Authorize' ? ws.send(JSON.stringify([4, f[1], code, '', {}])) : heartbeat(f, ws));
  await withCentralSystem(reply, async (probe) => {
    const codes = ['OccurenceConstraintViolation', 'ProtocolError', 'FormationViolation'];
    await probe.callMalformed(invalidPayloadFrame('missing required field', 'T'), rule);
    probe.expectCallError(codes, rule);
    await probe.expectStillAlive(rule);
    code = 'OccurrenceConstraintViolation';
    await probe.callMalformed(invalidPayloadFrame('missing required field', 'T'), rule);
    assert.throws(() => probe.expectCallError(codes, rule), (e: unknown) => e instanceof ConformanceAssertionError && /1\.6 spells it "OccurenceConstraintViolation"/.test(e.message));
    assert.throws(() => probe.expectCallError(['OccurenceConstraintViolation'], rule), HarnessError, 'a list that differs from the code table');
  });
});

test('a CALLRESULT to a malformed CALL fails; silence fails as a missing answer', async () => {
  const reply: Reply = (f, ws) => (f.length === 3 ? ws.send(JSON.stringify([3, f[1], {}])) : undefined);
  await withCentralSystem(reply, async (probe) => {
    await probe.callMalformed(missingPayloadFrame(), rule);
    assert.throws(() => probe.expectCallError(['FormationViolation'], rule), /with a CALLRESULT/);
    await assert.rejects(probe.callMalformed(invalidPayloadFrame('wrong type', 'T'), rule), /did not answer/);
  });
});

test('an answer to an unknown message type id is caught, silence passes', async () => {
  let answer = true;
  const reply: Reply = (f, ws) => (f[0] === 7 && answer ? ws.send(JSON.stringify([4, f[1], 'NotSupported', '', {}])) : heartbeat(f, ws));
  await withCentralSystem(reply, async (probe) => {
    probe.sendUnanswerable(unknownMessageTypeFrame(), { rule: 'OCPP-J 1.6 §4.1.3' });
    await assert.rejects(probe.expectNoAnswer(200, { rule: 'OCPP-J 1.6 §4.1.3' }), (e: unknown) => e instanceof ConformanceAssertionError && e.message.includes('§4.1.3'));
    answer = false;
    probe.sendUnanswerable(unknownMessageTypeFrame(), { rule: 'OCPP-J 1.6 §4.1.3' });
    await probe.expectNoAnswer(50, { rule: 'OCPP-J 1.6 §4.1.3' });
    await probe.expectStillAlive(rule);
  });
});

test('a Central System that closes the connection on a frame it cannot read fails the liveness check', async () => {
  const reply: Reply = (f, ws) => (f.length === 0 || !Array.isArray(f) ? ws.close(1007) : heartbeat(f, ws));
  await withCentralSystem(reply, async (probe) => {
    probe.sendUnanswerable(nonArrayFrame(), { rule: 'OCPP-J 1.6 §4.2' });
    await assert.rejects(probe.expectStillAlive(rule), /closed the connection \(code 1007\) after a JSON object/);
  });
});

test('a repeated message id left unanswered fails; both answered passes', async () => {
  let dropRepeats = true;
  const seen = new Set<unknown>();
  const reply: Reply = (f, ws) => {
    if (dropRepeats && seen.has(f[1])) return;
    seen.add(f[1]);
    heartbeat(f, ws);
  };
  await withCentralSystem(reply, async (probe) => {
    await assert.rejects(probe.callTwiceWithOneId('Heartbeat', {}, rule), /did not answer Heartbeat\.req/);
    dropRepeats = false;
    await probe.callTwiceWithOneId('Heartbeat', {}, rule);
    probe.expectBothAnswered('Heartbeat', rule);
  });
});
