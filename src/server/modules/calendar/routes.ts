import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute } from '../../platform/http.ts';
import * as c from './contract.ts';
import { noticePeriod } from './service.ts';

/** The public period calculator. */
export function calendarRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/tools/notice-period',
    {
      schema: {
        tags: ['tools'],
        summary:
          '公示期计算（公开）Public notice-period calculator; provisional: true when a year it crosses has no confirmed holiday arrangement',
        body: c.periodBody,
        response: { 200: c.periodResponse },
      },
      config: publicRoute(120),
    },
    async (req) => noticePeriod(db, req.body),
  );
}
