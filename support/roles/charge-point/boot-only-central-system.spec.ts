/**
 * The Central System suite against a Central System we did not write and that does little: a bare ws server that
 * answers BootNotification.req Accepted and every other CALL with CALLERROR NotImplemented, and resets the TCP
 * connection of a handshake offering no ocpp1.6. Its shortcomings must be FAILs of the rules it breaks (exit 1),
 * never ERRORs; a robustness case reports its own finding, not the StatusNotification.req it does not need; a
 * missing SUT-file identity is N/A; the reset handshake is a refusal with a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { runSuite } from '../../cli/run-command';

/** Answers BootNotification.req Accepted; every other CALL with CALLERROR NotImplemented, or (`silent`) not at all. */
async function bootOnlyCentralSystem(silent = false): Promise<{ url: string; stop: () => void }> {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false) });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => {
    if (!String(req.headers['sec-websocket-protocol'] ?? '').includes('ocpp1.6')) {
      socket.destroy(); // no HTTP response at all
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!Array.isArray(frame) || frame[0] !== 2) return;
      const [, id, action] = frame as [number, string, string];
      if (silent && action !== 'BootNotification') return;
      ws.send(JSON.stringify(action === 'BootNotification'
        ? [3, id, { status: 'Accepted', currentTime: new Date().toISOString(), interval: 60 }]
        : [4, id, 'NotImplemented', `${action} is not implemented`, {}]));
    }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ocpp`,
    stop: () => {
      for (const ws of wss.clients) ws.terminate();
      http.closeAllConnections();
      http.close();
    },
  };
}

function sutFileFor(dir: string, url: string): string {
  const sutFile = join(dir, 'boot-only.json');
  writeFileSync(sutFile, JSON.stringify({
    name: 'Boot-only Central System', role: 'central-system',
    centralSystem: { url, chargePoints: { accepted: { pattern: 'BOOT-ONLY-{worker}-{scenario}-{n}' } }, connectors: 1, rebootTime: '100ms' },
    actuator: { type: 'prompt' },
    timeouts: { response: '2s', message: '2s', operator: '2s', connect: '2s' },
  }));
  return sutFile;
}

const CASES = ['@TC_001_CSMS', '@TC_032_1_CSMS', '@EXT_CSMS_TX_001', '@EXT_CSMS_RPC_005', '@EXT_CSMS_BOOT_005', '@TC_088_CSMS'];

test('a Central System that handles only BootNotification fails the cases it cannot serve, for their rules, and the run exits 1', { timeout: 90_000 }, async () => {
  const csms = await bootOnlyCentralSystem();
  const dir = mkdtempSync(join(tmpdir(), 'boot-only-csms-'));
  try {
    const sutFile = sutFileFor(dir, csms.url);
    const { results, exitCode } = await runSuite({ sutFile, reportsDir: join(dir, 'reports'), quiet: true, tags: CASES.join(' or ') });
    const by = new Map(results.map((r) => [r.id, r]));
    const show = results.map((r) => `${r.id} ${r.verdict} [${r.rulesBroken.join(', ')}] ${r.reason.split('\n')[0]}`).join('\n');
    assert.equal(results.length, CASES.length, show);
    assert.ok(results.every((r) => r.verdict !== 'ERROR'), show);

    const failsFor = (id: string, rule: string, mention: RegExp): void => {
      const r = by.get(id);
      assert.equal(r?.verdict, 'FAIL', show);
      assert.ok(r.rulesBroken.includes(rule), `${id} should break ${rule}\n${show}`);
      assert.match(r.reason, mention, show);
    };
    failsFor('TC_001_CSMS', 'OCPP 1.6 §4.9', /StatusNotification\.req with CALLERROR NotImplemented/);
    failsFor('TC_032_1_CSMS', 'OCPP 1.6 §4.9', /StatusNotification\.req with CALLERROR NotImplemented/);
    failsFor('EXT_CSMS_TX_001', 'OCPP 1.6 §4.10', /StopTransaction\.req/);
    // The robustness case needs no StatusNotification: its own check (the unknown action got NotImplemented) holds,
    // and what fails is the next valid CALL on the connection.
    failsFor('EXT_CSMS_RPC_005', 'OCPP-J 1.6 §4.2.3', /Heartbeat\.req with CALLERROR NotImplemented/);
    assert.doesNotMatch(by.get('EXT_CSMS_RPC_005')?.reason ?? '', /StatusNotification/);

    const na = by.get('EXT_CSMS_BOOT_005');
    assert.equal(na?.verdict, 'N/A', show);
    assert.match(na.reason, /centralSystem\.chargePoints\.rejected/);

    const handshake = by.get('TC_088_CSMS');
    assert.equal(handshake?.verdict, 'WARN', show);
    assert.ok(handshake.rulesBroken.includes('OCPP-J 1.6 §3.2'), show);
    assert.match(handshake.reason, /without any HTTP response/);

    assert.equal(exitCode, 1);
  } finally {
    csms.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Central System that leaves StatusNotification.req unanswered fails TC_001_CSMS for OCPP 1.6 §4.9, not ERROR', { timeout: 60_000 }, async () => {
  const csms = await bootOnlyCentralSystem(true);
  const dir = mkdtempSync(join(tmpdir(), 'boot-only-csms-'));
  try {
    const { results, exitCode } = await runSuite({ sutFile: sutFileFor(dir, csms.url), reportsDir: join(dir, 'reports'), quiet: true, tags: '@TC_001_CSMS' });
    const [r] = results;
    assert.equal(r?.verdict, 'FAIL', JSON.stringify(results.map((x) => [x.verdict, x.reason])));
    assert.deepEqual(r.rulesBroken, ['OCPP 1.6 §4.9']);
    assert.match(r.reason, /did not answer StatusNotification\.req within 2\.0 s/);
    assert.equal(exitCode, 1);
  } finally {
    csms.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
