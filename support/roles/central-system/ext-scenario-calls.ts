/**
 * What the Charge Point under test sends during the current scenario. The mailbox keeps the CALLs no step consumed
 * in earlier scenarios (heartbeats, statuses, a boot): a check of ours must not be satisfied by one of those, so a
 * match recorded before this scenario began is dropped and the wait goes on, within the same deadline.
 */
import { performance } from 'node:perf_hooks';
import type { CallMatcher, ReceivedCall } from '../../recording/mailbox';
import type { FrameRecord, TraceRecord } from '../../recording/frame-record';
import type { WireLog } from '../../recording/wire-log';
import type { Expectations, RuleContext } from '../expectations';

export class ScenarioCalls {
  constructor(
    private readonly expectations: Expectations,
    private readonly log: WireLog,
  ) {}

  /** True when the record belongs to the current scenario's trace. */
  isFresh(record: TraceRecord): boolean {
    const first = this.log.scenarioTrace()[0];
    return first !== undefined && record.seq >= first.seq;
  }

  /**
   * Waits for a CALL matching `matcher` sent during this scenario, leftovers of earlier scenarios skipped; with
   * `after`, also those recorded before that frame (e.g. heartbeats sent before a change of their interval).
   */
  async expect(matcher: CallMatcher, withinMs: number, rule: RuleContext, after?: FrameRecord): Promise<ReceivedCall> {
    const deadline = performance.now() + withinMs;
    for (;;) {
      const call = await this.expectations.expectCall(matcher, Math.max(0, deadline - performance.now()), rule);
      if (this.isFresh(call.record) && (after === undefined || call.record.seq > after.seq)) return call;
    }
  }

  /** Frames of this scenario, oldest first, that match `filter`. */
  frames(filter: (r: FrameRecord) => boolean): FrameRecord[] {
    return this.log.scenarioTrace().filter((r): r is FrameRecord => r.type === 'frame' && filter(r));
  }

  /** The sequence number the next record will have at the earliest (a mark: "from now on"). */
  mark(): number {
    const trace = this.log.scenarioTrace();
    return (trace[trace.length - 1]?.seq ?? 0) + 1;
  }
}
