/**
 * The Charge Point under test as the steps of `features/charge-point/` see it: one charger, across its
 * reconnections, reached through the emulated Central System. Each method is one thing a step asks for; the
 * facade keeps no state of its own (the view, the mailbox and the physical state live as long as the worker).
 */
import type { EmulatedCentralSystem } from './emulated-central-system';
import type { OcppConnection, RuleContext } from '../ocpp-connection';
import { expectConf, type Expectations } from '../expectations';
import type { Mailbox, ReceivedCall } from '../../recording/mailbox';
import type { PayloadPattern } from '../../recording/payload-pattern';
import type { CallOptions, CallOutcome } from '../../ocpp/rpc-endpoint';
import type { CallHandler } from '../../ocpp/handler-table';
import type { SutConfig } from '../../sut/sut-config';
import { HarnessError, NotApplicable } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { ObservedChargePoint } from './observed-charge-point';
import { physicalStateOf, type PhysicalState } from './physical-state';
import { chargerOptions, type ChargerOptions } from './charger-options';

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

  /** The charger's unconsumed CALLs, across its connections. */
  get mailbox(): Mailbox {
    return this.cs.mailbox(this.identity);
  }

  /** What the emulated Central System has seen of the charger (registration, statuses, transactions). */
  get view(): ObservedChargePoint {
    return this.cs.view(this.identity);
  }

  /** What the harness has done at the charger through the actuator and not undone yet. */
  get physical(): PhysicalState {
    return physicalStateOf(this.cs, this.identity);
  }

  /** The connector the test cases use (`<Configured ConnectorId>`). */
  get connectorUnderTest(): number {
    return this.sut.chargePoint!.connectorUnderTest;
  }

  /** Connector ids 1…N as the SUT file declares them. */
  get connectorIds(): number[] {
    return Array.from({ length: this.sut.chargePoint!.connectors }, (_, i) => i + 1);
  }

  get options(): ChargerOptions {
    return chargerOptions(this.sut);
  }

  /** Whether the charger has a cable permanently attached (SUT file). */
  get fixedCable(): boolean {
    return this.sut.chargePoint!.fixedCable;
  }

  /** A configuration value of the SUT file (`<Configured …>` in the test case document). */
  configuredValue(key: string): string {
    const value = this.sut.chargePoint!.configuration[key];
    if (value === undefined) throw new HarnessError(`the SUT file ${this.sut.file} has no chargePoint.configuration.${key}, which this case needs`);
    return value;
  }

  /** Not applicable unless the charger stops transactions on a power failure the way the case needs (SUT file option). */
  requireBackupPower(needed: boolean): void {
    const declared = this.options.backupPowerSupply;
    if (declared !== 'switchable' && declared !== needed) {
      throw new NotApplicable(`the case is for a Charge Point ${needed ? 'with' : 'without'} a backup power supply; the SUT file declares backupPowerSupply ${String(declared)}`);
    }
  }

  /** A transactionId the charger does not have: none the harness has given it (TC_028_CS). */
  unknownTransactionId(): number {
    const known = [...this.view.transactions.keys()];
    return (known.length > 0 ? Math.max(...known) : 0) + 1_000_000;
  }

  /** Who the charger is, for messages. */
  get who(): string {
    return this.expectations.who;
  }

  /** The charger's open connection, waiting up to the SUT file's connect timeout for it. */
  async connection(): Promise<OcppConnection> {
    const c = await this.cs.waitForConnection(this.identity, this.sut.timeouts.connectMs);
    if (!c) {
      throw new HarnessError(`the Charge Point ${this.identity} did not connect to ${this.cs.url}/${this.identity} within ${formatDuration(this.sut.timeouts.connectMs)}`);
    }
    return c;
  }

  /** A mark for `reconnected`: only connections opened after it count. */
  mark(): number {
    return this.cs.mark();
  }

  /** Waits for a connection of the charger opened after `mark` (it came back after a reboot or a network loss). */
  async reconnected(mark: number): Promise<OcppConnection> {
    const c = await this.cs.waitForConnection(this.identity, this.sut.timeouts.connectMs, mark);
    if (!c) throw new HarnessError(`the Charge Point ${this.identity} did not connect again within ${formatDuration(this.sut.timeouts.connectMs)}`);
    return c;
  }

  /** Sends a CALL of the Central System and returns the charger's answer; no answer in time fails with `rule`. */
  async call(action: string, payload: Record<string, unknown>, rule: RuleContext, options: CallOptions = {}): Promise<CallOutcome> {
    return (await this.connection()).call(action, payload, rule, options);
  }

  /** Sends a CALL and requires a CALLRESULT matching `pattern` (§5: the Charge Point SHALL respond with the .conf). */
  async request(action: string, payload: Record<string, unknown>, pattern: PayloadPattern, rule: RuleContext): Promise<Record<string, unknown>> {
    return expectConf(await this.call(action, payload, rule), action, pattern, rule, this.who);
  }

  /** Replaces the Central System's answer to one action until the scenario ends. */
  answer(action: string, handler: CallHandler): void {
    this.cs.handlers.override(action, handler);
  }

  /** Drops the answers a scenario set: the Central System answers with its defaults again. */
  restoreDefaultAnswers(): void {
    this.cs.handlers.clearOverrides();
  }

  /** Waits for a CALL of the charger (any of its connections) within the SUT file's message timeout. */
  expect(action: string, payload: PayloadPattern, rule: RuleContext, withinMs = this.sut.timeouts.messageMs): Promise<ReceivedCall> {
    return this.expectations.expectCall({ action, payload }, withinMs, rule);
  }

  /** Fails as soon as a matching CALL arrives within `duringMs` (or is already waiting unconsumed). */
  expectNone(action: string, payload: PayloadPattern, duringMs: number, rule: RuleContext): Promise<void> {
    return this.expectations.expectNoCall({ action, payload }, duringMs, rule);
  }

  /** Waits for one StatusNotification.req per connector, connector 0 included, in any order (§4.9, §4.2). */
  expectStatusOfEveryConnector(rule: RuleContext, payload: PayloadPattern = {}): Promise<ReceivedCall[]> {
    const connectors = [0, ...this.connectorIds];
    return this.expectations.expectCallsInAnyOrder(
      connectors.map((connectorId) => ({ action: 'StatusNotification', payload: { ...payload, connectorId } })),
      this.sut.timeouts.messageMs,
      rule,
    );
  }

  /** Resolves true as soon as `predicate` holds for the view (checked now and after every answered CALL), false after `withinMs`. */
  waitForView(predicate: (view: ObservedChargePoint) => boolean, withinMs: number): Promise<boolean> {
    return this.view.waitFor(predicate, withinMs);
  }
}
