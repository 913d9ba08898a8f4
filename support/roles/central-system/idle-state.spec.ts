/**
 * The general preconditions against chargers that fall short, each a bare `ws` charger: the verdict names the rule
 * (or the step that did not happen), and a reason that will not change by itself is decided once for the later cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { ConformanceAssertionError, HarnessError, NotApplicable, OperatorTimeout } from '../../reporting/errors';
import type { SutConfig } from '../../sut/sut-config';
import { BareCharger, type BareChargerOptions } from './bare-charger';
import { ChargerConfiguration } from './charger-configuration';
import { IdleState } from './idle-state';
import type { ScenarioContext } from './scenario-context';
import { IDENTITY, testBench, testSut, type TestBench } from './test-charger';

/** A bench with a bare charger connected and booted; `scenario(id)` is a fresh scenario of the same worker. */
async function benchWith(charger: Omit<BareChargerOptions, 'url' | 'connectors'>, sut: SutConfig = testSut()) {
  const bench = await testBench(sut);
  const bare = new BareCharger({ url: `${bench.cs.url}/${IDENTITY}`, connectors: 2, ...charger });
  bare.start();
  await bench.ctx.chargePoint.waitForView((v) => v.registration === 'Accepted', 2000);
  // As the World builds it: the rule's step is prefixed with the case id.
  const scenario = (id: string): ScenarioContext => ({
    ...bench.ctx, scenario: { id }, memory: new Map(), cleanups: [],
    rule: (rule: string, step?: string) => ({ rule, step: step ? `${id} ${step}` : id }),
  });
  return { bench, bare, scenario, close: async () => { bare.stop(); await bench.close(); } };
}

async function rejection(p: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    await p;
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
  assert.fail('expected the precondition to fail');
}

test('a charger that never reports its connectors: FAIL errata §3.22, decided once, "booted" still reached', { timeout: 20_000 }, async () => {
  const { scenario, close } = await benchWith({ reportsStatuses: false });
  try {
    const first = await rejection(new IdleState(scenario('TC_A')).establish('Core'));
    assert.ok(first.error instanceof ConformanceAssertionError, String(first.error));
    assert.equal(first.error.detail.rule, 'OCPP 1.6 errata §3.22');
    assert.equal(first.error.detail.category, 'missing message');
    assert.match(first.error.detail.message, /no StatusNotification\.req for connector 1, connector 2 after its BootNotification\.req was accepted/);

    const second = await rejection(new IdleState(scenario('TC_B')).establish('Core'));
    assert.ok(second.error instanceof ConformanceAssertionError);
    assert.equal(second.error.detail.rule, 'OCPP 1.6 errata §3.22');
    assert.match(second.error.detail.message, /^as decided in TC_A: /);
    assert.match(second.error.detail.step ?? '', /^TC_B general precondition/);
    assert.ok(second.ms < 200, `decided at once, took ${Math.round(second.ms)} ms`);

    await new IdleState(scenario('TC_C')).establishBooted('Core');
  } finally {
    await close();
  }
});

test('a charger that accepts TriggerMessage StatusNotification and sends none: FAIL §5.17', { timeout: 20_000 }, async () => {
  const base = testSut();
  const sut: SutConfig = { ...base, chargePoint: { ...base.chargePoint!, supportedProfiles: ['Core', 'RemoteTrigger'] } };
  const { scenario, bare, close } = await benchWith({ reportsStatuses: false, acceptsTrigger: true }, sut);
  try {
    const { error } = await rejection(new IdleState({ ...scenario('TC_A'), sut }).establish('Core'));
    assert.ok(error instanceof ConformanceAssertionError, String(error));
    assert.equal(error.detail.rule, 'OCPP 1.6 §5.17');
    assert.match(error.detail.message, /after it accepted TriggerMessage\.req StatusNotification/);
    assert.ok(bare.received.includes('TriggerMessage'));
  } finally {
    await close();
  }
});

test('statuses are asked for with TriggerMessage when the charger declares RemoteTrigger, though the SUT file does not list it', { timeout: 20_000 }, async () => {
  const { scenario, bare, close } = await benchWith({ reportsStatuses: false, acceptsTrigger: true, profiles: 'Core,RemoteTrigger' });
  try {
    const { error } = await rejection(new IdleState(scenario('TC_A')).establish('Core'));
    assert.ok(error instanceof ConformanceAssertionError, String(error));
    assert.equal(error.detail.rule, 'OCPP 1.6 §5.17', 'the charger declared RemoteTrigger, so it was asked and must answer');
    assert.ok(bare.received.includes('TriggerMessage'));
  } finally {
    await close();
  }
});

test('a baseline value the charger refuses keeps no case from starting; the case that needs it FAILs §5.3', { timeout: 20_000 }, async () => {
  const { scenario, bare, close } = await benchWith({ refuses: ['ConnectionTimeOut'] });
  try {
    const ctx = scenario('TC_A');
    await new IdleState(ctx).establish('Core');
    assert.ok(bare.received.includes('ChangeConfiguration'));
    assert.equal(ctx.memory.get('config:ConnectionTimeOut'), '60', 'later steps read the value in effect');
    assert.equal(ctx.memory.get('config:HeartbeatInterval'), '1', 'the value the charger took');

    const config = new ChargerConfiguration(ctx);
    const refused = await rejection(config.set('ConnectionTimeOut', '1'));
    assert.ok(refused.error instanceof ConformanceAssertionError, String(refused.error));
    assert.equal(refused.error.detail.rule, 'OCPP 1.6 §5.3');
    assert.match(refused.error.detail.message, /refused ChangeConfiguration ConnectionTimeOut = "1" with Rejected/);
    const optional = await rejection(config.set('BlinkRepeat', '2'));
    assert.ok(optional.error instanceof NotApplicable, 'an optional key the charger lacks');
    const required = await rejection(config.set('ResetRetries', '2'));
    assert.ok(required.error instanceof ConformanceAssertionError, 'a required key the charger lacks');
    assert.equal(required.error.detail.rule, 'OCPP 1.6 §9.1');
    await config.set('BlinkRepeat', '2', { optional: true });
  } finally {
    await close();
  }
});

test('MinimumStatusDuration is part of idle (§1.3 of the document): a charger that refuses the SUT file value FAILs §5.3', { timeout: 20_000 }, async () => {
  const base = testSut();
  const sut: SutConfig = { ...base, chargePoint: { ...base.chargePoint!, configuration: { ...base.chargePoint!.configuration, MinimumStatusDuration: '0' } } };
  const refusing = await benchWith({ refuses: ['MinimumStatusDuration'], configuration: { MinimumStatusDuration: '5' } }, sut);
  try {
    const { error } = await rejection(new IdleState({ ...refusing.scenario('TC_A'), sut }).establish('Core'));
    assert.ok(error instanceof ConformanceAssertionError, String(error));
    assert.equal(error.detail.rule, 'OCPP 1.6 §5.3');
    assert.match(error.detail.step ?? '', /^TC_A general precondition: configuration from the SUT file/);
  } finally {
    await refusing.close();
  }
});

test('an occupied connector the actuator cannot clear: INCONCLUSIVE naming the missing template, decided once', { timeout: 20_000 }, async () => {
  const base = testSut();
  const sut: SutConfig = { ...base, actuator: { type: 'http', timeoutMs: 500, actions: {}, fallback: 'none' } };
  const { scenario, bench, close } = await benchWith({ status: 'Preparing' }, sut);
  const noTemplate = (ctx: ScenarioContext): ScenarioContext => ({
    ...ctx, sut,
    act: async (action: string) => {
      (bench as TestBench).ctx.actions.push(action);
      // As HttpActuator says it: no template and no fallback, so the step never can happen in this run.
      throw new OperatorTimeout(`the SUT file's http actuator has no template for "${action}" and no fallback`, { unavailable: true });
    },
  });
  try {
    const first = await rejection(new IdleState(noTemplate(scenario('TC_A'))).establish('Core'));
    assert.ok(first.error instanceof OperatorTimeout, String(first.error));
    assert.match(first.error.message, /connector 1 Preparing/);
    assert.match(first.error.message, /give the SUT file's actuator an "actions\.unplug" template/);
    assert.match(first.error.message, /"power-cycle"/);
    const second = await rejection(new IdleState(noTemplate(scenario('TC_B'))).establish('Core'));
    assert.ok(second.error instanceof OperatorTimeout);
    assert.match(second.error.message, /^as decided in TC_A: /);
    assert.ok(second.ms < 200, `decided at once, took ${Math.round(second.ms)} ms`);
  } finally {
    await close();
  }
});

test('a charger that never connects: ERROR naming what to check, decided once', { timeout: 20_000 }, async () => {
  const bench = await testBench();
  const scenario = (id: string): ScenarioContext => ({ ...bench.ctx, scenario: { id }, memory: new Map(), cleanups: [] });
  try {
    const first = await rejection(new IdleState(scenario('TC_A')).establishBooted('Core'));
    assert.ok(first.error instanceof HarnessError, String(first.error));
    assert.match(first.error.message, /did not connect .*has not registered once in this run: check/);
    for (const [id, precondition] of [['TC_B', 'idle'], ['TC_C', 'booted']] as const) {
      const idle = new IdleState(scenario(id));
      const later = await rejection(precondition === 'idle' ? idle.establish('Core') : idle.establishBooted('Core'));
      assert.ok(later.error instanceof HarnessError);
      assert.match(later.error.message, /^as decided in TC_A: /);
      assert.ok(later.ms < 200, `${precondition}: decided at once, took ${Math.round(later.ms)} ms`);
    }
  } finally {
    await bench.close();
  }
});
