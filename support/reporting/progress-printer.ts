/**
 * What a run prints while it runs: one line per test case as it finishes (verdict, id, title, duration, and for
 * anything but a PASS the first line of the reason), and on a terminal a progress bar beneath that is redrawn after
 * each line. Fed by the Cucumber formatter (progress-formatter.cjs); plain TypeScript, testable with a fake stream.
 */
import { formatDuration } from '../sut/duration';
import type { ScenarioResult } from './scenario-result';
import type { Verdict } from './verdict';

export interface PrinterStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const COLOURS: Record<Verdict, string> = {
  PASS: '32', FAIL: '31', WARN: '33', 'N/A': '90', INCONCLUSIVE: '33', ERROR: '35', XFAIL: '36',
};

export interface FinishedCase {
  readonly id: string;
  readonly title: string;
  /** The judged result, when the scenario wrote one. */
  readonly result?: ScenarioResult;
  /** Cucumber's own status, for a scenario that wrote no result (a hook crashed). */
  readonly cucumberStatus?: string;
  readonly durationMs: number;
}

export class ProgressPrinter {
  private total = 0;
  private done = 0;
  private readonly counts = new Map<string, number>();
  private barShown = false;
  private readonly startedAt = Date.now();
  private readonly colour: boolean;

  constructor(private readonly out: PrinterStream, env: NodeJS.ProcessEnv = process.env) {
    this.colour = Boolean(out.isTTY) && !env['NO_COLOR'];
  }

  /** A test case was planned (Cucumber's testCase message). */
  planned(): void {
    this.total++;
  }

  /** A test case started: shows the bar at once, so a long first case does not leave the terminal silent. */
  started(): void {
    if (!this.barShown) this.drawBar();
  }

  finished(c: FinishedCase): void {
    this.done++;
    const verdict: Verdict = c.result?.verdict ?? 'ERROR';
    this.counts.set(verdict, (this.counts.get(verdict) ?? 0) + 1);
    const width = Math.max(80, Math.min(this.out.columns ?? 120, 160));
    const duration = formatDuration(c.result?.durationMs ?? c.durationMs);
    const head = `${verdict.padEnd(12)} ${c.id.padEnd(18)} `;
    const room = width - head.length - duration.length - 2;
    const title = c.title.length > room ? `${c.title.slice(0, room - 1)}…` : c.title.padEnd(room);
    const lines = [`${this.paint(verdict, head)}${title} ${duration}`];
    const reason = c.result ? c.result.reason.split('\n')[0] : `no result was recorded (Cucumber status ${c.cucumberStatus ?? 'unknown'}); see cucumber-summary.txt`;
    if (verdict !== 'PASS' && reason) lines.push(`${' '.repeat(13)}└ ${reason.length > width - 15 ? `${reason.slice(0, width - 16)}…` : reason}`);
    if (verdict === 'PASS' && c.result?.unexpectedPass) lines.push(`${' '.repeat(13)}└ ${c.result.reason}`);
    this.clearBar();
    this.out.write(`${lines.join('\n')}\n`);
    this.drawBar();
  }

  /** Removes the bar before the run's own closing output. */
  end(): void {
    this.clearBar();
  }

  private paint(verdict: Verdict, text: string): string {
    return this.colour ? `\u001b[${COLOURS[verdict]}m${text}\u001b[0m` : text;
  }

  private clearBar(): void {
    if (this.barShown) this.out.write('\r\u001b[K');
    this.barShown = false;
  }

  private drawBar(): void {
    if (!this.out.isTTY || this.total === 0 || this.done >= this.total) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const elapsed = Math.round((Date.now() - this.startedAt) / 1000);
    const tally = [...this.counts].map(([v, n]) => `${v} ${n}`).join(' · ');
    this.out.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}  ${tally}  ${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`);
    this.barShown = true;
  }
}
