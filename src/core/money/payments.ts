import { formatYuan } from './decimal.ts';
import { splitByPercents } from './schemes.ts';

/** How an owner paid; 公积金 is a withdrawal from the housing provident fund. */
export const PAYMENT_METHODS = ['bank', 'cash', 'wechat', 'alipay', 'provident_fund', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PaymentProblem {
  field: 'amountFen' | 'paidOn';
  zh: string;
  en: string;
}

/**
 * Why a payment cannot be recorded, or null: more than is still owed (an overpayment is a
 * mistake to correct, not a credit), or a date after today.
 */
export function paymentProblem(
  p: { amountFen: number; paidOn: string },
  outstandingFen: number,
  today: string,
): PaymentProblem | null {
  if (p.amountFen > outstandingFen)
    return {
      field: 'amountFen',
      zh: `金额超过尚欠的 ${formatYuan(outstandingFen)} 元`,
      en: `The amount is more than the ${formatYuan(outstandingFen)} yuan still owed`,
    };
  if (p.paidOn > today)
    return { field: 'paidOn', zh: '缴款日期不能晚于今天', en: 'The payment date cannot be after today' };
  return null;
}

/** An instalment of the payment schedule, as a plan holds it. */
export interface ScheduledInstalment {
  label: string;
  dueOn: string;
  /** share of each household's amount, in percent with up to 2 decimals, summing to 100 */
  percent: string;
}

export interface Due {
  label: string;
  dueOn: string | null;
  fen: number;
}

/**
 * A household's share over the schedule's instalments (the whole share, due at no set date, when
 * the plan has no schedule), and what fell due by today and is not paid: payments meet the
 * earliest dues first, so the overdue part is what is due by today less all that was paid.
 */
export function duesOf(
  shareFen: number,
  schedule: readonly ScheduledInstalment[],
  paidFen: number,
  today: string,
) {
  const amounts = schedule.length
    ? splitByPercents(
        shareFen,
        schedule.map((i) => i.percent),
      )
    : [shareFen];
  const dues: Due[] = schedule.length
    ? schedule.map((i, k) => ({ label: i.label, dueOn: i.dueOn, fen: amounts[k]! }))
    : [{ label: '全额', dueOn: null, fen: shareFen }];
  const dueByToday = dues.filter((d) => d.dueOn !== null && d.dueOn <= today).reduce((s, d) => s + d.fen, 0);
  // the first instalment not yet covered by what was paid, when it is already due: how long it has been owed
  let covered = paidFen;
  const firstUnpaid = dues.find((d) => (covered -= d.fen) < 0);
  return {
    dues,
    overdueFen: Math.max(0, dueByToday - paidFen),
    overdueSince: firstUnpaid?.dueOn && firstUnpaid.dueOn <= today ? firstUnpaid.dueOn : null,
  };
}
