/**
 * The §4.9 status check of the protocol monitor: every StatusNotification.req of a Charge Point under test is judged
 * against the transition table of OCPP 1.6 §4.9 (edition 2, which carries B6 Preparing → Finishing from errata
 * §3.20), whatever the scenario is about:
 *
 * - connectorId 0 only knows Available, Unavailable and Faulted;
 * - on a connector > 0 a change of status must be one the table lists (repeating a status is no transition);
 * - errorCode EVCommunicationError only with Preparing, SuspendedEV, SuspendedEVSE or Finishing;
 * - a connector set Inoperative by an accepted (or scheduled) ChangeAvailability.req stays Unavailable over a reboot
 *   (§4.9 "MUST be persistent across reboots", §5.2; connectorId 0 covers every connector).
 *
 * A reboot (a BootNotification.req) or a new connection starts the table afresh: after either the charger reports its
 * current status only (§4.9 rules 1 and 3, errata §3.22), so the change from the last status seen need not be a
 * single step of the table. The check keeps its memory per charge point identity over scenarios, as the charger does.
 */
import type { Finding } from '../finding';
import type { FrameRecord, TraceRecord } from '../frame-record';

export const STATUS_RULE = 'OCPP 1.6 §4.9';

export type ChargePointStatus =
  | 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

/** The §4.9 table for connectorId > 0: from (row) → the statuses it may change to (A2…I8). */
export const TRANSITIONS: Readonly<Record<ChargePointStatus, readonly ChargePointStatus[]>> = {
  Available: ['Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Reserved', 'Unavailable', 'Faulted'],
  Preparing: ['Available', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Faulted'],
  Charging: ['Available', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Unavailable', 'Faulted'],
  SuspendedEV: ['Available', 'Charging', 'SuspendedEVSE', 'Finishing', 'Unavailable', 'Faulted'],
  SuspendedEVSE: ['Available', 'Charging', 'SuspendedEV', 'Finishing', 'Unavailable', 'Faulted'],
  Finishing: ['Available', 'Preparing', 'Unavailable', 'Faulted'],
  Reserved: ['Available', 'Preparing', 'Unavailable', 'Faulted'],
  Unavailable: ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Faulted'],
  Faulted: ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved', 'Unavailable'],
};

export const CONNECTOR_ZERO_STATUSES: readonly ChargePointStatus[] = ['Available', 'Unavailable', 'Faulted'];
const EV_COMMUNICATION_STATUSES: readonly string[] = ['Preparing', 'SuspendedEV', 'SuspendedEVSE', 'Finishing'];

function isStatus(s: unknown): s is ChargePointStatus {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(TRANSITIONS, s);
}

/** True when §4.9 allows a connector > 0 to go from `from` to `to` (staying put is not a transition). */
export function isAllowedTransition(from: ChargePointStatus, to: ChargePointStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** The charge point identity of a connection label (`CP-1#3` is the third connection of `CP-1`). */
export function identityOf(label: string): string {
  return label.replace(/#\d+$/, '');
}

type Availability = 'Operative' | 'Inoperative';

interface ChargePointMemory {
  connection: string;
  /** Last status per connectorId since the last reboot or reconnection, with the frame that reported it. */
  readonly last: Map<number, { status: ChargePointStatus; seq: number }>;
  /** Connectors that reported a status since the last BootNotification.req. */
  readonly reportedSinceBoot: Set<number>;
  booted: boolean;
  /** Availability set over OCPP: per connector, and for the whole Charge Point (connectorId 0 covers all). */
  readonly availability: Map<number, Availability>;
  /** ChangeAvailability.req the harness sent and the Charge Point has not answered yet, by message id. */
  readonly asked: Map<string, { connectorId: number; type: Availability }>;
}

export class StatusTransitionCheck {
  private readonly memory = new Map<string, ChargePointMemory>();

  private of(label: string): ChargePointMemory {
    const identity = identityOf(label);
    let m = this.memory.get(identity);
    if (!m) {
      m = { connection: label, last: new Map(), reportedSinceBoot: new Set(), booted: false, availability: new Map(), asked: new Map() };
      this.memory.set(identity, m);
    }
    return m;
  }

  /** The harness's own frames: remembers the ChangeAvailability.req it sends, to know what must persist a reboot. */
  observeHarness(record: TraceRecord): void {
    if (record.type !== 'frame' || record.direction !== 'out' || record.kind !== 'CALL' || record.action !== 'ChangeAvailability') return;
    const p = record.payload as { connectorId?: unknown; type?: unknown } | undefined;
    if (record.id === undefined || typeof p?.connectorId !== 'number' || (p.type !== 'Operative' && p.type !== 'Inoperative')) return;
    this.of(record.connection).asked.set(record.id, { connectorId: p.connectorId, type: p.type });
  }

  /** The availability a connector has after the ChangeAvailability.req the Charge Point accepted. */
  private availabilityOf(m: ChargePointMemory, connectorId: number): Availability {
    return m.availability.get(connectorId) ?? m.availability.get(0) ?? 'Operative';
  }

  /** The monitor check (`ProtocolMonitor.addCheck`): judges one frame of the Charge Point under test. */
  readonly check = (record: FrameRecord): Finding[] => {
    if (record.direction !== 'in') return [];
    const m = this.of(record.connection);
    if (m.connection !== record.connection) {
      m.connection = record.connection;
      m.last.clear();
    }
    if (record.kind === 'CALLRESULT' && record.action === 'ChangeAvailability' && record.id !== undefined) {
      this.answered(m, record);
      return [];
    }
    if (record.kind !== 'CALL') return [];
    if (record.action === 'BootNotification') {
      m.last.clear();
      m.reportedSinceBoot.clear();
      m.booted = true;
      return [];
    }
    if (record.action !== 'StatusNotification' || record.violations.length > 0) return [];
    return this.judge(m, record);
  };

  private answered(m: ChargePointMemory, record: FrameRecord): void {
    const asked = m.asked.get(record.id as string);
    m.asked.delete(record.id as string);
    const status = (record.payload as { status?: unknown } | undefined)?.status;
    if (!asked || (status !== 'Accepted' && status !== 'Scheduled')) return;
    if (asked.connectorId === 0) m.availability.clear();
    m.availability.set(asked.connectorId, asked.type);
  }

  private judge(m: ChargePointMemory, record: FrameRecord): Finding[] {
    const p = record.payload as { connectorId: number; status: unknown; errorCode: unknown };
    const { connectorId } = p;
    if (!isStatus(p.status)) return [];
    const status = p.status;
    const findings: Finding[] = [];
    const fail = (message: string): void => {
      findings.push({ level: 'SHALL', category: 'behaviour', rule: STATUS_RULE, message, seq: record.seq, connection: record.connection, raw: record.raw });
    };
    const where = connectorId === 0 ? 'connectorId 0 (the Charge Point)' : `connector ${connectorId}`;

    if (connectorId === 0 && !CONNECTOR_ZERO_STATUSES.includes(status)) {
      fail(`StatusNotification.req reports ${status} for connectorId 0; the Charge Point itself only knows ${CONNECTOR_ZERO_STATUSES.join(', ')}`);
    }
    if (p.errorCode === 'EVCommunicationError' && !EV_COMMUNICATION_STATUSES.includes(status)) {
      fail(`StatusNotification.req for ${where} has errorCode EVCommunicationError with status ${status}; that code is only used with ${EV_COMMUNICATION_STATUSES.join(', ')}`);
    }
    const previous = m.last.get(connectorId);
    if (connectorId > 0 && previous && !isAllowedTransition(previous.status, status)) {
      fail(`${where} went from ${previous.status} [frame #${previous.seq}] to ${status}, a change the §4.9 table does not have ` +
        `(from ${previous.status} only to ${TRANSITIONS[previous.status].join(', ')})`);
    }
    if (m.booted && !m.reportedSinceBoot.has(connectorId) && this.availabilityOf(m, connectorId) === 'Inoperative' && status !== 'Unavailable' && status !== 'Faulted') {
      fail(`after a reboot ${where} reports ${status}, but an accepted ChangeAvailability.req had made it Inoperative: ` +
        'Unavailable set by ChangeAvailability MUST persist across reboots (§4.9, §5.2)');
    }
    m.reportedSinceBoot.add(connectorId);
    m.last.set(connectorId, { status, seq: record.seq });
    return findings;
  }
}
