/**
 * For the unit tests of the Charge Point flows: an emulated Central System on a free loopback port, a bare ws client
 * playing the charger (it sends what a test tells it and answers nothing unless told), and a ScenarioContext built
 * on them as the World would build it.
 */
import WebSocket from 'ws';
import { WireLog } from '../../recording/wire-log';
import type { Finding } from '../../recording/finding';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSutFile, type SutConfig } from '../../sut/sut-config';
import { IdTagRegistry } from '../id-tag-registry';
import type { RuleContext } from '../ocpp-connection';
import { centralSystemHandlers } from './central-system-handlers';
import { ChargePointUnderTest } from './charge-point-under-test';
import { EmulatedCentralSystem } from './emulated-central-system';
import type { ScenarioContext } from './scenario-context';

export const IDENTITY = 'UNIT-CP';

/** A SUT file with short timers, loaded as the harness loads one (written to a temporary folder). */
export function testSut(): SutConfig {
  const file = join(mkdtempSync(join(tmpdir(), 'cp-flows-')), 'sut.json');
  writeFileSync(file, JSON.stringify({
    name: 'unit', role: 'charge-point',
    chargePoint: {
      identity: IDENTITY, listen: { host: '127.0.0.1', port: 0, path: '/ocpp' }, connectors: 2,
      configuration: { HeartbeatInterval: 1, ConnectionTimeOut: 1 }, options: { bootRetryInterval: '1s', absenceWait: '0.2s' },
    },
    reference: {},
    timeouts: { response: '0.5s', message: '1.5s', operator: '1s', connect: '1.5s', step: '10s' },
    tolerances: { interval: '0.3s' },
  }));
  return loadSutFile(file);
}

export interface TestBench {
  readonly cs: EmulatedCentralSystem;
  readonly ctx: ScenarioContext & { readonly warnings: Finding[]; readonly actions: string[] };
  /** Connects the charger; returns a function sending a CALL `[2, id, action, payload]`. */
  connect(): Promise<{ ws: WebSocket; send: (action: string, payload?: Record<string, unknown>) => void }>;
  close(): Promise<void>;
}

export async function testBench(sut: SutConfig = testSut()): Promise<TestBench> {
  const log = new WireLog();
  const policy = { registration: 'Accepted' as const, interval: 1, idTags: new IdTagRegistry(), dataTransferVendorIds: new Set<string>() };
  const cs = new EmulatedCentralSystem({
    host: '127.0.0.1', port: 0, path: '/ocpp', log, handlers: centralSystemHandlers(policy), defaultTimeoutMs: 500,
    onFinding: () => undefined, onHarnessError: (m) => { throw new Error(m); },
  });
  const url = await cs.start();
  const sockets: WebSocket[] = [];
  const warnings: Finding[] = [];
  const actions: string[] = [];
  const ctx = {
    sut, memory: new Map<string, unknown>(), cleanups: [] as Array<() => Promise<void>>, warnings, actions,
    chargePoint: new ChargePointUnderTest(cs, sut),
    act: async (action: string) => {
      actions.push(action);
      return { action, params: {}, via: 'prompt', detail: 'unit test', startedAt: '', durationMs: 0 } as never;
    },
    rule: (rule: string, step?: string): RuleContext => ({ rule, step }),
    warn: (f: Omit<Finding, 'level'>) => warnings.push({ ...f, level: 'SHOULD' }),
  };
  let n = 0;
  return {
    cs, ctx,
    async connect() {
      const ws = new WebSocket(`${url}/${IDENTITY}`, ['ocpp1.6']);
      sockets.push(ws);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      await cs.waitForConnection(IDENTITY, 1000);
      return { ws, send: (action, payload = {}) => ws.send(JSON.stringify([2, `u${++n}`, action, payload])) };
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await cs.stop();
    },
  };
}
