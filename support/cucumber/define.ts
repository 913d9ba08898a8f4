/**
 * Step definition functions for this project: Cucumber's, wrapped so that the error ending a scenario is kept on
 * the World for the verdict, an operator step that did not happen ends the scenario as INCONCLUSIVE (pending), and
 * a case found not applicable mid-way ends as N/A (skipped). Steps import Given/When/Then from here.
 */
import { Given as CucumberGiven, Then as CucumberThen, When as CucumberWhen } from '@cucumber/cucumber';
import { NotApplicable, OperatorTimeout } from '../reporting/errors';
import type { HarnessWorld } from './world';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- step parameters are typed per step
type StepFn = (this: HarnessWorld, ...args: any[]) => unknown;

function wrap(fn: StepFn): StepFn {
  const wrapped = async function (this: HarnessWorld, ...args: unknown[]): Promise<unknown> {
    try {
      return await fn.apply(this, args);
    } catch (e) {
      this.endedBy ??= e;
      if (e instanceof OperatorTimeout) return 'pending';
      if (e instanceof NotApplicable) {
        this.notApplicable = e.reason;
        return 'skipped';
      }
      throw e;
    }
  };
  // Cucumber checks a step function's arity against its parameters.
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

export function Given(pattern: string | RegExp, fn: StepFn): void {
  CucumberGiven<HarnessWorld>(pattern, wrap(fn));
}
export function When(pattern: string | RegExp, fn: StepFn): void {
  CucumberWhen<HarnessWorld>(pattern, wrap(fn));
}
export function Then(pattern: string | RegExp, fn: StepFn): void {
  CucumberThen<HarnessWorld>(pattern, wrap(fn));
}
