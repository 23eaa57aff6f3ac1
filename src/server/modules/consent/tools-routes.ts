import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute } from '../../platform/http.ts';
import { calculateConsent } from './calculator.ts';
import { calculatorBody, calculatorResponse } from './contract.ts';

/** Public tools: no login, nothing stored. */
export function consentToolsRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/tools/consent',
    {
      schema: {
        tags: ['tools'],
        summary: '表决计算器（公开）Public consent calculator',
        body: calculatorBody,
        response: { 200: calculatorResponse },
      },
      config: publicRoute(120),
    },
    async (req) => calculateConsent(req.body),
  );
}
