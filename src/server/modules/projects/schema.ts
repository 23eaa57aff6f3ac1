import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApprovalStatus, ApprovalStepTemplate, DayKind } from '../../../core/approvals.ts';
import type { DocumentCategory } from '../../../core/documents.ts';
import type { MethodGroup } from '../../../core/method.ts';
import type { SchemePreset } from '../../../core/money/schemes.ts';
import type { SubsidyRule } from '../../../core/money/subsidy.ts';
import type { Stage } from '../../../core/stages.ts';
import { users } from '../accounts/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { committees, stairwells, streets } from '../registry/schema.ts';

export const liftProjects = pgTable(
  'lift_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    stairwellId: uuid('stairwell_id')
      .notNull()
      .references(() => stairwells.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    /** core/stages.ts */
    stage: text('stage').$type<Stage>().notNull().default('mobilisation'),
    /** the stage a paused project resumes to */
    pausedFrom: text('paused_from').$type<Stage>(),
    adviserUserId: uuid('adviser_user_id').references(() => users.id, { onDelete: 'set null' }),
    mobilisedOn: date('mobilised_on', { mode: 'string' }),
    consultationOn: date('consultation_on', { mode: 'string' }),
    worksStartedOn: date('works_started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lift_projects_committee').on(t.committeeId),
    index('lift_projects_stairwell').on(t.stairwellId),
    index('lift_projects_adviser').on(t.adviserUserId),
  ],
);

/** Street-level editable templates: the method checklists and the approval steps. */
export const streetTemplates = pgTable('street_templates', {
  streetId: uuid('street_id')
    .primaryKey()
    .references(() => streets.id, { onDelete: 'cascade' }),
  method: jsonb('method').$type<MethodGroup[]>().notNull(),
  approvalSteps: jsonb('approval_steps').$type<ApprovalStepTemplate[]>().notNull(),
  /** the street's subsidy rules (other cities' rules as data, or changed caps); null: core's */
  subsidyRules: jsonb('subsidy_rules').$type<SubsidyRule[]>(),
  /** coefficient tables offered as examples when drafting a plan; null: core's */
  schemePresets: jsonb('scheme_presets').$type<SchemePreset[]>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A project's own copy of the method, ticked with who and when. */
export const checklistItems = pgTable(
  'checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    groupName: jsonb('group_name').$type<{ zh: string; en: string }>().notNull(),
    itemKey: text('item_key').notNull(),
    text: jsonb('text').$type<{ zh: string; en: string }>().notNull(),
    stage: text('stage').$type<Stage>().notNull(),
    position: integer('position').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByName: text('done_by_name'),
    note: text('note').notNull().default(''),
  },
  (t) => [unique('checklist_items_key').on(t.projectId, t.itemKey)],
);

/** A project's approval steps, copied from the street template. */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    name: jsonb('name').$type<{ zh: string; en: string }>().notNull(),
    agency: text('agency').notNull(),
    documents: jsonb('documents').$type<string[]>().notNull(),
    limitDays: integer('limit_days').notNull(),
    dayKind: text('day_kind').$type<DayKind>().notNull(),
    optional: boolean('optional').notNull(),
    status: text('status').$type<ApprovalStatus>().notNull().default('pending'),
    startedOn: date('started_on', { mode: 'string' }),
    submittedOn: date('submitted_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    returnedReason: text('returned_reason'),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('approval_steps_key').on(t.projectId, t.key)],
);

/** The project's document library; a replaced file becomes a new version, the old stays readable. */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    category: text('category').$type<DocumentCategory>().notNull().default('other'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_documents_project').on(t.projectId)],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => projectDocuments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('document_versions_version').on(t.documentId, t.version)],
);
