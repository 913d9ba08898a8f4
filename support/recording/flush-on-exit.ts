/**
 * Buffers that must reach the disk however the process ends: each registered flush runs on a normal exit (the
 * event loop drained, `process.exit`, an uncaught exception) and on SIGINT and SIGTERM. A signal is then
 * passed on as if nobody had listened (the process dies of it) unless another listener of the process handles it.
 * SIGKILL, a native crash or a power cut cannot be caught: what a buffer held then is lost.
 */
// Not SIGHUP: a listener would undo `nohup` (the signal is ignored there, and must stay so).
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type Flush = () => void;

const flushes = new Set<Flush>();

function flushAll(): void {
  for (const flush of flushes) {
    try {
      flush();
    } catch (e) {
      // One buffer that cannot be written (disk full) must not keep the others from being written.
      process.stderr.write(`could not flush a trace file: ${(e as Error).message}\n`);
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  flushAll();
  // Ours is the only listener: the process must end as it would have without it.
  if (process.listenerCount(signal) === 1) {
    unhook();
    process.kill(process.pid, signal);
  }
}

function hook(): void {
  process.on('exit', flushAll);
  // First in line, so that a `once` listener registered earlier still counts as another listener.
  for (const signal of SIGNALS) process.prependListener(signal, onSignal);
}

function unhook(): void {
  process.off('exit', flushAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Runs `flush` whenever the process ends, until the returned function is called. */
export function flushOnExit(flush: Flush): () => void {
  if (flushes.size === 0) hook();
  flushes.add(flush);
  return () => {
    if (!flushes.delete(flush)) return;
    if (flushes.size === 0) unhook();
  };
}
