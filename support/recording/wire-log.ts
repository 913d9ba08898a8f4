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
 *
 * A batch is encoded line by line into one reused buffer and written from it, so a flush allocates no text of the
 * batch's size. Listeners can be given for one connection (`subscribe(listener, connection)`): a frame then calls
 * only its own connection's listeners, not those of every connection open.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { flushOnExit } from './flush-on-exit';
import type { ConnectionEventKind, ConnectionEventRecord, FrameRecord, TraceRecord } from './frame-record';
import { type PayloadJson, traceLine } from './trace-line';
import { monoNow, wallClock } from './wall-clock';

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

  /** Writes the first `bytes` of `data`. */
  write(data: Buffer, bytes: number): void {
    if (this.fd === undefined) return;
    // One write of the whole batch; should the kernel take only part of it (a signal, a full disk), the rest follows.
    for (let done = 0; done < bytes;) done += writeSync(this.fd, data, done, bytes - done);
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

/** The buffer a batch is encoded into starts at this size, grows as a batch needs, and shrinks back after a big one. */
const BATCH_BUFFER_BYTES = 256 * 1024;

export class WireLog {
  private seq = 0;
  private readonly listeners = new Set<TraceListener>();
  /** Listeners of one connection each, by connection label. */
  private readonly connectionListeners = new Map<string, Set<TraceListener>>();
  private readonly runFile: JsonlFile | undefined;
  private scenarioFile: JsonlFile | undefined;
  private scenarioRecords: TraceRecord[] = [];
  /** Recorded, not yet written: they go to the run file and to the scenario trace open now. */
  private unwritten: TraceRecord[] = [];
  /** The payload text of each unwritten record, when its recorder had it (`frame`'s second argument). */
  private unwrittenPayloads: PayloadJson[] = [];
  private batchBuffer: Buffer | undefined;
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

  /** Calls `listener` with every record, or with the records of `connection` only. Returns the unsubscribe. */
  subscribe(listener: TraceListener, connection?: string): () => void {
    if (connection === undefined) {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }
    let own = this.connectionListeners.get(connection);
    if (!own) {
      own = new Set();
      this.connectionListeners.set(connection, own);
    }
    own.add(listener);
    return () => {
      const set = this.connectionListeners.get(connection);
      if (!set?.delete(listener) || set.size > 0) return;
      this.connectionListeners.delete(connection);
    };
  }

  /**
   * Numbers, stores, writes and announces a frame record; returns it (with its sequence number).
   * @param payloadJson the JSON text of `record.payload` if the caller has it (it serialised the payload, or the
   *   payload is the last element of `raw`: `PAYLOAD_IN_RAW`), so that the trace line need not serialise it again.
   */
  frame(record: Omit<FrameRecord, 'seq' | 'type' | 'time' | 'mono'> & { time?: string; mono?: number }, payloadJson?: PayloadJson): FrameRecord {
    const full: FrameRecord = { type: 'frame', seq: 0, time: record.time ?? wallClock(), mono: record.mono ?? monoNow(), ...record };
    this.append(full, payloadJson);
    return full;
  }

  /** As `frame`, for a record the caller built whole (seq 0, its time and mono set): recorded as it is, not copied. */
  frameRecord(record: FrameRecord, payloadJson?: PayloadJson): FrameRecord {
    this.append(record, payloadJson);
    return record;
  }

  event(connection: string, event: ConnectionEventKind, detail: Record<string, unknown> = {}): ConnectionEventRecord {
    const record: ConnectionEventRecord = { type: 'event', seq: 0, time: wallClock(), mono: monoNow(), connection, event, detail };
    this.append(record);
    return record;
  }

  private append(record: TraceRecord, payloadJson?: PayloadJson): void {
    record.seq = ++this.seq;
    this.scenarioRecords.push(record);
    if (this.runFile || this.scenarioFile) {
      this.unwritten.push(record);
      this.unwrittenPayloads.push(payloadJson);
      if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), this.flushIntervalMs);
        this.timer.unref();
      }
    }
    for (const listener of this.listeners) listener(record);
    const own = this.connectionListeners.get(record.connection);
    if (own) for (const listener of own) listener(record);
  }

  /** Writes every record recorded so far to the files (one write per file). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.unwritten.length === 0) return;
    const batch = this.unwritten;
    const payloads = this.unwrittenPayloads;
    this.unwritten = [];
    this.unwrittenPayloads = [];
    let buffer = this.batchBuffer ?? Buffer.allocUnsafe(BATCH_BUFFER_BYTES);
    let bytes = 0;
    for (let i = 0; i < batch.length; i++) {
      const line = traceLine(batch[i] as TraceRecord, payloads[i]);
      // UTF-8 takes at most 3 bytes per UTF-16 code unit; then the newline.
      const room = line.length * 3 + 1;
      if (bytes + room > buffer.length) {
        const larger = Buffer.allocUnsafe(Math.max(buffer.length * 2, bytes + room));
        buffer.copy(larger, 0, 0, bytes);
        buffer = larger;
      }
      bytes += buffer.write(line, bytes, 'utf8');
      buffer[bytes++] = 0x0a;
    }
    this.batchBuffer = buffer.length > 4 * BATCH_BUFFER_BYTES ? undefined : buffer;
    this.runFile?.write(buffer, bytes);
    this.scenarioFile?.write(buffer, bytes);
  }

  close(): void {
    this.endScenario();
    this.runFile?.close();
    this.unhook?.();
    this.unhook = undefined;
  }
}
