// Charge Point under test, beyond the test case document: the state our checks start from.
import { Given } from '../../support/cucumber/define';
import { waitUntilRegistered } from '../../support/roles/central-system/ext-readiness';

Given('the Charge Point is registered and has reported its connectors', async function () {
  await waitUntilRegistered(this.centralSystem, this.sut, this.bench.log);
});
