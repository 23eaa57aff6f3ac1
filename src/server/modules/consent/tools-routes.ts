import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { calculateConsent } from './calculator.ts';
import { calculatorBody, calculatorResponse, receiptCheck, receiptParams } from './contract.ts';
import { checkReceipt } from './receipts.ts';

/** The consent module's public routes, no login: the calculator (stores nothing) and the receipt check. */
export function consentToolsRoutes(app: FastifyInstance, { db }: AppContext) {
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
  r.get(
    '/api/v1/receipts/:receipt',
    {
      schema: {
        tags: ['resident'],
        summary:
          '核对回执（公开，不显示房号和姓名）Check a receipt: what the ledger recorded, with nothing of who voted',
        params: receiptParams,
        response: { 200: receiptCheck },
      },
      config: publicRoute(60),
    },
    async (req) => checkReceipt(db, req.params.receipt, visitorOf(req)),
  );
}
