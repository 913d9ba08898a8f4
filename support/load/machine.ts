/**
 * The machine a measurement was taken on, and how busy it was: every figure the load mode and the benchmarks
 * report carries it, since figures from a shared or smaller machine are not comparable.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the measurement began. */
  readonly loadAverage: readonly number[];
}

export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, ${m.os}, Node ${m.node}, load average ${m.loadAverage.join(' / ')} at start`;
}

/** A soft limit of this process from /proc/self/limits (Linux), e.g. "Max open files"; undefined elsewhere. */
export function processLimit(name: string): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith(name));
    const soft = line?.slice(name.length).trim().split(/\s+/)[0];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}

/** How many local ports the kernel hands out to outgoing connections (Linux), undefined elsewhere. */
export function ephemeralPorts(): number | undefined {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low !== undefined && high !== undefined ? high - low + 1 : undefined;
  } catch {
    return undefined;
  }
}
