/**
 * idTags are case-insensitive (IdToken is a CiString20Type, OCPP 1.6 errata §3.73): a card whose UID a reader
 * reports in other letter case is the same card, and a Central System that compares tags byte by byte turns it away.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { HarnessError } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { type NegativeContext, remembered } from './negative-context';

/** The tag with the letter case of every letter swapped: `Ref-Valid-01` → `rEF-vALID-01`. */
export function otherLetterCase(idTag: string): string {
  const swapped = [...idTag].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  if (swapped === idTag) throw new HarnessError(`the idTag "${idTag}" has no letters, so it cannot be presented in other letter case`);
  return swapped;
}

export class NegativeAuthorization {
  private last: { readonly idTag: string; readonly outcome: CallOutcome } | undefined;

  static of(ctx: NegativeContext): NegativeAuthorization {
    return remembered(ctx, 'negative-authorization', () => new NegativeAuthorization());
  }

  /** Authorize.req (§4.1) for `idTag` exactly as given. */
  async authorize(cp: EmulatedChargePoint, idTag: string, rule: RuleContext): Promise<void> {
    this.last = { idTag, outcome: await cp.send('Authorize', { idTag }, rule) };
  }

  /** The last Authorize.conf has idTagInfo with `status`. */
  expectStatus(status: string, rule: RuleContext): void {
    if (!this.last) throw new HarnessError('no Authorize.req has been sent in this scenario');
    expectConf(this.last.outcome, 'Authorize', { idTagInfo: { status } }, rule, `the Central System (for the idTag "${this.last.idTag}")`);
  }
}
