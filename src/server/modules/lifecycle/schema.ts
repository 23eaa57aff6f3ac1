import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Stage } from '../../../core/stages.ts';
import { users } from '../accounts/schema.ts';
import { liftProjects } from '../projects/schema.ts';

/** Every stage change, with the staff confirmations it rested on, or the override and its reason. */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage').$type<Stage>().notNull(),
    toStage: text('to_stage').$type<Stage>().notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    confirmed: jsonb('confirmed').$type<string[]>().notNull().default([]),
    /** criteria that were not met when a staff member overrode them */
    overridden: jsonb('overridden')
      .$type<{ id: string; label: { zh: string; en: string } }[]>()
      .notNull()
      .default([]),
    reason: text('reason').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stage_changes_project').on(t.projectId, t.at)],
);
