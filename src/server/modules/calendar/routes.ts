import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CALENDAR_YEARS } from '../../../core/calendar.ts';
import { badInput } from '../../../core/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { sendWorkbook, uploadedFile } from '../../platform/files.ts';
import { publicRoute } from '../../platform/http.ts';
import { calendarDate, dayCount, periodKind } from '../notices/inputs.ts';
import { detectHolidayFile, holidayTemplate, parseHolidayIcs, parseHolidayWorkbook } from './files.ts';
import { getYear, listYears, periodRule, previewYear, saveYear, toolCalendar } from './service.ts';

const periodBody = z.object({
  start: calendarDate({ zh: '开始日期', en: 'start date' }),
  days: dayCount({ zh: '天数', en: 'number of days' }, 1, 365),
  kind: periodKind.default('natural'),
  countStartDay: z.boolean().default(false),
  /** a street's calendar (with the years it entered) instead of the national data alone */
  streetId: z.uuid().optional(),
});

const yearParam = z.object({ year: z.coerce.number().int().min(CALENDAR_YEARS.first).max(CALENDAR_YEARS.last) });
const streetQuery = z.object({ streetId: z.uuid().optional() });

const holiday = z.object({
  name: z.string().trim().min(1).max(30),
  start: calendarDate({ zh: '放假开始日期', en: 'first rest day' }),
  end: calendarDate({ zh: '放假结束日期', en: 'last rest day' }),
  workdays: z.array(calendarDate({ zh: '调休上班日', en: 'make-up working day' })).max(10).default([]),
});
const holidays = z.array(holiday).max(30);

/** The public period calculator and the street's holiday arrangements (节假日安排). */
export function calendarRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tools/notice-period', {
    schema: { tags: ['tools'], summary: '公示期计算（公开）Public notice-period calculator; provisional: true when a year it crosses has no confirmed holiday arrangement', body: periodBody },
    config: publicRoute(120),
  }, async (req) => {
    const { start, days, kind, countStartDay, streetId } = req.body;
    const cal = await toolCalendar(db, streetId);
    const { end, nominalEnd, moved, provisional, provisionalYears } = cal.periodEnd(start, days, kind, countStartDay);
    return { start, days, kind, countStartDay, end, provisional, provisionalYears, nominalEnd, moved, rule: periodRule(start, days, kind, countStartDay, { end, nominalEnd, moved, provisionalYears }) };
  });

  const tags = ['calendar'];
  r.get('/api/v1/holiday-years', {
    schema: { tags, summary: '放假安排：各年份来源与是否确认 Holiday arrangements: each year, where it comes from, confirmed or provisional', querystring: streetQuery },
  }, async (req) => listYears(db, await requireAccess(req, db), req.query));

  r.get('/api/v1/holiday-years/:year', {
    schema: { tags, summary: '某年的放假安排 One year’s holidays in force, the package’s and the statutory ones', params: yearParam, querystring: streetQuery },
  }, async (req) => getYear(db, await requireAccess(req, db), req.params.year, req.query));

  r.get('/api/v1/holiday-years/:year/template.xlsx', {
    schema: { tags, summary: '放假安排 Excel 模板（按法定节假日预填）The Excel template for a year, prefilled with its holidays in force', params: yearParam },
  }, async (req, reply) => {
    const access = await requireAccess(req, db);
    const year = await getYear(db, access, req.params.year, {});
    const file = await holidayTemplate(year.year, year.holidays, year.entered?.source ?? '');
    return sendWorkbook(reply, file, `${year.year}年放假安排.xlsx`, `holidays-${year.year}.xlsx`);
  });

  r.post('/api/v1/holiday-years/:year/import', {
    schema: {
      tags,
      summary: '读取放假安排文件（.xlsx 模板或 .ics 日历；不保存）Read an arrangement from the template (.xlsx) or an iCalendar file (.ics); nothing is saved',
      params: yearParam,
      consumes: ['multipart/form-data'],
    },
  }, async (req) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin');
    const { name, content } = await uploadedFile(req, { zh: '.xlsx 或 .ics 文件', en: '.xlsx or .ics file' });
    const kind = detectHolidayFile(name, content);
    if (!kind) throw badInput('file', '请上传放假安排模板（.xlsx）或日历文件（.ics）', 'Upload the arrangement template (.xlsx) or a calendar file (.ics)');
    const parsed = kind === 'xlsx' ? await parseHolidayWorkbook(content, req.params.year) : parseHolidayIcs(content.toString('utf8'), req.params.year);
    return { year: req.params.year, kind, ...parsed };
  });

  r.post('/api/v1/holiday-years/:year/preview', {
    schema: { tags, summary: '预览：保存后哪些公示的期间会变化（不保存）Which notices saving this arrangement would change; nothing is saved', params: yearParam, body: z.object({ holidays }) },
  }, async (req) => previewYear(db, await requireAccess(req, db), req.params.year, req.body));

  r.put('/api/v1/holiday-years/:year', {
    schema: {
      tags,
      summary: '录入或更正一年的放假安排（街道管理员）Enter or correct a whole year (street admin); running and draft notices are recomputed and the moves listed',
      params: yearParam,
      body: z.object({ source: z.string().trim().min(1).max(300), holidays }),
    },
  }, async (req) => saveYear(db, await requireAccess(req, db), req.params.year, req.body));
}
