/**
 * The calendar's contract: the request pieces every dated form uses (a real date in the calendar's
 * years, a day count, natural or working days, with messages that name the field plainly) and
 * the public notice-period calculator.
 */
import { z } from 'zod';
import { CALENDAR_YEARS, isIsoDate, yearOf } from '../../../core/calendar.ts';
import { day } from '../../platform/contract.ts';
import { bilingualIssue } from '../../platform/http.ts';

export interface Label {
  zh: string;
  en: string;
}

/** A real calendar date 'YYYY-MM-DD' ('2026-02-30' is not one). */
export const calendarDate = (label: Label) =>
  z
    .string()
    .max(10)
    .superRefine((v, ctx) => {
      if (!isIsoDate(v))
        bilingualIssue(
          ctx,
          `${label.zh}须为真实存在的日期，格式 YYYY-MM-DD，如 2026-09-22`,
          `the ${label.en} must be a real date as YYYY-MM-DD, e.g. 2026-09-22`,
        );
      else if (yearOf(v) < CALENDAR_YEARS.first || yearOf(v) > CALENDAR_YEARS.last)
        bilingualIssue(
          ctx,
          `${label.zh}须在 ${CALENDAR_YEARS.first} 至 ${CALENDAR_YEARS.last} 年之间`,
          `the ${label.en} must be between ${CALENDAR_YEARS.first} and ${CALENDAR_YEARS.last}`,
        );
    });

/** A whole number of days in [min, max]. */
export const dayCount = (label: Label, min: number, max: number) =>
  z
    .number()
    .int()
    .superRefine((v, ctx) => {
      if (v < min || v > max)
        bilingualIssue(
          ctx,
          `${label.zh}须在 ${min} 至 ${max} 天之间`,
          `the ${label.en} must be between ${min} and ${max} days`,
        );
    })
    .meta({ minimum: min, maximum: max });

export const periodKind = z.enum(['natural', 'working']);

// ---------------------------------------------------------------- the calculator

export const periodBody = z.object({
  start: calendarDate({ zh: '开始日期', en: 'start date' }),
  days: dayCount({ zh: '天数', en: 'number of days' }, 1, 365),
  kind: periodKind.default('natural'),
  countStartDay: z.boolean().default(false),
  streetId: z.uuid().optional().meta({
    description:
      '按该街道的日历（含其录入的年份）计算 Count on this street’s calendar, with the years it entered',
  }),
});
export type PeriodRequest = z.output<typeof periodBody>;

const bilingual = z.object({ zh: z.string(), en: z.string() });
const year = z.number().int();

export const periodResponse = z.object({
  start: day,
  days: z.number().int(),
  kind: periodKind,
  countStartDay: z.boolean(),
  end: day.meta({ description: '期间的最后一日 The last day of the period' }),
  provisional: z.boolean().meta({
    description: '所跨年份有尚未确认的放假安排 A year it crosses has no confirmed holiday arrangement',
  }),
  provisionalYears: z.array(year),
  nominalEnd: day.meta({ description: '顺延前的最后一日 The last day before moving off a rest day' }),
  moved: z.boolean(),
  rule: bilingual.meta({ description: '计算依据 How the end was found' }),
});
export type PeriodAnswer = z.infer<typeof periodResponse>;
