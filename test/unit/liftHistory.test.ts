import { describe, expect, it } from 'vitest';
import { liftHistory } from '../../src/core/liftHistory.ts';

const none = {
  contracts: [],
  insurance: [],
  inspections: [],
  visits: [],
  faults: [],
  runningYears: [],
  followUps: [],
};

describe("a lift's history", () => {
  it('is newest first, with only the late visits, every fault, and on one day the lift before what happened to it', () => {
    const events = liftHistory({
      enteredUseOn: '2026-01-05',
      contracts: [{ startsOn: '2026-01-05', endsOn: '2027-01-04', company: '某维保公司' }],
      insurance: [{ startsOn: '2026-01-05', endsOn: '2027-01-04', insurer: '某保险公司' }],
      inspections: [{ on: '2026-11-10', kind: 'periodic', result: 'pass' }],
      visits: [
        { on: '2026-11-04', gapDays: 15, late: false },
        { on: '2026-10-20', gapDays: 18, late: true },
      ],
      faults: [
        { id: 'f1', ref: 'AAAA-BBBB', on: '2026-09-01', kind: 'entrapment', late: false, closed: true },
        { id: 'f2', ref: 'CCCC-DDDD', on: '2026-11-10', kind: 'fault', late: true, closed: false },
      ],
      runningYears: [{ year: 2026, on: '2026-02-01', totalFen: 1_234_56 }],
      followUps: [{ on: '2026-01-05', title: '竣工回访', satisfied: 9, answered: 10 }],
    });
    expect(events.map((e) => [e.on, e.kind])).toEqual([
      ['2026-11-10', 'inspection'],
      ['2026-11-10', 'fault'],
      ['2026-10-20', 'late_visit'],
      ['2026-09-01', 'fault'],
      ['2026-02-01', 'running_costs'],
      ['2026-01-05', 'entered_use'],
      ['2026-01-05', 'contract'],
      ['2026-01-05', 'insurance'],
      ['2026-01-05', 'follow_up'],
    ]);
    expect(events[2]).toEqual({ on: '2026-10-20', kind: 'late_visit', gapDays: 18 });
    expect(events[1]).toMatchObject({ fault: 'fault', ref: 'CCCC-DDDD', late: true, closed: false });
  });

  it('is empty for a lift with nothing recorded, not even its entering use', () => {
    expect(liftHistory({ enteredUseOn: null, ...none })).toEqual([]);
  });
});
