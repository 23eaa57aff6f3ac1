/**
 * The holiday arrangements' contract: a street's years (节假日安排) as staff see, import, preview
 * and save them, and the notices a save moves.
 */
import { z } from 'zod';
import { CALENDAR_YEARS } from '../../../core/calendar.ts';
import { day, instant } from '../../platform/contract.ts';
import { calendarDate } from '../calendar/contract.ts';

// ---------------------------------------------------------------- requests

export const yearParam = z.object({
  year: z.coerce.number().int().min(CALENDAR_YEARS.first).max(CALENDAR_YEARS.last),
});
export const streetQuery = z.object({
  streetId: z
    .uuid()
    .optional()
    .meta({ description: '默认为本人所在街道 The caller’s own street by default' }),
});

const holidayInput = z.object({
  name: z.string().trim().min(1).max(30),
  start: calendarDate({ zh: '放假开始日期', en: 'first rest day' }),
  end: calendarDate({ zh: '放假结束日期', en: 'last rest day' }),
  workdays: z
    .array(calendarDate({ zh: '调休上班日', en: 'make-up working day' }))
    .max(10)
    .default([]),
});
const holidaysInput = z.array(holidayInput).max(30);
export const previewBody = z.object({ holidays: holidaysInput });
export const saveBody = z.object({
  source: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .meta({ description: '国务院办公厅通知的文号或链接 The State Council notice: its number or link' }),
  holidays: holidaysInput,
});

// ---------------------------------------------------------------- answers

const year = z.number().int();

export const holiday = z.object({
  name: z.string().meta({ examples: ['春节'] }),
  start: day.meta({ description: '放假第一天 First rest day' }),
  end: day.meta({ description: '放假最后一天 Last rest day' }),
  workdays: z.array(day).meta({ description: '调休上班日 Make-up working days' }),
});

const yearSource = z
  .enum(['entered', 'package', 'provisional'])
  .meta({ description: 'entered 街道录入；package 随软件提供；provisional 仅法定节假日（暂定）' });

/** Who entered a year and who corrected it last (the same until someone corrects it). */
export const enteredMeta = z.object({
  source: z.string(),
  createdByName: z.string(),
  createdAt: instant,
  updatedByName: z.string(),
  updatedAt: instant,
});

export const holidayYearsResponse = z.object({
  streetId: z.uuid(),
  streetName: z.string(),
  today: day,
  packageYears: z.object({ first: year, last: year }),
  canEdit: z.boolean(),
  provisionalNotices: z.number().int().meta({
    description: '期间仍为暂定的进行中和草稿公示 Running and draft notices whose ends are still provisional',
  }),
  years: z.array(
    z.object({ year, source: yearSource, confirmed: z.boolean(), entered: enteredMeta.nullable() }),
  ),
});
export type HolidayYears = z.infer<typeof holidayYearsResponse>;

export const holidayYearResponse = z.object({
  streetId: z.uuid(),
  year,
  source: yearSource,
  confirmed: z.boolean(),
  holidays: z.array(holiday).meta({
    description:
      '现行：录入的、软件提供的或法定节假日 In force: entered, the package’s or the statutory ones',
  }),
  packageHolidays: z.array(holiday).nullable(),
  statutoryHolidays: z.array(holiday),
  entered: enteredMeta.nullable(),
});
export type HolidayYear = z.infer<typeof holidayYearResponse>;

export const holidayImportResponse = z.object({
  year,
  kind: z.enum(['xlsx', 'ics']),
  holidays: z.array(holiday),
  source: z.string().meta({
    description:
      '通知文号或链接（模板），或日历名称（.ics）The notice number or link (template), or the calendar’s name (.ics)',
  }),
});
export type HolidayImport = z.infer<typeof holidayImportResponse>;

const periodEnds = z.object({
  publicityEnd: day,
  feedbackEnd: day.nullable(),
  endsOn: day,
  provisional: z.boolean(),
});
/** A notice whose ends an arrangement changes (preview) or changed (saved). */
export const periodChange = z.object({
  noticeId: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  committeeId: z.uuid(),
  title: z.string(),
  status: z.enum(['draft', 'posted']),
  before: periodEnds,
  after: periodEnds,
  moved: z
    .boolean()
    .meta({ description: '结束日期变化（不只是暂定标记）An end date moved, not only the provisional mark' }),
});

export const previewResponse = z.object({ year, changes: z.array(periodChange) });
export type Preview = z.infer<typeof previewResponse>;

export const saveResponse = z.object({
  year: holidayYearResponse,
  changes: z.array(periodChange).meta({ description: '期间移动的公示 The notices whose ends moved' }),
  confirmedNotices: z
    .number()
    .int()
    .meta({ description: '期间由暂定变为确定的公示数 Notices whose ends are no longer provisional' }),
});
export type SavedYear = z.infer<typeof saveResponse>;
