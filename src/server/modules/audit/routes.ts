import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { pageQuery, paged } from '../../platform/http.ts';
import { listAuditEvents } from './service.ts';

export function auditRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const query = z.object({
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    entity: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    action: z.string().max(40).optional(),
    actor: z.string().max(64).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  });
  r.get('/api/v1/audit', { schema: { tags: ['audit'], summary: '审计日志 Audit log of the street', querystring: query } }, async (req) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin');
    const { items, total } = await listAuditEvents(db, access, req.query);
    return paged(items, total, req.query.page, req.query.pageSize);
  });
}
