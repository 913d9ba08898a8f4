// Central System under test: idTags are compared without regard to letter case (IdToken is a CiString20Type,
// OCPP 1.6 errata §3.73).
import { Then, When } from '../../support/cucumber/define';
import { NegativeAuthorization, otherLetterCase } from '../../support/roles/charge-point/negative-authorization';

When('the emulated Charge Point sends Authorize.req for {idTag} in other letter case', async function (idTag: string) {
  await NegativeAuthorization.of(this).authorize(this.chargePointNamed('default'), otherLetterCase(idTag), this.rule('OCPP 1.6 errata §3.73'));
});

Then('the Central System recognises the tag and responds with Authorize.conf with idTagInfo status {string}', function (status: string) {
  NegativeAuthorization.of(this).expectStatus(status, this.rule('OCPP 1.6 errata §3.73'));
});
