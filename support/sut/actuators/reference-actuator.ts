/**
 * Carries out steps through a bundled reference SUT's HTTP API: `POST <controlUrl>/actions/<action>` with the
 * parameters as JSON (the reference Charge Point's control API, the reference Central System's operator API).
 */
import { performance } from 'node:perf_hooks';
import type { ActionName } from './actions';
import type { Actuation, Actuator } from './actuator';
import { requestJson } from './http-request';

export class ReferenceActuator implements Actuator {
  readonly kind = 'reference' as const;

  constructor(
    private readonly controlUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async perform(action: ActionName, params: Readonly<Record<string, unknown>>): Promise<Actuation> {
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const r = await requestJson('POST', `${this.controlUrl}/actions/${action}`, params, this.timeoutMs);
    return { action, params, via: 'reference', detail: r.detail, startedAt, durationMs: performance.now() - t0, response: r.body };
  }

  async close(): Promise<void> {}
}
