import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { paged } from '../../platform/http.ts';
import { auditQuery, auditResponse } from './contract.ts';
import { listAuditEvents } from './service.ts';

export function auditRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit log of the street (street admin)',
        querystring: auditQuery,
        response: { 200: auditResponse },
      },
    },
    async (req) => {
      const { items, total } = await listAuditEvents(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
}
