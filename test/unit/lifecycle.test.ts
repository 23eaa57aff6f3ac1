import { describe, expect, it } from 'vitest';
import { checkEntry, ENTRY_CRITERIA, MAIN_PATH, type ProjectFacts } from '../../src/core/lifecycle.ts';
import { DEFAULT_METHOD } from '../../src/core/method.ts';
import { DEFAULT_APPROVAL_STEPS } from '../../src/core/approvals.ts';

const clear: ProjectFacts = {
  votePassed: true,
  resultNoticeEnded: true,
  designNoticeEnded: true,
  openObjections: 0,
  approvalsRemaining: 0,
  checklistOpen: 0,
  worksMilestonesOpen: [],
};
const allStaff = Object.values(ENTRY_CRITERIA)
  .flat()
  .filter((c) => c.kind === 'staff')
  .map((c) => c.id);

describe('stage entry criteria', () => {
  it('walks the main path when every criterion holds', () => {
    for (let i = 0; i < MAIN_PATH.length - 1; i++)
      expect(checkEntry(MAIN_PATH[i]!, MAIN_PATH[i + 1]!, clear, allStaff).allowed, MAIN_PATH[i + 1]).toBe(
        true,
      );
  });
  it('"no publicity before a passed vote": agreement needs a passed formal vote', () => {
    const r = checkEntry('consultation', 'agreement', { ...clear, votePassed: false }, allStaff);
    expect(r.allowed).toBe(false);
    expect(r.blockers.map((b) => b.id)).toEqual(['vote_passed']);
    expect(r.blockers[0]!.label.zh).toContain('801号');
  });
  it('construction needs every approval step done and no open objection', () => {
    const r = checkEntry(
      'ready_to_build',
      'construction',
      { ...clear, approvalsRemaining: 2, openObjections: 1 },
      allStaff,
    );
    expect(r.blockers.map((b) => b.id)).toEqual(['approvals_done', 'no_open_objection']);
  });
  it('staff criteria must be confirmed', () => {
    const r = checkEntry('mobilisation', 'consultation', clear, []);
    expect(r.blockers).toEqual([expect.objectContaining({ id: 'mobilisation_meeting', kind: 'staff' })]);
  });
  it('moves one stage at a time, pauses from anywhere and resumes where it left', () => {
    expect(checkEntry('mobilisation', 'agreement', clear, allStaff).blockers.map((b) => b.id)).toContain(
      'order',
    );
    expect(checkEntry('approvals', 'paused', clear, []).allowed).toBe(true);
    expect(checkEntry('paused', 'approvals', clear, [], 'approvals').allowed).toBe(true);
    expect(checkEntry('paused', 'construction', clear, [], 'approvals').allowed).toBe(false);
    expect(checkEntry('withdrawn', 'consultation', clear, allStaff).allowed).toBe(false);
  });
});

describe('the 3-4-5-6-7-8-9 method', () => {
  it('has seven groups of 3 to 9 items, unique keys', () => {
    expect(DEFAULT_METHOD.map((g) => g.items.length)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const keys = DEFAULT_METHOD.flatMap((g) => g.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the approval template', () => {
  it('"行政审批环节由 46个减少到 15个": has 15 steps; the construction permit may be not applicable', () => {
    expect(DEFAULT_APPROVAL_STEPS).toHaveLength(15);
    expect(DEFAULT_APPROVAL_STEPS.find((s) => s.key === 'construction_permit')!.optional).toBe(true);
  });
});
