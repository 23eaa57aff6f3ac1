import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InspectionPlan, UseUnitKind } from '../../../core/lifts.ts';
import type { InspectionKind, InspectionResult, VisitKind } from '../../../core/upkeep.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees } from '../registry/schema.ts';

/**
 * A lift once built: one per project, recorded at acceptance and kept for its years in service.
 * `committee_id` is copied from the project, so scope is one filter, as on every registry row.
 */
export const lifts = pgTable(
  'lifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .unique('lifts_project')
      .references(() => liftProjects.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    /** 注册代码 (20 digits on the registration certificate); null until registered */
    registrationCode: text('registration_code'),
    /** 使用登记证编号 */
    useRegistrationNo: text('use_registration_no'),
    maker: text('maker').notNull().default(''),
    model: text('model').notNull().default(''),
    ratedLoadKg: integer('rated_load_kg'),
    /** rated speed in hundredths of m/s (1.00 m/s → 100): exact, as areas are */
    speedCentiMps: integer('speed_centi_mps'),
    stops: integer('stops'),
    /** the floors it stops at, e.g. [1, 2, 3, 4, 5, 6] or half-landings as written */
    floorsServed: jsonb('floors_served').$type<string[]>().notNull().default([]),
    useUnitKind: text('use_unit_kind').$type<UseUnitKind>(),
    useUnitName: text('use_unit_name').notNull().default(''),
    /** the responsible person and phone the car notice and the owners' page show */
    useUnitContact: text('use_unit_contact').notNull().default(''),
    useUnitPhone: text('use_unit_phone').notNull().default(''),
    enteredUseOn: date('entered_use_on', { mode: 'string' }),
    warrantyStartsOn: date('warranty_starts_on', { mode: 'string' }),
    warrantyMonths: integer('warranty_months'),
    inspectionPlan: text('inspection_plan').$type<InspectionPlan>().notNull().default('yearly_inspection'),
    /**
     * The lift's public code, printed as a QR sticker in the car: anyone may report a fault with it,
     * without logging in (rate-limited). Not a secret and not a household code: it opens nothing
     * personal.
     */
    publicCode: text('public_code').notNull().unique('lifts_public_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lifts_committee').on(t.committeeId)],
);

/** The maintenance contract (维保合同): the company, its term and fee, the response times it promises. */
export const maintenanceContracts = pgTable(
  'maintenance_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    liftId: uuid('lift_id')
      .notNull()
      .references(() => lifts.id, { onDelete: 'cascade' }),
    company: text('company').notNull(),
    companyPhone: text('company_phone').notNull().default(''),
    /** 维保单位的电梯维保资质 or licence number, as written */
    licence: text('licence').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    yearlyFeeFen: integer('yearly_fee_fen').notNull(),
    /** promised: on site within this many minutes of a fault report, and of an entrapment */
    faultResponseMinutes: integer('fault_response_minutes').notNull(),
    entrapmentResponseMinutes: integer('entrapment_response_minutes').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('maintenance_contracts_lift').on(t.liftId, t.endsOn)],
);

/** One maintenance visit: its kind, the items done, what was found, who did and who signed. */
export const maintenanceVisits = pgTable(
  'maintenance_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    liftId: uuid('lift_id')
      .notNull()
      .references(() => lifts.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).notNull(),
    kind: text('kind').$type<VisitKind>().notNull(),
    technician: text('technician').notNull(),
    /** item keys of core/upkeep.ts VISIT_ITEMS done on this visit */
    itemsDone: jsonb('items_done').$type<string[]>().notNull(),
    findings: text('findings').notNull().default(''),
    /** the use unit's person who signed the record (使用单位签字) */
    signedBy: text('signed_by').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('maintenance_visits_lift').on(t.liftId, t.on)],
);

/** The yearly check: a periodic inspection or a self-inspection, with its result and the next date. */
export const liftInspections = pgTable(
  'lift_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    liftId: uuid('lift_id')
      .notNull()
      .references(() => lifts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<InspectionKind>().notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    inspector: text('inspector').notNull(),
    reportNo: text('report_no').notNull().default(''),
    result: text('result').$type<InspectionResult>().notNull(),
    /** 下次检验日期 as the report gives it; null: a year later */
    nextDueOn: date('next_due_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lift_inspections_lift').on(t.liftId, t.on)],
);

/** The safety-liability insurance (电梯安全责任保险) and its term. */
export const liftInsurance = pgTable(
  'lift_insurance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    liftId: uuid('lift_id')
      .notNull()
      .references(() => lifts.id, { onDelete: 'cascade' }),
    insurer: text('insurer').notNull(),
    policyNo: text('policy_no').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    premiumFen: integer('premium_fen').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lift_insurance_lift').on(t.liftId, t.endsOn)],
);
