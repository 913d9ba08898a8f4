/**
 * Carries out steps through HTTP hooks of a test rig or of a CSMS's trigger API: each action maps to a request
 * template in the SUT file (`actuator.actions`), with {param} placeholders in the URL (URL-encoded) and in string
 * values of the JSON body. Actions without a template fall back to the operator prompt, or fail as not automated.
 */
import { performance } from 'node:perf_hooks';
import { type ActionName, fillTemplate } from './actions';
import type { Actuation, Actuator } from './actuator';
import { requestJson } from './http-request';
import type { HttpRequestTemplate } from '../sut-config';
import { OperatorTimeout } from '../../reporting/errors';

function fillBody(body: unknown, params: Readonly<Record<string, unknown>>): unknown {
  if (typeof body === 'string') {
    const whole = /^\{(\w+)\}$/.exec(body);
    // A string that is exactly one placeholder takes the parameter's own type (number, list, object).
    if (whole && whole[1] !== undefined && whole[1] in params) return params[whole[1]];
    return fillTemplate(body, params);
  }
  if (Array.isArray(body)) return body.map((b) => fillBody(b, params));
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fillBody(v, params)]));
  return body;
}

export class HttpActuator implements Actuator {
  readonly kind = 'http' as const;

  constructor(
    private readonly templates: Readonly<Record<string, HttpRequestTemplate>>,
    private readonly timeoutMs: number,
    private readonly fallback: Actuator | undefined,
  ) {}

  async perform(action: ActionName, params: Readonly<Record<string, unknown>>): Promise<Actuation> {
    const template = this.templates[action];
    if (!template) {
      if (this.fallback) return this.fallback.perform(action, params);
      throw new OperatorTimeout(`the SUT file's http actuator has no template for "${action}" and no fallback`, { unavailable: true });
    }
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const url = fillTemplate(template.url, params, encodeURIComponent);
    const method = template.method ?? 'POST';
    const body = template.body === undefined ? params : fillBody(template.body, params);
    const r = await requestJson(method, url, body, this.timeoutMs, template.headers);
    return { action, params, via: 'http', detail: r.detail, startedAt, durationMs: performance.now() - t0, response: r.body };
  }

  async close(): Promise<void> {
    await this.fallback?.close();
  }
}
