import type { Actuator } from './actuator';
import { HttpActuator } from './http-actuator';
import { PromptActuator } from './prompt-actuator';
import { ReferenceActuator } from './reference-actuator';
import type { SutConfig } from '../sut-config';
import { ConfigError } from '../../reporting/errors';

/** The actuator the SUT file asks for; `referenceUrl` is the running reference's control or operator API. */
export function createActuator(sut: SutConfig, referenceUrl?: string): Actuator {
  const { type, timeoutMs, actions, fallback } = sut.actuator;
  switch (type) {
    case 'reference':
      if (!referenceUrl) throw new ConfigError(`the SUT file ${sut.file} asks for the reference actuator but has no "reference" section`);
      return new ReferenceActuator(referenceUrl, timeoutMs);
    case 'http':
      return new HttpActuator(actions, timeoutMs, fallback === 'prompt' ? new PromptActuator(sut.timeouts.operatorMs) : undefined);
    case 'prompt':
      return new PromptActuator(timeoutMs);
  }
}
