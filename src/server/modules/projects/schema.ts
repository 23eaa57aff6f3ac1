import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { committees, stairwells } from '../registry/schema.ts';

export const liftProjects = pgTable('lift_projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  stairwellId: uuid('stairwell_id').notNull().references(() => stairwells.id, { onDelete: 'restrict' }),
  committeeId: uuid('committee_id').notNull().references(() => committees.id, { onDelete: 'restrict' }),
  /** core/stages.ts */
  stage: text('stage').notNull().default('mobilisation'),
  adviserUserId: uuid('adviser_user_id').references(() => users.id, { onDelete: 'set null' }),
  mobilisedOn: date('mobilised_on', { mode: 'string' }),
  consultationOn: date('consultation_on', { mode: 'string' }),
  worksStartedOn: date('works_started_on', { mode: 'string' }),
  completedOn: date('completed_on', { mode: 'string' }),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('lift_projects_committee').on(t.committeeId), index('lift_projects_stairwell').on(t.stairwellId), index('lift_projects_adviser').on(t.adviserUserId)]);
