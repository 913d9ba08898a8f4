/**
 * TC_019_CS: the configuration keys each supported feature profile requires and the accessibility OCPP 1.6 §9 gives
 * them, as the test case document lists them (R: read-only, RW: read-write; "R or RW" where §9 leaves it to the
 * charger), and the checks of the four GetConfiguration.conf of the case.
 */
import type { RuleContext } from '../ocpp-connection';
import type { ConfigurationRead } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

type Access = 'R' | 'RW' | 'R or RW';

const CORE: Readonly<Record<string, Access>> = {
  AuthorizeRemoteTxRequests: 'R or RW', ClockAlignedDataInterval: 'RW', ConnectionTimeOut: 'RW', ConnectorPhaseRotation: 'RW',
  GetConfigurationMaxKeys: 'R', HeartbeatInterval: 'RW', LocalAuthorizeOffline: 'RW', LocalPreAuthorize: 'RW',
  MeterValuesAlignedData: 'RW', MeterValuesSampledData: 'RW', MeterValueSampleInterval: 'RW', NumberOfConnectors: 'R',
  ResetRetries: 'RW', StopTransactionOnInvalidId: 'RW', StopTxnAlignedData: 'RW', StopTxnSampledData: 'RW',
  SupportedFeatureProfiles: 'R', TransactionMessageAttempts: 'RW', TransactionMessageRetryInterval: 'RW',
  UnlockConnectorOnEVSideDisconnect: 'R or RW',
};

/** Per profile: the keys, and the section of §9 that defines them. */
export const REQUIRED_KEYS: Readonly<Record<string, { section: string; keys: Readonly<Record<string, Access>> }>> = {
  Core: { section: '§9.1', keys: CORE },
  LocalAuthListManagement: { section: '§9.2', keys: { LocalAuthListEnabled: 'RW', LocalAuthListMaxLength: 'R', SendLocalListMaxLength: 'R' } },
  SmartCharging: {
    section: '§9.4',
    keys: { ChargeProfileMaxStackLevel: 'R', ChargingScheduleAllowedChargingRateUnit: 'R', ChargingScheduleMaxPeriods: 'R', MaxChargingProfilesInstalled: 'R' },
  },
};

export class RequiredConfigurationKeys {
  constructor(private readonly ctx: ScenarioContext) {}

  /** Step 2 / 6: the key asked for is reported, and no key is listed as unknown (§5.8). */
  expectReported(read: ConfigurationRead, key: string, rule: RuleContext): void {
    if (read.unknown.length > 0 || !read.known.has(key.toLowerCase())) {
      throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} did not report the configuration key ${key}`, {
        expected: `configurationKey with ${key}, no unknownKey`, actual: JSON.stringify(read.payload),
      });
    }
  }

  /** Step 4: every key the supported profiles (read in step 2) require, with the accessibility §9 gives it. */
  expectRequired(read: ConfigurationRead, profiles: readonly string[]): void {
    for (const profile of ['Core', ...profiles.filter((p) => p !== 'Core')]) {
      const required = REQUIRED_KEYS[profile];
      if (!required) continue;
      const rule = this.ctx.rule(`OCPP 1.6 ${required.section}`, 'step 4');
      for (const [key, access] of Object.entries(required.keys)) {
        const kv = read.known.get(key.toLowerCase());
        if (!kv) throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} does not report ${key}, which the ${profile} profile requires`, { expected: `${key} (${access})` });
        const actual = kv.readonly ? 'R' : 'RW';
        if (access !== 'R or RW' && access !== actual) {
          throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} reports ${key} as ${kv.readonly ? 'read-only' : 'read-write'}`, {
            expected: `${key} ${access === 'R' ? 'read-only' : 'read-write'} (${access})`, actual: JSON.stringify(kv),
          });
        }
      }
    }
  }

  /** Step 8: every key asked for is reported and none is unknown. */
  expectAll(read: ConfigurationRead, asked: readonly string[], rule: RuleContext): void {
    const missing = asked.filter((k) => !read.known.has(k.toLowerCase()));
    if (missing.length > 0 || read.unknown.length > 0) {
      throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} did not report ${[...missing, ...read.unknown].join(', ')} of the keys asked for`, {
        expected: `all of ${asked.join(', ')}`, actual: JSON.stringify(read.payload),
      });
    }
  }
}
