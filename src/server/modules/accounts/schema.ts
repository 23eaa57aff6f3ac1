import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { committees, districts, streets } from '../registry/schema.ts';

export const users = pgTable(
  'users',
  {
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
    /** A disabled account cannot log in and has no sessions; when and by whom (an actor's name) it was disabled. */
    disabled: boolean('disabled').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    disabledBy: text('disabled_by'),
    /** Set by a password reset (and on accounts created with a password someone else chose): the session reaches only the password change until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** An account of the demo street, whose password is published in the README. */
    demo: boolean('demo').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('users_disabled_when', sql`"disabled" = ("disabled_at" is not null)`)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** how the session is named to its owner (listing, ending one): never the token or its hash */
    id: uuid('id').notNull().defaultRandom().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** last request seen, kept to the minute or so (platform/auth.ts) */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** the address and browser it was opened from, for the owner's list of sessions */
    address: text('address').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
