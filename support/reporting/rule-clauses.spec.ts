import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citesClause, clausesOf } from './rule-clauses';

test('the clauses of a rule: one, several with a message name, errata of both documents', () => {
  assert.deepEqual(clausesOf('OCPP 1.6 §4.9'), ['OCPP 1.6 §4.9']);
  assert.deepEqual(clausesOf('OCPP 1.6 §3.15, OCPP 1.6 §6.47 StatusNotification.req'), ['OCPP 1.6 §3.15', 'OCPP 1.6 §6.47']);
  assert.deepEqual(clausesOf('OCPP-J errata §3.8'), ['OCPP-J errata §3.8']);
  assert.deepEqual(clausesOf('OCPP 1.6 errata §3.22'), ['OCPP 1.6 errata §3.22']);
  assert.deepEqual(clausesOf('OCPP-J 1.6 §4.2.3'), ['OCPP-J 1.6 §4.2.3']);
  assert.deepEqual(clausesOf('SUT file vs GetConfiguration'), []);
});

test('the security white paper: its sections and requirement ids are clauses; A00.FR.30 is not A00.FR.308', () => {
  assert.deepEqual(clausesOf('Security whitepaper A05.FR.01, OCPP 1.6 §5.3'), ['Security whitepaper A05.FR.01', 'OCPP 1.6 §5.3']);
  assert.deepEqual(clausesOf('Security whitepaper §2.4 and Security whitepaper §5.16 SecurityEventNotification.conf'), ['Security whitepaper §2.4', 'Security whitepaper §5.16']);
  assert.equal(citesClause('Security whitepaper A00.FR.308: the CN', 'Security whitepaper A00.FR.308'), true);
  assert.equal(citesClause('Security whitepaper A00.FR.308', 'Security whitepaper A00.FR.30'), false);
  assert.equal(citesClause('Security whitepaper §2.4.1', 'Security whitepaper §2.4'), true);
  assert.equal(citesClause('OCPP 1.6 §2.4', 'Security whitepaper §2.4'), false);
});

test('a clause is cited exactly or by a sub-clause: §4.1 is not §4.10, §9.1.8 is §9.1 but §9.1 not §9.1.8, OCPP 1.6 is not OCPP-J 1.6', () => {
  assert.equal(citesClause('OCPP 1.6 §4.10', 'OCPP 1.6 §4.1'), false);
  assert.equal(citesClause('OCPP 1.6 §4.1', 'OCPP 1.6 §4.1'), true);
  assert.equal(citesClause('OCPP 1.6 §9.1.8', 'OCPP 1.6 §9.1'), true);
  assert.equal(citesClause('OCPP 1.6 §9.1', 'OCPP 1.6 §9.1.8'), false);
  assert.equal(citesClause('OCPP 1.6 §9.10', 'OCPP 1.6 §9.1'), false);
  assert.equal(citesClause('OCPP 1.6 §91', 'OCPP 1.6 §9'), false);
  assert.equal(citesClause('OCPP 1.6 §9', 'OCPP 1.6 §9.1'), false);
  assert.equal(citesClause('OCPP-J 1.6 §4.2', 'OCPP 1.6 §4.2'), false);
  assert.equal(citesClause('OCPP 1.6 errata §3.15', 'OCPP 1.6 §3.15'), false);
  assert.equal(citesClause('OCPP 1.6 §3.15, OCPP 1.6 §6.45 StartTransaction.req', 'OCPP 1.6 §3.15'), true);
});

test("a rule of the harness's own that cites no clause is matched as a whole", () => {
  assert.equal(citesClause('SUT file vs GetConfiguration', 'SUT file vs GetConfiguration'), true);
  assert.equal(citesClause('OCPP 1.6 §5.8', 'SUT file vs GetConfiguration'), false);
  assert.equal(citesClause('SUT file vs GetConfiguration', 'OCPP 1.6 §5.8'), false);
});
