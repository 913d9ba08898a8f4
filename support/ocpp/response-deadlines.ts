/**
 * The response deadlines of one connection's pending CALLs (OCPP-J 1.6 §4.1.1: one CALL of the harness in flight),
 * kept on a single timer instead of one timer set and cleared per CALL: the timer is armed for the earliest
 * deadline and, when it fires, expires what is due and re-arms for the next. While nothing is pending the timer
 * does not keep the process alive. Each deadline still expires on its own time, never early.
 */
import { performance } from 'node:perf_hooks';

interface Due {
  readonly at: number;
  readonly onExpire: () => void;
}

export class ResponseDeadlines<K> {
  private readonly due = new Map<K, Due>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  /** Calls `onExpire` once `ms` have passed, unless `delete(key)` comes first. */
  add(key: K, ms: number, onExpire: () => void): void {
    const at = performance.now() + ms;
    this.due.set(key, { at, onExpire });
    this.timer?.ref();
    this.arm(at);
  }

  delete(key: K): void {
    this.due.delete(key);
    if (this.due.size === 0) this.timer?.unref();
  }

  get size(): number {
    return this.due.size;
  }

  /** Forgets every deadline and stops the timer. */
  clear(): void {
    this.due.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(1, Math.ceil(at - performance.now())));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    const expired: Due[] = [];
    for (const [key, due] of this.due) {
      if (due.at > now) continue;
      this.due.delete(key);
      expired.push(due);
    }
    // A timer that fired late finds several due: they expire in the order of their deadlines, as separate timers would.
    expired.sort((a, b) => a.at - b.at);
    for (const due of expired) due.onExpire();
    // What is left (including deadlines the callbacks added or removed): the timer for the earliest.
    let next = Number.POSITIVE_INFINITY;
    for (const due of this.due.values()) if (due.at < next) next = due.at;
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
  }
}
