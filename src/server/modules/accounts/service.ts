import { and, eq, lt } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import { hashToken, newToken, SESSION_HOURS } from '../../platform/auth.ts';
import { countFailure, forgive, waitOf, type ThrottlePolicy } from '../../platform/throttle.ts';
import type { Db } from '../../platform/db/client.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { sessions, users } from './schema.ts';
import { toSessionUser } from './sessions.ts';

/**
 * One username from one address: 3 failures free, then a wait of 1, 2, 4 … s up to 5 minutes.
 * A stranger's guessing slows only their own address, never a colleague logging in elsewhere;
 * a success clears it, and so does a street admin's unlock.
 */
export const LOGIN_THROTTLE: ThrottlePolicy = {
  kind: 'login',
  free: 3,
  maxWaitSeconds: 300,
  forgetAfterSeconds: 3600,
};
/** Every username from one address (one password tried on many accounts): the per-address ceiling. */
export const LOGIN_ADDRESS_THROTTLE: ThrottlePolicy = {
  kind: 'login-address',
  free: 30,
  maxWaitSeconds: 300,
  forgetAfterSeconds: 3600,
};

const badLogin = () =>
  new AppError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password', 'password');
const loginThrottled = (retryAfter: number) =>
  new AppError(
    429,
    'login_throttled',
    `登录失败次数过多，请 ${retryAfter} 秒后再试`,
    `Too many failed logins; try again in ${retryAfter} seconds`,
    'username',
    { retryAfter },
  );

/**
 * Checks the password, throttled per username and address and per address, across instances.
 * The attempt is counted as a failure before the password is checked — so of concurrent
 * attempts only those the throttle allows are checked at all — and a success takes it back.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent?: string },
  now: Date,
) {
  const fromAddress = { address: input.ip };
  const pair = { address: input.ip, subject: input.username };
  await db.transaction(async (tx) => {
    // the address's row before the pair's, in every transaction here, so two never wait on each other
    const allowed =
      (await countFailure(tx, LOGIN_ADDRESS_THROTTLE, fromAddress, now, { unlessWaiting: true })) &&
      (await countFailure(tx, LOGIN_THROTTLE, pair, now, { unlessWaiting: true }));
    // refused: nothing counted (the transaction is undone), and the answer says when to come back
    if (!allowed)
      throw loginThrottled(
        Math.max(
          1,
          await waitOf(tx, LOGIN_ADDRESS_THROTTLE, fromAddress, now),
          await waitOf(tx, LOGIN_THROTTLE, pair, now),
        ),
      );
  });

  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  // verify even when the user is unknown, so timing does not reveal which usernames exist
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok) throw badLogin();
  // only to the one who knows the password: the account exists but is switched off
  if (user.disabled)
    throw new AppError(
      403,
      'account_disabled',
      '该账号已停用，请联系街道管理员',
      'This account is disabled; ask the street administrator',
      'username',
    );
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await forgive(tx, LOGIN_ADDRESS_THROTTLE, fromAddress, 'one');
    await forgive(tx, LOGIN_THROTTLE, pair, 'all');
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
      createdAt: now,
      lastSeenAt: now,
      // shown to the user in their list of sessions, so they can tell which one is not theirs
      address: input.ip.slice(0, 64),
      userAgent: (input.userAgent ?? '').slice(0, 300),
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    // housekeeping: expired sessions of anyone
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await recordAudit(
      tx,
      { userId: user.id, name: user.username, at: now },
      {
        action: 'login',
        entity: 'session',
        entityId: user.id,
        streetId: user.streetId,
        committeeId: user.committeeId,
        summary: `登录 ${input.ip}`,
      },
    );
  });
  return { token, csrfToken, user: toSessionUser(user), mustChangePassword: user.mustChangePassword };
}

// a valid argon2id hash of a random string, so unknown users cost the same as known ones
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$tWywU7jf4hKatsBlJ5kUcA$hu/f/g3noynPIL9wOoaPPF8Ju8535nZJ0GFa7op1iQc';

export async function logout(db: Db, tokenHash: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.userId });
  });
}

/** The demo accounts still enabled, by username only: the login page marks them (nothing else about users is public). */
export async function enabledDemoUsernames(db: Db): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.demo, true), eq(users.disabled, false)))
    .orderBy(users.username);
  return rows.map((r) => r.username);
}

/** Advisers of a street, for assigning projects. */
export async function listAdvisers(db: Db, streetId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, organisation: users.organisation })
    .from(users)
    .where(and(eq(users.role, 'adviser'), eq(users.streetId, streetId), eq(users.disabled, false)))
    .orderBy(users.displayName);
}
