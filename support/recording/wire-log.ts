/**
 * The wire log: every frame and connection event, numbered and time-stamped as it happens. A worker keeps one log
 * for its whole life (`reports/traces/worker-<n>.jsonl`) and opens a scenario trace beside it for each scenario.
 *
 * Records reach the files in batches, not one write per frame: a record is serialised and written at the latest
 * `flushIntervalMs` (20 ms) after it was recorded, and at once on `flush()`, when a scenario trace begins or ends,
 * on `close()`, when the process exits (normally, by `process.exit` or by an uncaught exception) and on SIGINT or
 * SIGTERM (flush-on-exit.ts). Once written, a record is the kernel's and survives any death of the process (not a
 * power cut: there is no fsync, as before). SIGKILL or a native crash loses at most the records of the last interval.
 * In memory (`scenarioTrace()`, the listeners) every record is there as soon as it is recorded.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { flushOnExit } from './flush-on-exit';
import type { ConnectionEventKind, ConnectionEventRecord, FrameRecord, TraceRecord } from './frame-record';
import { traceLine } from './trace-line';
import { wallClock } from './wall-clock';

export type TraceListener = (record: TraceRecord) => void;

/** The longest a record waits in memory before it is written (unless the process is SIGKILLed). */
export const FLUSH_INTERVAL_MS = 20;

/** An append-only JSONL file; the wire log hands it whole batches of lines. */
class JsonlFile {
  private fd: number | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  write(text: string): void {
    if (this.fd === undefined) return;
    // One write of the whole batch; should the kernel take only part of it (a signal, a full disk), the rest follows.
    const written = writeSync(this.fd, text);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (written === bytes) return;
    const rest = Buffer.from(text, 'utf8');
    for (let done = written; done < bytes;) done += writeSync(this.fd, rest, done, bytes - done);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export interface WireLogOptions {
  /** How long a record may wait in memory before it is written (default `FLUSH_INTERVAL_MS`). */
  readonly flushIntervalMs?: number;
}

export class WireLog {
  private seq = 0;
  private readonly listeners = new Set<TraceListener>();
  private readonly runFile: JsonlFile | undefined;
  private scenarioFile: JsonlFile | undefined;
  private scenarioRecords: TraceRecord[] = [];
  /** Recorded, not yet written: they go to the run file and to the scenario trace open now. */
  private unwritten: TraceRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushIntervalMs: number;
  /** Set while a file is open: takes the flush off the process's exit and signal handlers. */
  private unhook: (() => void) | undefined;

  /** @param runTracePath where every record of this process goes; omit to keep records in memory only. */
  constructor(runTracePath?: string, options: WireLogOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.runFile = runTracePath ? this.open(runTracePath) : undefined;
  }

  private open(path: string): JsonlFile {
    this.unhook ??= flushOnExit(() => this.flush());
    return new JsonlFile(path);
  }

  /** Starts a scenario trace; records from now on also go there and to `scenarioTrace()`. */
  beginScenario(tracePath?: string): void {
    this.endScenario();
    this.scenarioFile = tracePath ? this.open(tracePath) : undefined;
    this.scenarioRecords = [];
  }

  /** Writes and closes the scenario trace and returns what it recorded. */
  endScenario(): TraceRecord[] {
    this.flush();
    this.scenarioFile?.close();
    this.scenarioFile = undefined;
    const records = this.scenarioRecords;
    this.scenarioRecords = [];
    return records;
  }

  /** Records of the current scenario so far. */
  scenarioTrace(): readonly TraceRecord[] {
    return this.scenarioRecords;
  }

  get scenarioTracePath(): string | undefined {
    return this.scenarioFile?.path;
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Numbers, stores, writes and announces a frame record; returns it (with its sequence number). */
  frame(record: Omit<FrameRecord, 'seq' | 'type' | 'time' | 'mono'> & { time?: string; mono?: number }): FrameRecord {
    const full: FrameRecord = { type: 'frame', seq: 0, time: record.time ?? wallClock(), mono: record.mono ?? performance.now(), ...record };
    this.append(full);
    return full;
  }

  event(connection: string, event: ConnectionEventKind, detail: Record<string, unknown> = {}): ConnectionEventRecord {
    const record: ConnectionEventRecord = { type: 'event', seq: 0, time: wallClock(), mono: performance.now(), connection, event, detail };
    this.append(record);
    return record;
  }

  private append(record: TraceRecord): void {
    record.seq = ++this.seq;
    this.scenarioRecords.push(record);
    if (this.runFile || this.scenarioFile) {
      this.unwritten.push(record);
      if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), this.flushIntervalMs);
        this.timer.unref();
      }
    }
    for (const listener of this.listeners) listener(record);
  }

  /** Writes every record recorded so far to the files (one write per file). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.unwritten.length === 0) return;
    const batch = this.unwritten;
    this.unwritten = [];
    let text = '';
    for (const record of batch) text += `${traceLine(record)}\n`;
    this.runFile?.write(text);
    this.scenarioFile?.write(text);
  }

  close(): void {
    this.endScenario();
    this.runFile?.close();
    this.unhook?.();
    this.unhook = undefined;
  }
}
