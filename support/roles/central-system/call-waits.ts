/**
 * The charger's unconsumed CALLs around a reboot: those sent before it, and forgetting them. (Whichever of several
 * CALLs comes first is `Expectations.expectFirstOf`; the harness's answer to a CALL is `ObservedChargePoint.answerTo`.)
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { ChargePointUnderTest } from './charge-point-under-test';

/** Unconsumed CALLs of the charger sent before `seq` (e.g. before the BootNotification.req of a reboot). */
export function callsBefore(cp: ChargePointUnderTest, seq: number, filter: (c: ReceivedCall) => boolean = () => true): ReceivedCall[] {
  return cp.mailbox.pending().filter((c) => c.record.seq < seq && filter(c));
}

/**
 * Forgets the unconsumed CALLs sent before `seq`: after a reboot they belong to the charger's previous life, and a
 * wait for a message of the new one must not find them.
 */
export function forgetCallsBefore(cp: ChargePointUnderTest, seq: number): ReceivedCall[] {
  const all = cp.mailbox.drain();
  const old = all.filter((c) => c.record.seq < seq);
  for (const call of all) if (call.record.seq >= seq) cp.mailbox.deliver(call);
  return old;
}
