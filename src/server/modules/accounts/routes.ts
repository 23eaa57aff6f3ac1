import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../core/roles.ts';
import { assertRole, loadAccess } from '../../platform/access.ts';
import { requireAccess, SESSION_COOKIE, setSessionCookie } from '../../platform/auth.ts';
import type { AppContext } from '../../app.ts';
import { idParam, publicRoute, shortText } from '../../platform/http.ts';
import { createUser, listAdvisers, listUsers, login, logout, unlockUser } from './service.ts';

export function accountsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/session', {
    schema: { tags: ['accounts'], summary: '登录 Log in', body: z.object({ username: shortText(64), password: z.string().min(1).max(200) }) },
    config: publicRoute(20),
  }, async (req, reply) => {
    const s = await login(db, { ...req.body, ip: req.ip }, req.now);
    setSessionCookie(reply, s.token, ctx.secureCookies);
    const access = await loadAccess(db, s.user, req.now);
    return { user: access.user, csrfToken: s.csrfToken, committeeIds: access.committeeIds, today: access.today };
  });

  r.get('/api/v1/session', { schema: { tags: ['accounts'], summary: '当前会话 Current session' } }, async (req) => {
    const access = await requireAccess(req, db);
    // today in Shanghai by the server's clock: the pages' date defaults and limits follow it, not the device's clock
    return { user: access.user, csrfToken: req.session!.csrfToken, committeeIds: access.committeeIds, today: access.today };
  });

  r.delete('/api/v1/session', { schema: { tags: ['accounts'], summary: '退出 Log out' } }, async (req, reply) => {
    const access = await requireAccess(req, db);
    await logout(db, req.session!.tokenHash, access.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/v1/users', { schema: { tags: ['accounts'], summary: '账号列表 Users of the street' } }, async (req) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin');
    return { items: await listUsers(db, access.user.streetId!) };
  });

  r.post('/api/v1/users', {
    schema: {
      tags: ['accounts'],
      summary: '新建账号 Create a user',
      body: z.object({
        username: z.string().trim().regex(/^[a-z0-9_.-]{3,32}$/),
        displayName: shortText(50),
        password: z.string().min(8).max(200),
        role: z.enum(ROLES),
        scopeId: z.uuid(),
        organisation: z.string().trim().max(100).optional(),
      }),
    },
  }, async (req, reply) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin');
    // a street admin creates accounts inside their own street only
    const b = req.body;
    const inStreet = b.scopeId === access.user.streetId || access.committeeIds.includes(b.scopeId);
    if (!inStreet || b.role === 'district_viewer') assertRole(access);
    reply.status(201);
    return createUser(db, b, access.actor);
  });

  r.post('/api/v1/users/:id/unlock', { schema: { tags: ['accounts'], summary: '解除登录限制 Let a user log in again at once', params: idParam } }, async (req) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin');
    return unlockUser(db, access, req.params.id);
  });

  r.get('/api/v1/advisers', { schema: { tags: ['accounts'], summary: '顾问列表 Advisers' } }, async (req) => {
    const access = await requireAccess(req, db);
    assertRole(access, 'street_admin', 'committee_staff');
    const streetId = access.user.streetId ?? access.streetOf.get(access.user.committeeId!)!;
    return { items: await listAdvisers(db, streetId) };
  });
}

