/**
 * Asks a person at the terminal to carry out a step and confirm it: Enter when done, `s` + Enter when it cannot
 * be done. A step not confirmed in time, a refusal, or no terminal at all (CI) makes the scenario INCONCLUSIVE,
 * never FAIL: the SUT is not to blame for a step that did not happen.
 */
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ACTIONS, type ActionName, fillTemplate } from './actions';
import type { Actuation, Actuator } from './actuator';
import { OperatorTimeout } from '../../reporting/errors';
import { formatDuration } from '../duration';

export interface PromptStreams {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

export class PromptActuator implements Actuator {
  readonly kind = 'prompt' as const;

  constructor(
    private readonly timeoutMs: number,
    private readonly streams: PromptStreams = { input: process.stdin, output: process.stdout },
  ) {}

  async perform(action: ActionName, params: Readonly<Record<string, unknown>>): Promise<Actuation> {
    const instruction = fillTemplate(ACTIONS[action].instruction, params);
    if (!this.streams.input.isTTY) {
      throw new OperatorTimeout(`the step "${instruction}" needs an operator, but there is no terminal to ask one (configure an http actuator for unattended runs)`, { unavailable: true });
    }
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const answer = await this.ask(`\n>>> OPERATOR: ${instruction}\n    Press Enter when done, or type s and Enter if it cannot be done (${formatDuration(this.timeoutMs)} left): `);
    if (answer === undefined) throw new OperatorTimeout(`the operator did not confirm "${instruction}" within ${formatDuration(this.timeoutMs)}`);
    if (answer.trim().toLowerCase().startsWith('s')) throw new OperatorTimeout(`the operator could not carry out "${instruction}"`);
    return { action, params, via: 'prompt', detail: `operator confirmed "${instruction}"`, startedAt, durationMs: performance.now() - t0 };
  }

  private ask(question: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const rl = createInterface({ input: this.streams.input, output: this.streams.output, terminal: false });
      const timer = setTimeout(() => {
        rl.close();
        resolve(undefined);
      }, this.timeoutMs);
      rl.question(question, (line) => {
        clearTimeout(timer);
        rl.close();
        resolve(line);
      });
    });
  }

  async close(): Promise<void> {}
}
