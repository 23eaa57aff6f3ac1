import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/schema.ts';
import { objections } from '../notices/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees, units } from '../registry/schema.ts';
import type { Governance, MediationKind, Outcome, PartyRole } from '../../../core/mediation.ts';

/** A dispute (矛盾) of a lift project taken into mediation (调解). */
export const mediationCases = pgTable(
  'mediation_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<MediationKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** where it came from: an escalated objection, or a complaint written down by staff */
    sourceObjectionId: uuid('source_objection_id').references(() => objections.id, { onDelete: 'restrict' }),
    sourceComplaint: text('source_complaint'),
    outcome: text('outcome').$type<Outcome>().notNull().default('open'),
    outcomeNote: text('outcome_note').notNull().default(''),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    agreementFileId: uuid('agreement_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediation_cases_committee').on(t.committeeId, t.outcome),
    index('mediation_cases_project').on(t.projectId),
    index('mediation_cases_objection').on(t.sourceObjectionId),
  ],
);

/** A party: a unit of the project's scope, a person by name, or both. */
export const mediationParties = pgTable(
  'mediation_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    name: text('name').notNull().default(''),
    role: text('role').$type<PartyRole>().notNull().default('other'),
  },
  (t) => [index('mediation_parties_case').on(t.caseId)],
);

/** A mediation session, with the governances it drew on (at least one). */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull(),
    governance: jsonb('governance').$type<Governance[]>().notNull(),
    attendees: text('attendees').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediation_sessions_case').on(t.caseId, t.heldOn)],
);
