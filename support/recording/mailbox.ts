/**
 * The mailbox of one connection: the CALLs the system under test sent that no step has consumed yet. Waits read
 * from it, so a CALL that arrived before its step began is still found. Every wait has one deadline; on timeout
 * it fails with what it waited for, for how long, and which frames arrived meanwhile.
 */
import { performance } from 'node:perf_hooks';
import type { FrameRecord, TraceRecord } from './frame-record';
import { summarize } from './frame-record';
import { describePattern, matches, type PayloadPattern } from './payload-pattern';

export interface CallMatcher {
  readonly action: string;
  readonly payload?: PayloadPattern;
}

/** A CALL received from the system under test, with the answer the harness sent (when it has answered). */
export interface ReceivedCall {
  readonly record: FrameRecord;
  readonly action: string;
  readonly id: string;
  readonly payload: Record<string, unknown>;
  answer?: FrameRecord;
}

/** Thrown when a wait's deadline passes; the role turns it into a conformance failure with the rule at stake. */
export class WaitTimeout extends Error {
  constructor(
    readonly awaited: string,
    readonly waitedMs: number,
    readonly meanwhile: readonly string[],
  ) {
    super(`waited ${(waitedMs / 1000).toFixed(1)} s for ${awaited}; ${meanwhile.length === 0 ? 'nothing arrived meanwhile' : `arrived meanwhile:\n  ${meanwhile.join('\n  ')}`}`);
    this.name = 'WaitTimeout';
  }
}

/** Thrown by `expectNone` when a CALL that must not come arrives. */
export class UnexpectedCall extends Error {
  constructor(
    readonly call: ReceivedCall,
    readonly forbidden: string,
    readonly afterMs: number,
  ) {
    super(`${forbidden} arrived ${(afterMs / 1000).toFixed(1)} s into the period in which it must not: ${summarize(call.record)}`);
    this.name = 'UnexpectedCall';
  }
}

export function describeMatcher(m: CallMatcher): string {
  const p = describePattern(m.payload);
  return `${m.action}.req${p ? ` with ${p}` : ''}`;
}

function isMatch(call: ReceivedCall, m: CallMatcher): boolean {
  return call.action === m.action && matches(call.payload, m.payload ?? {});
}

interface Waiter {
  readonly matchers: readonly CallMatcher[];
  readonly taken: Array<ReceivedCall | undefined>;
  readonly notify: () => void;
}

export class Mailbox {
  private readonly queue: ReceivedCall[] = [];
  private readonly waiters = new Set<Waiter>();
  /**
   * The connection's records since the oldest wait now running began, for its "arrived meanwhile"; nothing is kept
   * while no wait runs (most of the time under load), so a frame costs no more than noting its number.
   */
  private readonly history: TraceRecord[] = [];
  private lastSeen = 0;
  private closedReason: string | undefined;
  /** The connection that feeds the mailbox now. */
  private feeder: object | undefined;

  /** Delivers a CALL from the system under test. */
  deliver(call: ReceivedCall): void {
    this.queue.push(call);
    for (const waiter of this.waiters) waiter.notify();
  }

  /** Every record of the connection, for "arrived meanwhile" (the connection feeds it). */
  observe(record: TraceRecord): void {
    this.lastSeen = record.seq;
    if (this.waiters.size === 0) {
      // The waits are over (their timeouts read the history already): forget it.
      if (this.history.length > 0) this.history.length = 0;
      return;
    }
    this.history.push(record);
    if (this.history.length > 2000) this.history.splice(0, 1000);
  }

  /**
   * Marks the connection `feeder` closed: pending waits keep running (the SUT may reconnect) but a timeout says so.
   * An older connection that closes after a newer one took over (a charger reconnecting while its old socket is
   * still open) says nothing about the mailbox's current connection.
   */
  close(reason: string, feeder?: object): void {
    if (feeder !== undefined && this.feeder !== undefined && feeder !== this.feeder) return;
    this.closedReason = reason;
    for (const waiter of this.waiters) waiter.notify();
  }

  /** A new connection (`feeder`) feeds the mailbox: forget that the previous one closed. */
  reopen(feeder?: object): void {
    this.feeder = feeder;
    this.closedReason = undefined;
  }

  private lastSeq(): number {
    return this.lastSeen;
  }

  /** Unconsumed CALLs, oldest first. */
  pending(): readonly ReceivedCall[] {
    return this.queue;
  }

  /** Removes and returns every unconsumed CALL (leftovers at the end of a scenario). */
  drain(): ReceivedCall[] {
    return this.queue.splice(0, this.queue.length);
  }

  /** Takes the first unconsumed CALL matching `matcher`, waiting up to `withinMs`. */
  async take(matcher: CallMatcher, withinMs: number): Promise<ReceivedCall> {
    const [call] = await this.takeAll([matcher], withinMs);
    return call as ReceivedCall;
  }

  /**
   * Takes one distinct CALL per matcher, in any order, waiting up to `withinMs` for all of them (one deadline for
   * the whole wait). Returns them in matcher order.
   */
  takeAll(matchers: readonly CallMatcher[], withinMs: number): Promise<ReceivedCall[]> {
    const started = performance.now();
    const since = this.lastSeq();
    return new Promise<ReceivedCall[]>((resolve, reject) => {
      const taken: Array<ReceivedCall | undefined> = matchers.map(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const finish = (error?: Error): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(waiter);
        if (error) {
          // Give back what this wait had taken: another wait may still want it.
          for (const call of taken) if (call) this.queue.unshift(call);
          this.queue.sort((a, b) => a.record.seq - b.record.seq);
          reject(error);
        } else resolve(taken as ReceivedCall[]);
      };
      const notify = (): void => {
        matchers.forEach((m, i) => {
          if (taken[i]) return;
          const index = this.queue.findIndex((c) => isMatch(c, m));
          if (index >= 0) taken[i] = this.queue.splice(index, 1)[0];
        });
        if (taken.every(Boolean)) finish();
      };
      const waiter: Waiter = { matchers, taken, notify };
      this.waiters.add(waiter);
      timer = setTimeout(() => {
        const missing = matchers.filter((_, i) => !taken[i]).map(describeMatcher);
        const got = matchers.filter((_, i) => taken[i]).map(describeMatcher);
        const awaited = matchers.length === 1
          ? (missing[0] as string)
          : `${missing.join(' and ')} (in any order; already received: ${got.length ? got.join(', ') : 'none'})`;
        finish(new WaitTimeout(awaited, performance.now() - started, this.meanwhile(since)));
      }, Math.max(0, withinMs));
      notify();
    });
  }

  /**
   * Takes the earliest unconsumed CALL matching any of `matchers` — whichever the SUT sent first decides (e.g.
   * StopTransaction.req before or after the reboot of a reset) — waiting up to `withinMs`. Returns the CALL and the
   * index of the matcher it matched.
   */
  takeFirst(matchers: readonly CallMatcher[], withinMs: number): Promise<{ index: number; call: ReceivedCall }> {
    const started = performance.now();
    const since = this.lastSeq();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const notify = (): void => {
        for (const [position, call] of this.queue.entries()) {
          const index = matchers.findIndex((m) => isMatch(call, m));
          if (index < 0) continue;
          this.queue.splice(position, 1);
          if (timer) clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve({ index, call });
          return;
        }
      };
      const waiter: Waiter = { matchers, taken: [], notify };
      this.waiters.add(waiter);
      timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new WaitTimeout(matchers.map(describeMatcher).join(' or '), performance.now() - started, this.meanwhile(since)));
      }, Math.max(0, withinMs));
      notify();
    });
  }

  /** What arrived after record `since`, and what still waits unconsumed from before it: for timeout messages. */
  private meanwhile(since: number): string[] {
    const meanwhile = this.history.filter((r) => r.seq > since).map(summarize);
    const earlier = this.queue.filter((c) => c.record.seq <= since).map((c) => `(unconsumed, from before the wait) ${summarize(c.record)}`);
    if (this.closedReason) meanwhile.push(`connection closed: ${this.closedReason}`);
    return [...earlier, ...meanwhile];
  }

  /**
   * Asserts that no CALL matching `matcher` arrives during `duringMs` (nor sits unconsumed already). Fails as soon
   * as one arrives; the matching CALL stays consumed (it has been judged).
   */
  expectNone(matcher: CallMatcher, duringMs: number): Promise<void> {
    const started = performance.now();
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (error?: Error): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(waiter);
        if (error) reject(error);
        else resolve();
      };
      const notify = (): void => {
        const index = this.queue.findIndex((c) => isMatch(c, matcher));
        if (index >= 0) {
          const [call] = this.queue.splice(index, 1);
          finish(new UnexpectedCall(call as ReceivedCall, describeMatcher(matcher), performance.now() - started));
        }
      };
      const waiter: Waiter = { matchers: [matcher], taken: [], notify };
      this.waiters.add(waiter);
      timer = setTimeout(() => finish(), Math.max(0, duringMs));
      notify();
    });
  }
}
