import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../../core/errors.ts';
import { READ_ONLY_ROLES, type Role } from '../../core/roles.ts';
import { sessions, users } from '../modules/accounts/schema.ts';
import { loadAccess, type Access, type SessionUser } from './access.ts';
import type { Db } from './db/client.ts';
import type { Clock } from '../../core/clock.ts';

export const SESSION_COOKIE = 'jw_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;

declare module 'fastify' {
  interface FastifyRequest {
    /** set when a valid session cookie came with the request */
    session: { user: SessionUser; csrfToken: string; tokenHash: string } | null;
    accessCache?: Access;
    /** the instant the request arrived, from the app's clock (core/clock.ts) */
    now: Date;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
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

/**
 * Reads the session cookie into `request.session` and enforces CSRF on writes: a request that
 * carries a session must echo the session's CSRF token in the X-CSRF-Token header.
 */
export function installSessions(app: FastifyInstance, db: Db, clock: Clock) {
  app.decorateRequest('session', null);
  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', async (req) => {
    req.now = clock.now();
    const token = req.cookies[SESSION_COOKIE];
    // public routes never use a session: a staff member logged in on the same browser (helping an
    // owner vote on the office computer) must not make the household pages fail the CSRF check
    if (!token || !req.url.startsWith('/api/') || req.routeOptions.config.public) return;
    const tokenHash = hashToken(token);
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, req.now)));
    if (!row || row.user.disabled) return;
    req.session = {
      tokenHash,
      csrfToken: row.session.csrfToken,
      user: toSessionUser(row.user),
    };
    if (WRITE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken))
        throw new AppError(403, 'csrf', '安全校验失败，请刷新页面后重试', 'Security check failed (CSRF token); reload the page and try again', CSRF_HEADER);
      // a read-only role writes nothing, whatever the route does with its input; logging out and what-ifs stored nowhere excepted
      const { config, url } = req.routeOptions;
      if (READ_ONLY_ROLES.includes(row.user.role as Role) && !config.writesNothing && url !== '/api/v1/session')
        throw new AppError(403, 'read_only', '您的账号只能查看，不能修改', 'Your account can read but not change anything');
    }
  });
}

/** The caller's access, or 401. Resolved once per request. */
export async function requireAccess(req: FastifyRequest, db: Db): Promise<Access> {
  if (!req.session) throw unauthenticated();
  req.accessCache ??= await loadAccess(db, req.session.user, req.now);
  return req.accessCache;
}
