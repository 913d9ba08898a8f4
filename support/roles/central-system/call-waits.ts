/**
 * Waits on the charger's CALLs that the plain mailbox waits do not cover: the answer the harness gave to a CALL,
 * and forgetting the unconsumed CALLs of the charger's life before a reboot. (Whichever of several CALLs comes first
 * is `Expectations.expectFirstOf`.)
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { ChargePointUnderTest } from './charge-point-under-test';

/** Resolves once the harness has answered `call` (the view has seen it), or after `withinMs`. */
export async function answered(cp: ChargePointUnderTest, call: ReceivedCall, withinMs: number): Promise<ReceivedCall> {
  if (call.answer) return call;
  await cp.waitForView(() => call.answer !== undefined, withinMs);
  return call;
}

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
