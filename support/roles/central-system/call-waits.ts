/**
 * Waits on the charger's CALLs that the plain mailbox waits do not cover: the first of several CALLs (whichever
 * the charger sends first decides, e.g. StopTransaction.req before or after the reboot), the answer the harness
 * gave to a CALL, and forgetting the unconsumed CALLs of the charger's life before a reboot. All are event-driven
 * (the view announces every answered CALL) with one deadline.
 */
import { performance } from 'node:perf_hooks';
import { describeMatcher, type CallMatcher, type ReceivedCall } from '../../recording/mailbox';
import { matches } from '../../recording/payload-pattern';
import { summarize } from '../../recording/frame-record';
import { explain, type RuleContext } from '../expectations';
import { WaitTimeout } from '../../recording/mailbox';
import type { ChargePointUnderTest } from './charge-point-under-test';

function isMatch(call: ReceivedCall, m: CallMatcher): boolean {
  return call.action === m.action && matches(call.payload, m.payload ?? {});
}

/** The earliest unconsumed CALL matching one of `matchers`, and which matcher it matched. */
function earliest(cp: ChargePointUnderTest, matchers: readonly CallMatcher[]): { index: number; call: ReceivedCall } | undefined {
  for (const call of cp.mailbox.pending()) {
    const index = matchers.findIndex((m) => isMatch(call, m));
    if (index >= 0) return { index, call };
  }
  return undefined;
}

/**
 * Takes whichever CALL matching one of `matchers` the charger sent first (already waiting, or arriving within
 * `withinMs`); a timeout fails with `rule`.
 */
export async function takeFirstOf(cp: ChargePointUnderTest, matchers: readonly CallMatcher[], withinMs: number, rule: RuleContext): Promise<{ index: number; call: ReceivedCall }> {
  const started = performance.now();
  const sinceSeq = cp.mailbox.pending().at(-1)?.record.seq ?? 0;
  const found = earliest(cp, matchers) ?? (await new Promise<{ index: number; call: ReceivedCall } | undefined>((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(undefined);
    }, withinMs);
    const unsubscribe = cp.view.onUpdate(() => {
      const hit = earliest(cp, matchers);
      if (!hit) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(hit);
    });
  }));
  if (!found) {
    const meanwhile = cp.mailbox.pending().filter((c) => c.record.seq > sinceSeq).map((c) => summarize(c.record));
    const awaited = matchers.map(describeMatcher).join(' or ');
    throw explain(new WaitTimeout(awaited, performance.now() - started, meanwhile), rule, awaited, cp.who);
  }
  const matcher = matchers[found.index] as CallMatcher;
  // The earliest match of that matcher is the call found: take it out of the mailbox.
  await cp.mailbox.take(matcher, 0);
  return found;
}

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
