/**
 * Waits until the Charge Point under test is registered (its last BootNotification.req answered Accepted, §4.2) and
 * has reported connectorId 0 and every connector (errata §3.22), so that a check of ours does not race the boot of
 * the charger at the start of a run or after a reboot caused by an earlier scenario.
 */
import { HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { SutConfig } from '../../sut/sut-config';
import type { EmulatedCentralSystem } from './emulated-central-system';

export async function waitUntilRegistered(cs: EmulatedCentralSystem, sut: SutConfig): Promise<void> {
  const cp = sut.chargePoint!;
  const view = cs.view(cp.identity);
  const ready = (): boolean =>
    view.registration === 'Accepted' && Array.from({ length: cp.connectors + 1 }, (_, i) => i).every((id) => view.statuses.has(id));
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
