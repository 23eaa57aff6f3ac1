import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { codeParams } from '../household/contract.ts';
import * as c from './contract.ts';
import { residentNotices, residentObjection } from './resident.ts';

/** The household-code routes of notices: no login, the code is the credential (and is throttled). */
export function noticeResidentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];

  r.get(
    '/api/v1/r/:code/notices',
    {
      schema: {
        tags,
        summary: '本项目的公示和本户的异议 Notices of the project and this household’s objections',
        params: codeParams,
        response: { 200: c.residentNoticesResponse },
      },
      config: publicRoute(60),
    },
    async (req) => residentNotices(db, codeKeys.present(req.params.code), visitorOf(req)),
  );
  r.post(
    '/api/v1/r/:code/objections',
    {
      schema: {
        tags,
        summary: '对公示提出异议 Object to a notice',
        params: codeParams,
        body: c.residentObjectionBody,
        response: { 201: c.residentObjectionResponse },
      },
      config: publicRoute(10),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await residentObjection(db, codeKeys.present(req.params.code), visitorOf(req), req.body)),
  );
}
