import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhysicalState } from './physical-state';

test('a cable unplugged at the EV side stays in the socket while a transaction runs, else goes with the EV', () => {
  const p = new PhysicalState();
  p.pluggedIn(1);
  p.unplugged(1, true);
  assert.equal(p.cables.get(1), 'in-socket');
  p.unplugged(1, false);
  assert.equal(p.hasCable(1), false);
  p.pluggedIn(2);
  p.unplugged(2, false);
  assert.equal(p.hasCable(2), false);
});
