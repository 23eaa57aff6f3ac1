import {
  bigserial,
  boolean,
  primaryKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { liftProjects, projectDocuments } from '../projects/schema.ts';
import { committees, persons, units } from '../registry/schema.ts';
import type { ConsentRule } from '../../../core/consent/rules.ts';
import type { SurveyQuestion } from '../../../core/consent/survey.ts';
import type { SurveyPurpose } from '../../../core/followup.ts';
import type { ClosedResult } from './contract.ts';

/** A survey (意向征询) or a formal vote (表决) of one project, over a stairwell, building or estate. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<'survey' | 'vote'>().notNull(),
    /** a survey's purpose: the willingness survey before the vote, or a lift's follow-up (回访) */
    purpose: text('purpose').$type<SurveyPurpose>().notNull().default('willingness'),
    title: text('title').notNull(),
    question: text('question').notNull(),
    documentsSummary: text('documents_summary').notNull().default(''),
    /** the rule as it stood when chosen (presets are versioned; custom rules live only here) */
    rule: jsonb('rule').$type<ConsentRule>(),
    questions: jsonb('questions').$type<SurveyQuestion[]>(),
    scopeKind: text('scope_kind').$type<'stairwell' | 'building' | 'estate'>().notNull(),
    scopeId: uuid('scope_id').notNull(),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    opensOn: text('opens_on'),
    closesOn: text('closes_on'),
    doubleEntry: boolean('double_entry').notNull().default(false),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** the tally frozen at closing */
    result: jsonb('result').$type<ClosedResult>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultations_project').on(t.projectId), index('consultations_committee').on(t.committeeId)],
);

/**
 * What the owners are asked to read before they vote (the scheme drawing, the cost plan, the
 * policy): documents of the project's library, each pinned at the version attached, so a later
 * replacement in the library does not change what was put before the owners.
 */
export const consultationMaterials = pgTable(
  'consultation_materials',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => projectDocuments.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.documentId] })],
);

/** The electorate frozen at opening: one row per owner group (one head). */
export const electorGroups = pgTable(
  'elector_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    /** owners as they were: [{personId, name}] */
    owners: jsonb('owners').$type<{ personId: string; name: string }[]>().notNull(),
    areaCenti: integer('area_centi').notNull(),
    /** "3单元 601室、602室", for letters and lists */
    label: text('label').notNull(),
  },
  (t) => [unique('elector_groups_key').on(t.consultationId, t.groupKey)],
);

export const electorUnits = pgTable(
  'elector_units',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => electorGroups.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    stairwellId: uuid('stairwell_id').notNull(),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    areaCenti: integer('area_centi').notNull(),
  },
  (t) => [
    unique('elector_units_unit').on(t.consultationId, t.unitId),
    index('elector_units_group').on(t.groupId),
  ],
);

/** Household codes: one active per owner group; a lost letter's code is revoked and a new one issued. */
export const householdCodes = pgTable(
  'household_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => electorGroups.id, { onDelete: 'cascade' }),
    /**
     * HMAC-SHA256 of the normalised code under a key derived from the server secret, which is not in
     * the database (platform/secret.ts): what verifying a code needs, and useless without the secret.
     */
    codeMac: text('code_mac').notNull().unique(),
    /**
     * The code encrypted (AES-256-GCM, bound to its consultation and household) under another key
     * derived from the server secret, so staff can print letters again (platform/code-keys.ts).
     */
    codeSealed: text('code_sealed').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_codes_group').on(t.groupId)],
);

/** The current ballot of each owner group (history is in the ledger). */
export const ballots = pgTable(
  'ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => electorGroups.id, { onDelete: 'cascade' }),
    /** vote: agree | disagree | abstain; survey: null (answers hold the replies) */
    choice: text('choice').$type<'agree' | 'disagree' | 'abstain'>(),
    answers: jsonb('answers').$type<Record<string, string | string[]>>(),
    channel: text('channel').$type<'online' | 'paper' | 'assisted' | 'proxy'>().notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    witness: text('witness'),
    proxyName: text('proxy_name'),
    signerPersonId: uuid('signer_person_id').references(() => persons.id),
    documentId: uuid('document_id').references(() => storedFiles.id),
    /** false while a paper ballot waits for the second staff member (double entry) */
    confirmed: boolean('confirmed').notNull().default(true),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    ledgerHash: text('ledger_hash').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('ballots_one_per_group').on(t.consultationId, t.groupId)],
);

/** The tamper-evident chain of every ballot event of a consultation. */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('ledger_events_seq').on(t.consultationId, t.seq),
    // receipts are hash prefixes: a LIKE 'prefix%' needs the pattern operator class whatever the
    // collation. Staff search one consultation's ledger; the public check searches every ledger.
    index('ledger_events_consultation_hash').using('btree', t.consultationId, t.hash.op('text_pattern_ops')),
    index('ledger_events_hash').using('btree', t.hash.op('text_pattern_ops')),
  ],
);
