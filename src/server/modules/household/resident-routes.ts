import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { ballotResponse, onlineBallot, residentViewResponse } from '../consent/contract.ts';
import { fileResponse } from '../../platform/contract.ts';
import { inline } from '../../platform/files.ts';
import { codeParams, materialParams } from './contract.ts';
import { castOnline } from './online-ballots.ts';
import { residentMaterial, residentView } from './vote.ts';

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
  r.get(
    '/api/v1/r/:code/materials/:documentId',
    {
      schema: {
        tags,
        summary: '打开一份材料 Open one of the materials',
        params: materialParams,
        ...fileResponse(
          'application/octet-stream',
          'PDF 或图片，类型见 Content-Type A PDF or an image, as Content-Type says',
        ),
      },
      config,
    },
    async (req, reply) => {
      const f = await residentMaterial(
        db,
        codeKeys.present(req.params.code),
        visitorOf(req),
        req.params.documentId,
      );
      // shown in the page (an image) or by the phone's PDF viewer; private: it came with a code
      return reply
        .type(f.mime)
        .header('content-disposition', inline(f.name))
        .header('cache-control', 'private, max-age=3600')
        .send(f.content);
    },
  );
}
