/**
 * The Charge Point under test as the steps of `features/charge-point/` see it: one charger, across its
 * reconnections, reached through the emulated Central System. Each method is one thing a step asks for.
 */
import type { EmulatedCentralSystem } from './emulated-central-system';
import type { OcppConnection, RuleContext } from '../ocpp-connection';
import type { Expectations } from '../expectations';
import type { ReceivedCall } from '../../recording/mailbox';
import type { PayloadPattern } from '../../recording/payload-pattern';
import type { SutConfig } from '../../sut/sut-config';
import { HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';

export class ChargePointUnderTest {
  constructor(
    private readonly cs: EmulatedCentralSystem,
    private readonly sut: SutConfig,
  ) {}

  get identity(): string {
    return this.sut.chargePoint!.identity;
  }

  get expectations(): Expectations {
    return this.cs.expectations(this.identity);
  }

  /** The charger's open connection, waiting up to the SUT file's connect timeout for it. */
  async connection(): Promise<OcppConnection> {
    const c = await this.cs.waitForConnection(this.identity, this.sut.timeouts.connectMs);
    if (!c) {
      throw new HarnessError(`the Charge Point ${this.identity} did not connect to ${this.cs.url}/${this.identity} within ${formatDuration(this.sut.timeouts.connectMs)}`);
    }
    return c;
  }

  /** Waits for a CALL of the charger (any of its connections) within the SUT file's message timeout. */
  expect(action: string, payload: PayloadPattern, rule: RuleContext, withinMs = this.sut.timeouts.messageMs): Promise<ReceivedCall> {
    return this.expectations.expectCall({ action, payload }, withinMs, rule);
  }

  /** Waits for one StatusNotification.req per connector, connector 0 included, in any order (§4.9, §4.2). */
  expectStatusOfEveryConnector(rule: RuleContext, payload: PayloadPattern = {}): Promise<ReceivedCall[]> {
    const connectors = Array.from({ length: this.sut.chargePoint!.connectors + 1 }, (_, i) => i);
    return this.expectations.expectCallsInAnyOrder(
      connectors.map((connectorId) => ({ action: 'StatusNotification', payload: { ...payload, connectorId } })),
      this.sut.timeouts.messageMs,
      rule,
    );
  }
}
