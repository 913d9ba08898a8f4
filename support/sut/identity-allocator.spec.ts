import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdentityAllocator } from './identity-allocator';
import { ConfigError, NotApplicable } from '../reporting/errors';

test('patterns give ids unique per worker, scenario and position', () => {
  const a = new IdentityAllocator({ accepted: { pattern: 'CP-{worker}-{scenario}-{n}' } }, 1, 2);
  a.nextScenario();
  assert.deepEqual([a.take('accepted'), a.take('accepted')], ['CP-1-1-1', 'CP-1-1-2']);
  a.nextScenario();
  assert.equal(a.take('accepted'), 'CP-1-2-1');
});

test('lists are shared out between workers and reused scenario after scenario', () => {
  const list = { accepted: ['A', 'B', 'C', 'D'] };
  const w0 = new IdentityAllocator(list, 0, 2);
  const w1 = new IdentityAllocator(list, 1, 2);
  assert.deepEqual([w0.take('accepted'), w0.take('accepted')], ['A', 'C']);
  assert.deepEqual([w1.take('accepted'), w1.take('accepted')], ['B', 'D']);
  w0.nextScenario();
  assert.equal(w0.take('accepted'), 'A');
  assert.throws(() => w0.take('accepted') && w0.take('accepted'), (e: unknown) => e instanceof ConfigError && /too few accepted identities/.test(e.message));
});

test('no accepted identities is a configuration error', () => {
  assert.throws(() => new IdentityAllocator({}).take('accepted'), (e: unknown) => e instanceof ConfigError && /declares no \/centralSystem\/chargePoints\/accepted/.test(e.message));
});

test('no pending, rejected or unknown identities makes the case N/A, naming the SUT file field', () => {
  for (const kind of ['pending', 'rejected', 'unknown'] as const) {
    assert.throws(() => new IdentityAllocator({ accepted: ['A'] }, 0, 1, 'the SUT file x.json').take(kind),
      (e: unknown) => e instanceof NotApplicable && e.reason.includes(`centralSystem.chargePoints.${kind}`) && e.reason.startsWith('the SUT file x.json'));
  }
});
