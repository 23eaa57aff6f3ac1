import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/** Failed logins, counted across instances to throttle password guessing. */
export const loginFailures = pgTable('login_failures', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  ip: text('ip').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('login_failures_username_at').on(t.username, t.at), index('login_failures_ip_at').on(t.ip, t.at)]);
