/**
 * Every file transfer a charger (or a Central System) attempted against the harness's file server: firmware
 * downloads (UpdateFirmware.req `location`, OCPP 1.6 §5.19) and diagnostics uploads (GetDiagnostics.req `location`,
 * OCPP 1.6 §5.9). Waits read from it, so a transfer that happened before the step began is still found; each wait has
 * one deadline and on timeout says what it awaited, for how long, and which transfers happened instead.
 */
import { performance } from 'node:perf_hooks';
import { WaitTimeout } from '../recording/mailbox';

export type TransferProtocol = 'http' | 'https' | 'ftp';
export type TransferDirection = 'download' | 'upload';
/**
 * `completed`: every byte moved; `not-found`: a download of a file the server does not serve (HTTP 404, FTP 550);
 * `refused`: the server turned the client away on purpose (a refusing URL, an FTP login refused); `failed`: the
 * transfer broke off (connection lost, stream error); `in-progress`: not finished yet.
 */
export type TransferOutcome = 'in-progress' | 'completed' | 'not-found' | 'refused' | 'failed';

export interface TransferRecord {
  readonly protocol: TransferProtocol;
  readonly direction: TransferDirection;
  /** The path the client asked for (URL path, or FTP path as sent). */
  readonly path: string;
  /** The file's name: the last path segment, or the multipart / Content-Disposition file name of an HTTP upload. */
  name: string;
  bytes: number;
  readonly startedAt: Date;
  endedAt?: Date;
  outcome: TransferOutcome;
  /** Why it was not completed, or the HTTP method / FTP command. */
  detail?: string;
  /** `address:port` of the client. */
  readonly remote: string;
  /** An upload's content, when completed (kept in memory). */
  content?: Buffer;
}

/** `address:port` of a client socket, IPv6 addresses in brackets. */
export function remoteOf(socket: { readonly remoteAddress?: string; readonly remotePort?: number }): string {
  const address = socket.remoteAddress ?? '?';
  return `${address.includes(':') ? `[${address}]` : address}:${socket.remotePort ?? '?'}`;
}

export function describeTransfer(t: TransferRecord): string {
  const at = t.startedAt.toISOString().slice(11, 23);
  return `${at} ${t.protocol.toUpperCase()} ${t.direction} of "${t.name || t.path}" (${t.bytes} bytes) from ${t.remote}: ${t.outcome}${t.detail ? ` (${t.detail})` : ''}`;
}

interface Waiter {
  readonly check: () => void;
}

export class TransferLog {
  private readonly records: TransferRecord[] = [];
  private readonly waiters = new Set<Waiter>();

  /** Starts a record; the caller finishes it with `finish`. */
  begin(entry: Omit<TransferRecord, 'startedAt' | 'outcome' | 'bytes'> & { bytes?: number }): TransferRecord {
    const record: TransferRecord = { bytes: 0, ...entry, startedAt: new Date(), outcome: 'in-progress' };
    this.records.push(record);
    return record;
  }

  finish(record: TransferRecord, outcome: Exclude<TransferOutcome, 'in-progress'>, detail?: string): void {
    if (record.outcome !== 'in-progress') return;
    record.outcome = outcome;
    record.endedAt = new Date();
    if (detail !== undefined) record.detail = detail;
    for (const waiter of this.waiters) waiter.check();
  }

  /** Every attempt so far, oldest first. */
  all(): readonly TransferRecord[] {
    return this.records;
  }

  /** Attempts still in progress (for stop()). */
  inProgress(): readonly TransferRecord[] {
    return this.records.filter((r) => r.outcome === 'in-progress');
  }

  /**
   * Waits up to `withinMs` for a completed upload, named `name` when given (the fileName of GetDiagnostics.conf,
   * OCPP 1.6 §6.25). Resolves with the first such upload, also one that arrived before the wait began.
   */
  waitForUpload(name: string | undefined, withinMs: number): Promise<TransferRecord> {
    return this.waitFor(
      (r) => r.direction === 'upload' && r.outcome === 'completed' && (name === undefined || r.name === name),
      name === undefined ? 'a completed diagnostics upload' : `a completed upload of "${name}"`,
      withinMs,
    );
  }

  /** Waits up to `withinMs` for a completed download of the served file `name` (the firmware of UpdateFirmware.req). */
  waitForDownload(name: string, withinMs: number): Promise<TransferRecord> {
    return this.waitFor((r) => r.direction === 'download' && r.outcome === 'completed' && r.name === name, `a completed download of "${name}"`, withinMs);
  }

  private waitFor(matcher: (r: TransferRecord) => boolean, awaited: string, withinMs: number): Promise<TransferRecord> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        check: () => {
          const found = this.records.find(matcher);
          if (!found) return;
          if (timer) clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(found);
        },
      };
      this.waiters.add(waiter);
      timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new WaitTimeout(`${awaited} on the harness's file server`, performance.now() - started, this.records.map(describeTransfer)));
      }, Math.max(0, withinMs));
      waiter.check();
    });
  }
}
