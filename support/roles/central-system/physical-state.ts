/**
 * What the harness has asked the EV driver, the installer or a rig to do at the charger, and has not undone yet:
 * cables plugged in, faults and lock failures induced, the network pulled, the last idTag used per connector. The
 * Central System cannot see these over OCPP, so the harness remembers them to bring the charger back to idle after
 * a scenario that ended half-way (a real charger with prompt actuators included). One per charger, kept for the
 * life of the worker.
 */
import type { EmulatedCentralSystem } from './emulated-central-system';

/** What is attached to a connector: a cable into the socket and the EV, or only a cable left in the socket. */
export type CableState = 'plugged' | 'in-socket';

export class PhysicalState {
  readonly cables = new Map<number, CableState>();
  /** Connectors put in a fault state through the actuator (0: the whole Charge Point). */
  readonly faults = new Set<number>();
  readonly lockFailures = new Set<number>();
  /** The idTag last presented or remote-started per connector (a second presentation ends a session, §4.9 B1). */
  readonly idTags = new Map<number, string>();
  networkDown = false;
  localListFailing = false;

  /** The EV driver plugged a cable into the connector and the EV. */
  pluggedIn(connectorId: number): void {
    this.cables.set(connectorId, 'plugged');
  }

  /**
   * The EV driver unplugged at the EV side. With a transaction running (or a locked cable) the cable stays in the
   * socket; otherwise it is taken along.
   */
  unplugged(connectorId: number, cableStays: boolean): void {
    const now = this.cables.get(connectorId);
    if (now === 'plugged' && cableStays) this.cables.set(connectorId, 'in-socket');
    else this.cables.delete(connectorId);
  }

  /** Whether anything is still attached to the connector. */
  hasCable(connectorId: number): boolean {
    return this.cables.has(connectorId);
  }
}

const states = new WeakMap<EmulatedCentralSystem, Map<string, PhysicalState>>();

/** The physical state of a charger (identity) served by this emulated Central System. */
export function physicalStateOf(cs: EmulatedCentralSystem, identity: string): PhysicalState {
  let byIdentity = states.get(cs);
  if (!byIdentity) {
    byIdentity = new Map();
    states.set(cs, byIdentity);
  }
  let state = byIdentity.get(identity);
  if (!state) {
    state = new PhysicalState();
    byIdentity.set(identity, state);
  }
  return state;
}
