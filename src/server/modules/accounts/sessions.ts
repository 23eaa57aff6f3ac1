import { and, eq, gt } from 'drizzle-orm';
import type { Role, SessionUser } from '../../../core/roles.ts';
import type { Access } from '../../platform/access.ts';
import type { SessionStore } from '../../platform/auth.ts';
import type { Db } from '../../platform/db/client.ts';
import { sessions, users } from './schema.ts';

export function toSessionUser(u: typeof users.$inferSelect): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    districtId: u.districtId,
    streetId: u.streetId,
    committeeId: u.committeeId,
    organisation: u.organisation,
  };
}

/**
 * The sessions the platform checks on every request (platform/auth.ts), kept in this module's
 * tables. What a user may see is given by the caller (app.ts passes the projects module's
 * loadAccess), so accounts does not reach into projects.
 */
export function sessionStore(
  db: Db,
  access: (user: SessionUser, now: Date) => Promise<Access>,
): SessionStore {
  return {
    async find(tokenHash, now) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      if (!row) return null;
      return {
        user: toSessionUser(row.user),
        csrfToken: row.session.csrfToken,
        mustChangePassword: row.user.mustChangePassword,
        disabled: row.user.disabled,
        lastSeenAt: row.session.lastSeenAt,
      };
    },
    async touch(tokenHash, now) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    },
    access,
  };
}
