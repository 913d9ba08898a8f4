/**
 * What the CLI hands to the Cucumber workers through the environment (inherited by parallel workers):
 *   OCPP_CONFORMANCE_SUT       path of the SUT file (required)
 *   OCPP_CONFORMANCE_REPORTS   reports folder (default `reports`)
 *   OCPP_CONFORMANCE_FAULTS    comma-separated reference faults to switch on, over the SUT file's (self-test)
 */
import { resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { loadSutFile, type SutConfig } from '../sut/sut-config';

export interface HarnessEnvironment {
  readonly sut: SutConfig;
  readonly reportsDir: string;
  readonly worker: string;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): HarnessEnvironment {
  const file = env['OCPP_CONFORMANCE_SUT'];
  if (!file) throw new ConfigError('OCPP_CONFORMANCE_SUT is not set: run the suites through `ocpp-conformance run --sut <file>`');
  let sut = loadSutFile(file);
  const faults = (env['OCPP_CONFORMANCE_FAULTS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (faults.length > 0) {
    if (!sut.reference) throw new ConfigError(`OCPP_CONFORMANCE_FAULTS needs a reference SUT, but ${file} has no "reference" section`);
    sut = { ...sut, reference: { ...sut.reference, faults: [...new Set([...sut.reference.faults, ...faults])] } };
  }
  return {
    sut,
    reportsDir: resolve(env['OCPP_CONFORMANCE_REPORTS'] ?? 'reports'),
    worker: env['CUCUMBER_WORKER_ID'] ?? '0',
  };
}
