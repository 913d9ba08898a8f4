import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSutFile } from '../sut/sut-config';
import { MAIN_REFERENCE_FILE, mainRunTags, REFERENCE_VARIANTS, referenceFileFor, sutPath, tagsOf, variantTags } from './reference-suites';
import { ROOT } from './run-command';

test('the main run of a configuration leaves out exactly the cases its variant runs', () => {
  assert.equal(mainRunTags('reference-charge-point.json'), 'not @TC_017_2_CS and not @TC_018_2_CS and not @TC_043_1_CS and not @TC_048_4_CS and not @TC_050_4_CS and not @EXT_RPC_003 and not @TC_045_1_CS and not @TC_045_2_CS and not @TC_073_CS and not @TC_074_CS and not @TC_075_1_CS and not @TC_075_2_CS and not @TC_076_CS and not @TC_077_CS and not @TC_078_CS and not @TC_079_CS and not @TC_080_CS and not @TC_081_CS and not @TC_083_CS and not @TC_084_CS and not @TC_085_CS and not @TC_086_CS and not @TC_087_CS and not @EXT_SEC_101 and not @EXT_SEC_102 and not @EXT_SEC_103 and not @EXT_SEC_104 and not @EXT_SEC_105 and not @EXT_SEC_106 and not @EXT_SEC_107 and not @EXT_SEC_108 and not @EXT_SEC_109');
  // The security white paper's cases run against the security variant only.
  const cs = mainRunTags('reference-central-system.json') ?? '';
  assert.match(cs, /^not @TC_073_CSMS and .*not @TC_087_CSMS and .*not @EXT_SEC_212$/);
  assert.equal(tagsOf(['TC_017_2_CS', 'TC_043_1_CS']), '@TC_017_2_CS or @TC_043_1_CS');
  assert.equal(variantTags(['TC_017_2_CS'], '@feature-profile:Core'), '(@feature-profile:Core) and (@TC_017_2_CS)');
  assert.equal(variantTags(['TC_017_2_CS']), '@TC_017_2_CS');
});

test('every variant is a reference SUT file of its role built for the cases it runs', () => {
  for (const v of REFERENCE_VARIANTS) {
    assert.equal(v.mainFile, MAIN_REFERENCE_FILE[v.role]);
    const sut = loadSutFile(sutPath(ROOT, v.file));
    assert.equal(sut.role, v.role);
    assert.ok(sut.reference, `${v.file} has a reference section`);
  }
  const fixed = loadSutFile(sutPath(ROOT, 'reference-charge-point-fixed-cable.json'));
  assert.equal(fixed.chargePoint?.fixedCable, true);
  assert.equal((fixed.reference?.options as Record<string, unknown>)['localAuthList'], false);
  // No Reservation (TC_048_4_CS, TC_050_4_CS): the charger declares what the SUT file lists.
  const declared = ((fixed.reference?.options as { configuration?: Record<string, string> }).configuration ?? {})['SupportedFeatureProfiles'];
  assert.equal(declared, fixed.chargePoint?.supportedProfiles.join(','));
  // FTP-only diagnostics: the charger's SUT file and the reference build agree.
  const ftp = loadSutFile(sutPath(ROOT, 'reference-charge-point-ftp-diagnostics.json'));
  assert.deepEqual(ftp.fileTransfer.protocols.diagnostics, ['ftp']);
  assert.deepEqual((ftp.reference?.options as { fileTransferProtocols?: unknown }).fileTransferProtocols, { diagnostics: ['ftp'] });
  assert.ok(ftp.chargePoint?.supportedProfiles.includes('FirmwareManagement'));
});

test('a fault runs against the configuration where its cases apply', () => {
  assert.equal(referenceFileFor('charge-point', ['TC_005_3_CS']), 'reference-charge-point.json');
  assert.equal(referenceFileFor('charge-point', ['TC_017_2_CS', 'TC_018_2_CS']), 'reference-charge-point-fixed-cable.json');
  assert.equal(referenceFileFor('central-system', ['TC_043_4_CSMS']), 'reference-central-system.json');
  assert.equal(referenceFileFor('charge-point', ['TC_045_1_CS']), 'reference-charge-point-ftp-diagnostics.json');
  assert.throws(() => referenceFileFor('charge-point', ['TC_017_2_CS', 'TC_017_1_CS']), /one reference configuration/);
});
