import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FaultChannel, FaultKind } from '../../../core/faults.ts';
import { electorGroups } from '../consent/schema.ts';
import { lifts } from '../lifts/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees } from '../registry/schema.ts';

/**
 * A fault or an entrapment reported on a lift in service, with its timeline: each step's instant
 * and who recorded it, in order (core/faults.ts). `committee_id` is the lift's, so scope is one
 * filter. The reporter's contact is theirs to leave or not; the car's QR code asks for nothing.
 */
export const liftFaults = pgTable(
  'lift_faults',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    liftId: uuid('lift_id')
      .notNull()
      .references(() => lifts.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    /** the report number the reporter checks its status with (XXXX-XXXX), random */
    ref: text('ref').notNull().unique('lift_faults_ref'),
    kind: text('kind').$type<FaultKind>().notNull(),
    channel: text('channel').$type<FaultChannel>().notNull(),
    description: text('description').notNull().default(''),
    /** the owner group a household-page report came from */
    fromGroupId: uuid('from_group_id').references(() => electorGroups.id, { onDelete: 'set null' }),
    fromLabel: text('from_label').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /**
     * Minutes allowed to be on site, fixed when reported: the maintenance contract in force that
     * day promised it (never looser than the entrapment rule), else our default (core limitsFor).
     * A contract signed later does not move a past report's limit.
     */
    onSiteLimitMinutes: integer('on_site_limit_minutes').notNull(),
    reportedByName: text('reported_by_name').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByName: text('acknowledged_by_name'),
    onSiteAt: timestamp('on_site_at', { withTimezone: true }),
    onSiteByName: text('on_site_by_name'),
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
    fixedByName: text('fixed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
    /** what was done, written when it is fixed or closed */
    resolution: text('resolution').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lift_faults_lift').on(t.liftId, t.reportedAt),
    index('lift_faults_committee').on(t.committeeId),
    index('lift_faults_group').on(t.fromGroupId),
  ],
);
