/**
 * Waits until the Charge Point under test is registered (its last BootNotification.req answered Accepted, §4.2) and
 * has reported connectorId 0 and every connector (errata §3.22), so that a check of ours does not race the boot of
 * the charger at the start of a run or after a reboot caused by an earlier scenario.
 */
import { HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { SutConfig } from '../../sut/sut-config';
import type { WireLog } from '../../recording/wire-log';
import type { TraceRecord } from '../../recording/frame-record';
import type { EmulatedCentralSystem } from './emulated-central-system';

const isBoot = (r: TraceRecord): boolean => r.type === 'frame' && r.direction === 'in' && r.kind === 'CALL' && r.action === 'BootNotification';

/** The last BootNotification.req seen on a wire log, followed from the first time we are asked on. */
const lastBoots = new WeakMap<WireLog, { seq: number }>();
function lastBootOf(log: WireLog): { seq: number } {
  let last = lastBoots.get(log);
  if (!last) {
    const tracked = { seq: 0 };
    log.subscribe((r) => {
      if (isBoot(r)) tracked.seq = r.seq;
    });
    lastBoots.set(log, tracked);
    last = tracked;
  }
  return last;
}

export async function waitUntilRegistered(cs: EmulatedCentralSystem, sut: SutConfig, log: WireLog): Promise<void> {
  const cp = sut.chargePoint!;
  const view = cs.view(cp.identity);
  // The statuses must follow the last boot (the view keeps those of earlier boots): the charger may still be
  // reporting after a reboot an earlier scenario caused.
  const tracker = lastBootOf(log);
  const bootSeq = (): number => log.scenarioTrace().reduce((seq, r) => (isBoot(r) ? Math.max(seq, r.seq) : seq), tracker.seq);
  const ready = (): boolean =>
    view.registration === 'Accepted' && Array.from({ length: cp.connectors + 1 }, (_, i) => i).every((id) => (view.statuses.get(id)?.seq ?? 0) > bootSeq());
  const connection = await cs.waitForConnection(cp.identity, sut.timeouts.connectMs);
  if (!connection) throw new HarnessError(`the Charge Point ${cp.identity} did not connect to ${cs.url}/${cp.identity} within ${formatDuration(sut.timeouts.connectMs)}`);
  if (ready()) return;
  const withinMs = sut.timeouts.messageMs;
  const done = await new Promise<boolean>((resolve) => {
    const onAnswered = (): void => {
      if (!ready()) return;
      clearTimeout(timer);
      connection.off('answered', onAnswered);
      resolve(true);
    };
    const timer = setTimeout(() => {
      connection.off('answered', onAnswered);
      resolve(false);
    }, withinMs);
    connection.on('answered', onAnswered);
  });
  if (!done) {
    throw new HarnessError(`the Charge Point ${cp.identity} was not registered with a status for every connector within ${formatDuration(withinMs)}` +
      ` (registration ${view.registration ?? 'none'}); the scenario needs a booted charger`);
  }
}
