/**
 * The system under test as the fuzzer reaches it, for either role of its SUT file:
 * - a Charge Point under test: the fuzzer is its Central System, listening where the SUT file says, answering the
 *   charger's CALLs with the emulated Central System's defaults (BootNotification Accepted, …) and sending it CALLs;
 *   its health probe is GetConfiguration of HeartbeatInterval (a Core CALL every charger answers, OCPP 1.6 §5.8);
 * - a Central System under test: the fuzzer is a Charge Point of an accepted identity, booted (BootNotification
 *   Accepted), sending it CALLs; its health probe is Heartbeat.req (OCPP 1.6 §4.6).
 * A bundled reference SUT is started here (the launcher of `run`) and can be restarted fresh, so that a finding's
 * replay starts from the same state; any other SUT is reconnected (a charger reconnects by itself, OCPP-J 1.6 §5).
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpsServer } from 'node:https';
import WebSocket, { WebSocketServer } from 'ws';
import { ACTIONS, ACTION_NAMES, canReceive } from '../ocpp/actions';
import { callError, HandlerTable, result } from '../ocpp/handler-table';
import { centralSystemHandlers } from '../roles/central-system/central-system-handlers';
import { defaultPayload } from '../roles/charge-point/default-payloads';
import { IdTagRegistry } from '../roles/id-tag-registry';
import type { WireLog } from '../recording/wire-log';
import { ConfigError, HarnessError } from '../reporting/errors';
import { schemaOf } from '../schemas/schema-validator';
import { launchReferenceCentralSystem, launchReferenceChargePoint, type RunningReference } from '../sut/reference-launcher';
import { supportedProfiles, type SutConfig } from '../sut/sut-config';
import { FuzzSocket } from './fuzz-socket';
import { examplePayload, Random } from './schema-mutations';

/** Actions left out unless `--actions` names them: they reboot the charger or start file transfers. */
const DISRUPTIVE = new Set(['Reset', 'UpdateFirmware', 'GetDiagnostics']);

/** How long a connection that sends no BootNotification.req is given before the fuzzer starts on it. */
const RECONNECT_SETTLE_MS = 1000;

export interface HealthProbe {
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

export interface FuzzTarget {
  readonly sut: SutConfig;
  /** The actions fuzzed when `--actions` names none. */
  readonly defaultActions: readonly string[];
  /** Actions the SUT may receive (what `--actions` may name). */
  readonly receivable: readonly string[];
  /** Actions of profiles the SUT file does not declare. */
  readonly unsupported: ReadonlySet<string>;
  readonly probe: HealthProbe;
  /** How many CALLs one accepted request may prompt the SUT to send (a status for each connector and connector 0). */
  readonly promptAllowance: number;
  /** Connects (starting the reference first, if the SUT file has one) and returns a connection ready for CALLs. */
  connect(): Promise<FuzzSocket>;
  /** After the connection dropped: the next connection (the charger's reconnect, or ours). */
  reconnect(): Promise<FuzzSocket>;
  /** A fresh start: a new reference instance, or a new connection to any other SUT. */
  restart(): Promise<FuzzSocket>;
  /** True when `restart` gives a fresh SUT (a bundled reference), not only a new connection. */
  readonly restartable: boolean;
  stop(): Promise<void>;
}

function actionSets(sut: SutConfig, receiver: 'ChargePoint' | 'CentralSystem'): Pick<FuzzTarget, 'defaultActions' | 'receivable' | 'unsupported'> {
  const profiles = new Set(supportedProfiles(sut));
  const receivable = ACTION_NAMES.filter((a) => canReceive(receiver, a));
  const unsupported = new Set(receivable.filter((a) => !profiles.has(ACTIONS.get(a)!.profile)));
  return { receivable, unsupported, defaultActions: receivable.filter((a) => !unsupported.has(a) && !DISRUPTIVE.has(a)) };
}

const withFaults = (sut: SutConfig, faults: readonly string[] | undefined): SutConfig =>
  faults && sut.reference ? { ...sut, reference: { ...sut.reference, faults: [...sut.reference.faults, ...faults] } } : sut;

/** The fuzzer as the Central System of a Charge Point under test. */
class ChargerTarget implements FuzzTarget {
  readonly defaultActions;
  readonly receivable;
  readonly unsupported;
  readonly probe: HealthProbe = { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] } };
  readonly promptAllowance: number;
  private server: WebSocketServer | undefined;
  private https: HttpsServer | undefined;
  private reference: RunningReference | undefined;
  private readonly arrivals: FuzzSocket[] = [];
  private arrivalWaiter: (() => void) | undefined;
  private readonly handlers: HandlerTable;
  private connections = 0;

  constructor(readonly sut: SutConfig, private readonly log: WireLog) {
    const sets = actionSets(sut, 'ChargePoint');
    this.defaultActions = sets.defaultActions;
    this.receivable = sets.receivable;
    this.unsupported = sets.unsupported;
    this.promptAllowance = (sut.chargePoint?.connectors ?? 1) + 2;
    const idTags = new IdTagRegistry();
    for (const tag of [sut.idTags.valid, sut.idTags.valid2, sut.idTags.parent, sut.idTags.child]) if (tag) idTags.set(tag, { status: 'Accepted' });
    const interval = Number(sut.chargePoint?.configuration?.['HeartbeatInterval'] ?? 300);
    this.handlers = centralSystemHandlers({ registration: 'Accepted', interval, idTags, dataTransferVendorIds: new Set() });
  }

  private async listen(): Promise<string> {
    const listen = this.sut.chargePoint!.listen;
    const tls = this.sut.chargePoint!.security.tls;
    const handleProtocols = (offered: Set<string>): string | false => (offered.has('ocpp1.6') ? 'ocpp1.6' : false);
    let server: WebSocketServer;
    if (tls) {
      // wss, as the emulated Central System serves it (OCPP-J 1.6 §7): the SUT file's certificate and key.
      this.https = createServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) });
      server = new WebSocketServer({ server: this.https, handleProtocols });
      this.https.listen(listen.port, listen.host);
      await once(this.https, 'listening');
    } else {
      server = new WebSocketServer({ host: listen.host, port: listen.port, handleProtocols });
      await once(server, 'listening');
    }
    this.server = server;
    server.on('connection', (ws, req) => {
      this.connections += 1;
      const label = `${this.sut.chargePoint!.identity}${this.connections > 1 ? `#${this.connections}` : ''}`;
      this.log.event(label, 'open', { path: req.url });
      let booted: () => void = () => undefined;
      const bootDone = new Promise<void>((resolve) => (booted = resolve));
      const socket = new FuzzSocket(ws, label, this.log, async (call) => {
        const handler = this.handlers.get(call.action);
        const reply = handler ? await handler({ ...call, payload: call.payload as Record<string, unknown>, connection: label }) : callError('NotImplemented');
        if (call.action === 'BootNotification') setImmediate(booted);
        return reply;
      });
      // A charger that boots sends nothing else before its BootNotification is accepted (OCPP 1.6 §4.2): ready after
      // it. One that only reconnected need not boot again: ready after a moment of silence.
      const settled = new Promise<void>((resolve) => setTimeout(resolve, RECONNECT_SETTLE_MS));
      void Promise.race([bootDone, settled]).then(() => {
        this.arrivals.push(socket);
        this.arrivalWaiter?.();
      });
    });
    return this.url();
  }

  private url(): string {
    const address = (this.https ?? this.server)!.address() as { port: number };
    return `${this.https ? 'wss' : 'ws'}://127.0.0.1:${address.port}${this.sut.chargePoint!.listen.path}`;
  }

  private async nextArrival(): Promise<FuzzSocket> {
    const deadline = this.sut.timeouts.connectMs;
    const started = Date.now();
    while (this.arrivals.length === 0) {
      const left = deadline - (Date.now() - started);
      if (left <= 0) throw new HarnessError(`the Charge Point under test did not connect and boot within ${deadline} ms (timeouts.connect of the SUT file)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.arrivalWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.arrivalWaiter = undefined;
    }
    // Only the newest connection counts: an older one is gone or about to be.
    const socket = this.arrivals.pop()!;
    this.arrivals.length = 0;
    return socket;
  }

  async connect(): Promise<FuzzSocket> {
    const url = await this.listen();
    if (this.sut.reference) this.reference = await launchReferenceChargePoint(this.sut, url);
    return this.nextArrival();
  }

  get restartable(): boolean {
    return this.reference !== undefined;
  }

  reconnect(): Promise<FuzzSocket> {
    return this.nextArrival();
  }

  async restart(): Promise<FuzzSocket> {
    if (!this.reference) {
      // Any other charger: drop its connection; it reconnects by itself (OCPP-J 1.6 §5).
      for (const c of this.server?.clients ?? []) c.terminate();
      this.arrivals.length = 0;
      return this.nextArrival();
    }
    await this.reference.stop();
    this.arrivals.length = 0;
    this.reference = await launchReferenceChargePoint(this.sut, this.url());
    return this.nextArrival();
  }

  async stop(): Promise<void> {
    await this.reference?.stop();
    this.reference = undefined;
    for (const c of this.server?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.https ? this.https.close(() => resolve()) : resolve()));
  }
}

/** Answers to a Central System's CALLs: schema-valid examples of each .conf (the fuzzer is not a model charger). */
function exampleAnswers(): (call: { action: string }) => ReturnType<typeof result> {
  const rng = new Random(0);
  return (call) => (ACTIONS.has(call.action) ? result(examplePayload(schemaOf(call.action, 'conf'), rng, 0) as Record<string, unknown>) : callError('NotImplemented'));
}

/** The fuzzer as a Charge Point of a Central System under test. */
class CentralSystemTarget implements FuzzTarget {
  readonly defaultActions;
  readonly receivable;
  readonly unsupported;
  readonly probe: HealthProbe = { action: 'Heartbeat', payload: {} };
  readonly promptAllowance = 2;
  private reference: RunningReference | undefined;
  private url = '';
  private connections = 0;
  private readonly answer = exampleAnswers();
  readonly identity: string;

  constructor(readonly sut: SutConfig, private readonly log: WireLog) {
    const sets = actionSets(sut, 'CentralSystem');
    this.defaultActions = sets.defaultActions;
    this.receivable = sets.receivable;
    this.unsupported = sets.unsupported;
    const accepted = sut.centralSystem!.chargePoints.accepted;
    const pattern = accepted === undefined ? undefined : Array.isArray(accepted) ? (accepted as string[])[0] : (accepted as { pattern: string }).pattern;
    if (!pattern) throw new ConfigError(`the SUT file ${sut.file} names no accepted Charge Point identity (centralSystem.chargePoints.accepted) for the fuzzer`);
    this.identity = pattern.replace('{worker}', '0').replace('{scenario}', 'FUZZ').replace('{n}', '1');
  }

  private async open(): Promise<FuzzSocket> {
    const deadline = Date.now() + this.sut.timeouts.connectMs;
    const auth = this.sut.centralSystem!.security.basicAuth;
    const password = auth?.[this.identity] ?? auth?.['*'];
    const tls = this.sut.centralSystem!.security.tls;
    const headers = password ? { authorization: `Basic ${Buffer.from(`${this.identity}:${password}`).toString('base64')}` } : undefined;
    let lastError = '';
    while (Date.now() < deadline) {
      const ws = new WebSocket(`${this.url}/${encodeURIComponent(this.identity)}`, ['ocpp1.6'], {
        headers, handshakeTimeout: Math.max(500, deadline - Date.now()),
        ...(tls ? { ca: tls.ca ? readFileSync(tls.ca) : undefined, rejectUnauthorized: tls.rejectUnauthorized ?? true } : {}),
      });
      const opened = await new Promise<string | undefined>((resolve) => {
        ws.once('open', () => resolve(undefined));
        ws.once('error', (e) => resolve(e.message));
        ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
      });
      if (opened === undefined) {
        this.connections += 1;
        const label = `${this.identity}${this.connections > 1 ? `#${this.connections}` : ''}`;
        this.log.event(label, 'open', { url: this.url });
        const socket = new FuzzSocket(ws, label, this.log, this.answer);
        await this.boot(socket);
        return socket;
      }
      lastError = opened;
      ws.terminate();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new HarnessError(`could not connect to the Central System under test at ${this.url} within ${this.sut.timeouts.connectMs} ms: ${lastError}`);
  }

  private async boot(socket: FuzzSocket): Promise<void> {
    const id = `fz-boot-${this.connections}`;
    socket.send(JSON.stringify([2, id, 'BootNotification', defaultPayload('BootNotification', { bootInfo: { chargePointVendor: 'ocpp-conformance', chargePointModel: 'fuzz' } })]), false);
    const answer = await socket.awaitAnswer(id, this.sut.timeouts.responseMs);
    const status = answer.kind === 'answer' && answer.frame.type === 3 ? (answer.frame.payload as { status?: string }).status : undefined;
    if (status !== 'Accepted') throw new HarnessError(`the Central System under test did not accept the fuzzer's BootNotification.req as ${this.identity} (${answer.kind === 'answer' ? JSON.stringify(answer.frame) : answer.kind})`);
  }

  async connect(): Promise<FuzzSocket> {
    if (this.sut.reference) {
      this.reference = await launchReferenceCentralSystem(this.sut);
      this.url = this.reference.csmsUrl!.replace(/\/$/, '');
    } else {
      this.url = this.sut.centralSystem!.url;
    }
    return this.open();
  }

  get restartable(): boolean {
    return this.reference !== undefined;
  }

  reconnect(): Promise<FuzzSocket> {
    return this.open();
  }

  async restart(): Promise<FuzzSocket> {
    if (!this.reference) return this.open();
    await this.reference.stop();
    return this.connect();
  }

  async stop(): Promise<void> {
    await this.reference?.stop();
    this.reference = undefined;
  }
}

/** The target for the SUT file's role; `faults` switches reference faults on (the fuzz stage). */
export function fuzzTarget(sut: SutConfig, log: WireLog, faults?: readonly string[]): FuzzTarget {
  const s = withFaults(sut, faults);
  return s.role === 'charge-point' ? new ChargerTarget(s, log) : new CentralSystemTarget(s, log);
}
