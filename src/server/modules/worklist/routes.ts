import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import * as c from './contract.ts';
import { workList } from './service.ts';

/** What needs the caller's attention now, across every module in their scope. */
export function worklistRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/api/v1/worklist',
    { schema: { tags, summary: '待办 What needs attention now', response: { 200: c.workListResponse } } },
    async (req) => workList(db, await requireAccess(req)),
  );
}
