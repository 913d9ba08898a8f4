/**
 * Samples the CPU time and resident memory of a process by pid from /proc (Linux), so that a benchmark can say how
 * busy and how big the reference Central System was while the harness loaded it from another process.
 */
import { readFileSync } from 'node:fs';

export interface ProcessSample {
  /** Epoch ms. */
  readonly at: number;
  /** User + system CPU time so far, ms. */
  readonly cpuMs: number;
  readonly rssBytes: number;
}

/** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/** The whole machine's busy CPU time so far (all cores, from /proc/stat), as a sample of "process" 0. */
function sampleMachine(): ProcessSample | undefined {
  try {
    const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/).slice(1, 9).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const busy = ticks.reduce((s, v) => s + v, 0) - (ticks[3] ?? 0) - (ticks[4] ?? 0);
    return { at: Date.now(), cpuMs: (busy / CLOCK_TICKS) * 1000, rssBytes: 0 };
  } catch {
    return undefined;
  }
}

/** A process's CPU time and RSS; pid 0 stands for the whole machine (CPU only). */
export function sampleProcess(pid: number): ProcessSample | undefined {
  if (pid === 0) return sampleMachine();
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { at: Date.now(), cpuMs, rssBytes: rssKb * 1024 };
  } catch {
    return undefined;
  }
}

export class ProcessSampler {
  readonly samples: ProcessSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, everyMs = 500) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }

  private take(): void {
    const s = sampleProcess(this.pid);
    if (s) this.samples.push(s);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** Share of one core used between two epoch times (0..n cores). */
  cpuShare(from: number, to: number): number {
    const inside = this.samples.filter((s) => s.at >= from && s.at <= to);
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last || last.at === first.at) return Number.NaN;
    return (last.cpuMs - first.cpuMs) / (last.at - first.at);
  }

  peakRss(): number {
    return Math.max(0, ...this.samples.map((s) => s.rssBytes));
  }

  firstRss(): number {
    return this.samples[0]?.rssBytes ?? 0;
  }
}
