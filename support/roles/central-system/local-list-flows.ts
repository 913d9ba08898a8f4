/**
 * The Local Authorization List as the test cases send it (OCPP 1.6 §5.15, §6.41, §7.1, errata §3.52): Full lists,
 * Differential updates, and the memory state IdTagLocalAuthList of the test case document (§2.26).
 */
import type { RuleContext } from '../ocpp-connection';
import { CentralSystemRequests } from './central-system-requests';
import type { ScenarioContext } from './scenario-context';

export interface LocalListUpdate {
  readonly updateType: 'Full' | 'Differential';
  readonly listVersion: number;
  /** idTags to add; none for an empty Full list. */
  readonly idTags: readonly string[];
  /** Their IdTagInfo status (default Accepted). */
  readonly status?: string;
}

/** The SendLocalList.req payload of an update; an empty list is omitted (§6.41: localAuthorizationList is optional). */
export function sendLocalListPayload(update: LocalListUpdate): Record<string, unknown> {
  const payload: Record<string, unknown> = { listVersion: update.listVersion, updateType: update.updateType };
  const status = update.status ?? 'Accepted';
  if (update.idTags.length > 0) payload['localAuthorizationList'] = update.idTags.map((idTag) => ({ idTag, idTagInfo: { status } }));
  return payload;
}

export class LocalListFlows {
  private readonly requests: CentralSystemRequests;

  constructor(private readonly ctx: ScenarioContext) {
    this.requests = new CentralSystemRequests(ctx);
  }

  /** The charger's storage of the list fails from now on (TC_043_3_CS); undone when the scenario ends. */
  async failStorage(): Promise<void> {
    await this.ctx.act('local-list-failure', { enabled: true });
    this.ctx.chargePoint.physical.localListFailing = true;
  }

  /** Sends the update and keeps the answer for the step that judges it. */
  async send(update: LocalListUpdate, rule: RuleContext): Promise<void> {
    await this.requests.send('SendLocalList', sendLocalListPayload(update), rule);
  }

  /** A Full list of `idTag` with a version newer than the charger's (TC_008_CS step 3). */
  async sendNewer(idTag: string, rule: RuleContext): Promise<void> {
    await this.send({ updateType: 'Full', listVersion: await this.newerVersion(rule), idTags: [idTag] }, rule);
  }

  /** A version newer than the charger's (1 when its list is empty or not versioned yet). */
  async newerVersion(rule: RuleContext): Promise<number> {
    const outcome = await this.ctx.chargePoint.call('GetLocalListVersion', {}, rule);
    const current = outcome.kind === 'result' ? Number(outcome.payload['listVersion']) : 0;
    return Math.max(0, Number.isFinite(current) ? current : 0) + 1;
  }

  /**
   * Memory state IdTagLocalAuthList: a Full list holding `idTag` with `status` (Accepted in the document), which the
   * charger must accept.
   */
  async listed(idTag: string, status = 'Accepted'): Promise<void> {
    const rule = this.ctx.rule('OCPP 1.6 §5.15', 'memory state IdTagLocalAuthList step 2');
    const listVersion = await this.newerVersion(rule);
    await this.requests.request('SendLocalList', sendLocalListPayload({ updateType: 'Full', listVersion, idTags: [idTag], status }), { status: 'Accepted' }, rule);
    this.ctx.memory.set(`locally-known:${idTag.toLowerCase()}`, true);
  }
}
