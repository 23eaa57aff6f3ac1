import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParam } from '../../platform/http.ts';
import * as c from './contract.ts';
import { getFault, listFaults, moveFault, recordStaffFault } from './service.ts';

/** Staff's side of faults: the reports of their lifts, a phone report, the timeline. */
export function faultsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lifts'];
  r.get(
    '/api/v1/faults',
    {
      schema: {
        tags,
        summary: '报修列表 Fault and entrapment reports in scope',
        querystring: c.faultListQuery,
        response: { 200: c.faultList },
      },
    },
    async (req) => listFaults(db, await requireAccess(req), req.query),
  );
  r.get(
    '/api/v1/faults/:id',
    {
      schema: { tags, summary: '一条报修 One report', params: idParam, response: { 200: c.fault } },
    },
    async (req) => getFault(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/faults',
    {
      schema: {
        tags,
        summary: '登记电话报修 Record a report taken by phone or found by staff',
        body: c.staffFaultBody,
        response: { 201: c.fault },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordStaffFault(db, await requireAccess(req), req.body)),
  );
  r.post(
    '/api/v1/faults/:id/steps',
    {
      schema: {
        tags,
        summary:
          '记录下一步：受理、到场、修复、办结 Record the next step: acknowledged, on site, fixed, closed',
        params: idParam,
        body: c.faultStepBody,
        response: { 200: c.fault },
      },
    },
    async (req) => moveFault(db, await requireAccess(req), req.params.id, req.body),
  );
}
