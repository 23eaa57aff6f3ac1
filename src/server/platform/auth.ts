import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../../core/errors.ts';
import { READ_ONLY_ROLES, type Role } from '../../core/roles.ts';
import { sessions, throttles, users } from '../modules/accounts/schema.ts';
import { loadAccess, type Access, type SessionUser } from './access.ts';
import type { Db, Queryable } from './db/client.ts';
import type { Clock } from '../../core/clock.ts';

export const SESSION_COOKIE = 'jw_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;

declare module 'fastify' {
  interface FastifyRequest {
    /** set when a valid session cookie came with the request */
    session: { user: SessionUser; csrfToken: string; tokenHash: string; mustChangePassword: boolean } | null;
    accessCache?: Access;
    /** the instant the request arrived, from the app's clock (core/clock.ts) */
    now: Date;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/**
 * Sets the session cookie: Secure when `always` (JW_SECURE_COOKIES=1 or an https JW_PUBLIC_URL) or
 * when the request came over HTTPS — behind a trusted proxy (JW_TRUST_PROXY) Fastify takes the
 * protocol from X-Forwarded-Proto, so nothing else has to be remembered (docs/operations.md).
 */
export function setSessionCookie(reply: FastifyReply, token: string, always: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: always || reply.request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

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

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LAST_SEEN_STEP_MS = 60_000;

/** Every route of the API needs a session, except those marked `publicRoute` (platform/http.ts). */
const needsSession = (req: FastifyRequest) =>
  Boolean(req.routeOptions.url?.startsWith('/api/v1/')) && !req.routeOptions.config.public;

/**
 * Reads the session cookie into `request.session` before anything reads the request's body: a
 * route that needs a session answers 401 without one, so a stranger never sees a validation
 * message. Writes must echo the session's CSRF token in the X-CSRF-Token header.
 */
export function installSessions(app: FastifyInstance, db: Db, clock: Clock) {
  app.decorateRequest('session', null);
  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', async (req) => {
    req.now = clock.now();
    // public routes never use a session: a staff member logged in on the same browser (helping an
    // owner vote on the office computer) must not make the household pages fail the CSRF check
    if (!needsSession(req)) return;
    const token = req.cookies[SESSION_COOKIE];
    const tokenHash = token ? hashToken(token) : null;
    const [row] = tokenHash
      ? await db
          .select({ session: sessions, user: users })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, req.now)))
      : [];
    if (!row || row.user.disabled) throw unauthenticated();
    req.session = {
      tokenHash: tokenHash!,
      csrfToken: row.session.csrfToken,
      user: toSessionUser(row.user),
      mustChangePassword: row.user.mustChangePassword,
    };
    const { config } = req.routeOptions;
    if (WRITE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken))
        throw new AppError(
          403,
          'csrf',
          '安全校验失败，请刷新页面后重试',
          'Security check failed (CSRF token); reload the page and try again',
          CSRF_HEADER,
        );
    }
    // a reset or new account's password is someone else's: until the user chooses their own, the
    // session reaches only itself and the password change
    if (row.user.mustChangePassword && !config.ownAccount)
      throw new AppError(
        403,
        'must_change_password',
        '请先修改密码：管理员为您设置了临时密码',
        'Change your password first: an administrator set a temporary one',
      );
    // a read-only role writes nothing, whatever the route does with its input; its own session and password and what-ifs stored nowhere excepted
    if (
      WRITE_METHODS.has(req.method) &&
      READ_ONLY_ROLES.includes(row.user.role as Role) &&
      !config.writesNothing &&
      !config.ownAccount
    )
      throw new AppError(
        403,
        'read_only',
        '您的账号只能查看，不能修改',
        'Your account can read but not change anything',
      );
    // when it was last used, for the owner's list of sessions: written at most once a minute
    if (req.now.getTime() - row.session.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS)
      await db.update(sessions).set({ lastSeenAt: req.now }).where(eq(sessions.tokenHash, tokenHash!));
  });
  // a throttled credential says when to come back, in the body and as the standard header
  app.addHook('onError', async (_req, reply, err) => {
    if (err instanceof AppError && err.status === 429) {
      const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    }
  });
}

/** The caller's access, or 401. Resolved once per request. */
export async function requireAccess(req: FastifyRequest, db: Db): Promise<Access> {
  if (!req.session) throw unauthenticated();
  req.accessCache ??= await loadAccess(db, req.session.user, req.now);
  return req.accessCache;
}

// ---------------------------------------------------------------- throttling credentials

/**
 * How failures of one kind of credential (a password, a household code) are slowed. Each key
 * counts its failures in one row of `throttles`, changed by one atomic upsert, so concurrent
 * attempts are counted one after another and cannot all pass, on one instance or many.
 */
export interface ThrottlePolicy {
  kind: string;
  /** failures that cost no wait */
  free: number;
  /** each failure beyond the free ones doubles the wait, from 1 s up to this */
  maxWaitSeconds: number;
  /** a key without a failure for this long starts again from nothing */
  forgetAfterSeconds: number;
}

/** Whom a count is about: an address ('' for everywhere) and what was tried ('' for anything). */
export interface ThrottleKey {
  address: string;
  subject?: string;
}

export interface Counted {
  failures: number;
  /** seconds until the key may try again; 0 when it may now */
  retryAfter: number;
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;
const forgottenBefore = (p: ThrottlePolicy, now: Date) =>
  sql`(${at(now)} - make_interval(secs => ${p.forgetAfterSeconds}))`;
/** The wait after `n` failures: none for the free ones, then 1, 2, 4 … s up to the policy's maximum. */
const waitAfter = (p: ThrottlePolicy, n: SQL) =>
  sql`make_interval(secs => case when ${n} <= ${p.free} then 0 else least(power(2, least(${n} - ${p.free} - 1, 30)), ${p.maxWaitSeconds}) end)`;
const secondsUntil = (then: Date, now: Date) =>
  Math.max(0, Math.ceil((then.getTime() - now.getTime()) / 1000));
/** The key's row; without an address, the subject's rows from every address. */
const keyOf = (p: ThrottlePolicy, key: Partial<ThrottleKey>) =>
  and(
    eq(throttles.kind, p.kind),
    key.address === undefined ? undefined : eq(throttles.address, key.address),
    eq(throttles.subject, key.subject ?? ''),
  )!;

/**
 * Counts a failure of `key`. With `unlessWaiting` nothing is counted while the key must wait
 * (null then): an attempt takes its place this way before the credential is checked, so of
 * concurrent attempts only those the policy allows are checked at all.
 */
export async function countFailure(
  db: Queryable,
  p: ThrottlePolicy,
  key: ThrottleKey,
  now: Date,
  opts: { unlessWaiting?: boolean } = {},
): Promise<Counted | null> {
  const forgotten = sql`${throttles.lastFailureAt} <= ${forgottenBefore(p, now)}`;
  const failures = sql`(case when ${forgotten} then 1 else ${throttles.failures} + 1 end)`;
  const [row] = await db
    .insert(throttles)
    .values({
      kind: p.kind,
      address: key.address,
      subject: key.subject ?? '',
      failures: 1,
      nextAllowedAt: sql`${at(now)} + ${waitAfter(p, sql`1`)}`,
      lastFailureAt: now,
    })
    .onConflictDoUpdate({
      target: [throttles.kind, throttles.address, throttles.subject],
      set: { failures, nextAllowedAt: sql`${at(now)} + ${waitAfter(p, failures)}`, lastFailureAt: now },
      // a key whose failures are still free is not waiting, whatever the timestamps say: a
      // concurrent attempt that read the clock a moment before the last one counted must pass
      ...(opts.unlessWaiting
        ? {
            setWhere: sql`${throttles.failures} <= ${p.free} or ${throttles.nextAllowedAt} <= ${at(now)} or ${forgotten}`,
          }
        : {}),
    })
    .returning({ failures: throttles.failures, nextAllowedAt: throttles.nextAllowedAt });
  if (!row) return null;
  // a key starting afresh sweeps away the forgotten ones of its kind, skipping any another
  // transaction holds (waiting for it could deadlock with a login's two rows)
  if (row.failures === 1)
    await db.execute(sql`delete from ${throttles} where (kind, address, subject) in (select kind, address, subject from ${throttles}
      where kind = ${p.kind} and last_failure_at <= ${forgottenBefore(p, now)} for update skip locked)`);
  return { failures: row.failures, retryAfter: secondsUntil(row.nextAllowedAt, now) };
}

/** Seconds a key must still wait (0 when it need not): for saying when a refused attempt may come back. */
export async function waitOf(db: Queryable, p: ThrottlePolicy, key: ThrottleKey, now: Date): Promise<number> {
  const [row] = await db
    .select({ nextAllowedAt: throttles.nextAllowedAt })
    .from(throttles)
    .where(keyOf(p, key));
  return row ? secondsUntil(row.nextAllowedAt, now) : 0;
}

/**
 * Forgets failures: all of a key's (a success, an unlock; without an address, from everywhere),
 * or the one an attempt counted for itself before it succeeded. Returns how many keys changed.
 */
export async function forgive(
  db: Queryable,
  p: ThrottlePolicy,
  key: Partial<ThrottleKey>,
  how: 'all' | 'one',
): Promise<number> {
  const changed =
    how === 'all'
      ? await db.delete(throttles).where(keyOf(p, key)).returning({ kind: throttles.kind })
      : await db
          .update(throttles)
          .set({ failures: sql`greatest(${throttles.failures} - 1, 0)` })
          .where(keyOf(p, key))
          .returning({ kind: throttles.kind });
  return changed.length;
}

/** A key's failures not yet forgotten, and in how many seconds they will be. */
export interface ThrottleState {
  failures: number;
  forgottenIn: number;
}

/** A key's ThrottleState as a value in a query (null when it has none); the address may be a column. */
export const throttleState = (
  p: ThrottlePolicy,
  key: { address: string | SQL; subject?: string },
  now: Date,
) =>
  sql<ThrottleState | null>`(select json_build_object('failures', t.failures, 'forgottenIn', ceil(extract(epoch from t.last_failure_at - ${forgottenBefore(p, now)}))::int)
    from ${throttles} t where t.kind = ${p.kind} and t.address = ${key.address} and t.subject = ${key.subject ?? ''} and t.last_failure_at > ${forgottenBefore(p, now)})`;
