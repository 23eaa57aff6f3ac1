import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents } from './schema.ts';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  streetId?: string | null;
  committeeId?: string | null;
  projectId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** Dates and bigints made JSON-safe so jsonb stores what the API showed. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Records one write; call it inside the transaction of the write. */
export async function recordAudit(tx: Queryable, actor: Actor, e: AuditInput) {
  await tx.insert(auditEvents).values({
    at: actor.at,
    actorUserId: actor.userId,
    actorName: actor.name,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    streetId: e.streetId ?? null,
    committeeId: e.committeeId ?? null,
    projectId: e.projectId ?? null,
    summary: e.summary ?? '',
    before: plain(e.before),
    after: plain(e.after),
  });
}

/** Only the fields that changed, for compact before/after pairs. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
