// The local-list entry checks of central-system-checks.ts (TC_043_4_CSMS, TC_043_5_CSMS): what a Central System under
// test put in SendLocalList.req. Each mutation that accepts more (any entry, any version) fails a test here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEveryEntryHasIdTagInfo, expectNewerListVersion } from './central-system-checks';
import { failure } from './check-failure';

const ENTRY_RULE = { rule: 'OCPP 1.6 §7.1', step: 'TC_043_4_CSMS step 2' };
const VERSION_RULE = { rule: 'OCPP 1.6 §5.15', step: 'TC_043_5_CSMS step 4' };
const accepted = (idTag: string) => ({ idTag, idTagInfo: { status: 'Accepted' } });

test('a Full list whose entries all carry idTagInfo passes', () => {
  assert.equal(failure(() => expectEveryEntryHasIdTagInfo({ listVersion: 2, updateType: 'Full', localAuthorizationList: [accepted('A'), accepted('B')] }, ENTRY_RULE)), 'passed');
});

test('one entry without idTagInfo among many fails §7.1 as behaviour, naming the bare entries', () => {
  const e = failure(() => expectEveryEntryHasIdTagInfo({ localAuthorizationList: [accepted('A'), { idTag: 'B' }, accepted('C'), { idTag: 'D' }] }, ENTRY_RULE));
  assert.ok(e !== 'passed');
  assert.deepEqual([e.detail.rule, e.detail.step, e.detail.category, e.detail.level], ['OCPP 1.6 §7.1', 'TC_043_4_CSMS step 2', 'behaviour', 'SHALL']);
  assert.match(e.message, /has 2 of 4 entries without idTagInfo \(B, D\)/);
});

test('a Differential update must carry a version newer than the Charge Point\'s, and a positive one', () => {
  assert.equal(failure(() => expectNewerListVersion({ listVersion: 8 }, 7, VERSION_RULE)), 'passed');
  for (const [version, current] of [[7, 7], [6, 7], [0, -1], ['8', 7], [undefined, 7]] as const) {
    const e = failure(() => expectNewerListVersion({ listVersion: version }, current, VERSION_RULE));
    assert.ok(e !== 'passed', `listVersion ${JSON.stringify(version)} against ${current} must fail`);
    assert.deepEqual([e.detail.rule, e.detail.category, e.detail.expected], ['OCPP 1.6 §5.15', 'behaviour', `listVersion > ${current}`]);
  }
});
