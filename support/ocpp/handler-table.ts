/**
 * How an emulated role answers the CALLs it receives: a table keyed by action. Each role installs its defaults;
 * a scenario overrides single entries ("Given the Central System answers BootNotification.req with Pending") and
 * the overrides are dropped when the scenario ends.
 */
import type { CallErrorCode } from './call-error-codes';

export type HandlerReply =
  | { readonly result: Record<string, unknown> }
  | { readonly error: { readonly code: CallErrorCode; readonly description?: string; readonly details?: Record<string, unknown> } }
  /** Do not answer at all (the peer's CALL will time out); the reason is recorded. */
  | { readonly noReply: string };

export interface IncomingCall {
  readonly id: string;
  readonly action: string;
  readonly payload: Record<string, unknown>;
  readonly connection: string;
}

export type CallHandler = (call: IncomingCall) => HandlerReply | Promise<HandlerReply>;

export class HandlerTable {
  private readonly defaults = new Map<string, CallHandler>();
  private readonly overrides = new Map<string, CallHandler>();

  /** Installs the role's default answer for an action. */
  setDefault(action: string, handler: CallHandler): this {
    this.defaults.set(action, handler);
    return this;
  }

  /** Replaces the answer for an action until `clearOverrides()` (the end of the scenario). */
  override(action: string, handler: CallHandler): this {
    this.overrides.set(action, handler);
    return this;
  }

  clearOverrides(): void {
    this.overrides.clear();
  }

  get(action: string): CallHandler | undefined {
    return this.overrides.get(action) ?? this.defaults.get(action);
  }
}

export const result = (payload: Record<string, unknown>): HandlerReply => ({ result: payload });
export const callError = (code: CallErrorCode, description = '', details: Record<string, unknown> = {}): HandlerReply => ({ error: { code, description, details } });
