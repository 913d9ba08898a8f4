/**
 * The SUT file against the charger (EXT_SUT_001): what GetConfiguration reports for SupportedFeatureProfiles,
 * NumberOfConnectors and the keys the SUT file sets. A mismatch is a warning, not a failure: the charger breaks no
 * rule, the SUT file describes it wrongly, and the cases it affects become N/A (or run against the wrong
 * expectations) until it is corrected.
 */
import type { ConfigurationRead } from './charger-configuration';
import { ChargerConfiguration } from './charger-configuration';
import type { ScenarioContext } from './scenario-context';

export const SUT_FILE_RULE = 'SUT file vs GetConfiguration';

export class SutFileCheck {
  constructor(private readonly ctx: ScenarioContext) {}

  /** Reads the keys the SUT file makes claims about; kept for `reportMismatches`. */
  async read(): Promise<void> {
    const keys = ['SupportedFeatureProfiles', 'NumberOfConnectors', ...Object.keys(this.ctx.sut.chargePoint?.configuration ?? {})];
    this.ctx.memory.set('sut-file:read', await new ChargerConfiguration(this.ctx).read(keys, this.ctx.rule('OCPP 1.6 §5.8')));
  }

  /** One warning per mismatch between the SUT file and what the charger reported; returns how many. */
  reportMismatches(): number {
    const read = this.ctx.memory.get('sut-file:read') as ConfigurationRead;
    const cp = this.ctx.sut.chargePoint!;
    const mismatches: string[] = [];
    const reported = (read.known.get('supportedfeatureprofiles')?.value ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    for (const p of cp.supportedProfiles.filter((x) => !reported.includes(x))) mismatches.push(`the SUT file lists the ${p} profile, SupportedFeatureProfiles does not: its cases will be N/A`);
    for (const p of reported.filter((x) => !cp.supportedProfiles.includes(x))) mismatches.push(`SupportedFeatureProfiles lists ${p}, the SUT file does not: its cases are not run`);
    const connectors = read.known.get('numberofconnectors')?.value;
    if (connectors !== undefined && Number(connectors) !== cp.connectors) mismatches.push(`NumberOfConnectors is ${connectors}, the SUT file says ${cp.connectors}`);
    for (const [key, value] of Object.entries(cp.configuration)) {
      const kv = read.known.get(key.toLowerCase());
      if (!kv) mismatches.push(`the SUT file sets ${key}, which the Charge Point does not implement`);
      else if (kv.readonly && kv.value !== value) mismatches.push(`the SUT file sets ${key} to ${value}, but the Charge Point reports it read-only with ${kv.value ?? 'no value'}`);
    }
    for (const message of mismatches) this.ctx.warn({ category: 'behaviour', rule: SUT_FILE_RULE, message });
    return mismatches.length;
  }
}
