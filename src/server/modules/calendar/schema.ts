import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Holiday } from '../../../core/calendar.ts';
import { streets } from '../registry/schema.ts';

/**
 * A year's official holiday arrangement (国务院办公厅 节假日安排) as a street admin entered it:
 * every holiday with its rest days and make-up working days, and where it was published. One row
 * a year and street; it replaces the chinese-days package's data for that year, and a year with
 * neither is provisional (core/calendar.ts).
 */
export const holidayYears = pgTable(
  'holiday_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streetId: uuid('street_id')
      .notNull()
      .references(() => streets.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    holidays: jsonb('holidays').$type<Holiday[]>().notNull(),
    /** the notice number (e.g. 国办发明电〔2026〕…号) or a link to it */
    source: text('source').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('holiday_years_street_year').on(t.streetId, t.year)],
);
