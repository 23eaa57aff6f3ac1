import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { committees, districts, streets } from '../registry/schema.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** street_admin | committee_staff | adviser | district_viewer (core/roles.ts) */
  role: text('role').notNull(),
  /** The scope the role is bound to; exactly one of these is set, per ROLE_SCOPE_KIND. */
  districtId: uuid('district_id').references(() => districts.id, { onDelete: 'restrict' }),
  streetId: uuid('street_id').references(() => streets.id, { onDelete: 'restrict' }),
  committeeId: uuid('committee_id').references(() => committees.id, { onDelete: 'restrict' }),
  organisation: text('organisation').notNull().default(''),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

/**
 * Failures of credentials (passwords, household codes), one row per key, counted by one atomic
 * upsert so concurrent attempts cannot all pass (platform/auth.ts countFailure). `kind` names the
 * policy; `address` is the client's ('' for everywhere) and `subject` what was tried (a username;
 * '' for anything from the address).
 */
export const throttles = pgTable('throttles', {
  kind: text('kind').notNull(),
  address: text('address').notNull(),
  subject: text('subject').notNull(),
  failures: integer('failures').notNull(),
  /** the key's next attempt is refused before this */
  nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.address, t.subject] }), index('throttles_kind_last_failure').on(t.kind, t.lastFailureAt)]);
