/**
 * Reading the JSONL wire traces back for the reports: a last line cut short (Ctrl-C, a killed worker) is skipped.
 * Also what the traces say about the system under test: the Charge Point's BootNotification.req (vendor, model,
 * serial, firmware) or the Central System URL the harness connected to.
 */
import { readFileSync } from 'node:fs';
import type { FrameRecord, TraceRecord } from '../recording/frame-record';

export function parseTrace(text: string): TraceRecord[] {
  const records: TraceRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as TraceRecord);
    } catch {
      // A line cut short by an interrupted write: the records before it still stand.
    }
  }
  return records;
}

export function readTrace(path: string): TraceRecord[] {
  try {
    return parseTrace(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}

export interface SutIdentity {
  vendor?: string;
  model?: string;
  serial?: string;
  firmware?: string;
  /** The Central System URL as connected to (the port filled in when the SUT file says 0). */
  url?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Fills what is still unknown from one trace; returns true once everything is known. */
export function learnIdentity(identity: SutIdentity, records: readonly TraceRecord[], role: 'charge-point' | 'central-system'): boolean {
  for (const r of records) {
    if (role === 'charge-point' && r.type === 'frame' && r.direction === 'in' && r.kind === 'CALL' && r.action === 'BootNotification') {
      const p = (r as FrameRecord).payload as Record<string, unknown> | undefined;
      identity.vendor ??= text(p?.['chargePointVendor']);
      identity.model ??= text(p?.['chargePointModel']);
      identity.serial ??= text(p?.['chargePointSerialNumber']) ?? text(p?.['chargeBoxSerialNumber']);
      identity.firmware ??= text(p?.['firmwareVersion']);
    }
    if (role === 'central-system' && r.type === 'event' && r.event === 'handshake') {
      const url = text(r.detail['url']);
      // The URL carries the emulated Charge Point's identity as its last segment; the CSMS is the rest.
      identity.url ??= url?.replace(/\/[^/]*$/, '');
    }
  }
  return role === 'charge-point' ? Boolean(identity.vendor && identity.model && identity.serial && identity.firmware) : Boolean(identity.url);
}
