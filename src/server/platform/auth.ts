import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../../core/errors.ts';
import { READ_ONLY_ROLES } from '../../core/roles.ts';
import type { Access, SessionUser } from './access.ts';
import type { Clock } from '../../core/clock.ts';

export const SESSION_COOKIE = 'jw_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;

declare module 'fastify' {
  interface FastifyInstance {
    /** where sessions and access come from (the accounts module's store, given by app.ts) */
    sessionStore: SessionStore;
  }
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

/** A live session as the platform needs it: its user, CSRF token and when it was last seen. */
export interface SessionRecord {
  user: SessionUser;
  csrfToken: string;
  mustChangePassword: boolean;
  disabled: boolean;
  lastSeenAt: Date;
}

/**
 * What the platform asks of whoever keeps sessions and knows who sees what (the accounts module,
 * wired in app.ts): the platform itself reads no module's tables.
 */
export interface SessionStore {
  /** the unexpired session of this token hash at `now`, or null */
  find(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  /** notes that the session was used at `now` */
  touch(tokenHash: string, now: Date): Promise<void>;
  /** what this user may see at `now` */
  access(user: SessionUser, now: Date): Promise<Access>;
}

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
export function installSessions(app: FastifyInstance, store: SessionStore, clock: Clock) {
  app.decorate('sessionStore', store);
  app.decorateRequest('session', null);
  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', async (req) => {
    req.now = clock.now();
    // public routes never use a session: a staff member logged in on the same browser (helping an
    // owner vote on the office computer) must not make the household pages fail the CSRF check
    if (!needsSession(req)) return;
    const token = req.cookies[SESSION_COOKIE];
    const tokenHash = token ? hashToken(token) : null;
    const row = tokenHash ? await store.find(tokenHash, req.now) : null;
    if (!row || row.disabled) throw unauthenticated();
    req.session = {
      tokenHash: tokenHash!,
      csrfToken: row.csrfToken,
      user: row.user,
      mustChangePassword: row.mustChangePassword,
    };
    const { config } = req.routeOptions;
    if (WRITE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, row.csrfToken))
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
    if (row.mustChangePassword && !config.ownAccount)
      throw new AppError(
        403,
        'must_change_password',
        '请先修改密码：管理员为您设置了临时密码',
        'Change your password first: an administrator set a temporary one',
      );
    // a read-only role writes nothing, whatever the route does with its input; its own session and password and what-ifs stored nowhere excepted
    if (
      WRITE_METHODS.has(req.method) &&
      READ_ONLY_ROLES.includes(row.user.role) &&
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
    if (req.now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS)
      await store.touch(tokenHash!, req.now);
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
export async function requireAccess(req: FastifyRequest): Promise<Access> {
  if (!req.session) throw unauthenticated();
  req.accessCache ??= await req.server.sessionStore.access(req.session.user, req.now);
  return req.accessCache;
}
