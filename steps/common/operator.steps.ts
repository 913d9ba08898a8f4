// Physical and operator steps, carried out through the SUT file's actuator (reference API, HTTP hook or prompt).
import { When } from '../../support/cucumber/define';

When('the operator power-cycles the Charge Point', async function () {
  await this.act('power-cycle');
});
