/**
 * The wire log: every frame and connection event, numbered, time-stamped and written to disk synchronously as it
 * happens, so that a timeout, a thrown step, a crash or Ctrl-C loses nothing. A worker keeps one log for its
 * whole life (`reports/traces/worker-<n>.jsonl`) and opens a scenario trace beside it for each scenario.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConnectionEventKind, ConnectionEventRecord, FrameRecord, TraceRecord } from './frame-record';

export type TraceListener = (record: TraceRecord) => void;

/** An append-only JSONL file written with one synchronous write per record. */
class JsonlFile {
  private fd: number | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  append(record: TraceRecord): void {
    if (this.fd !== undefined) writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export class WireLog {
  private seq = 0;
  private readonly listeners = new Set<TraceListener>();
  private readonly runFile: JsonlFile | undefined;
  private scenarioFile: JsonlFile | undefined;
  private scenarioRecords: TraceRecord[] = [];

  /** @param runTracePath where every record of this process goes; omit to keep records in memory only. */
  constructor(runTracePath?: string) {
    this.runFile = runTracePath ? new JsonlFile(runTracePath) : undefined;
  }

  /** Starts a scenario trace; records from now on also go there and to `scenarioTrace()`. */
  beginScenario(tracePath?: string): void {
    this.endScenario();
    this.scenarioFile = tracePath ? new JsonlFile(tracePath) : undefined;
    this.scenarioRecords = [];
  }

  /** Closes the scenario trace and returns what it recorded. */
  endScenario(): TraceRecord[] {
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
    const full: FrameRecord = { type: 'frame', seq: 0, time: record.time ?? new Date().toISOString(), mono: record.mono ?? performance.now(), ...record };
    this.append(full);
    return full;
  }

  event(connection: string, event: ConnectionEventKind, detail: Record<string, unknown> = {}): ConnectionEventRecord {
    const record: ConnectionEventRecord = { type: 'event', seq: 0, time: new Date().toISOString(), mono: performance.now(), connection, event, detail };
    this.append(record);
    return record;
  }

  private append(record: TraceRecord): void {
    record.seq = ++this.seq;
    this.scenarioRecords.push(record);
    this.runFile?.append(record);
    this.scenarioFile?.append(record);
    for (const listener of this.listeners) listener(record);
  }

  close(): void {
    this.endScenario();
    this.runFile?.close();
  }
}
