import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { ballotResponse, onlineBallot, residentViewResponse } from '../consent/contract.ts';
import { codeParams } from './contract.ts';
import { castOnline } from './online-ballots.ts';
import { residentView } from './vote.ts';

/** The vote page's routes behind /r/<code>: no login, the code is the credential. */
export function residentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  // per address; generous because a residents' committee may help many owners from one network
  const config = publicRoute(300);

  r.get(
    '/api/v1/r/:code',
    {
      schema: {
        tags,
        summary: '户码页面 What a household code shows',
        params: codeParams,
        response: { 200: residentViewResponse },
      },
      config,
    },
    async (req) => residentView(db, codeKeys.present(req.params.code), visitorOf(req)),
  );
  r.post(
    '/api/v1/r/:code/ballot',
    {
      schema: {
        tags,
        summary: '投票或改票 Vote or change the vote',
        params: codeParams,
        body: onlineBallot,
        response: { 200: ballotResponse },
      },
      config,
    },
    async (req) => castOnline(db, codeKeys.present(req.params.code), visitorOf(req), req.body),
  );
}
