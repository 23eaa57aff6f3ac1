import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { residentCostShare, residentSignOff } from './agreements.ts';
import { codeParams } from '../household/contract.ts';
import { residentCostShareResponse, residentSignBody, residentSignResponse } from './contract.ts';

/** The household code page's money side: the owner's share, explained, and online sign-off. */
export function moneyResidentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const config = publicRoute(300);

  r.get(
    '/api/v1/r/:code/cost-share',
    {
      schema: {
        tags,
        summary: '我家的费用 The household’s share',
        params: codeParams,
        response: { 200: residentCostShareResponse },
      },
      config,
    },
    async (req) => residentCostShare(db, codeKeys.present(req.params.code), visitorOf(req)),
  );
  r.post(
    '/api/v1/r/:code/cost-share/sign',
    {
      schema: {
        tags,
        summary: '签认分摊额 Sign off the share',
        params: codeParams,
        body: residentSignBody,
        response: { 200: residentSignResponse },
      },
      config,
    },
    async (req) => residentSignOff(db, codeKeys.present(req.params.code), visitorOf(req), req.body.unitId),
  );
}
