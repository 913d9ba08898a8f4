/**
 * Security profile 1 of a Central System under test (HTTP Basic authentication, OCPP-J 1.6 §6.2.2): the username is
 * the charge point identity of the connection URL and the password its key. Credentials that do not match, a wrong
 * password or another charge point's username and password, must be refused at the WebSocket handshake; the right
 * ones let in. Each attempt is a separate connection of the same identity, closed again at once if let in.
 */
import { ConformanceAssertionError, HarnessError, NotApplicable } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint, HandshakeOutcome } from './emulated-charge-point';
import { type NegativeContext, remembered } from './negative-context';

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** The password the SUT file gives an identity (`centralSystem.security.basicAuth`, `*` for all). */
export function basicAuthPassword(ctx: Pick<NegativeContext, 'sut'>, identity: string): string | undefined {
  const table = ctx.sut.centralSystem?.security.basicAuth;
  return table?.[identity] ?? table?.['*'];
}

export class BasicAuthProbe {
  private last: { readonly what: string; readonly outcome: HandshakeOutcome } | undefined;

  private constructor(
    private readonly ctx: NegativeContext,
    /** The scenario's emulated Charge Point; it never connects with the wrong credentials itself. */
    private readonly cp: EmulatedChargePoint,
    private readonly password: string,
  ) {}

  /** The scenario's probe for a new emulated Charge Point; N/A when the SUT file declares no Basic auth for it. */
  static open(ctx: NegativeContext): BasicAuthProbe {
    return remembered(ctx, 'negative-basic-auth', () => {
      const cp = ctx.newChargePoint('default');
      const password = basicAuthPassword(ctx, cp.identity);
      if (password === undefined) {
        throw new NotApplicable(`the SUT file declares no Basic-auth password for ${cp.identity} (centralSystem.security.basicAuth): security profile 1 is not in use`);
      }
      return new BasicAuthProbe(ctx, cp, password);
    });
  }

  static of(ctx: NegativeContext): BasicAuthProbe {
    const probe = ctx.memory.get('negative-basic-auth');
    if (!probe) throw new HarnessError('the scenario has not said that the Central System requires Basic authentication');
    return probe as BasicAuthProbe;
  }

  /** Connects as the charge point with its own identity in the URL but the password changed. */
  connectWithWrongPassword(): Promise<void> {
    return this.attempt(`the wrong password for ${this.cp.identity}`, { username: this.cp.identity, password: `${this.password}-not-this-one` });
  }

  /** Connects as the charge point with the username and password of another charge point the Central System knows. */
  connectAsAnotherChargePoint(): Promise<void> {
    const other = this.ctx.bench.identities.take('accepted');
    const password = basicAuthPassword(this.ctx, other);
    if (password === undefined) throw new NotApplicable(`the SUT file declares no Basic-auth password for a second charge point (${other})`);
    return this.attempt(`the username and password of ${other} in the URL of ${this.cp.identity}`, { username: other, password });
  }

  /** The last attempt was refused at the handshake; HTTP 401 is the refusal RFC 7235 §3.1 names for bad credentials. */
  expectRefused(rule: RuleContext): void {
    if (!this.last) throw new HarnessError('no connection with wrong credentials has been attempted in this scenario');
    const { what, outcome } = this.last;
    if (outcome.ok) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: 'SHALL', category: 'behaviour',
        message: `the Central System completed the WebSocket handshake of a charge point presenting ${what}`,
        expected: 'the handshake refused (HTTP 401)', actual: `HTTP 101, subprotocol "${outcome.subprotocol}"`,
      });
    }
    if (outcome.status !== 401) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: 'SHOULD', category: 'behaviour',
        message: `the Central System refused a charge point presenting ${what} ${outcome.status ? `with HTTP ${outcome.status}` : `(${outcome.message})`}, not with HTTP 401 Unauthorized`,
        expected: 'HTTP 401', actual: outcome.message,
      });
    }
  }

  /** With its own credentials the charge point is let in and its BootNotification.req is Accepted. */
  async expectAdmitted(rule: RuleContext): Promise<void> {
    await this.cp.connectOrFail(rule);
    expectConf(await this.cp.boot(rule), 'BootNotification', { status: 'Accepted' }, rule, 'the Central System');
  }

  private async attempt(what: string, basicAuth: BasicCredentials): Promise<void> {
    const impostor = this.ctx.bench.chargePoint(this.cp.identity, { basicAuth });
    try {
      this.last = { what, outcome: await impostor.connect() };
    } finally {
      await impostor.disconnect();
    }
  }
}
