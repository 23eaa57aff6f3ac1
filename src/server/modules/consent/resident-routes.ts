import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { residentView } from './ballots.ts';
import { castOnline } from './online-ballots.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';

/** The household-code routes behind /r/<code>: no login, the code is the credential. */
export function residentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const params = z.object({ code: z.string().trim().min(1).max(20) });
  // per address; generous because a residents' committee may help many owners from one network
  const rateLimit = publicRoute(300);

  r.get('/api/v1/r/:code', { schema: { tags, summary: '户码页面 What a household code shows', params }, config: rateLimit }, async (req) => residentView(db, codeKeys.present(req.params.code), visitorOf(req)));
  r.post('/api/v1/r/:code/ballot', {
    schema: {
      tags,
      summary: '投票或改票 Vote or change the vote',
      params,
      body: z.object({
        choice: z.enum(['agree', 'disagree', 'abstain']).optional(),
        answers: z.record(z.string().max(40), z.union([z.string().max(1000), z.array(z.string().max(40)).max(20)])).optional(),
      }),
    },
    config: rateLimit,
  }, async (req) => castOnline(db, codeKeys.present(req.params.code), visitorOf(req), req.body));
}
