import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { assertRole, type Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/like.ts';
import type { AuditEvent, AuditQuery } from './contract.ts';
import { auditEvents } from './schema.ts';

/** A street admin browses the events of their street (its committees and the street itself). */
export async function listAuditEvents(
  db: Queryable,
  access: Access,
  q: AuditQuery,
): Promise<{ items: AuditEvent[]; total: number }> {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId!;
  const cond: SQL | undefined = and(
    eq(auditEvents.streetId, streetId),
    q.entity ? eq(auditEvents.entity, q.entity) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.actor ? ilike(auditEvents.actorName, containing(q.actor)) : undefined,
    q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00+08:00`)) : undefined,
    q.to
      ? lt(auditEvents.at, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
  );
  const [total] = await db.select({ n: count() }).from(auditEvents).where(cond);
  const items = await db
    .select()
    .from(auditEvents)
    .where(cond)
    .orderBy(desc(auditEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: total?.n ?? 0 };
}
