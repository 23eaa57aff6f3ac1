/**
 * Issue 12 item 1: notices to residents about the works (施工公告) and the complaints to them —
 * the stages they are posted in, their period (the works' days, no feedback period), the details
 * they must carry, and the name of their objections.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/core/calendar.ts';
import {
  HAS_FEEDBACK_PERIOD,
  NOTICE_DEFAULTS,
  NOTICE_KINDS,
  noticeKindAllowed,
  noticeStage,
  OBJECTION_NOUN,
  worksDetailsProblem,
  worksNoticeDays,
  worksNoticeEnd,
} from '../../src/core/notices.ts';
import { STAGES } from '../../src/core/stages.ts';
import { noticeEnds } from '../../src/server/modules/notices/periods.ts';

describe('when a works notice may be posted', () => {
  it('only once the works are on (construction, acceptance); the other kinds at any stage', () => {
    expect(STAGES.filter((s) => noticeKindAllowed('works', s))).toEqual(['construction', 'acceptance']);
    for (const kind of NOTICE_KINDS.filter((k) => k !== 'works'))
      expect(STAGES.every((s) => noticeKindAllowed(kind, s))).toBe(true);
  });
  it('counts a paused project as the stage it left', () => {
    expect(noticeKindAllowed('works', noticeStage({ stage: 'paused', pausedFrom: 'construction' }))).toBe(
      true,
    );
    expect(noticeKindAllowed('works', noticeStage({ stage: 'paused', pausedFrom: 'approvals' }))).toBe(false);
    expect(noticeStage({ stage: 'paused', pausedFrom: null })).toBe('paused');
  });
});

describe('the period of a works notice', () => {
  it('has no feedback period: complaints are taken from its first day to its last', () => {
    expect(HAS_FEEDBACK_PERIOD.works).toBe(false);
    expect(NOTICE_DEFAULTS.works.feedbackDays).toBe(0);
    // the legal notices keep theirs: "设计方案公示: 10 natural days + 7 days written feedback" (domain.md §3)
    expect(HAS_FEEDBACK_PERIOD.design_scheme).toBe(true);
    expect(NOTICE_DEFAULTS.design_scheme.feedbackDays).toBe(7);
  });

  it('is the works’ days, first and last counted, across months and years', () => {
    expect(worksNoticeDays('2026-12-01', '2026-12-01')).toBe(1);
    expect(worksNoticeDays('2026-12-01', '2026-12-20')).toBe(20);
    expect(worksNoticeDays('2026-12-25', '2027-01-03')).toBe(10);
    for (const [start, end] of [
      ['2026-12-01', '2026-12-20'],
      ['2027-02-20', '2027-03-02'],
      ['2028-02-28', '2028-03-01'],
    ] as const)
      expect(worksNoticeEnd(start, worksNoticeDays(start, end))).toBe(end);
  });

  it('ends on the works’ last day even when it is a rest day, where a legal period moves on', () => {
    const cal = new WorkCalendar([]);
    // 2026-10-04 is a Sunday in the National Day holiday
    const works = noticeEnds(cal, {
      kind: 'works',
      startOn: '2026-09-28',
      publicityDays: worksNoticeDays('2026-09-28', '2026-10-04'),
      publicityKind: 'natural',
      feedbackDays: 0,
      feedbackKind: 'natural',
      countStartDay: true,
    });
    expect(works).toEqual({
      publicityEnd: '2026-10-04',
      feedbackEnd: null,
      endsOn: '2026-10-04',
      provisional: false,
    });
    const legal = noticeEnds(cal, {
      startOn: '2026-09-28',
      publicityDays: 7,
      publicityKind: 'natural',
      feedbackDays: 0,
      feedbackKind: 'natural',
      countStartDay: true,
    });
    expect(legal.endsOn > '2026-10-04').toBe(true);
  });
});

describe('the details of a works notice', () => {
  const ok = { effects: ['access_blocked' as const], hoursFrom: null, hoursTo: null };
  it('names at least one effect', () => {
    expect(worksDetailsProblem(ok)).toBeNull();
    expect(worksDetailsProblem({ ...ok, effects: [] })?.field).toBe('worksEffects');
  });
  it('gives the daily hours when there is noise, as 08:00, the end after the start', () => {
    expect(worksDetailsProblem({ ...ok, effects: ['noise'] })).toMatchObject({
      field: 'hoursFrom',
      zh: '有施工噪音时，请填写每天的施工时间',
      en: 'With noise, give the daily working hours',
    });
    expect(worksDetailsProblem({ effects: ['noise'], hoursFrom: '08:00', hoursTo: '18:00' })).toBeNull();
    expect(worksDetailsProblem({ effects: ['noise'], hoursFrom: '8:00', hoursTo: '18:00' })?.field).toBe(
      'hoursFrom',
    );
    expect(worksDetailsProblem({ effects: ['noise'], hoursFrom: '18:00', hoursTo: '08:00' })?.field).toBe(
      'hoursTo',
    );
    expect(worksDetailsProblem({ ...ok, hoursFrom: '08:00', hoursTo: null })?.field).toBe('hoursTo');
  });
});

describe('what its objections are called', () => {
  it('complaints (施工投诉) for a works notice, objections (异议) for the others', () => {
    expect(OBJECTION_NOUN.works).toEqual({ zh: '施工投诉', en: 'Complaint' });
    expect(OBJECTION_NOUN.design_scheme.zh).toBe('异议');
  });
});
