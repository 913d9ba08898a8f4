/**
 * One WebSocket connection to the system under test, as the fuzzer uses it: send a frame as it is, wait for the
 * answer carrying a message id (one deadline per wait), answer the SUT's own CALLs with the emulated role's defaults,
 * and count the SUT's CALLs per action for the flood check. Every frame goes to the wire log (JSONL trace), parsed by
 * the harness's framing code.
 */
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import { type CallFrame, type Frame, parseFrame } from '../ocpp/frame';
import type { HandlerReply } from '../ocpp/handler-table';
import type { WireLog } from '../recording/wire-log';
import type { FrameKind } from '../recording/frame-record';

export type Answerer = (call: CallFrame) => HandlerReply | Promise<HandlerReply>;

export type AnswerOutcome = { readonly kind: 'answer'; readonly frame: Frame } | { readonly kind: 'timeout' } | { readonly kind: 'closed'; readonly detail: string };

interface Waiter {
  resolve(outcome: AnswerOutcome): void;
  timer: NodeJS.Timeout;
}

export class FuzzSocket {
  private readonly waiters = new Map<string, Waiter>();
  /** Answers that arrived with no one waiting (late, or to a frame that should have been ignored), by message id. */
  private readonly unclaimed = new Map<string, Frame>();
  /** Monotonic arrival times of the SUT's CALLs, per action, for the flood check. */
  private readonly callTimes = new Map<string, number[]>();
  private closeDetail: string | undefined;
  /** A one-shot answer for the SUT's next CALL of an action (answer fuzzing), and who waits for it to be used. */
  private armed: { action: string; payload: unknown; used: () => void } | undefined;
  private readonly closeListeners: Array<(detail: string) => void> = [];
  sent = 0;
  received = 0;

  constructor(private readonly ws: WebSocket, readonly label: string, private readonly log: WireLog, private readonly answerer: Answerer) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', (code, reason) => this.onClose(`closed with ${code}${reason.length ? ` "${String(reason)}"` : ''}`));
    ws.on('error', (e) => this.log.event(this.label, 'error', { message: e.message }));
  }

  get isOpen(): boolean {
    return this.closeDetail === undefined;
  }

  /** Resolves with how the connection ended. */
  whenClosed(): Promise<string> {
    return new Promise((resolve) => (this.closeDetail !== undefined ? resolve(this.closeDetail) : this.closeListeners.push(resolve)));
  }

  send(raw: string, deliberate = true): void {
    if (!this.isOpen) return;
    this.sent += 1;
    this.record('out', raw, deliberate);
    this.ws.send(raw);
  }

  /** Waits for the answer carrying `id`, at most `withinMs`. */
  awaitAnswer(id: string, withinMs: number): Promise<AnswerOutcome> {
    const early = this.unclaimed.get(id);
    if (early) {
      this.unclaimed.delete(id);
      return Promise.resolve({ kind: 'answer', frame: early });
    }
    if (this.closeDetail !== undefined) return Promise.resolve({ kind: 'closed', detail: this.closeDetail });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        resolve({ kind: 'timeout' });
      }, withinMs);
      this.waiters.set(id, { resolve, timer });
    });
  }

  /** Takes an answer carrying `id` that arrived with nobody waiting for it. */
  takeUnclaimed(id: string): Frame | undefined {
    const f = this.unclaimed.get(id);
    this.unclaimed.delete(id);
    return f;
  }

  /** Times and sizes of the CALLs the fuzzer's own requests prompted (a status per connector after ChangeAvailability, …). */
  private readonly prompted: Array<{ at: number; count: number }> = [];

  /** Records that an accepted request of the fuzzer may make the SUT send up to `count` CALLs now. */
  allow(count: number): void {
    this.prompted.push({ at: performance.now(), count });
  }

  /**
   * The busiest action of the SUT's CALLs that arrived at or after `since` (monotonic ms), for a watch during which the
   * fuzzer sent nothing that prompts CALLs; does not drop old arrival times.
   */
  busiestSince(since: number): { action: string; count: number } | undefined {
    let top: { action: string; count: number } | undefined;
    for (const [action, times] of this.callTimes) {
      const count = times.filter((t) => t >= since).length;
      if (!top || count > top.count) top = { action, count };
    }
    return top;
  }

  /** The busiest action of the SUT's CALLs within the last `windowMs` beyond what was prompted, and how many it sent. */
  busiest(windowMs: number): { action: string; count: number } | undefined {
    const since = performance.now() - windowMs;
    while (this.prompted.length > 0 && this.prompted[0]!.at < since) this.prompted.shift();
    const allowance = this.prompted.reduce((sum, p) => sum + p.count, 0);
    let top: { action: string; count: number } | undefined;
    for (const [action, times] of this.callTimes) {
      while (times.length > 0 && times[0]! < since) times.shift();
      if (!top || times.length > top.count) top = { action, count: times.length };
    }
    return top && { action: top.action, count: Math.max(0, top.count - allowance) };
  }

  close(): void {
    this.ws.terminate();
  }

  private onMessage(raw: string): void {
    this.received += 1;
    const parsed = parseFrame(raw);
    this.record('in', raw, false, parsed.ok ? parsed.frame : undefined);
    if (!parsed.ok) return;
    const frame = parsed.frame;
    if (frame.type === 2) {
      const times = this.callTimes.get(frame.action) ?? [];
      times.push(performance.now());
      this.callTimes.set(frame.action, times);
      void this.answer(frame);
      return;
    }
    const waiter = this.waiters.get(frame.id);
    if (waiter) {
      clearTimeout(waiter.timer);
      this.waiters.delete(frame.id);
      waiter.resolve({ kind: 'answer', frame });
    } else {
      this.unclaimed.set(frame.id, frame);
      if (this.unclaimed.size > 1000) this.unclaimed.delete(this.unclaimed.keys().next().value as string);
    }
  }

  /** Answers the SUT's next CALL of `action` with `payload`; resolves true once sent, false after `withinMs` without it. */
  armAnswer(action: string, payload: unknown, withinMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.armed = undefined;
        resolve(false);
      }, withinMs);
      this.armed = { action, payload, used: () => {
        clearTimeout(timer);
        resolve(true);
      } };
    });
  }

  private async answer(call: CallFrame): Promise<void> {
    const armed = this.armed;
    if (armed && armed.action === call.action) {
      this.armed = undefined;
      this.send(JSON.stringify([3, call.id, armed.payload]));
      armed.used();
      return;
    }
    const reply = await this.answerer(call);
    if ('result' in reply) this.send(JSON.stringify([3, call.id, reply.result]), false);
    else if ('error' in reply) this.send(JSON.stringify([4, call.id, reply.error.code, reply.error.description ?? '', reply.error.details ?? {}]), false);
  }

  private onClose(detail: string): void {
    if (this.closeDetail !== undefined) return;
    this.closeDetail = detail;
    this.log.event(this.label, 'close', { detail });
    for (const w of this.waiters.values()) {
      clearTimeout(w.timer);
      w.resolve({ kind: 'closed', detail });
    }
    this.waiters.clear();
    for (const l of this.closeListeners.splice(0)) l(detail);
  }

  private record(direction: 'in' | 'out', raw: string, deliberate: boolean, parsed?: Frame): void {
    let frame = parsed;
    if (!frame && direction === 'out' && raw.length < 8192) {
      const p = parseFrame(raw);
      if (p.ok) frame = p.frame;
    }
    const kind: FrameKind = frame ? (frame.type === 2 ? 'CALL' : frame.type === 3 ? 'CALLRESULT' : 'CALLERROR') : 'INVALID';
    this.log.frame({
      connection: this.label, direction, raw: raw.length > 4096 ? `${raw.slice(0, 4096)}… (${raw.length} characters)` : raw, kind,
      id: frame?.id, action: frame?.type === 2 ? frame.action : undefined, errorCode: frame?.type === 4 ? frame.code : undefined,
      problems: [], violations: [], deliberate: direction === 'out' && deliberate ? true : undefined,
    });
  }
}
