import type { ScheduledInstalment } from '../../../core/money/payments.ts';
import { sql } from 'drizzle-orm';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Scheme } from '../../../core/money/schemes.ts';
import { consultations } from '../consent/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees, streets, units } from '../registry/schema.ts';
import type { AgreementTemplate } from '../../../core/agreement.ts';
import type { PaymentMethod } from '../../../core/money/payments.ts';

export interface PlanLine {
  label: string;
  fen: number;
}

/** An instalment of a plan's payment schedule (core/money/payments.ts). */
export type Instalment = ScheduledInstalment;

/**
 * A project's cost plan. Drafts are edited freely and compared (what-if); adopting one freezes
 * its shares per unit; a later change makes a new version, the old stays readable.
 */
export const costPlans = pgTable(
  'cost_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<'draft' | 'adopted' | 'superseded'>().notNull().default('draft'),
    constructionFen: integer('construction_fen').notNull(),
    otherCosts: jsonb('other_costs').$type<PlanLine[]>().notNull().default([]),
    /** {rate, capFen, ruleId?} as it stood when chosen; null: no subsidy */
    subsidy: jsonb('subsidy').$type<{ ruleId: string | null; rate: string; capFen: number | null } | null>(),
    otherFunds: jsonb('other_funds').$type<PlanLine[]>().notNull().default([]),
    compensations: jsonb('compensations')
      .$type<{ unitId: string; fen: number; note: string }[]>()
      .notNull()
      .default([]),
    scheme: jsonb('scheme').$type<Scheme>().notNull(),
    schedule: jsonb('schedule').$type<Instalment[]>().notNull().default([]),
    runningCostRule: text('running_cost_rule').notNull().default(''),
    /** the vote this plan is put to: its owners see what they would pay under it before voting */
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    subsidyFen: integer('subsidy_fen').notNull(),
    amountToShareFen: integer('amount_to_share_fen').notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptedByName: text('adopted_by_name'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('cost_plans_version').on(t.projectId, t.version),
    index('cost_plans_project').on(t.projectId),
    // a project has one plan in force: the database refuses a second, whatever path writes it
    uniqueIndex('cost_plans_one_adopted')
      .on(t.projectId)
      .where(sql`${t.status} = 'adopted'`),
    // one plan per vote: the owners are shown one set of figures
    uniqueIndex('cost_plans_consultation').on(t.consultationId),
  ],
);

/** The shares of an adopted plan, frozen per unit. */
export const costShares = pgTable(
  'cost_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => costPlans.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    areaCenti: integer('area_centi').notNull(),
    shareFen: integer('share_fen').notNull(),
    compensationFen: integer('compensation_fen').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedChannel: text('signed_channel').$type<'paper' | 'online'>(),
    signedDocumentId: uuid('signed_document_id').references(() => storedFiles.id),
    signedByName: text('signed_by_name'),
  },
  (t) => [unique('cost_shares_unit').on(t.planId, t.unitId)],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => costPlans.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    amountFen: integer('amount_fen').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    receiptNo: text('receipt_no').notNull(),
    providentFund: boolean('provident_fund').notNull().default(false),
    note: text('note').notNull().default(''),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payments_plan_unit').on(t.planId, t.unitId),
    unique('payments_receipt').on(t.planId, t.receiptNo),
  ],
);

/** The subsidy claim of a project: the amount comes from the adopted plan. */
export const subsidyClaims = pgTable('subsidy_claims', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => liftProjects.id, { onDelete: 'cascade' }),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => committees.id, { onDelete: 'restrict' }),
  status: text('status')
    .$type<'prepared' | 'submitted' | 'approved' | 'received'>()
    .notNull()
    .default('prepared'),
  preparedOn: date('prepared_on', { mode: 'string' }),
  submittedOn: date('submitted_on', { mode: 'string' }),
  approvedOn: date('approved_on', { mode: 'string' }),
  receivedOn: date('received_on', { mode: 'string' }),
  /** what was actually granted, when it differs from the computed amount */
  grantedFen: integer('granted_fen'),
  note: text('note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Yearly running costs after completion (maintenance, power, insurance, repairs), shared by a scheme. */
export const runningCostYears = pgTable(
  'running_cost_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => liftProjects.id, { onDelete: 'cascade' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    items: jsonb('items').$type<PlanLine[]>().notNull(),
    scheme: jsonb('scheme').$type<Scheme>().notNull(),
    totalFen: integer('total_fen').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('running_cost_years_year').on(t.projectId, t.year)],
);

export const runningBills = pgTable(
  'running_bills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    yearId: uuid('year_id')
      .notNull()
      .references(() => runningCostYears.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    lastPaidOn: date('last_paid_on', { mode: 'string' }),
    lastReceiptNo: text('last_receipt_no'),
  },
  (t) => [unique('running_bills_unit').on(t.yearId, t.unitId)],
);

/** Each payment of a running-cost bill (the bill keeps the running total). */
export const runningBillPayments = pgTable(
  'running_bill_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    billId: uuid('bill_id')
      .notNull()
      .references(() => runningBills.id, { onDelete: 'cascade' }),
    amountFen: integer('amount_fen').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    receiptNo: text('receipt_no').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('running_bill_payments_bill').on(t.billId)],
);

/**
 * The street's wording of the owners' agreement (core/agreement.ts). No row, or null clauses after
 * a reset: core's default, so a reset street follows a later default. Each save or reset counts a
 * version; the audit rows keep what every change was.
 */
export const agreementTemplates = pgTable('agreement_templates', {
  streetId: uuid('street_id')
    .primaryKey()
    .references(() => streets.id, { onDelete: 'cascade' }),
  clauses: jsonb('clauses').$type<AgreementTemplate['clauses']>(),
  amendQuorum: jsonb('amend_quorum').$type<AgreementTemplate['amendQuorum']>(),
  version: integer('version').notNull(),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
