/**
 * What one worker thread of a load run is told to do: plain data, handed over as `workerData`.
 */
import type { IdentitySource } from './load-identities';
import type { Profile } from './load-options';
import type { Block } from './shard';

export interface WorkerPlan {
  /** 0-based within this process. */
  readonly worker: number;
  /** The Central System's OCPP-J endpoint; the identity is appended (OCPP-J 1.6 §3.1.1). */
  readonly url: string;
  /** This worker's charge point numbers. */
  readonly block: Block;
  readonly identities: IdentitySource;
  /** sessions profile only. */
  readonly idTags?: IdentitySource;
  readonly profile: Profile;
  /** Charge points this worker starts per second; 0: as fast as `maxStarting` lets it. */
  readonly rampPerSecond: number;
  /**
   * Charge points of this worker between the start of their handshake and their last start-up StatusNotification
   * at one time. Bounds the handshakes in flight, so a boot storm measures the CSMS and not the kernel's SYN queue.
   */
  readonly maxStarting: number;
  readonly responseTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly connectors: number;
  /** Overrides the interval of BootNotification.conf. */
  readonly heartbeatIntervalMs?: number;
  readonly meterValueIntervalMs: number;
  readonly meterValuesPerSession: number;
  readonly pauseBetweenSessionsMs: number;
  /** Passwords per identity, `*` for all (security profile 1). */
  readonly basicAuth?: Readonly<Record<string, string>>;
  readonly tls?: { readonly ca?: string; readonly rejectUnauthorized?: boolean };
}
