import { and, eq, lt, or } from 'drizzle-orm';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { ROLE_SCOPE_KIND, type Role } from '../../../core/roles.ts';
import type { Access } from '../../platform/access.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { countFailure, forgive, hashToken, newToken, SESSION_HOURS, toSessionUser, waitOf, type ThrottlePolicy } from '../../platform/auth.ts';
import type { Db } from '../../platform/db/client.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { committees, districts, streets } from '../registry/schema.ts';
import { sessions, users } from './schema.ts';

/**
 * One username from one address: 3 failures free, then a wait of 1, 2, 4 … s up to 5 minutes.
 * A stranger's guessing slows only their own address, never a colleague logging in elsewhere;
 * a success clears it, and so does a street admin's unlock.
 */
export const LOGIN_THROTTLE: ThrottlePolicy = { kind: 'login', free: 3, maxWaitSeconds: 300, forgetAfterSeconds: 3600 };
/** Every username from one address (one password tried on many accounts): the per-address ceiling. */
export const LOGIN_ADDRESS_THROTTLE: ThrottlePolicy = { kind: 'login-address', free: 30, maxWaitSeconds: 300, forgetAfterSeconds: 3600 };

const badLogin = () =>
  new AppError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password', 'password');
const loginThrottled = (retryAfter: number) =>
  new AppError(429, 'login_throttled', `登录失败次数过多，请 ${retryAfter} 秒后再试`, `Too many failed logins; try again in ${retryAfter} seconds`, 'username', { retryAfter });

/**
 * Checks the password, throttled per username and address and per address, across instances.
 * The attempt is counted as a failure before the password is checked — so of concurrent
 * attempts only those the throttle allows are checked at all — and a success takes it back.
 */
export async function login(db: Db, input: { username: string; password: string; ip: string }, now: Date) {
  const fromAddress = { address: input.ip };
  const pair = { address: input.ip, subject: input.username };
  await db.transaction(async (tx) => {
    // the address's row before the pair's, in every transaction here, so two never wait on each other
    const allowed = (await countFailure(tx, LOGIN_ADDRESS_THROTTLE, fromAddress, now, { unlessWaiting: true })) && (await countFailure(tx, LOGIN_THROTTLE, pair, now, { unlessWaiting: true }));
    // refused: nothing counted (the transaction is undone), and the answer says when to come back
    if (!allowed) throw loginThrottled(Math.max(1, await waitOf(tx, LOGIN_ADDRESS_THROTTLE, fromAddress, now), await waitOf(tx, LOGIN_THROTTLE, pair, now)));
  });

  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  // verify even when the user is unknown, so timing does not reveal which usernames exist
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabled) throw badLogin();
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
    });
    // housekeeping: expired sessions of anyone
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await recordAudit(tx, { userId: user.id, name: user.username, at: now }, { action: 'login', entity: 'session', entityId: user.id, streetId: user.streetId, committeeId: user.committeeId, summary: `登录 ${input.ip}` });
  });
  return { token, csrfToken, user: toSessionUser(user) };
}

/** Users of a street: those bound to it or to one of its committees (joined as `committees`). */
const inStreet = (streetId: string) => or(eq(users.streetId, streetId), eq(committees.streetId, streetId));

/** A street admin lets a user of the street log in again at once, from every address; audited. */
export async function unlockUser(db: Db, access: Access, userId: string) {
  const [user] = await db
    .select({ id: users.id, username: users.username, committeeId: users.committeeId })
    .from(users)
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(and(eq(users.id, userId), inStreet(access.user.streetId!)));
  if (!user) throw notFound({ zh: '账号', en: 'User' });
  return db.transaction(async (tx) => {
    const cleared = await forgive(tx, LOGIN_THROTTLE, { subject: user.username }, 'all');
    await recordAudit(tx, access.actor, { action: 'unlock', entity: 'user', entityId: user.id, streetId: access.user.streetId, committeeId: user.committeeId, summary: `解除登录限制 ${user.username}`, after: { addresses: cleared } });
    return { ok: true as const, addresses: cleared };
  });
}

// a valid argon2id hash of a random string, so unknown users cost the same as known ones
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$tWywU7jf4hKatsBlJ5kUcA$hu/f/g3noynPIL9wOoaPPF8Ju8535nZJ0GFa7op1iQc';

export async function logout(db: Db, tokenHash: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.userId });
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  /** the id of the district, street or committee the role is bound to */
  scopeId: string;
  organisation?: string;
}

/** Creates a staff account bound to the scope its role requires. */
export async function createUser(db: Db, input: NewUser, actor: Actor) {
  if (input.password.length < 8) throw badInput('password', '密码至少 8 位', 'The password must have at least 8 characters');
  const kind = ROLE_SCOPE_KIND[input.role];
  const table = kind === 'district' ? districts : kind === 'street' ? streets : committees;
  const [scope] = await db.select({ id: table.id }).from(table).where(eq(table.id, input.scopeId));
  if (!scope) throw badInput('scopeId', `找不到该${kind === 'district' ? '区' : kind === 'street' ? '街道' : '居委会'}`, `No such ${kind}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (existing) throw conflict('用户名已被使用', 'The username is taken', 'username');
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        districtId: kind === 'district' ? input.scopeId : null,
        streetId: kind === 'street' ? input.scopeId : null,
        committeeId: kind === 'committee' ? input.scopeId : null,
        organisation: input.organisation ?? '',
      })
      .returning();
    const { passwordHash: _omit, ...shown } = created!;
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: created!.id, streetId: shown.streetId, committeeId: shown.committeeId, after: shown });
    return shown;
  });
}

/** Users visible to a street admin: those bound to their street or its committees. */
export async function listUsers(db: Db, streetId: string) {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, organisation: users.organisation, districtId: users.districtId, streetId: users.streetId, committeeId: users.committeeId, committeeName: committees.name, disabled: users.disabled })
    .from(users)
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(inStreet(streetId))
    .orderBy(users.username);
  return rows;
}

/** Advisers of a street, for assigning projects. */
export async function listAdvisers(db: Db, streetId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, organisation: users.organisation })
    .from(users)
    .where(and(eq(users.role, 'adviser'), eq(users.streetId, streetId), eq(users.disabled, false)))
    .orderBy(users.displayName);
}
