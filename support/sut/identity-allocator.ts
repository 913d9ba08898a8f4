/**
 * Hands out charge point identities for the emulated Charge Points of a scenario (Central System under test), from
 * the SUT file's lists or patterns, so that scenarios running in parallel against one CSMS never share an id.
 * Patterns may contain {worker}, {scenario} and {n}; lists are shared out between the parallel workers.
 *
 * A CSMS without accepted identities cannot be tested at all (a configuration error); one without Pending, Rejected
 * or unknown charge points is a fact about the SUT: the cases that need one are not applicable.
 */
import { ConfigError, NotApplicable } from '../reporting/errors';
import type { Identities } from './sut-config';

export type RegistrationKind = 'accepted' | 'pending' | 'rejected' | 'unknown';

/** What an identity of each kind is to the Central System, for the N/A reason. */
const KIND_MEANS: Record<Exclude<RegistrationKind, 'accepted'>, string> = {
  pending: 'keeps Pending',
  rejected: 'Rejects',
  unknown: 'does not know',
};

export class IdentityAllocator {
  private scenario = 0;
  private readonly used = new Map<RegistrationKind, number>();

  constructor(
    private readonly sources: Partial<Record<RegistrationKind, Identities>>,
    private readonly worker = Number(process.env['CUCUMBER_WORKER_ID'] ?? 0),
    private readonly workers = Number(process.env['CUCUMBER_TOTAL_WORKERS'] ?? 1),
    private readonly sutFile = 'the SUT file',
  ) {}

  /** A new scenario: identities may be handed out again. */
  nextScenario(): void {
    this.scenario += 1;
    this.used.clear();
  }

  /** True when the SUT file declares identities of this kind. */
  has(kind: RegistrationKind): boolean {
    return this.sources[kind] !== undefined;
  }

  /** The next identity of this kind for the current scenario, distinct from the others handed out in it. */
  take(kind: RegistrationKind): string {
    const source = this.sources[kind];
    if (!source) {
      const field = `centralSystem.chargePoints.${kind}`;
      if (kind === 'accepted') throw new ConfigError(`${this.sutFile} declares no /centralSystem/chargePoints/accepted identities`);
      throw new NotApplicable(`${this.sutFile} declares no ${kind} charge point identities (${field}): this case needs a charge point the Central System ${KIND_MEANS[kind]}`);
    }
    const n = (this.used.get(kind) ?? 0) + 1;
    this.used.set(kind, n);
    if ('pattern' in source) {
      return source.pattern
        .replace(/\{worker\}/g, String(this.worker))
        .replace(/\{scenario\}/g, String(this.scenario))
        .replace(/\{n\}/g, String(n));
    }
    const mine = source.filter((_, i) => i % this.workers === this.worker % this.workers);
    const id = mine[n - 1];
    if (id === undefined) {
      throw new ConfigError(`${this.sutFile} lists too few ${kind} identities: this scenario needs ${n} on worker ${this.worker} of ${this.workers}`);
    }
    return id;
  }
}
