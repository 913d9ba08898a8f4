/**
 * How the charge points of a load run are shared out: between machines (`--shard i/n`) and, inside one process,
 * between worker threads. Charge points are numbered 1..total across the whole run; each part gets a contiguous
 * block, the first `total % parts` blocks one longer, so that the shards of a run together cover every number once
 * and two shards never open the same charge point id.
 */
import { ConfigError } from '../reporting/errors';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** A contiguous block of charge point numbers: `first` .. `first + size - 1` (1-based). */
export interface Block {
  readonly first: number;
  readonly size: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); a ConfigError of one sentence otherwise. */
export function parseShard(text: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ConfigError(`${flag} takes "i/n", such as 1/4, not "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new ConfigError(`${flag} ${text}: i must be from 1 to n, and n at least 1`);
  return { index, count };
}

/** Part `index` (0-based) of `parts` of the block `within`. */
export function partition(within: Block, index: number, parts: number): Block {
  if (!Number.isInteger(parts) || parts < 1 || !Number.isInteger(index) || index < 0 || index >= parts) {
    throw new RangeError(`part ${index} of ${parts} does not exist`);
  }
  const base = Math.floor(within.size / parts);
  const extra = within.size % parts;
  const size = base + (index < extra ? 1 : 0);
  const first = within.first + index * base + Math.min(index, extra);
  return { first, size };
}

/** The charge point numbers of shard `shard` of a run of `total` charge points. */
export function shardBlock(total: number, shard: Shard): Block {
  return partition({ first: 1, size: total }, shard.index - 1, shard.count);
}
