/**
 * For the unit tests of the Central System checks: runs a check and returns the conformance failure it threw, or
 * `passed`. Anything else it throws fails the test.
 */
import assert from 'node:assert/strict';
import { ConformanceAssertionError } from '../../reporting/errors';

export function failure(check: () => void): ConformanceAssertionError | 'passed' {
  try {
    check();
    return 'passed';
  } catch (e) {
    assert.ok(e instanceof ConformanceAssertionError, String(e));
    return e;
  }
}
