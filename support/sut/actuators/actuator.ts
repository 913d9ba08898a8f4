/**
 * An actuator carries out a physical or operator step. Which one is used is set in the SUT file; the report shows
 * how each step was carried out. Failures are classified: the step did not happen in time → OperatorTimeout
 * (INCONCLUSIVE); the rig or reference refused or is unreachable → HarnessError (ERROR).
 */
import type { ActionName } from './actions';

export interface Actuation {
  readonly action: ActionName;
  readonly params: Readonly<Record<string, unknown>>;
  readonly via: 'reference' | 'http' | 'prompt';
  /** How it was carried out, e.g. `POST http://127.0.0.1:4100/actions/plug-in → 200`. */
  readonly detail: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** The JSON the reference or rig answered, if any. */
  readonly response?: unknown;
}

export interface Actuator {
  readonly kind: Actuation['via'];
  perform(action: ActionName, params: Readonly<Record<string, unknown>>): Promise<Actuation>;
  close(): Promise<void>;
}
