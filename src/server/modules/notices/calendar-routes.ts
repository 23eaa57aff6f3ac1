import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, publicRoute } from '../../platform/http.ts';
import { addOverride, computePeriod, deleteOverride, listOverrides, periodRule, toolCalendar } from './calendar.ts';
import { calendarDate, dayCount, periodKind } from './inputs.ts';

const periodBody = z.object({
  start: calendarDate({ zh: '开始日期', en: 'start date' }),
  days: dayCount({ zh: '天数', en: 'number of days' }, 1, 365),
  kind: periodKind.default('natural'),
  countStartDay: z.boolean().default(false),
  /** a street's calendar (with its overrides) instead of the national data alone */
  streetId: z.uuid().optional(),
});

/** The public period calculator and the street admins' calendar overrides. */
export function calendarRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tools/notice-period', {
    schema: { tags: ['tools'], summary: '公示期计算（公开）Public notice-period calculator', body: periodBody },
    config: publicRoute(120),
  }, async (req) => {
    const { start, days, kind, countStartDay, streetId } = req.body;
    const cal = await toolCalendar(db, streetId);
    const result = computePeriod(cal, start, days, kind, countStartDay, { start: 'start', days: 'days' });
    return { start, days, kind, countStartDay, ...result, rule: periodRule(start, days, kind, countStartDay, result) };
  });

  const tags = ['calendar'];
  r.get('/api/v1/calendar/overrides', {
    schema: { tags, summary: '节假日设置 Calendar overrides', querystring: z.object({ streetId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  }, async (req) => listOverrides(db, await requireAccess(req, db), req.query));
  r.post('/api/v1/calendar/overrides', {
    schema: { tags, summary: '添加节假日或调休上班日（街道管理员）Add a holiday or make-up working day', body: z.object({ date: calendarDate({ zh: '日期', en: 'date' }), work: z.boolean(), name: optionalText(50).optional() }) },
  }, async (req, reply) => reply.status(201).send(await addOverride(db, await requireAccess(req, db), req.body)));
  r.delete('/api/v1/calendar/overrides/:id', { schema: { tags, summary: '删除节假日设置 Delete an override', params: idParam } }, async (req) =>
    deleteOverride(db, await requireAccess(req, db), req.params.id),
  );
}
