import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParam } from '../../platform/http.ts';
import * as c from './contract.ts';
import { changeStage, stageStatus } from './service.ts';

/** A project's stage: what the next one needs, and the move (overriding unmet criteria with a reason). */
export function lifecycleRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/api/v1/projects/:id/stage',
    {
      schema: {
        tags,
        summary: '阶段与准入条件 Stage, what the next stage needs, history',
        params: idParam,
        response: { 200: c.stageStatusResponse },
      },
    },
    async (req) => stageStatus(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/projects/:id/stage',
    {
      schema: {
        tags,
        summary:
          '变更阶段（未满足的条件须写明理由才能越过）Change stage; unmet criteria need a written override reason',
        params: idParam,
        body: c.stageChangeBody,
        response: { 201: c.stageChange },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await changeStage(db, await requireAccess(req), req.params.id, req.body)),
  );
}
