/** Issue 12 item 3: the upkeep rules — visit intervals, inspections (alternate years), terms. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  itemsOfVisit,
  MAX_VISIT_GAP_DAYS,
  nextInspection,
  nextVisit,
  termState,
  visitGaps,
  visitsDue,
} from '../../src/core/upkeep.ts';

describe('maintenance visits', () => {
  it('"Maintenance visits at most 15 days apart (TSG T5002)" (issue 12): a visit on day 15 is on time, day 16 is late', () => {
    expect(MAX_VISIT_GAP_DAYS).toBe(15);
    const gaps = visitGaps(
      [
        { on: '2026-03-16', kind: 'half_monthly' as const },
        { on: '2026-03-01', kind: 'half_monthly' as const },
        { on: '2026-04-01', kind: 'quarterly' as const },
      ],
      '2026-02-20',
    );
    expect(gaps.map((g) => [g.on, g.gapDays, g.late])).toEqual([
      ['2026-03-01', 9, false],
      ['2026-03-16', 15, false],
      ['2026-04-01', 16, true],
    ]);
  });

  it("a longer visit does the shorter kinds' items, so it resets their clocks too", () => {
    const dues = visitsDue(
      [
        { on: '2026-01-10', kind: 'yearly' },
        { on: '2026-04-05', kind: 'quarterly' },
        { on: '2026-04-18', kind: 'half_monthly' },
      ],
      '2025-12-01',
      '2026-05-10',
    );
    expect(dues).toEqual([
      { kind: 'half_monthly', lastOn: '2026-04-18', due: '2026-05-03', daysOverdue: 7 },
      { kind: 'quarterly', lastOn: '2026-04-05', due: '2026-07-05', daysOverdue: 0 },
      { kind: 'half_yearly', lastOn: '2026-01-10', due: '2026-07-10', daysOverdue: 0 },
      { kind: 'yearly', lastOn: '2026-01-10', due: '2027-01-10', daysOverdue: 0 },
    ]);
    expect(nextVisit(dues)).toMatchObject({ kind: 'half_monthly', due: '2026-05-03' });
    expect(itemsOfVisit('quarterly').map((i) => i.key)).toEqual([
      'machine_room',
      'car',
      'doors',
      'pit',
      'ropes',
      'door_gap',
    ]);
  });

  it('with no visit yet, counts from the day the lift entered use; the next visit is the longest kind due that day', () => {
    const dues = visitsDue([], '2026-01-01', '2026-01-02');
    expect(dues.map((d) => d.due)).toEqual(['2026-01-16', '2026-04-01', '2026-07-01', '2027-01-01']);
    // the half-monthly and quarterly fall due together: the visit should be quarterly
    const together = visitsDue(
      [
        { on: '2026-01-01', kind: 'yearly' },
        { on: '2026-03-17', kind: 'half_monthly' },
      ],
      '2026-01-01',
      '2026-03-20',
    );
    expect(together[0]!.due).toBe('2026-04-01');
    expect(nextVisit(together)).toMatchObject({ kind: 'quarterly', due: '2026-04-01' });
  });

  it("adds months to the same day, or to the month's last", () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
  });
});

describe('the yearly check', () => {
  it('"The yearly periodic inspection (定期检验)" (issue 12): every year; the first a year after entering use', () => {
    expect(nextInspection('yearly_inspection', null, '2026-03-10', '2026-11-20')).toEqual({
      kind: 'periodic',
      due: '2027-03-10',
      state: 'ok',
    });
    const last = { kind: 'periodic' as const, on: '2026-03-05', nextDueOn: null };
    expect(nextInspection('yearly_inspection', last, '2025-03-10', '2027-02-20')).toEqual({
      kind: 'periodic',
      due: '2027-03-05',
      state: 'due_soon',
    });
    expect(nextInspection('yearly_inspection', last, '2025-03-10', '2027-03-06').state).toBe('overdue');
  });

  it('"or the self-inspection 自行检测 in alternate years where the city\'s reform applies — configurable per lift" (issue 12)', () => {
    const periodic = { kind: 'periodic' as const, on: '2026-03-05', nextDueOn: null };
    const self = { kind: 'self' as const, on: '2027-03-01', nextDueOn: '2028-02-28' };
    expect(nextInspection('alternate_self_inspection', periodic, '2025-03-10', '2026-11-20').kind).toBe(
      'self',
    );
    // the report's own next date wins over "a year later"
    expect(nextInspection('alternate_self_inspection', self, '2025-03-10', '2027-11-20')).toEqual({
      kind: 'periodic',
      due: '2028-02-28',
      state: 'ok',
    });
  });
});

describe('contracts and insurance', () => {
  it('are in force, ending within the warning, ended, or none', () => {
    const term = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect(termState(null, '2026-06-01', 60)).toBe('none');
    expect(termState(term, '2025-12-31', 60)).toBe('none');
    expect(termState(term, '2026-06-01', 60)).toBe('active');
    expect(termState(term, '2026-11-01', 60)).toBe('ending');
    expect(termState(term, '2026-12-31', 60)).toBe('ending');
    expect(termState(term, '2027-01-01', 60)).toBe('ended');
  });
});
