// The Charge Point flows a step hands its work to, built on the scenario's World (one object per step call; the
// state they share lives in the World's memory and the bench).
import type { HarnessWorld } from '../../support/cucumber/world';
import { BootFlows } from '../../support/roles/central-system/boot-flows';
import { CentralSystemRequests } from '../../support/roles/central-system/central-system-requests';
import { ChargerConfiguration } from '../../support/roles/central-system/charger-configuration';
import { FirmwareFlows } from '../../support/roles/central-system/firmware-flows';
import { IdleState } from '../../support/roles/central-system/idle-state';
import { LocalListFlows } from '../../support/roles/central-system/local-list-flows';
import { MeterValueChecks } from '../../support/roles/central-system/meter-value-checks';
import { OfflineFlows } from '../../support/roles/central-system/offline-flows';
import { RequiredConfigurationKeys } from '../../support/roles/central-system/required-configuration-keys';
import { RestartFlows } from '../../support/roles/central-system/restart-flows';
import { SessionFlows } from '../../support/roles/central-system/session-flows';
import { TimingChecks } from '../../support/roles/central-system/timing-checks';

export const idle = (w: HarnessWorld): IdleState => new IdleState(w);
export const boots = (w: HarnessWorld): BootFlows => new BootFlows(w);
export const session = (w: HarnessWorld): SessionFlows => new SessionFlows(w);
export const requests = (w: HarnessWorld): CentralSystemRequests => new CentralSystemRequests(w);
export const configuration = (w: HarnessWorld): ChargerConfiguration => new ChargerConfiguration(w);
export const timing = (w: HarnessWorld): TimingChecks => new TimingChecks(w);
export const meterValues = (w: HarnessWorld): MeterValueChecks => new MeterValueChecks(w);
export const restarts = (w: HarnessWorld): RestartFlows => new RestartFlows(w);
export const offline = (w: HarnessWorld): OfflineFlows => new OfflineFlows(w);
export const localList = (w: HarnessWorld): LocalListFlows => new LocalListFlows(w);
export const requiredKeys = (w: HarnessWorld): RequiredConfigurationKeys => new RequiredConfigurationKeys(w);
export const firmware = (w: HarnessWorld): FirmwareFlows =>
  new FirmwareFlows(w, (fileName, text) => w.attach(text, { mediaType: 'text/plain', fileName }));

/** The clause of an action's operation, e.g. `OCPP 1.6 §5.11` for RemoteStartTransaction. */
export const operation = (w: HarnessWorld, action: string): string => `OCPP 1.6 ${w.operationOf(action)}`;
