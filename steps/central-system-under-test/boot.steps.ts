// Central System under test: connecting and registering (OCPP-J 1.6 §3, OCPP 1.6 §4.2), and the smoke steps.
import { Given, Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import type { RegistrationKind } from '../../support/sut/identity-allocator';
import {
  expectCallError, expectHandshakeAnswered, expectHeartbeatInterval, expectNotFoundWhenRefused, expectRefusedOrRejected, expectSubprotocolRefused, expectSubprotocolSelected,
} from '../../support/roles/charge-point/central-system-checks';
import type { HandshakeOutcome } from '../../support/roles/charge-point/emulated-charge-point';

const subprotocols = (list: string): string[] => list.split(',').map((s) => s.trim());

Given('the emulated Charge Point is connected to the Central System', async function () {
  await this.newChargePoint('default').connectOrFail(this.rule('OCPP-J 1.6 §3.2'));
});

Given('the emulated Charge Point is booted', async function () {
  const cp = this.newChargePoint('default');
  this.cleanups.push(() => cp.sessions.stopAll());
  await cp.connectAndBeAccepted(this.rule('OCPP 1.6 §4.2', 'reusable state Booted'));
  await cp.statusOfEveryConnector('Available', this.rule('OCPP 1.6 §4.9', 'reusable state Booted'));
});

// The robustness cases need a registered charge point, not answered StatusNotifications: a Central System that
// mishandles those must not hide what the case is about.
Given('the emulated Charge Point is connected and its BootNotification is Accepted', async function () {
  const cp = this.newChargePoint('default');
  this.cleanups.push(() => cp.sessions.stopAll());
  await cp.connectAndBeAccepted(this.rule('OCPP 1.6 §4.2', 'precondition: BootNotification Accepted'));
});

Given('an emulated Charge Point with a {word} identity is connected', async function (kind: RegistrationKind) {
  await this.newChargePoint('default', kind).connectOrFail(this.rule('OCPP-J 1.6 §3.2'));
});

When('an emulated Charge Point with an unknown identity connects and boots if it is let in', async function () {
  const cp = this.newChargePoint('default', 'unknown');
  const handshake = await cp.connect();
  this.memory.set('handshake', handshake);
  if (handshake.ok) this.memory.set('boot', await cp.boot(this.rule('OCPP 1.6 §4.2')));
});

Then('the Central System refuses the connection with HTTP 404 or rejects the BootNotification.req', async function () {
  const handshake = this.memory.get('handshake') as HandshakeOutcome;
  expectRefusedOrRejected(handshake, this.memory.get('boot') as never, this.rule('OCPP-J 1.6 §3.2'));
  await this.softly(() => expectNotFoundWhenRefused(handshake, this.rule('OCPP-J 1.6 §3.2', undefined, 'SHOULD')));
});

When('the emulated Charge Point connects offering the subprotocols {string}{docStep}', async function (list: string, step?: string) {
  this.memory.set('offered', subprotocols(list));
  this.memory.set('handshake', await (this.chargePoints.get('default') ?? this.newChargePoint('default')).connect(undefined, subprotocols(list)));
  this.rule('OCPP-J 1.6 §3.2', step);
});

Then('the Central System refuses the connection{docStep}', async function (step?: string) {
  const [handshake, offered] = [this.memory.get('handshake') as HandshakeOutcome, this.memory.get('offered') as string[]];
  expectSubprotocolRefused(handshake, offered, this.rule('OCPP-J 1.6 §3.2', step));
  await this.softly(() => expectHandshakeAnswered(handshake, offered, this.rule('OCPP-J 1.6 §3.2', step, 'SHOULD')));
});

Then('the Central System selects the subprotocol {string}{docStep}', function (expected: string, step?: string) {
  expectSubprotocolSelected(this.memory.get('handshake') as HandshakeOutcome, this.memory.get('offered') as string[], expected, this.rule('OCPP-J 1.6 §3.2', step));
});

Then('the Central System responds with BootNotification.conf with status "Accepted" and a heartbeat interval{docStep}', function (step?: string) {
  const rule = this.rule('OCPP 1.6 §4.2', step);
  const payload = this.chargePointNamed('default').expectLastConf('BootNotification', { status: 'Accepted' }, rule);
  expectHeartbeatInterval(payload, this.rule('OCPP 1.6 §6.4', step));
});

When('the emulated Charge Point sends {message} before it is accepted{docStep}', async function (message: MessageRef, step?: string) {
  await this.chargePointNamed('default').sendDefault(message.action, this.rule('OCPP-J errata §3.8', step), {}, { idTag: this.sut.idTags.valid });
});

Then('the Central System responds with CALLERROR SecurityError to {message}{docStep}', async function (message: MessageRef, step?: string) {
  const rule = this.rule('OCPP-J errata §3.8', step, this.levelOf('security-error-before-acceptance'));
  await this.softly(() => expectCallError(this.chargePointNamed('default').lastOutcome(message.action), message.action, 'SecurityError', rule));
});
