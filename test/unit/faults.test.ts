/**
 * Issue 12 item 4: a fault report's timeline (reported, acknowledged, on site, fixed, closed — in
 * order, never before the previous step, never in the future), its response times against the
 * limits ("on site within 30 minutes for an entrapment, configurable"), and repeated faults.
 */
import { describe, expect, it } from 'vitest';
import {
  ENTRAPMENT_ON_SITE_MINUTES,
  FAULT_ON_SITE_MINUTES,
  faultRefFromRandom,
  limitsFor,
  nextStep,
  normaliseFaultRef,
  REPEAT_FAULT_COUNT,
  REPEAT_FAULT_DAYS,
  repeatedFaults,
  responseTimes,
  stepOf,
  stepProblem,
  type Timeline,
} from '../../src/core/faults.ts';

const T0 = new Date('2026-11-20T10:00:00+08:00');
const after = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('the timeline', () => {
  it('goes reported → acknowledged → on site → fixed → closed, one step at a time', () => {
    const t: Timeline = { reported: T0 };
    expect(stepOf(t)).toBe('reported');
    expect(nextStep(t)).toBe('acknowledged');
    expect(stepProblem(t, 'acknowledged', after(2), after(5))).toBeNull();
    // a later step before its turn is refused, naming the step to record first
    expect(stepProblem(t, 'on_site', after(2), after(5))).toMatchObject({
      code: 'step_order',
      en: 'Record “Acknowledged” first',
    });
    const acked: Timeline = { ...t, acknowledged: after(2) };
    expect(nextStep(acked)).toBe('on_site');
    // a step already recorded (two staff acknowledging) is done, not recorded twice
    expect(stepProblem(acked, 'acknowledged', after(3), after(5))).toMatchObject({ code: 'step_done' });
    const closed: Timeline = { ...acked, on_site: after(20), fixed: after(50), closed: after(60) };
    expect(stepOf(closed)).toBe('closed');
    expect(nextStep(closed)).toBeNull();
    expect(stepProblem(closed, 'closed', after(70), after(80))).toMatchObject({ code: 'fault_closed' });
  });

  it('never puts a step before the previous one, nor in the future (the clock is access.now)', () => {
    const t: Timeline = { reported: T0, acknowledged: after(10) };
    expect(stepProblem(t, 'on_site', after(9), after(30))).toMatchObject({
      code: 'bad_input',
      zh: '时间不能早于上一步（2026-11-20 10:10）',
    });
    // the same minute as the previous step is fine
    expect(stepProblem(t, 'on_site', after(10), after(30))).toBeNull();
    expect(stepProblem(t, 'on_site', after(31), after(30))).toMatchObject({
      code: 'bad_input',
      en: 'The time cannot be in the future',
    });
  });
});

describe('response times', () => {
  it('an entrapment must have someone on site within 30 minutes (the rule)', () => {
    expect(ENTRAPMENT_ON_SITE_MINUTES).toBe(30);
    const inTime = responseTimes(
      'entrapment',
      { reported: T0, acknowledged: after(3), on_site: after(30) },
      after(90),
    );
    expect(inTime).toEqual({
      toAcknowledge: 3,
      toOnSite: 30,
      toFixed: null,
      onSiteLimit: 30,
      withinLimit: true,
      overdue: false,
    });
    const late = responseTimes(
      'entrapment',
      { reported: T0, acknowledged: after(3), on_site: after(31) },
      after(90),
    );
    expect(late).toMatchObject({ toOnSite: 31, withinLimit: false, overdue: false });
  });

  it('is open while time remains, and overdue once the limit passes with no one on site', () => {
    const t: Timeline = { reported: T0, acknowledged: after(5) };
    expect(responseTimes('entrapment', t, after(30))).toMatchObject({ withinLimit: null, overdue: false });
    expect(responseTimes('entrapment', t, after(31))).toMatchObject({ withinLimit: false, overdue: true });
  });

  it('a fault has our default of 24 hours until the maintenance contract says otherwise', () => {
    expect(FAULT_ON_SITE_MINUTES).toBe(24 * 60);
    const t: Timeline = {
      reported: T0,
      acknowledged: after(60),
      on_site: after(23 * 60),
      fixed: after(25 * 60),
    };
    expect(responseTimes('fault', t, after(48 * 60))).toMatchObject({
      toAcknowledge: 60,
      toOnSite: 23 * 60,
      toFixed: 25 * 60,
      onSiteLimit: 24 * 60,
      withinLimit: true,
    });
    // a contract promising 4 hours judges the same report late; it cannot loosen the entrapment rule
    const contract = limitsFor({ fault: 240, entrapment: 45 });
    expect(contract).toEqual({ fault: 240, entrapment: 30 });
    expect(responseTimes('fault', t, after(48 * 60), contract)).toMatchObject({ withinLimit: false });
    expect(limitsFor({ entrapment: 15 }).entrapment).toBe(15);
  });

  it('a report closed without anyone on site is judged by when it was fixed or closed', () => {
    const t: Timeline = { reported: T0, acknowledged: after(1), fixed: after(10), closed: after(12) };
    expect(responseTimes('entrapment', t, after(600))).toMatchObject({
      toOnSite: null,
      withinLimit: true,
      overdue: false,
    });
  });
});

describe('repeated faults', () => {
  it(`are ${REPEAT_FAULT_COUNT} or more reports on a lift within ${REPEAT_FAULT_DAYS} days (our default)`, () => {
    const day = (n: number) => new Date(T0.getTime() - n * 24 * 3600_000);
    expect(repeatedFaults([day(1), day(10)], T0)).toBe(false);
    expect(repeatedFaults([day(1), day(10), day(29)], T0)).toBe(true);
    // one of them a month and more ago: no longer repeated
    expect(repeatedFaults([day(1), day(10), day(30)], T0)).toBe(false);
    // reports after `now` (none should be) are not counted
    expect(repeatedFaults([day(1), day(2), day(-1)], T0)).toBe(false);
  });
});

describe('report numbers', () => {
  it('are 8 characters without look-alikes, typed in any case and spacing', () => {
    let i = 0;
    const ref = faultRefFromRandom(() => [250, 0, 30, 31, 7, 8, 9, 10, 11][i++]!);
    expect(ref).toBe('2Z29-ABCD');
    expect(normaliseFaultRef(' 2z29 abcd')).toBe('2Z29-ABCD');
    expect(normaliseFaultRef('2229-ABC0')).toBeNull();
    expect(normaliseFaultRef('2229')).toBeNull();
  });
});
