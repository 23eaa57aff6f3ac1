import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The platform's own tables: nothing of a module's, so the platform imports no module. */

/**
 * Check values of the secrets kept outside the database (platform/secret.ts): an HMAC of a
 * constant, enough to refuse the wrong secret and nothing more.
 */
export const secretChecks = pgTable('secret_checks', {
  name: text('name').primaryKey(),
  checkValue: text('check_value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failures of credentials (passwords, household codes), one row per key, counted by one atomic
 * upsert so concurrent attempts cannot all pass (platform/throttle.ts countFailure). `kind` names the
 * policy; `address` is the client's ('' for everywhere) and `subject` what was tried (a username;
 * '' for anything from the address).
 */
export const throttles = pgTable(
  'throttles',
  {
    kind: text('kind').notNull(),
    address: text('address').notNull(),
    subject: text('subject').notNull(),
    failures: integer('failures').notNull(),
    /** the key's next attempt is refused before this */
    nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.address, t.subject] }),
    index('throttles_kind_last_failure').on(t.kind, t.lastFailureAt),
  ],
);
