import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParam } from '../../platform/http.ts';
import * as c from './contract.ts';
import { getLiftOfProject, saveLift } from './service.ts';

/** A project's lift: its equipment record and who is responsible for its use. */
export function liftsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lifts'];
  r.get(
    '/api/v1/projects/:id/lift',
    {
      schema: {
        tags,
        summary: '项目的电梯（设备信息）The project’s lift, its equipment record; null before it is recorded',
        params: idParam,
        response: { 200: c.liftOfProject },
      },
    },
    async (req) => ({ lift: await getLiftOfProject(db, await requireAccess(req), req.params.id) }),
  );
  r.put(
    '/api/v1/projects/:id/lift',
    {
      schema: {
        tags,
        summary: '登记或更正电梯设备信息（开工后）Record or correct the lift’s equipment (from the works on)',
        params: idParam,
        body: c.liftBody,
        response: { 200: c.lift },
      },
    },
    async (req) => saveLift(db, await requireAccess(req), req.params.id, req.body),
  );
}
