/** Request pieces of the notices and mediation routes, with messages that name the field plainly. */
import { z } from 'zod';
import { CALENDAR_YEARS, isIsoDate, yearOf } from '../../../core/calendar.ts';
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
      if (!isIsoDate(v)) bilingualIssue(ctx, `${label.zh}须为真实存在的日期，格式 YYYY-MM-DD，如 2026-09-22`, `the ${label.en} must be a real date as YYYY-MM-DD, e.g. 2026-09-22`);
      else if (yearOf(v) < CALENDAR_YEARS.first || yearOf(v) > CALENDAR_YEARS.last)
        bilingualIssue(ctx, `${label.zh}须在 ${CALENDAR_YEARS.first} 至 ${CALENDAR_YEARS.last} 年之间`, `the ${label.en} must be between ${CALENDAR_YEARS.first} and ${CALENDAR_YEARS.last}`);
    });

/** A whole number of days in [min, max]. */
export const dayCount = (label: Label, min: number, max: number) =>
  z
    .number()
    .int()
    .superRefine((v, ctx) => {
      if (v < min || v > max) bilingualIssue(ctx, `${label.zh}须在 ${min} 至 ${max} 天之间`, `the ${label.en} must be between ${min} and ${max} days`);
    })
    .meta({ minimum: min, maximum: max });

export const periodKind = z.enum(['natural', 'working']);
