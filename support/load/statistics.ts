/**
 * Latency statistics of the load mode and the benchmarks. Percentiles use the nearest-rank definition (the value
 * below which at least p % of the samples lie, itself a sample). A load run cannot keep every sample of millions of
 * CALLs, so it files them in a `LatencyHistogram`: logarithmic buckets 1 % wide, mergeable across worker threads
 * and shards, whose percentiles are within 1 % of the exact ones (and the maximum is exact).
 */

/** The nearest-rank percentile of samples sorted ascending; NaN for none. `p` from 0 to 100. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** p50/p95/p99/max/mean of unsorted samples (exact). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Smallest latency told apart (ms); anything at or below it shares the first bucket. */
const FLOOR_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

/** The plain-data form of a histogram, as sent between threads and written to reports. */
export interface HistogramData {
  readonly count: number;
  readonly sum: number;
  readonly max: number;
  /** [bucket index, samples] pairs. */
  readonly buckets: ReadonlyArray<readonly [number, number]>;
}

export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  count = 0;
  sum = 0;
  max = 0;

  static from(data: HistogramData): LatencyHistogram {
    const h = new LatencyHistogram();
    h.merge(data);
    return h;
  }

  /** Files one latency in milliseconds. */
  add(ms: number): void {
    const index = ms <= FLOOR_MS ? 0 : Math.ceil(Math.log(ms / FLOOR_MS) / LOG_GROWTH);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other: HistogramData | LatencyHistogram): void {
    const data = other instanceof LatencyHistogram ? other.toData() : other;
    for (const [index, n] of data.buckets) this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);
    this.count += data.count;
    this.sum += data.sum;
    if (data.max > this.max) this.max = data.max;
  }

  /** Nearest-rank percentile, within 1 % above the exact value; never above the maximum. NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index) as number;
      if (seen >= rank) return Math.min(FLOOR_MS * GROWTH ** index, this.max);
    }
    return this.max;
  }

  summary(): Summary {
    return {
      count: this.count,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.count ? this.max : Number.NaN,
      mean: this.count ? this.sum / this.count : Number.NaN,
    };
  }

  toData(): HistogramData {
    return { count: this.count, sum: this.sum, max: this.max, buckets: [...this.buckets.entries()] };
  }
}
