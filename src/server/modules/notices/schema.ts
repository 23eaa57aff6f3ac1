import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { PeriodKind } from '../../../core/calendar.ts';
import { electorGroups } from '../consent/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees, units } from '../registry/schema.ts';
import type { NoticeKind, ObjectionStatus, WorksDetails } from '../../../core/notices.ts';

/** What a period change records of a notice, before and after. */
export interface PeriodEnds {
  publicityEnd: string;
  feedbackEnd: string | null;
  endsOn: string;
  provisional: boolean;
}

/**
 * A public notice (公示) of a project: the consultation result or the design scheme. Its end dates
 * are computed from the street's calendar when it is written and posted, and then stay as posted.
 * A changed plan restarts it: a new notice supersedes the old, which stays on record.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<NoticeKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** a works notice's effects and hours (施工公告); null for the other kinds */
    works: jsonb('works').$type<WorksDetails>(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    publicityDays: integer('publicity_days').notNull(),
    publicityKind: text('publicity_kind').$type<PeriodKind>().notNull(),
    /** 0: no written-feedback period after the publicity */
    feedbackDays: integer('feedback_days').notNull(),
    feedbackKind: text('feedback_kind').$type<PeriodKind>().notNull(),
    countStartDay: boolean('count_start_day').notNull().default(false),
    publicityEnd: date('publicity_end', { mode: 'string' }).notNull(),
    feedbackEnd: date('feedback_end', { mode: 'string' }),
    /** the last day objections are taken: feedbackEnd, or publicityEnd without feedback */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** the ends were computed over a year whose holiday arrangement was not yet confirmed */
    provisional: boolean('provisional').notNull().default(false),
    status: text('status').$type<'draft' | 'posted'>().notNull().default('draft'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedByName: text('posted_by_name'),
    postedWhere: text('posted_where').notNull().default(''),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => notices.id, { onDelete: 'restrict' }),
    restartReason: text('restart_reason'),
    supersededById: uuid('superseded_by_id').references((): AnyPgColumn => notices.id, {
      onDelete: 'set null',
    }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notices_project').on(t.projectId),
    index('notices_committee_ends').on(t.committeeId, t.endsOn),
  ],
);

/**
 * A notice's period moved because its street's holiday arrangement was entered or corrected: the
 * ends before and after, kept for the notice page and the work list.
 */
export const noticePeriodChanges = pgTable(
  'notice_period_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    /** the arrangement year whose entry moved it */
    year: integer('year').notNull(),
    before: jsonb('before').$type<PeriodEnds>().notNull(),
    after: jsonb('after').$type<PeriodEnds>().notNull(),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notice_period_changes_notice').on(t.noticeId),
    index('notice_period_changes_committee_at').on(t.committeeId, t.at),
  ],
);

/** Proof of posting: photos or a PDF of the notice where it hung. */
export const noticeEvidence = pgTable(
  'notice_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    where: text('where').notNull().default(''),
    note: text('note').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notice_evidence_notice').on(t.noticeId)],
);

/** An objection (异议) to a notice: from a household through its code, or entered by staff. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    channel: text('channel').$type<'household' | 'staff'>().notNull(),
    /** the household (owner group) whose code was used */
    fromGroupId: uuid('from_group_id').references(() => electorGroups.id, { onDelete: 'restrict' }),
    fromUnitId: uuid('from_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** "601室" or "3号 2单元 601室"; empty when unknown */
    fromLabel: text('from_label').notNull().default(''),
    /** owners of the household, or the name staff wrote down; masked wherever shown publicly */
    fromName: text('from_name').notNull().default(''),
    text: text('text').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objections_notice').on(t.noticeId),
    index('objections_project_status').on(t.projectId, t.status),
    index('objections_group').on(t.fromGroupId),
  ],
);
