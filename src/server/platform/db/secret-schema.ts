import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Check values of the secrets kept outside the database (platform/secret.ts): an HMAC of a
 * constant, enough to refuse the wrong secret and nothing more.
 */
export const secretChecks = pgTable('secret_checks', {
  name: text('name').primaryKey(),
  checkValue: text('check_value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
