/**
 * Runs a load run: checks the SUT file and the machine's limits, reaches the Central System (or starts the
 * reference the SUT file names, in this thread, while the charge points run in worker threads), shares the
 * charge points out to one worker per core, sums their ticks, and judges the result.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { preflight } from '../cli/run-command';
import { ConfigError, HarnessError } from '../reporting/errors';
import { launchReferenceCentralSystem, type RunningReference } from '../sut/reference-launcher';
import { loadSutFile, type SutConfig } from '../sut/sut-config';
import { LoadAggregate } from './load-aggregate';
import { chargePointIdentities, nameFor, sessionIdTags, sourceFor } from './load-identities';
import type { LoadOptions } from './load-options';
import { buildLoadReport, type LoadReport } from './load-report';
import { judgeLoad } from './load-verdict';
import { runWorker, type WorkerChannel, type WorkerCommand, type WorkerMessage } from './load-worker';
import { ephemeralPorts, machineInfo, processLimit } from './machine';
import { type Block, partition, shardBlock } from './shard';
import type { WorkerPlan } from './worker-plan';

/** Charge points of one worker between handshake and last start-up StatusNotification (see WorkerPlan). */
export const MAX_STARTING_PER_WORKER = 200;
/** File descriptors a process needs besides its connections (listeners, files, the reference's operator API). */
const SPARE_DESCRIPTORS = 100;

export interface LoadRunIo {
  /** Progress lines (none when quiet). */
  readonly progress: (line: string) => void;
}

/** The worker bootstrap: ts-node (transpile-only) when running from the TypeScript sources. */
function workerSource(): string {
  const entry = join(__dirname, `load-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  if (!__filename.endsWith('.ts')) return `require(${JSON.stringify(entry)});`;
  const project = join(__dirname, '..', '..', 'tsconfig.json');
  return `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(project)} });\nrequire(${JSON.stringify(entry)});`;
}

/** Refuses, in one sentence, a run this machine cannot hold: it would fail for the harness's limits, not the SUT's. */
export function checkMachineLimits(connections: number, referenceInProcess: boolean, url: string): void {
  const descriptors = processLimit('Max open files');
  const needed = connections * (referenceInProcess ? 2 : 1) + SPARE_DESCRIPTORS;
  if (descriptors !== undefined && needed > descriptors) {
    throw new ConfigError(`${connections} charge points${referenceInProcess ? ' and the in-process reference Central System' : ''} need about ${needed} file descriptors, but this process may open ${descriptors} (ulimit -n)${referenceInProcess ? '; raise the limit or start the reference in its own process and give its URL' : '; raise the limit or split the run with --shard'}`);
  }
  const ports = ephemeralPorts();
  if (ports !== undefined && connections > ports && /^wss?:\/\/(127\.|localhost|\[::1\])/.test(url)) {
    throw new ConfigError(`${connections} charge points need as many local ports, but the kernel hands out ${ports} (net.ipv4.ip_local_port_range); split the run with --shard`);
  }
}

/** The SUT file with the load idTags registered as Accepted with the reference it describes. */
function withLoadIdTags(sut: SutConfig, idTags: WorkerPlan['idTags'], block: Block): SutConfig {
  if (!sut.reference || !idTags) return sut;
  const options = sut.reference.options as Record<string, unknown>;
  const tags = Array.from({ length: block.size }, (_, i) => ({ idTag: nameFor(idTags, block.first + i), status: 'Accepted' }));
  return { ...sut, reference: { ...sut.reference, options: { ...options, idTags: [...((options['idTags'] as unknown[] | undefined) ?? []), ...tags] } } };
}

interface RunningWorker {
  readonly done: Promise<void>;
  send(command: WorkerCommand): void;
}

function startWorker(plan: WorkerPlan, onTick: (m: WorkerMessage) => void): RunningWorker {
  const worker = new Worker(workerSource(), { eval: true, workerData: { plan }, execArgv: [] });
  let finished = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      onTick(m);
      if (m.type === 'done') {
        finished = true;
        void worker.terminate().then(() => resolve());
      }
    });
    worker.on('error', (e) => reject(new HarnessError(`load worker ${plan.worker} failed: ${e.stack ?? e.message}`)));
    worker.on('exit', (code) => {
      if (!finished) reject(new HarnessError(`load worker ${plan.worker} exited with code ${code} before it was done`));
    });
  });
  return { done, send: (command) => worker.postMessage(command) };
}

/** `--workers 0`: the charge points run on the main thread, without a worker's start-up (small runs, tests). */
function startInThread(plan: WorkerPlan, onTick: (m: WorkerMessage) => void): RunningWorker {
  const listeners: Array<(m: WorkerCommand) => void> = [];
  const channel: WorkerChannel = { postMessage: (m) => setImmediate(() => onTick(m)), on: (_event, listener) => listeners.push(listener) };
  return { done: runWorker(plan, channel), send: (command) => listeners.forEach((l) => l(command)) };
}

export async function runLoad(options: LoadOptions, io: LoadRunIo): Promise<LoadReport> {
  const sut = loadSutFile(options.sutFile);
  if (sut.role !== 'central-system' || !sut.centralSystem) {
    throw new ConfigError(`the load mode tests a Central System, but the SUT file ${options.sutFile} describes a ${sut.role.replace('-', ' ')}`);
  }
  const cs = sut.centralSystem;
  const block = shardBlock(options.chargePoints, options.shard);
  const identities = chargePointIdentities(sut, options.chargePoints, options.shard.index);
  const idTags = options.profile === 'sessions' ? sessionIdTags(sut, options.chargePoints) : undefined;
  checkMachineLimits(block.size, Boolean(sut.reference), sut.reference ? 'ws://127.0.0.1' : cs.url);
  const machine = machineInfo();

  let reference: RunningReference | undefined;
  let url = cs.url;
  if (sut.reference) {
    reference = await launchReferenceCentralSystem(withLoadIdTags(sut, idTags && sourceFor(idTags, block), block));
    url = reference.csmsUrl as string;
  } else {
    await preflight(sut);
  }

  const inThread = options.workers === 0;
  const workers = Math.max(1, Math.min(options.workers, block.size));
  const plans: WorkerPlan[] = Array.from({ length: workers }, (_, worker) => {
    const mine = partition(block, worker, workers);
    return {
      worker,
      url,
      block: mine,
      identities: sourceFor(identities, mine),
      idTags: idTags && sourceFor(idTags, mine),
      profile: options.profile,
      rampPerSecond: Number.isFinite(options.rampPerSecond) ? (options.rampPerSecond / options.shard.count) * (mine.size / block.size) : 0,
      maxStarting: MAX_STARTING_PER_WORKER,
      responseTimeoutMs: sut.timeouts.responseMs,
      connectTimeoutMs: sut.timeouts.connectMs,
      connectors: cs.connectors,
      heartbeatIntervalMs: sut.load.heartbeatIntervalMs,
      meterValueIntervalMs: sut.load.meterValueIntervalMs,
      meterValuesPerSession: sut.load.meterValuesPerSession,
      pauseBetweenSessionsMs: sut.load.pauseBetweenSessionsMs,
      basicAuth: cs.security.basicAuth,
      tls: cs.security.tls,
    };
  });

  io.progress(`Starting ${block.size.toLocaleString('en-US')} charge points (${options.profile}) against ${url} with ${inThread ? 'the main thread' : `${workers} worker thread(s)`}…`);
  const startedAt = Date.now();
  const t0 = performance.now();
  const aggregate = new LoadAggregate(startedAt);
  const rss = { baseline: 0, peak: 0 };
  const firstTicks = new Set<number>();
  let mainUtilizationMax = 0;
  let elu = performance.eventLoopUtilization();
  const sampler = setInterval(() => {
    const now = performance.eventLoopUtilization();
    mainUtilizationMax = Math.max(mainUtilizationMax, performance.eventLoopUtilization(now, elu).utilization);
    elu = now;
    rss.peak = Math.max(rss.peak, process.memoryUsage.rss());
  }, 1000);
  let lastProgress = 0;
  // The main thread conducts: every worker starts when all are ready, and all stop once every charge point of the
  // run has been up for the duration, so that the whole run's charge points are connected at the same time.
  const allStarted = new Set<number>();
  let holdTimer: NodeJS.Timeout | undefined;
  const stopAll = (): void => {
    clearTimeout(holdTimer);
    for (const w of running) w.send({ type: 'stop' });
  };
  const onTick = (m: WorkerMessage): void => {
    aggregate.add(m.tick);
    if (!firstTicks.has(m.tick.worker)) {
      firstTicks.add(m.tick.worker);
      if (firstTicks.size === workers) {
        rss.baseline = process.memoryUsage.rss();
        for (const w of running) w.send({ type: 'start' });
      }
    }
    if (m.tick.allStarted && !allStarted.has(m.tick.worker)) {
      allStarted.add(m.tick.worker);
      if (allStarted.size === workers) holdTimer = setTimeout(stopAll, options.durationMs);
    }
    const now = performance.now();
    if (now - lastProgress >= 5000) {
      lastProgress = now;
      const c = aggregate.totals();
      const boot = aggregate.latency().get('BootNotification')?.summary();
      io.progress(`  ${Math.round((now - t0) / 1000)} s: ${aggregate.connected().toLocaleString('en-US')} connected, ${c.boots.accepted.toLocaleString('en-US')} boots accepted, ${Object.values(c.calls).reduce((s, v) => s + v, 0).toLocaleString('en-US')} CALLs${boot ? `, BootNotification p99 ${boot.p99.toFixed(0)} ms` : ''}`);
    }
  };

  const running: RunningWorker[] = [];
  for (const plan of plans) running.push((inThread ? startInThread : startWorker)(plan, onTick));
  let interrupted = false;
  const interrupt = (): void => {
    interrupted = true;
    io.progress('  interrupted: closing the charge points and writing the reports');
    stopAll();
  };
  process.once('SIGINT', interrupt);
  try {
    await Promise.all(running.map((w) => w.done));
  } finally {
    process.off('SIGINT', interrupt);
    clearInterval(sampler);
    clearTimeout(holdTimer);
    await reference?.stop().catch(() => undefined);
  }

  const totals = aggregate.totals();
  const verdict = judgeLoad({
    counters: totals,
    latency: new Map([...aggregate.latency()].map(([a, h]) => [a, h.summary()])),
    thresholds: sut.load.thresholds,
    chargePoints: block.size,
  });
  return buildLoadReport(aggregate, {
    sut: { name: sut.name, file: sut.file, url, reference: Boolean(sut.reference) },
    run: {
      profile: options.profile,
      chargePoints: options.chargePoints,
      shard: `${options.shard.index}/${options.shard.count}`,
      first: block.first,
      size: block.size,
      workers: inThread ? 0 : workers,
      rampPerSecond: Number.isFinite(options.rampPerSecond) ? options.rampPerSecond : null,
      durationMs: options.durationMs,
      startedAt: new Date(startedAt).toISOString(),
      wallMs: Math.round(performance.now() - t0),
      interrupted,
    },
    machine,
    verdict,
    mainThreadUtilizationMax: mainUtilizationMax,
    rss,
  });
}
