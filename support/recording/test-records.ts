/** Builders of trace records for unit tests. */
import type { FrameRecord } from './frame-record';

let seq = 0;

export function frame(fields: Partial<FrameRecord> & Pick<FrameRecord, 'direction' | 'kind'>): FrameRecord {
  seq += 1;
  return { type: 'frame', seq, time: new Date().toISOString(), mono: seq, connection: 'CP1', raw: '', problems: [], violations: [], ...fields };
}
