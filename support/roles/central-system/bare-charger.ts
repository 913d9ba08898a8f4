/**
 * For the tests: a Charge Point written in a few lines on a bare `ws` client, doing what OCPP 1.6 asks of the
 * messages the general preconditions exchange — unless told to fall short. It connects (and reconnects) to a
 * Central System URL, boots, reports its connectors once Accepted (errata §3.22) unless `reportsStatuses` is false,
 * and answers GetConfiguration (§5.8), ChangeConfiguration (§5.3; `refuses` lists keys whose changes it Rejects),
 * ClearCache, DataTransfer (UnknownVendorId) and TriggerMessage; any other action gets a NotImplemented CALLERROR.
 * It shares nothing with the harness's OCPP code, so a mistake of the judge cannot cancel out in it.
 */
import WebSocket from 'ws';

export interface BareChargerOptions {
  /** `ws://host:port/path/<identity>`. */
  readonly url: string;
  readonly connectors: number;
  readonly reportsStatuses?: boolean;
  /** Accepts TriggerMessage StatusNotification (and then, if `reportsStatuses` is false, sends nothing all the same). */
  readonly acceptsTrigger?: boolean;
  /** The status it reports for connectors 1…N (Available unless told). */
  readonly status?: string;
  /** Keys whose ChangeConfiguration it answers Rejected. */
  readonly refuses?: readonly string[];
  /** SupportedFeatureProfiles as it declares it (default `Core`). */
  readonly profiles?: string;
  /** Its configuration (read-write keys); Core's read-only keys are added. */
  readonly configuration?: Readonly<Record<string, string>>;
}

type Frame = [number, string, ...unknown[]];

export class BareCharger {
  private ws: WebSocket | undefined;
  private stopped = false;
  private serial = 0;
  private queue: string[] = [];
  private inFlight = false;
  private readonly values: Map<string, { value: string; readonly: boolean }>;
  /** Every action the Central System sent it, in order. */
  readonly received: string[] = [];

  constructor(private readonly options: BareChargerOptions) {
    const rw = {
      HeartbeatInterval: '60', MeterValueSampleInterval: '60', ConnectionTimeOut: '60', ClockAlignedDataInterval: '0', MinimumStatusDuration: '0',
      ...options.configuration,
    };
    const ro = { NumberOfConnectors: String(options.connectors), SupportedFeatureProfiles: options.profiles ?? 'Core', GetConfigurationMaxKeys: '50' };
    this.values = new Map([
      ...Object.entries(rw).map(([k, v]): [string, { value: string; readonly: boolean }] => [k, { value: v, readonly: false }]),
      ...Object.entries(ro).map(([k, v]): [string, { value: string; readonly: boolean }] => [k, { value: v, readonly: true }]),
    ]);
  }

  /** Connects, and connects again 100 ms after every close, until `stop`. */
  start(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.options.url, ['ocpp1.6']);
    this.ws = ws;
    this.queue = [];
    this.inFlight = false;
    ws.on('open', () => this.call('BootNotification', { chargePointVendor: 'Bare', chargePointModel: 'Bare-1' }));
    ws.on('message', (data) => this.onFrame(JSON.parse(String(data)) as Frame));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (!this.stopped) setTimeout(() => this.start(), 100);
    });
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }

  /** Sends a CALL, or queues it while one is unanswered (OCPP-J 1.6 §4.1.1: one CALL at a time). */
  private call(action: string, payload: Record<string, unknown>): void {
    this.queue.push(JSON.stringify([2, `bare-${++this.serial}-${action}`, action, payload]));
    this.sendNext();
  }

  private sendNext(): void {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    this.ws?.send(this.queue.shift() as string);
  }

  private reportStatuses(): void {
    if (this.options.reportsStatuses === false) return;
    for (let id = 0; id <= this.options.connectors; id++) {
      const status = id === 0 ? 'Available' : this.options.status ?? 'Available';
      this.call('StatusNotification', { connectorId: id, errorCode: 'NoError', status, timestamp: new Date().toISOString() });
    }
  }

  private onFrame(frame: Frame): void {
    const [type, id] = frame;
    if (type === 3 || type === 4) {
      this.inFlight = false;
      this.sendNext();
      const payload = (type === 3 ? frame[2] : {}) as Record<string, unknown>;
      if (id.endsWith('-BootNotification') && payload['status'] === 'Accepted') this.reportStatuses();
      return;
    }
    if (type !== 2) return;
    const action = String(frame[2]);
    this.received.push(action);
    const answer = this.answer(action, (frame[3] ?? {}) as Record<string, unknown>);
    if (answer) this.ws?.send(JSON.stringify([3, id, answer]));
    else this.ws?.send(JSON.stringify([4, id, 'NotImplemented', `${action} is not implemented`, {}]));
    if (action === 'TriggerMessage' && answer?.['status'] === 'Accepted') this.reportStatuses();
  }

  private answer(action: string, payload: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (action) {
      case 'GetConfiguration': {
        const asked = Array.isArray(payload['key']) ? (payload['key'] as string[]) : [...this.values.keys()];
        const known = asked.filter((k) => this.values.has(k));
        const unknownKey = asked.filter((k) => !this.values.has(k));
        const configurationKey = known.map((k) => ({ key: k, ...this.values.get(k) }));
        return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
      }
      case 'ChangeConfiguration': {
        const key = String(payload['key']);
        const entry = this.values.get(key);
        if (!entry) return { status: 'NotSupported' };
        if (entry.readonly || this.options.refuses?.includes(key) || !/^\d+$/.test(String(payload['value']))) return { status: 'Rejected' };
        entry.value = String(payload['value']);
        return { status: 'Accepted' };
      }
      case 'ClearCache':
        return { status: 'Accepted' };
      case 'DataTransfer':
        return { status: 'UnknownVendorId' };
      case 'TriggerMessage':
        return { status: payload['requestedMessage'] === 'StatusNotification' && (this.options.acceptsTrigger ?? this.options.reportsStatuses !== false) ? 'Accepted' : 'Rejected' };
      default:
        return undefined;
    }
  }
}
