/** Issue 12 item 1: the works milestones — the template, the overdue rule, the gate into acceptance, the 30-day registration. */
import { describe, expect, it } from 'vitest';
import { checkEntry, ENTRY_CRITERIA, type ProjectFacts } from '../../src/core/lifecycle.ts';
import {
  ACCEPTANCE_MILESTONE,
  DEFAULT_MILESTONES,
  dueOnOf,
  enteredUseOf,
  gateMilestones,
  isMilestoneOverdue,
  openBeforeAcceptance,
  planFrom,
  REGISTRATION_DAYS,
  registrationDueOn,
  templateProblem,
  type MilestoneState,
} from '../../src/core/works.ts';

const states = (start = '2026-09-01'): MilestoneState[] =>
  planFrom(DEFAULT_MILESTONES, start).map((m) => ({
    ...m,
    status: 'pending',
    actualStart: null,
    actualEnd: null,
  }));
const done = (list: MilestoneState[], ...keys: string[]) =>
  list.map((m) => (keys.includes(m.key) ? { ...m, status: 'done' as const, actualEnd: '2026-10-01' } : m));

describe('the default milestones', () => {
  it('are the eight of the issue, in the order of the works', () => {
    expect(DEFAULT_MILESTONES.map((m) => m.name.zh)).toEqual([
      '管线搬迁',
      '基础施工',
      '钢结构井道',
      '电梯安装',
      '调试',
      '监督检验',
      '竣工验收',
      '使用登记',
    ]);
    expect(templateProblem(DEFAULT_MILESTONES)).toBeNull();
    expect(templateProblem([...DEFAULT_MILESTONES, DEFAULT_MILESTONES[0]!])).toBe('pipe_relocation');
  });

  it('are planned one after another from the first day of the works', () => {
    const plan = planFrom(DEFAULT_MILESTONES, '2026-09-01');
    expect(plan[0]).toMatchObject({ plannedStart: '2026-09-01', plannedEnd: '2026-09-10' });
    expect(plan[1]).toMatchObject({ plannedStart: '2026-09-11', plannedEnd: '2026-09-24' });
    expect(planFrom(DEFAULT_MILESTONES, null).every((m) => m.plannedStart === null)).toBe(true);
  });
});

describe('overdue', () => {
  it('is a planned end passed while the milestone is not done', () => {
    const [pipes] = states();
    expect(pipes!.plannedEnd).toBe('2026-09-10');
    expect(isMilestoneOverdue(pipes!, pipes!.plannedEnd, '2026-09-10')).toBe(false);
    expect(isMilestoneOverdue(pipes!, pipes!.plannedEnd, '2026-09-11')).toBe(true);
    expect(isMilestoneOverdue({ ...pipes!, status: 'in_progress' }, pipes!.plannedEnd, '2026-09-11')).toBe(
      true,
    );
    expect(isMilestoneOverdue({ ...pipes!, status: 'done' }, pipes!.plannedEnd, '2026-12-01')).toBe(false);
    expect(isMilestoneOverdue({ ...pipes!, status: 'not_applicable' }, pipes!.plannedEnd, '2026-12-01')).toBe(
      false,
    );
    expect(isMilestoneOverdue(pipes!, null, '2030-01-01')).toBe(false);
  });
});

describe('the use registration', () => {
  it('"使用登记 at 市场监管 within 30 days of entering use" (domain.md §4): due 30 days after the lift entered use', () => {
    expect(REGISTRATION_DAYS).toBe(30);
    expect(registrationDueOn('2026-11-20')).toBe('2026-12-20');
    const list = states();
    const registration = list.find((m) => m.key === 'use_registration')!;
    // before the lift enters use: its planned end
    expect(enteredUseOf(list, null)).toBeNull();
    expect(dueOnOf({ ...registration, plannedEnd: null }, null)).toBeNull();
    // entering use is the day completion acceptance was done, unless the lift's record says otherwise
    const accepted = done(list, ACCEPTANCE_MILESTONE);
    expect(enteredUseOf(accepted, null)).toBe('2026-10-01');
    expect(enteredUseOf(accepted, '2026-10-03')).toBe('2026-10-03');
    expect(dueOnOf({ ...registration, plannedEnd: null }, '2026-10-01')).toBe('2026-10-31');
    // a plan later than the rule does not move the rule
    expect(dueOnOf({ ...registration, plannedEnd: '2027-01-01' }, '2026-10-01')).toBe('2026-10-31');
    expect(dueOnOf({ ...registration, plannedEnd: '2026-10-15' }, '2026-10-01')).toBe('2026-10-15');
    expect(isMilestoneOverdue(registration, '2026-10-31', '2026-11-01')).toBe(true);
  });
});

describe('the gate into acceptance', () => {
  it('waits for the milestones before completion acceptance, not for it or the registration', () => {
    expect(gateMilestones(states()).map((m) => m.key)).toEqual([
      'pipe_relocation',
      'foundation',
      'steel_shaft',
      'installation',
      'commissioning',
      'supervision_inspection',
    ]);
    const list = done(states(), 'pipe_relocation', 'foundation', 'steel_shaft', 'installation');
    expect(openBeforeAcceptance(list).map((n) => n.zh)).toEqual(['调试', '监督检验']);
    const settled = list.map((m) =>
      m.key === 'commissioning'
        ? { ...m, status: 'done' as const }
        : m.key === 'supervision_inspection'
          ? { ...m, status: 'not_applicable' as const }
          : m,
    );
    expect(openBeforeAcceptance(settled)).toEqual([]);
  });

  it('follows the project’s order, and without a completion acceptance waits for all but the registration', () => {
    const list = states().map((m) => (m.key === 'foundation' ? { ...m, position: 99 } : m));
    expect(gateMilestones(list).map((m) => m.key)).not.toContain('foundation');
    const without = states().filter((m) => m.key !== ACCEPTANCE_MILESTONE);
    expect(gateMilestones(without).map((m) => m.key)).toEqual([
      'pipe_relocation',
      'foundation',
      'steel_shaft',
      'installation',
      'commissioning',
      'supervision_inspection',
    ]);
  });

  it('is a system criterion of the acceptance stage naming the open milestones', () => {
    expect(ENTRY_CRITERIA.acceptance.map((c) => c.id)).toContain('works_milestones_done');
    const facts: ProjectFacts = {
      votePassed: true,
      resultNoticeEnded: true,
      designNoticeEnded: true,
      openObjections: 0,
      approvalsRemaining: 0,
      checklistOpen: 0,
      worksMilestonesOpen: openBeforeAcceptance(done(states(), 'pipe_relocation', 'foundation')),
    };
    const check = checkEntry('construction', 'acceptance', facts, ['works_finished']);
    expect(check.allowed).toBe(false);
    expect(check.blockers.map((b) => b.id)).toEqual(['works_milestones_done']);
    expect(check.blockers[0]!.label.zh).toContain('钢结构井道、电梯安装、调试、监督检验');
    expect(check.blockers[0]!.label.en).toContain('Steel shaft, Lift installation');
    expect(
      checkEntry('construction', 'acceptance', { ...facts, worksMilestonesOpen: [] }, ['works_finished'])
        .allowed,
    ).toBe(true);
  });
});
