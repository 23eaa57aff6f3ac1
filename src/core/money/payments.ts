import { formatYuan } from './decimal.ts';

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
