import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute } from '../../platform/http.ts';
import { calculateCostShare } from './calculator.ts';
import { costShareBody, costShareResponse } from './contract.ts';

/** Public tools: no login, nothing stored. */
export function moneyToolsRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/tools/cost-share',
    {
      schema: {
        tags: ['tools'],
        summary: '费用分摊计算器（公开）Public cost-sharing calculator',
        body: costShareBody,
        response: { 200: costShareResponse },
      },
      config: publicRoute(120),
    },
    async (req) => calculateCostShare(req.body),
  );
}
