/**
 * What the negative-test roles need from a scenario (the World satisfies it structurally, so these roles do not
 * import Cucumber): the SUT file, the worker's bench, the scenario's emulated Charge Points and its memory, where
 * each role keeps the one instance a scenario's steps share.
 */
import type { Bench } from '../bench';
import type { RegistrationKind } from '../../sut/identity-allocator';
import type { SutConfig } from '../../sut/sut-config';
import type { EmulatedChargePoint } from './emulated-charge-point';

export interface NegativeContext {
  readonly memory: Map<string, unknown>;
  readonly sut: SutConfig;
  readonly bench: Pick<Bench, 'log' | 'identities' | 'chargePoint'>;
  newChargePoint(name: string, kind?: RegistrationKind): EmulatedChargePoint;
  chargePointNamed(name: string): EmulatedChargePoint;
}

/** The scenario's instance of a role, created on first use. */
export function remembered<T>(ctx: Pick<NegativeContext, 'memory'>, key: string, create: () => T): T {
  if (!ctx.memory.has(key)) ctx.memory.set(key, create());
  return ctx.memory.get(key) as T;
}
