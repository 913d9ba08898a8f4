// Charge Point under test: the SUT file against what the charger reports (warnings, not failures).
import { Then, When } from '../../support/cucumber/define';
import { SutFileCheck } from '../../support/roles/central-system/sut-file-check';

When('the Central System reads the profiles, the connectors and the configuration keys the SUT file declares', async function () {
  await new SutFileCheck(this).read();
});

Then('every mismatch with the SUT file is reported as a warning', function () {
  new SutFileCheck(this).reportMismatches();
});
