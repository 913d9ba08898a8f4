/**
 * A small JSON-over-HTTP client for actuators (node's fetch), with one deadline per request. A timeout throws
 * OperatorTimeout (the rig did not act in time); an unreachable host or a non-2xx answer throws HarnessError.
 */
import { HarnessError, OperatorTimeout } from '../../reporting/errors';
import { formatDuration } from '../duration';

/** The reference, rig or CSMS answered with a non-2xx status (a 4xx from a CSMS: it refused the action). */
export class HttpStatusError extends HarnessError {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
  readonly detail: string;
}

export async function requestJson(method: string, url: string, body: unknown, timeoutMs: number, headers: Readonly<Record<string, string>> = {}): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: method === 'GET' || body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (e) {
    if (controller.signal.aborted) throw new OperatorTimeout(`${method} ${url} got no answer within ${formatDuration(timeoutMs)}`);
    const cause = (e as Error & { cause?: { code?: string } }).cause;
    throw new HarnessError(`cannot reach ${url}: ${cause?.code ?? (e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  const detail = `${method} ${url} → ${response.status}`;
  if (!response.ok) {
    const why = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? String((parsed as { error: unknown }).error) : text.slice(0, 200);
    throw new HttpStatusError(`${detail}: ${why}`, response.status);
  }
  return { status: response.status, body: parsed, detail };
}
