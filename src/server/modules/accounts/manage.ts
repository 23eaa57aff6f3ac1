import { and, count, eq, ne, or, sql } from 'drizzle-orm';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { ROLE_SCOPE_KIND, type Role } from '../../../core/roles.ts';
import type { Access } from '../../platform/access.ts';
import { type Actor } from '../../platform/actor.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { forgive } from '../../platform/throttle.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { checkNewPassword, generatePassword } from '../../platform/password-policy.ts';
import { committees, districts, streets } from '../registry/schema.ts';
import { throttles } from '../../platform/db/platform-schema.ts';
import { sessions, users } from './schema.ts';
import { LOGIN_THROTTLE } from './service.ts';

/**
 * Accounts managed without SQL (issue 9 item 3): a street admin manages the accounts of their
 * street (those bound to it or to one of its committees); the command line manages every account.
 * Every write is audited with the actor and runs under locks, street row first, then the account's:
 * whatever could leave a street without an active street admin (disabling one, changing one's
 * role) decides under the street's lock, so two admins disabling each other at once leave one.
 */
export interface Manager {
  actor: Actor;
  /** the street they manage; null for the command line, which manages every account */
  streetId: string | null;
}

export const managerOf = (access: Access): Manager => ({
  actor: access.actor,
  streetId: access.user.streetId,
});

/** How a command names an account: by id (the API) or by username (the command line). */
export type AccountRef = { id: string } | { username: string };

const USER = { zh: '账号', en: 'User' };

/** The street an account belongs to: its own, or its committee's (null for a district viewer). */
const streetOfUser = sql<string | null>`coalesce(${users.streetId}, ${committees.streetId})`;
const inStreet = (streetId: string) => or(eq(users.streetId, streetId), eq(committees.streetId, streetId));

// ---------------------------------------------------------------- reading

/** An account as the user list shows it: never its password hash. */
export interface ListedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
  districtId: string | null;
  streetId: string | null;
  committeeId: string | null;
  committeeName: string | null;
  /** the committee's, street's or district's name */
  scopeName: string | null;
  disabled: boolean;
  disabledAt: Date | null;
  disabledBy: string | null;
  mustChangePassword: boolean;
  demo: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** sessions not yet expired */
  sessions: number;
  /** wrong passwords not yet forgotten, from every address (the login throttle), and the longest wait one of them imposes now */
  failedLogins: number;
  lockedSeconds: number;
}

/** Accounts of a street (the manager's), or of every street for the command line; by username. */
export async function listUsers(
  db: Queryable,
  manager: Pick<Manager, 'streetId'>,
  now: Date,
): Promise<ListedUser[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgotten = sql`${at} - make_interval(secs => ${LOGIN_THROTTLE.forgetAfterSeconds})`;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisation: users.organisation,
      districtId: users.districtId,
      streetId: users.streetId,
      committeeId: users.committeeId,
      committeeName: committees.name,
      scopeName: sql<
        string | null
      >`coalesce(${committees.name}, (select s.name from ${streets} s where s.id = ${users.streetId}), (select d.name from ${districts} d where d.id = ${users.districtId}))`,
      disabled: users.disabled,
      disabledAt: users.disabledAt,
      disabledBy: users.disabledBy,
      mustChangePassword: users.mustChangePassword,
      demo: users.demo,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      sessions: sql<number>`(select count(*)::int from ${sessions} s where s.user_id = ${users.id} and s.expires_at > ${at})`,
      failedLogins: sql<number>`(select coalesce(sum(t.failures), 0)::int from ${throttles} t where t.kind = ${LOGIN_THROTTLE.kind} and t.subject = ${users.username} and t.last_failure_at > ${forgotten})`,
      lockedSeconds: sql<number>`(select coalesce(ceil(extract(epoch from max(t.next_allowed_at) - ${at})), 0)::int from ${throttles} t
        where t.kind = ${LOGIN_THROTTLE.kind} and t.subject = ${users.username} and t.next_allowed_at > ${at} and t.last_failure_at > ${forgotten})`,
    })
    .from(users)
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(manager.streetId ? inStreet(manager.streetId) : undefined)
    .orderBy(users.username);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** The account `ref` names, if the manager may manage it (404 otherwise: ids of other streets reveal nothing). */
async function findTarget(q: Queryable, manager: Manager, ref: AccountRef) {
  const [row] = await q
    .select({ user: users, streetId: streetOfUser })
    .from(users)
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(
      and(
        'id' in ref ? eq(users.id, ref.id) : eq(users.username, ref.username),
        manager.streetId ? inStreet(manager.streetId) : undefined,
      ),
    );
  if (!row) throw notFound(USER);
  return row;
}

/** Finds the account and locks its street's row, then its own: the order every account write here takes. */
async function lockTarget(tx: Tx, manager: Manager, ref: AccountRef) {
  const found = await findTarget(tx, manager, ref);
  if (found.streetId)
    await tx
      .select({ id: streets.id })
      .from(streets)
      .where(eq(streets.id, found.streetId))
      .for('no key update');
  const [user] = await tx.select().from(users).where(eq(users.id, found.user.id)).for('update');
  return { user: user!, streetId: found.streetId };
}

/** Refuses a change that would leave the street with no enabled street admin but `leaving`. Call under the street's lock. */
async function ensureAnotherAdmin(tx: Tx, streetId: string, leaving: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.role, 'street_admin'),
        eq(users.streetId, streetId),
        eq(users.disabled, false),
        ne(users.id, leaving),
      ),
    );
  if (row!.n === 0)
    throw new AppError(
      409,
      'last_admin',
      '街道至少要保留一名在用的街道管理员：请先新建或启用另一名街道管理员',
      'The street must keep at least one enabled street administrator: create or enable another one first',
      'role',
    );
}

/** The fields of an account the audit log keeps (never the hash). */
const audited = (u: typeof users.$inferSelect) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  districtId: u.districtId,
  streetId: u.streetId,
  committeeId: u.committeeId,
  organisation: u.organisation,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

const endAllSessions = async (tx: Queryable, userId: string) =>
  (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;

// ---------------------------------------------------------------- creating

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  /** the id of the district, street or committee the role is bound to */
  scopeId: string;
  organisation?: string;
  /** the first login must choose a new password (an administrator chose this one) */
  mustChangePassword?: boolean;
}

const SCOPE_NOUN = {
  district: { zh: '区', en: 'district' },
  street: { zh: '街道', en: 'street' },
  committee: { zh: '居委会', en: 'committee' },
};

const shownOf = (u: typeof users.$inferSelect) => {
  const { passwordHash: _omit, ...shown } = u;
  // the column holds one of ROLES (a check at every write)
  return { ...shown, role: shown.role as Role };
};

/** Creates an account bound to the scope its role requires; the password passes the rules of new passwords. */
export async function createUser(db: Db, input: NewUser, actor: Actor) {
  const kind = ROLE_SCOPE_KIND[input.role];
  const table = kind === 'district' ? districts : kind === 'street' ? streets : committees;
  const [scope] = await db.select({ id: table.id }).from(table).where(eq(table.id, input.scopeId));
  if (!scope) throw badInput('scopeId', `找不到该${SCOPE_NOUN[kind].zh}`, `No such ${SCOPE_NOUN[kind].en}`);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw conflict('用户名已被使用', 'The username is taken', 'username');
  checkNewPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
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
        mustChangePassword: input.mustChangePassword ?? false,
        createdAt: actor.at,
        updatedAt: actor.at,
      })
      // a concurrent create of the same username lands on the unique key instead
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!created) throw conflict('用户名已被使用', 'The username is taken', 'username');
    const shown = shownOf(created);
    const streetId =
      shown.streetId ??
      (shown.committeeId
        ? ((
            await tx
              .select({ s: committees.streetId })
              .from(committees)
              .where(eq(committees.id, shown.committeeId))
          )[0]?.s ?? null)
        : null);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'user',
      entityId: created.id,
      streetId,
      committeeId: shown.committeeId,
      summary: `新建账号 ${shown.username}`,
      after: shown,
    });
    return shown;
  });
}

// ---------------------------------------------------------------- editing

export interface UserChanges {
  displayName?: string;
  role?: Role;
  scopeId?: string;
  organisation?: string;
}

/**
 * Changes name, role, scope or organisation of an account of the street, within the street.
 * The scope follows the role: the street itself for a street admin or adviser, one of its
 * committees for committee staff (given, or kept when the kind does not change).
 */
export async function updateUser(db: Db, manager: Manager, ref: AccountRef, changes: UserChanges) {
  return db.transaction(async (tx) => {
    const { user, streetId } = await lockTarget(tx, manager, ref);
    if (!streetId)
      throw badInput('role', '区级账号不在街道的管理范围内', 'A district account is not managed by a street');
    const role = changes.role ?? (user.role as Role);
    if (role === 'district_viewer')
      throw badInput('role', '街道不能设置区级查看账号', 'A street cannot make an account a district viewer');
    const kind = ROLE_SCOPE_KIND[role];
    const keptKind = ROLE_SCOPE_KIND[user.role as Role] === kind;
    let scopeId = changes.scopeId ?? (kind === 'street' ? streetId : keptKind ? user.committeeId : null);
    if (!scopeId) throw badInput('scopeId', '请选择居委会', 'Choose the committee');
    if (kind === 'street' && scopeId !== streetId)
      throw badInput('scopeId', '找不到该街道', 'No such street');
    if (kind === 'committee') {
      const [committee] = await tx
        .select({ id: committees.id })
        .from(committees)
        .where(and(eq(committees.id, scopeId), eq(committees.streetId, streetId)));
      if (!committee) throw badInput('scopeId', '找不到该居委会', 'No such committee');
      scopeId = committee.id;
    }
    if (user.role === 'street_admin' && role !== 'street_admin' && !user.disabled)
      await ensureAnotherAdmin(tx, streetId, user.id);
    const next = {
      displayName: changes.displayName ?? user.displayName,
      role,
      streetId: kind === 'street' ? scopeId : null,
      committeeId: kind === 'committee' ? scopeId : null,
      organisation: changes.organisation ?? user.organisation,
    };
    const diff = changedFields(audited(user), { ...audited(user), ...next });
    if (Object.keys(diff.after).length === 0) return shownOf(user);
    const [updated] = await tx
      .update(users)
      .set({ ...next, updatedAt: manager.actor.at })
      .where(eq(users.id, user.id))
      .returning();
    await recordAudit(tx, manager.actor, {
      action: 'update',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: next.committeeId ?? user.committeeId,
      summary: `修改账号 ${user.username}`,
      ...diff,
    });
    return shownOf(updated!);
  });
}

// ---------------------------------------------------------------- disabling

/**
 * Disables an account (it cannot log in, and its sessions end at once) or enables it again.
 * Nobody disables their own account, nor the street's last enabled street admin.
 */
export async function setDisabled(db: Db, manager: Manager, ref: AccountRef, disabled: boolean) {
  return db.transaction(async (tx) => {
    const { user, streetId } = await lockTarget(tx, manager, ref);
    if (user.disabled === disabled)
      throw conflict(
        disabled ? `账号 ${user.username} 已经停用` : `账号 ${user.username} 已经在用`,
        disabled
          ? `The account ${user.username} is already disabled`
          : `The account ${user.username} is already enabled`,
      );
    if (disabled && manager.actor.userId === user.id)
      throw conflict('不能停用自己的账号', 'You cannot disable your own account');
    if (disabled && user.role === 'street_admin' && streetId) await ensureAnotherAdmin(tx, streetId, user.id);
    const at = manager.actor.at;
    await tx
      .update(users)
      .set(
        disabled
          ? { disabled, disabledAt: at, disabledBy: manager.actor.name, updatedAt: at }
          : { disabled, disabledAt: null, disabledBy: null, updatedAt: at },
      )
      .where(eq(users.id, user.id));
    const sessionsEnded = disabled ? await endAllSessions(tx, user.id) : 0;
    await recordAudit(tx, manager.actor, {
      action: disabled ? 'disable' : 'enable',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: user.committeeId,
      summary: `${disabled ? '停用' : '启用'}账号 ${user.username}${user.demo ? '（演示账号）' : ''}`,
      before: { disabled: user.disabled },
      after: { disabled, ...(disabled ? { sessionsEnded } : {}) },
    });
    return { id: user.id, username: user.username, disabled, sessionsEnded };
  });
}

// ---------------------------------------------------------------- passwords and sessions

/**
 * Sets a temporary password — the one given (which must pass the rules of new passwords) or a
 * generated one, returned this once and stored nowhere in clear — that must be changed at the
 * next login. The account's sessions end.
 */
export async function resetPassword(db: Db, manager: Manager, ref: AccountRef, given?: string) {
  const { user: target } = await findTarget(db, manager, ref);
  if (given !== undefined) checkNewPassword(given, target);
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { user, streetId } = await lockTarget(tx, manager, { id: target.id });
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: manager.actor.at })
      .where(eq(users.id, user.id));
    const sessionsEnded = await endAllSessions(tx, user.id);
    await recordAudit(tx, manager.actor, {
      action: 'reset_password',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: user.committeeId,
      summary: `重设密码 ${user.username}（下次登录须修改）`,
      after: { mustChangePassword: true, generated: given === undefined, sessionsEnded },
    });
    return {
      id: user.id,
      username: user.username,
      mustChangePassword: true as const,
      sessionsEnded,
      ...(given === undefined ? { password } : {}),
    };
  });
}

/** Ends every session of an account of the street (a lost phone, a shared computer); audited. */
export async function endSessions(db: Db, manager: Manager, ref: AccountRef) {
  return db.transaction(async (tx) => {
    const { user, streetId } = await lockTarget(tx, manager, ref);
    const sessionsEnded = await endAllSessions(tx, user.id);
    await recordAudit(tx, manager.actor, {
      action: 'end_sessions',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: user.committeeId,
      summary: `结束会话 ${user.username}`,
      after: { sessionsEnded },
    });
    return { id: user.id, username: user.username, sessionsEnded };
  });
}

/** Lets an account of the street log in again at once, from every address (the login throttle forgets it); audited. */
export async function unlockUser(db: Db, manager: Manager, ref: AccountRef) {
  return db.transaction(async (tx) => {
    const { user, streetId } = await lockTarget(tx, manager, ref);
    const cleared = await forgive(tx, LOGIN_THROTTLE, { subject: user.username }, 'all');
    await recordAudit(tx, manager.actor, {
      action: 'unlock',
      entity: 'user',
      entityId: user.id,
      streetId,
      committeeId: user.committeeId,
      summary: `解除登录限制 ${user.username}`,
      after: { addresses: cleared },
    });
    return { ok: true as const, addresses: cleared };
  });
}
