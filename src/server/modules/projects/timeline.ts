/** One chronological stream of everything that happened to a project: its audit events. */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents } from '../audit/schema.ts';
import type { Timeline } from './contract.ts';
import { getProject } from './service.ts';

export async function projectTimeline(
  db: Queryable,
  access: Access,
  projectId: string,
  opts: { before?: number | undefined; limit: number },
): Promise<Timeline> {
  await getProject(db, access, projectId);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.projectId, projectId), opts.before ? lt(auditEvents.id, opts.before) : undefined),
    )
    .orderBy(desc(auditEvents.id))
    .limit(opts.limit);
  return { items: rows, nextBefore: rows.length === opts.limit ? rows[rows.length - 1]!.id : null };
}
