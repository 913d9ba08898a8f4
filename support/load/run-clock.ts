/**
 * The end of a worker's load run, and the sleeps of its charge points (heartbeat intervals, meter value intervals,
 * boot retries), which all end at once when the run ends. Thousands of charge points sleep at a time, so a sleep is
 * one timer and one set entry, removed in O(1) (an AbortSignal listener per sleep would be removed in O(n)).
 */
interface Sleeper {
  timer: NodeJS.Timeout | undefined;
  readonly resolve: () => void;
}

export class RunClock {
  private stopped = false;
  private readonly sleepers = new Set<Sleeper>();
  private release: () => void = () => undefined;
  /** Resolves when the run ends. */
  readonly ended: Promise<void> = new Promise<void>((resolve) => (this.release = resolve));

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Resolves after `ms`, or at once when the run ends first. */
  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const sleeper: Sleeper = { timer: undefined, resolve };
      sleeper.timer = setTimeout(() => {
        this.sleepers.delete(sleeper);
        resolve();
      }, ms);
      this.sleepers.add(sleeper);
    });
  }

  /** Ends the run: every sleep resolves now. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.sleepers.clear();
    this.release();
  }
}
