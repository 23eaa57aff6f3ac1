/** Issue 12 item 7: the satisfaction follow-up (回访) — when it is due, and its shares computed exactly. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FOLLOW_UP_QUESTIONS,
  FOLLOW_UP_MONTHS,
  FOLLOW_UP_STAGES,
  formatPercentTenths,
  nextFollowUp,
  roundOf,
  SATISFACTION_QUESTION,
  exactShare,
} from '../../src/core/followup.ts';
import { invalidAnswer } from '../../src/core/consent/survey.ts';

describe('when a follow-up is due', () => {
  it('"After completion and yearly" (issue 12 item 7): none before the lift entered use', () => {
    expect(nextFollowUp(null, [], '2026-11-20')).toBeNull();
  });

  it('the completion follow-up is due from the day the lift entered use while none was started', () => {
    expect(nextFollowUp('2026-11-20', [], '2026-11-19')).toEqual({
      round: 'completion',
      dueOn: '2026-11-20',
      due: false,
    });
    expect(nextFollowUp('2026-11-20', [], '2026-11-20')).toEqual({
      round: 'completion',
      dueOn: '2026-11-20',
      due: true,
    });
  });

  it('then yearly: due twelve months after the last started, not a day before', () => {
    expect(FOLLOW_UP_MONTHS).toBe(12);
    const started = ['2025-12-01', '2024-12-10'];
    expect(nextFollowUp('2024-11-01', started, '2026-11-30')).toEqual({
      round: 'yearly',
      dueOn: '2026-12-01',
      due: false,
    });
    expect(nextFollowUp('2024-11-01', started, '2026-12-01')?.due).toBe(true);
  });

  it('month arithmetic keeps the day, or the month’s last (29 February → 28 February)', () => {
    expect(nextFollowUp('2023-06-01', ['2024-02-29'], '2025-02-28')).toEqual({
      round: 'yearly',
      dueOn: '2025-02-28',
      due: true,
    });
  });

  it('a follow-up started during acceptance, before entering use, counts as the completion one', () => {
    expect(nextFollowUp('2026-06-10', ['2026-06-01'], '2026-11-20')).toMatchObject({
      round: 'yearly',
      dueOn: '2027-06-01',
      due: false,
    });
  });

  it('rounds in the order started: the first after completion, then yearly', () => {
    expect([0, 1, 2].map(roundOf)).toEqual(['completion', 'yearly', 'yearly']);
  });

  it('only from acceptance on', () => {
    expect(FOLLOW_UP_STAGES).toEqual(['acceptance', 'in_service']);
  });
});

describe('shares computed exactly', () => {
  it('2 of 3 → 66.7%, rounded half up in integers; 1 of 8 → 12.5%; none answered → null', () => {
    expect(exactShare(2, 3)).toEqual({ part: 2, whole: 3, percentTenths: 667 });
    expect(exactShare(1, 3)?.percentTenths).toBe(333);
    expect(exactShare(1, 8)?.percentTenths).toBe(125);
    expect(exactShare(1, 16)?.percentTenths).toBe(63); // 6.25 → 6.3
    expect(exactShare(12, 12)?.percentTenths).toBe(1000);
    expect(exactShare(0, 0)).toBeNull();
    expect(formatPercentTenths(667)).toBe('66.7%');
    expect(formatPercentTenths(1000)).toBe('100.0%');
    expect(formatPercentTenths(5)).toBe('0.5%');
  });

  it('the same as the exact fraction for every count up to 200 (no floats)', () => {
    for (let n = 1; n <= 200; n++)
      for (let k = 0; k <= n; k++) {
        const t = exactShare(k, n)!.percentTenths;
        // t is the nearest tenth: |k/n·1000 − t| ≤ 1/2, ties up, checked by cross-multiplication
        expect(2 * Math.abs(k * 1000 - t * n)).toBeLessThanOrEqual(n);
        if (2 * (k * 1000 - t * n) === n) throw new Error('a tie rounded down');
      }
  });
});

describe('the default questions', () => {
  it('ask about running, maintenance response, cleanliness and noise, overall satisfaction (满意/基本满意/不满意) and free text', () => {
    expect(DEFAULT_FOLLOW_UP_QUESTIONS.map((q) => q.id)).toEqual([
      'running',
      'maintenance',
      'upkeep',
      SATISFACTION_QUESTION,
      'comment',
    ]);
    const overall = DEFAULT_FOLLOW_UP_QUESTIONS.find((q) => q.id === SATISFACTION_QUESTION)!;
    expect(overall.options!.map((o) => o.zh)).toEqual(['满意', '基本满意', '不满意']);
    expect(invalidAnswer(DEFAULT_FOLLOW_UP_QUESTIONS, { overall: 'mostly', comment: '很好' })).toBeNull();
    expect(invalidAnswer(DEFAULT_FOLLOW_UP_QUESTIONS, { overall: 'great' })).toBe('overall');
  });
});
