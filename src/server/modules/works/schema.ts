import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AcceptanceItem, MilestoneStatus, MilestoneTemplate } from '../../../core/works.ts';
import { storedFiles } from '../files/schema.ts';
import { liftProjects, projectDocuments } from '../projects/schema.ts';
import { committees, streets } from '../registry/schema.ts';

/** The street's works milestones (an editable template, as the approval steps are); none: core's. */
export const worksTemplates = pgTable('works_templates', {
  streetId: uuid('street_id')
    .primaryKey()
    .references(() => streets.id, { onDelete: 'cascade' }),
  milestones: jsonb('milestones').$type<MilestoneTemplate[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A project's own milestones, copied from its street's template when the works begin (or at the
 * first write before), with planned and actual dates. The unique key keeps a second copy out.
 */
export const worksMilestones = pgTable(
  'works_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    name: jsonb('name').$type<{ zh: string; en: string }>().notNull(),
    status: text('status').$type<MilestoneStatus>().notNull().default('pending'),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    actualStart: date('actual_start', { mode: 'string' }),
    actualEnd: date('actual_end', { mode: 'string' }),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('works_milestones_key').on(t.projectId, t.key),
    index('works_milestones_committee').on(t.committeeId),
  ],
);

/** The contractor (施工单位) and, where there is one, the supervisor (监理单位) of a project's works. */
export const worksParties = pgTable('works_parties', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => liftProjects.id, { onDelete: 'cascade' }),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => committees.id, { onDelete: 'restrict' }),
  contractorName: text('contractor_name').notNull(),
  contractorLicence: text('contractor_licence').notNull().default(''),
  siteManager: text('site_manager').notNull().default(''),
  siteManagerPhone: text('site_manager_phone').notNull().default(''),
  supervisorName: text('supervisor_name').notNull().default(''),
  supervisorContact: text('supervisor_contact').notNull().default(''),
  supervisorPhone: text('supervisor_phone').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The site log (施工日志): one entry per day's record, as the site keeps it. */
export const worksLogEntries = pgTable(
  'works_log_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    on: date('on', { mode: 'string' }).notNull(),
    weather: text('weather').notNull().default(''),
    workDone: text('work_done').notNull(),
    workers: integer('workers').notNull(),
    safetyChecks: text('safety_checks').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('works_log_project').on(t.projectId, t.on), index('works_log_committee').on(t.committeeId)],
);

/** Photos of a site log entry (the site as it was that day), stored as every upload is. */
export const worksLogPhotos = pgTable(
  'works_log_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => worksLogEntries.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    caption: text('caption').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('works_log_photos_entry').on(t.entryId), index('works_log_photos_project').on(t.projectId)],
);

/** The acceptance and handover checklist: each item ticked with its document from the library. */
export const worksAcceptance = pgTable(
  'works_acceptance',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    item: text('item').$type<AcceptanceItem>().notNull(),
    documentId: uuid('document_id').references(() => projectDocuments.id, { onDelete: 'set null' }),
    /** the certificate's number, where the item has one */
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByName: text('done_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.item] }),
    index('works_acceptance_committee').on(t.committeeId),
  ],
);
