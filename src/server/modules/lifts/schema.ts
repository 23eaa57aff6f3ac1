import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InspectionPlan, UseUnitKind } from '../../../core/lifts.ts';
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
