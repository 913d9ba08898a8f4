/**
 * One worker thread of a load run (one per core): starts its block of charge points at its share of the ramp, keeps
 * them busy until told to stop, then closes them. Every frame goes through the RPC endpoint into a wire log without
 * a file, which the protocol monitor and the recorder watch; every second the worker posts a tick to the main
 * thread, and a last one when it is done.
 *
 * The main thread conducts, so that the workers' charge points are up at the same time: worker → main
 * `{ type: 'tick' | 'done', tick }` (the first tick says "ready", `tick.allStarted` that its charge points are all
 * up); main → worker `{ type: 'start' }` once every worker is ready, `{ type: 'stop' }` once every worker's charge
 * points have been held for the run's duration (or on Ctrl-C).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ProtocolMonitor } from '../recording/protocol-monitor';
import { WireLog } from '../recording/wire-log';
import { SchemaValidator } from '../schemas/schema-validator';
import { LoadChargePoint, readCa, type WorkerContext } from './load-charge-point';
import { nameFor } from './load-identities';
import { LoadRecorder, type WorkerTick } from './load-recorder';
import { RunClock } from './run-clock';
import type { WorkerPlan } from './worker-plan';

export type WorkerMessage = { readonly type: 'tick' | 'done'; readonly tick: WorkerTick };
export type WorkerCommand = { readonly type: 'start' | 'stop' };

/** How the main thread and a worker talk (a MessagePort, or a stand-in in tests). */
export interface WorkerChannel {
  postMessage(message: WorkerMessage): void;
  on(event: 'message', listener: (message: WorkerCommand) => void): unknown;
}

const TICK_MS = 1000;

/** The live JavaScript heap of this thread: a full GC first (exposed for this, as benchmarks do), then its size. */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return getHeapStatistics().used_heap_size;
}

export async function runWorker(plan: WorkerPlan, channel: WorkerChannel): Promise<void> {
  SchemaValidator.shared().compileAll();
  const log = new WireLog();
  const monitor = new ProtocolMonitor();
  const recorder = new LoadRecorder(monitor);
  log.subscribe((record) => {
    monitor.observe(record);
    recorder.observe(record);
  });
  const clock = new RunClock();
  let connected = 0;
  const ctx: WorkerContext = { plan, log, recorder, clock, opened: (d) => (connected += d), ca: readCa(plan.tls?.ca) };

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let elu = performance.eventLoopUtilization();
  let allStartedFlag = false;
  const heap = { growth: 0, connections: 0 };
  const tick = (): WorkerTick => {
    const now = performance.eventLoopUtilization();
    const utilization = performance.eventLoopUtilization(now, elu).utilization;
    elu = now;
    const p99 = loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0;
    loopDelay.reset();
    log.beginScenario(); // drops the records of the last second: the recorder and the monitor have seen them
    return recorder.tick(plan.worker, connected, utilization, p99, allStartedFlag, heap);
  };
  const heapBefore = liveHeap();
  channel.postMessage({ type: 'tick', tick: tick() }); // ready
  const ticker = setInterval(() => channel.postMessage({ type: 'tick', tick: tick() }), TICK_MS);

  let stopRequested: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => (stopRequested = resolve));
  let go: () => void = () => undefined;
  const start = new Promise<void>((resolve) => (go = resolve));
  channel.on('message', (m) => {
    if (m.type === 'start') go();
    if (m.type === 'stop') stopRequested();
  });

  const runs: Array<Promise<void>> = [];
  const { first, size } = plan.block;
  let launched = 0;
  let starting = 0;
  let startedCount = 0;
  let allStarted: () => void = () => undefined;
  const everyoneStarted = new Promise<void>((resolve) => (allStarted = resolve));
  if (size === 0) allStarted();
  await Promise.race([start, stop]);
  const t0 = performance.now();
  const launch = (): void => {
    const due = plan.rampPerSecond > 0 ? Math.min(size, Math.floor(((performance.now() - t0) / 1000) * plan.rampPerSecond) + 1) : size;
    while (launched < due && starting < plan.maxStarting && !clock.isStopped) {
      const n = first + launched++;
      starting += 1;
      const cp = new LoadChargePoint(n, nameFor(plan.identities, n), plan.idTags && nameFor(plan.idTags, n), ctx);
      const started = (): void => {
        starting -= 1;
        if (++startedCount === size) allStarted();
        setImmediate(launch);
      };
      runs.push(cp.run(started).catch((e: unknown) => recorder.harnessError(`charge point ${n}: ${(e as Error).stack ?? String(e)}`)));
    }
    if (launched >= size) clearInterval(ramp);
  };
  const ramp = setInterval(launch, 10);
  launch();

  await Promise.race([everyoneStarted, stop]);
  allStartedFlag = true;
  heap.connections = connected;
  heap.growth = liveHeap() - heapBefore;
  channel.postMessage({ type: 'tick', tick: tick() });
  await stop;
  clearInterval(ramp);
  clock.stop();
  // Charge points in a transaction stop it first; give them the time to be answered, then drop what is left.
  await Promise.race([Promise.all(runs), new Promise((resolve) => setTimeout(resolve, plan.responseTimeoutMs * 4 + 3000))]);
  for (let waited = 0; connected > 0 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(ticker);
  loopDelay.disable();
  channel.postMessage({ type: 'done', tick: tick() });
}

if (!isMainThread && parentPort && (workerData as { plan?: WorkerPlan } | undefined)?.plan) {
  const port: MessagePort = parentPort;
  void runWorker((workerData as { plan: WorkerPlan }).plan, port).then(() => port.close());
}
