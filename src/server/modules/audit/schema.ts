import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per write, written in the same transaction as the write itself. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    /** scope of the entity, so committee-level browsing needs no joins */
    streetId: uuid('street_id'),
    committeeId: uuid('committee_id'),
    /** the lift project the event belongs to: the project timeline is this column's stream */
    projectId: uuid('project_id'),
    summary: text('summary').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_entity').on(t.entity, t.entityId),
    index('audit_events_committee').on(t.committeeId),
    index('audit_events_project').on(t.projectId, t.at),
  ],
);
