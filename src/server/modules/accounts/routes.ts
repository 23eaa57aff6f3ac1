import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { assertRole, type Access } from '../../platform/access.ts';
import { requireAccess, SESSION_COOKIE, setSessionCookie } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParam, okBody, publicRoute } from '../../platform/http.ts';
import {
  accountListResponse,
  account,
  advisersResponse,
  demoAccountsResponse,
  disabledResponse,
  loginBody,
  newUserBody,
  otherSessionsEndedResponse,
  ownPasswordBody,
  ownPasswordResponse,
  ownSessionsResponse,
  resetPasswordBody,
  resetResponse,
  sessionResponse,
  sessionsEndedResponse,
  unlockResponse,
  userChangesBody,
} from './contract.ts';
import {
  createUser,
  endSessions,
  listUsers,
  managerOf,
  resetPassword,
  setDisabled,
  unlockUser,
  updateUser,
} from './manage.ts';
import { changeOwnPassword, endOtherOwnSessions, endOwnSession, listOwnSessions, type Me } from './own.ts';
import { enabledDemoUsernames, listAdvisers, login, logout } from './service.ts';

/** Routes of the caller's own session and password: open to read-only roles and while a new password is due. */
const own = { ownAccount: true };

export function accountsRoutes(app: FastifyInstance, ctx: AppContext) {
  /**
   * What login and GET /session answer: who, the CSRF token, the scope, and today in Shanghai by
   * the server's clock (the pages' date defaults and limits follow it, not the device's clock).
   */
  const sessionAnswer = (
    access: Access,
    session: { csrfToken: string; mustChangePassword: boolean },
  ): z.infer<typeof sessionResponse> => ({
    user: access.user,
    csrfToken: session.csrfToken,
    committeeIds: access.committeeIds,
    today: access.today,
    mustChangePassword: session.mustChangePassword,
    publicUrl: ctx.publicUrl ?? null,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['accounts'],
        summary: '登录 Log in',
        body: loginBody,
        response: { 200: sessionResponse },
      },
      config: publicRoute(20),
    },
    async (req, reply) => {
      const s = await login(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] }, req.now);
      setSessionCookie(reply, s.token, ctx.secureCookies);
      const access = await req.server.sessionStore.access(s.user, req.now);
      return sessionAnswer(access, s);
    },
  );

  r.get(
    '/api/v1/session',
    {
      schema: { tags: ['accounts'], summary: '当前会话 Current session', response: { 200: sessionResponse } },
      config: own,
    },
    async (req) => {
      const access = await requireAccess(req);
      return sessionAnswer(access, req.session!);
    },
  );

  r.get(
    '/api/v1/demo-accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: '仍在用的演示账号 Demo accounts still enabled (usernames only, for the login page)',
        response: { 200: demoAccountsResponse },
      },
      config: publicRoute(30),
    },
    async () => ({ usernames: await enabledDemoUsernames(db) }),
  );

  r.delete(
    '/api/v1/session',
    { schema: { tags: ['accounts'], summary: '退出 Log out', response: { 200: okBody } }, config: own },
    async (req, reply) => {
      const access = await requireAccess(req);
      await logout(db, req.session!.tokenHash, access.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- a street admin's accounts

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '账号列表 Users of the street',
        response: { 200: accountListResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return { items: await listUsers(db, managerOf(access), req.now) };
    },
  );

  r.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '新建账号 Create a user',
        body: newUserBody,
        response: { 201: account },
      },
    },
    async (req, reply) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      // a street admin creates accounts inside their own street only
      const b = req.body;
      const inStreet = b.scopeId === access.user.streetId || access.committeeIds.includes(b.scopeId);
      if (!inStreet || b.role === 'district_viewer') assertRole(access);
      reply.status(201);
      return createUser(db, b, access.actor);
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '修改账号 Change name, role, scope or organisation',
        params: idParam,
        body: userChangesBody,
        response: { 200: account },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return updateUser(db, managerOf(access), { id: req.params.id }, req.body);
    },
  );

  r.post(
    '/api/v1/users/:id/disable',
    {
      schema: {
        tags: ['accounts'],
        summary: '停用账号（其会话随即结束）Disable a user; their sessions end',
        params: idParam,
        response: { 200: disabledResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return setDisabled(db, managerOf(access), { id: req.params.id }, true);
    },
  );

  r.post(
    '/api/v1/users/:id/enable',
    {
      schema: {
        tags: ['accounts'],
        summary: '启用账号 Enable a user again',
        params: idParam,
        response: { 200: disabledResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return setDisabled(db, managerOf(access), { id: req.params.id }, false);
    },
  );

  r.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['accounts'],
        summary:
          '重设密码（临时密码，下次登录须修改）Reset a password: a temporary one, to be changed at the next login',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: resetResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return resetPassword(db, managerOf(access), { id: req.params.id }, req.body.password);
    },
  );

  r.delete(
    '/api/v1/users/:id/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: '结束该账号的所有会话 End every session of a user',
        params: idParam,
        response: { 200: sessionsEndedResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return endSessions(db, managerOf(access), { id: req.params.id });
    },
  );

  r.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        tags: ['accounts'],
        summary: '解除登录限制 Let a user log in again at once',
        params: idParam,
        response: { 200: unlockResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin');
      return unlockUser(db, managerOf(access), { id: req.params.id });
    },
  );

  // ---------------------------------------------------------------- one's own account

  const me = async (req: FastifyRequest): Promise<Me> => ({
    access: await requireAccess(req),
    tokenHash: req.session!.tokenHash,
    ip: req.ip,
  });

  r.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: '修改本人密码（其他会话随即结束）Change one’s own password; the other sessions end',
        body: ownPasswordBody,
        response: { 200: ownPasswordResponse },
      },
      config: own,
    },
    async (req) => changeOwnPassword(db, await me(req), req.body),
  );

  r.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: '本人的会话 One’s own sessions',
        response: { 200: ownSessionsResponse },
      },
      config: own,
    },
    async (req) => ({ items: await listOwnSessions(db, await me(req)) }),
  );

  r.delete(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: '结束本人的其他会话 End one’s other sessions',
        response: { 200: otherSessionsEndedResponse },
      },
      config: own,
    },
    async (req) => endOtherOwnSessions(db, await me(req)),
  );

  r.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '结束本人的另一会话 End another session of one’s own',
        params: idParam,
        response: { 200: okBody },
      },
      config: own,
    },
    async (req) => endOwnSession(db, await me(req), req.params.id),
  );

  r.get(
    '/api/v1/advisers',
    { schema: { tags: ['accounts'], summary: '顾问列表 Advisers', response: { 200: advisersResponse } } },
    async (req) => {
      const access = await requireAccess(req);
      assertRole(access, 'street_admin', 'committee_staff');
      const streetId = access.user.streetId ?? access.streetOf.get(access.user.committeeId!)!;
      return { items: await listAdvisers(db, streetId) };
    },
  );
}
