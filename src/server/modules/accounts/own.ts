import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import type { Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import { countFailure, forgive, waitOf } from '../../platform/throttle.ts';
import type { Db } from '../../platform/db/client.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { checkNewPassword } from '../../platform/password-policy.ts';
import { committees } from '../registry/schema.ts';
import { sessions, users } from './schema.ts';
import { LOGIN_THROTTLE } from './service.ts';

/**
 * What every user does to their own account: change the password, see their sessions and end
 * the others. Reached also while a password must be changed, and by read-only roles (the routes
 * are marked `ownAccount`).
 */
export interface Me {
  access: Access;
  /** the session the request came with */
  tokenHash: string;
  ip: string;
}

const streetOf = async (db: Db, access: Access) =>
  access.user.streetId ??
  (access.user.committeeId
    ? ((
        await db
          .select({ s: committees.streetId })
          .from(committees)
          .where(eq(committees.id, access.user.committeeId))
      )[0]?.s ?? null)
    : null);

/**
 * Changes one's own password: the current one is checked (throttled as logins are, so a session
 * left open does not let anyone guess it), the new one must pass the rules of new passwords and
 * differ from it. The other sessions end; this one stays.
 */
export async function changeOwnPassword(
  db: Db,
  me: Me,
  input: { currentPassword: string; newPassword: string },
) {
  const { access } = me;
  const now = access.now;
  const pair = { address: me.ip, subject: access.user.username };
  await db.transaction(async (tx) => {
    if (!(await countFailure(tx, LOGIN_THROTTLE, pair, now, { unlessWaiting: true }))) {
      const retryAfter = Math.max(1, await waitOf(tx, LOGIN_THROTTLE, pair, now));
      throw new AppError(
        429,
        'login_throttled',
        `当前密码错误次数过多，请 ${retryAfter} 秒后再试`,
        `Too many wrong current passwords; try again in ${retryAfter} seconds`,
        'currentPassword',
        { retryAfter },
      );
    }
  });
  const [user] = await db.select().from(users).where(eq(users.id, access.user.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw badInput('currentPassword', '当前密码不正确', 'The current password is not correct');
  await forgive(db, LOGIN_THROTTLE, pair, 'one');
  if (input.newPassword === input.currentPassword)
    throw badInput(
      'newPassword',
      '新密码不能与当前密码相同',
      'The new password must differ from the current one',
    );
  checkNewPassword(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const streetId = await streetOf(db, access);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, me.tokenHash)))
      .returning({ id: sessions.id });
    await recordAudit(tx, access.actor, {
      action: 'change_password',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: user.committeeId,
      summary: `修改本人密码 ${user.username}`,
      after: {
        otherSessionsEnded: ended.length,
        ...(user.mustChangePassword ? { mustChangePassword: false } : {}),
      },
    });
    return { ok: true as const, otherSessionsEnded: ended.length };
  });
}

/** One's sessions not yet expired, the latest used first; `current` marks the one asking. */
export async function listOwnSessions(db: Db, me: Me) {
  const rows = await db
    .select({
      id: sessions.id,
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      address: sessions.address,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, me.access.user.id), gt(sessions.expiresAt, me.access.now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map(({ tokenHash, ...s }) => ({ ...s, current: tokenHash === me.tokenHash }));
}

/** Ends one of one's other sessions (the one asking ends by logging out). */
export async function endOwnSession(db: Db, me: Me, sessionId: string) {
  const { access } = me;
  const [session] = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, access.user.id)));
  if (!session) throw notFound({ zh: '会话', en: 'Session' });
  if (session.tokenHash === me.tokenHash)
    throw conflict(
      '这是您正在使用的会话；要结束它，请退出登录',
      'This is the session you are using; log out to end it',
    );
  const streetId = await streetOf(db, access);
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, access.user.id)))
      .returning({ id: sessions.id });
    if (ended.length === 0) throw notFound({ zh: '会话', en: 'Session' });
    await recordAudit(tx, access.actor, {
      action: 'end_session',
      entity: 'session',
      entityId: access.user.id,
      streetId,
      committeeId: access.user.committeeId,
      summary: `结束本人的另一会话`,
      after: { sessionId },
    });
    return { ok: true as const };
  });
}

/** Ends all of one's sessions but the one asking. */
export async function endOtherOwnSessions(db: Db, me: Me) {
  const { access } = me;
  const streetId = await streetOf(db, access);
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, access.user.id), ne(sessions.tokenHash, me.tokenHash)))
      .returning({ id: sessions.id });
    await recordAudit(tx, access.actor, {
      action: 'end_sessions',
      entity: 'session',
      entityId: access.user.id,
      streetId,
      committeeId: access.user.committeeId,
      summary: `结束本人的其他会话（${ended.length}）`,
      after: { sessionsEnded: ended.length },
    });
    return { ok: true as const, sessionsEnded: ended.length };
  });
}
