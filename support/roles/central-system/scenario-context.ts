/**
 * What the Charge Point flows need from the scenario they run in: the World provides all of it (its `act`, `rule`,
 * `warn`, `cleanups`, `memory`), so role classes stay free of Cucumber and can be unit-tested with a stub.
 */
import type { Finding } from '../../recording/finding';
import type { ActionName } from '../../sut/actuators/actions';
import type { Actuation } from '../../sut/actuators/actuator';
import type { SutConfig } from '../../sut/sut-config';
import type { RuleContext } from '../ocpp-connection';
import type { ChargePointUnderTest } from './charge-point-under-test';

export interface ScenarioContext {
  readonly sut: SutConfig;
  readonly chargePoint: ChargePointUnderTest;
  /** The case running (the World's; absent in unit tests). */
  readonly scenario?: { readonly id: string };
  /** Per-scenario values passed between steps (the transaction id, answers of the Charge Point). */
  readonly memory: Map<string, unknown>;
  /** Run after the scenario, last in first out. */
  readonly cleanups: Array<() => Promise<void>>;
  act(action: ActionName, params?: Readonly<Record<string, unknown>>): Promise<Actuation>;
  rule(rule: string, step?: string, level?: 'SHALL' | 'SHOULD'): RuleContext;
  warn(finding: Omit<Finding, 'level'>): void;
}
