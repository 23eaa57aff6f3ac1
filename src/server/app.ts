import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from '../core/clock.ts';
import { checkCode, codeFromPath } from '../core/consent/codes.ts';
import { installSessions } from './platform/auth.ts';
import type { CodeKeys } from './platform/code-keys.ts';
import type { AppContext } from './platform/context.ts';
import type { Db } from './platform/db/client.ts';
import { installContract, SECURITY_SCHEMES } from './platform/contract.ts';
import { defuseBadUrl, hadBadUrl, installErrorHandler, noRoute } from './platform/errors.ts';
import { installJsonParser, installTextGuard } from './platform/text.ts';
import { MAX_FORM_FIELDS, MAX_UPLOAD_BYTES } from './platform/files.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { enabledDemoUsernames } from './modules/accounts/service.ts';
import { sessionStore } from './modules/accounts/sessions.ts';
import { loadAccess } from './modules/projects/access.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { projectsRoutes, projectWorkRoutes } from './modules/projects/routes.ts';
import { lifecycleRoutes } from './modules/lifecycle/routes.ts';
import { worklistRoutes } from './modules/worklist/routes.ts';
import { registryRoutes } from './modules/registry/routes.ts';
import { registryExcelRoutes } from './modules/registry/excel-routes.ts';
import { consentRoutes } from './modules/consent/routes.ts';
import { residentRoutes } from './modules/household/resident-routes.ts';
import { consentToolsRoutes } from './modules/consent/tools-routes.ts';
import { moneyToolsRoutes } from './modules/money/tools-routes.ts';
import { moneyRoutes } from './modules/money/routes.ts';
import { moneyResidentRoutes } from './modules/money/resident-routes.ts';
import { noticesRoutes } from './modules/notices/routes.ts';
import { noticeResidentRoutes } from './modules/notices/resident-routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { followUpRoutes, liftsRoutes, upkeepRoutes } from './modules/lifts/routes.ts';
import { worksRoutes } from './modules/works/routes.ts';
import { faultsRoutes } from './modules/faults/routes.ts';
import { faultResidentRoutes } from './modules/faults/resident-routes.ts';
import { holidaysRoutes } from './modules/holidays/routes.ts';
import { mediationRoutes } from './modules/mediation/routes.ts';

export interface BuildOptions {
  db: Db;
  logger?: boolean;
  /** built web app (dist/web); served when it exists */
  webRoot?: string;
  /** Secure on every answer (JW_SECURE_COOKIES=1, an https JW_PUBLIC_URL); otherwise when the request came over HTTPS */
  secureCookies?: boolean;
  /** Fastify trustProxy (JW_TRUST_PROXY): the client address and protocol from X-Forwarded-* */
  trustProxy?: boolean | string;
  /** Strict-Transport-Security on every answer: the public address is https (JW_PUBLIC_URL) */
  hsts?: boolean;
  /** from the server secret: household codes are stored only as MAC and sealed (platform/code-keys.ts) */
  codeKeys: CodeKeys;
  /** false only for load benchmarks from one address; the database-backed throttles stay */
  rateLimit?: boolean;
  /** JW_PUBLIC_URL: the address people open (OpenAPI `servers`) */
  publicUrl?: string;
  /** the system clock unless a test or a demo at a chosen date gives another */
  clock?: Clock;
}

/**
 * What the request log may keep of a URL: a household code in a path (/r/<code>, /api/v1/r/<code>/…)
 * is a credential, a receipt number (/r/receipt/<n>, /api/v1/receipts/<n>, ?receipt=) shows a
 * vote, and a search (?q=) may be an owner's name or ID number; all show as ***.
 */
export const redactUrl = (url: string) =>
  url
    .replace(/^(\/(?:api\/v1\/)?r\/(?:receipt\/)?|\/api\/v1\/receipts\/)[^/?#]+/, '$1***')
    .replace(/([?&](?:q|receipt)=)[^&#]*/g, '$1***');

/** Fastify's request log line, with household codes and searches left out. */
function logRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** The OpenAPI tags, one per module (and its public side), with what each is for. */
const API_TAGS = [
  { name: 'accounts', description: '账号与会话 Accounts, sessions and passwords' },
  {
    name: 'registry',
    description:
      '房屋登记：居委会、小区、楼栋、门洞、房屋与业主 The housing registry: committees, estates, buildings, stairwells, units, owners',
  },
  {
    name: 'projects',
    description:
      '加装电梯项目：阶段、审批、清单、文件、待办 Lift projects: stages, approvals, checklists, documents, the work list',
  },
  { name: 'audit', description: '审计日志 The audit log' },
  {
    name: 'consent',
    description:
      '意愿征询：表决、户码、计票、结果证明 Consultations: votes, household codes, tallies, certificates',
  },
  {
    name: 'resident',
    description:
      '户码页面与回执核对（业主，无需登录） The household-code pages and the receipt check (owners, no login)',
  },
  { name: 'tools', description: '公开计算工具 Public calculators' },
  {
    name: 'money',
    description: '资金分摊、补贴、缴款与运维费用 Cost sharing, subsidies, payments and running costs',
  },
  { name: 'notices', description: '公示、异议 Public notices and objections' },
  { name: 'calendar', description: '放假安排与工作日 Holiday years and working days' },
  { name: 'mediation', description: '矛盾调解 Mediation cases' },
  { name: 'lifts', description: '电梯与运维保养 Lifts in service: equipment, upkeep' },
];

export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../dist/web');

/**
 * The build names every file under assets/ by its content's hash, so a browser keeps it for a
 * year without asking again; the pages (index.html, login.html, resident.html) name the current assets and
 * are checked on every load.
 */
function cacheControlOf(webRoot: string, file: string): string {
  return path.relative(webRoot, file).startsWith(`assets${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * The page a client route opens: /r/… the resident page, /login the login page (both without
 * antd), everything else the staff app; a build without the page falls back to the staff app.
 */
function pageOf(webRoot: string, url: string): string {
  const own =
    url === '/r' || url.startsWith('/r/')
      ? 'resident.html'
      : url === '/login' || url === '/login/'
        ? 'login.html'
        : null;
  return own && existsSync(path.join(webRoot, own)) ? own : 'index.html';
}

/**
 * The login page with the demo accounts still enabled written into it, as a JSON data block (not a
 * script, so the CSP stands): the card shows with its list at once, without asking the API first.
 */
async function loginPageHtml(webRoot: string, db: Db): Promise<string> {
  const [html, usernames] = await Promise.all([
    readFile(path.join(webRoot, 'login.html'), 'utf8'),
    enabledDemoUsernames(db),
  ]);
  const data = JSON.stringify(usernames).replace(/</g, '\\u003c');
  return html.replace(
    '<div id="root"></div>',
    `<div id="root"></div><script type="application/json" id="jw-demo-accounts">${data}</script>`,
  );
}

/**
 * The resident page for /r/<code>: it names the household's answer as a preload, so the phone asks
 * for it with the page's own files instead of after them (one request either way: the page's fetch
 * takes the preloaded answer). Only a well-formed code is written into the page; without one
 * (/r/, the calculator, a receipt) null: the page is sent as built, precompressed. The page
 * written here is sent uncompressed: 1.3 kB, less than a packet of difference.
 */
async function residentPageHtml(webRoot: string, url: string): Promise<string | null> {
  const raw = codeFromPath(url);
  const check = raw ? checkCode(raw) : null;
  if (!check?.ok) return null;
  const html = await readFile(path.join(webRoot, 'resident.html'), 'utf8');
  // before the scripts, so it is asked for first
  return html.replace(
    '</title>',
    `</title><link rel="preload" href="/api/v1/r/${check.code}" as="fetch" crossorigin>`,
  );
}

/** Builds the Fastify app from the platform and the modules; no listening here. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: process.env.LOG_LEVEL ?? 'info', serializers: { req: logRequest } }
      : false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    rewriteUrl: defuseBadUrl,
  });
  const ctx: AppContext = {
    db: opts.db,
    clock: opts.clock ?? systemClock,
    secureCookies: opts.secureCookies ?? false,
    codeKeys: opts.codeKeys,
    publicUrl: opts.publicUrl?.replace(/\/+$/, ''),
  };

  app.setValidatorCompiler(validatorCompiler);
  installContract(app);
  installErrorHandler(app);
  installJsonParser(app);
  installTextGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // antd writes inline styles; swagger-ui needs inline script hashes it manages itself
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS only where the operator said the address is https (JW_PUBLIC_URL); never on a plain-HTTP LAN
    hsts: opts.hsts ? { maxAge: 180 * 24 * 3600 } : false,
  });
  // API answers carry personal data, household codes and CSRF tokens: no browser or proxy keeps them (ASVS 8.2.1)
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    ...(opts.rateLimit === false ? { allowList: () => true } : {}),
  });
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: MAX_FORM_FIELDS },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jiangwan API 江湾加装电梯平台接口',
        version: '1',
        description:
          '老旧小区加装电梯与社区党建平台的接口。The API of the Jiangwan platform for lift retrofits in old housing.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [
        {
          url: opts.publicUrl ?? 'http://localhost:3000',
          description: opts.publicUrl
            ? '公开地址 Public address (JW_PUBLIC_URL)'
            : '本机 This machine (set JW_PUBLIC_URL)',
        },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: API_TAGS,
    },
    transform: jsonSchemaTransform,
    // schemas registered with an id (the error body) become components, referenced by every route
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installSessions(
    app,
    sessionStore(opts.db, (user, now) => loadAccess(opts.db, user, now)),
    ctx.clock,
  );
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  accountsRoutes(app, ctx);
  registryRoutes(app, ctx);
  registryExcelRoutes(app, ctx);
  projectsRoutes(app, ctx);
  projectWorkRoutes(app, ctx);
  lifecycleRoutes(app, ctx);
  worklistRoutes(app, ctx);
  auditRoutes(app, ctx);
  consentRoutes(app, ctx);
  residentRoutes(app, ctx);
  consentToolsRoutes(app, ctx);
  moneyToolsRoutes(app, ctx);
  moneyRoutes(app, ctx);
  moneyResidentRoutes(app, ctx);
  noticesRoutes(app, ctx);
  noticeResidentRoutes(app, ctx);
  calendarRoutes(app, ctx);
  holidaysRoutes(app, ctx);
  mediationRoutes(app, ctx);
  liftsRoutes(app, ctx);
  upkeepRoutes(app, ctx);
  followUpRoutes(app, ctx);
  worksRoutes(app, ctx);
  faultsRoutes(app, ctx);
  faultResidentRoutes(app, ctx);

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: ['index.html'],
      // the .br and .gz files the build wrote beside each asset (vite.config.ts), as the browser accepts
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => void reply.header('cache-control', cacheControlOf(webRoot, file)),
    });
    // SPA fallback: pages are client routes, but API and asset misses stay 404
    app.setNotFoundHandler((req, reply) => {
      const url = req.url.split('?')[0]!;
      if (req.method !== 'GET' || url.startsWith('/api/') || url.startsWith('/assets/') || path.extname(url))
        return noRoute(req, reply);
      const page = pageOf(webRoot, url);
      const status = hadBadUrl(req) ? 404 : 200;
      const written =
        page === 'login.html'
          ? loginPageHtml(webRoot, opts.db)
          : page === 'resident.html'
            ? residentPageHtml(webRoot, url)
            : null;
      if (written) {
        // a block, not an arrow's value: a reply returned from then() is a thenable the promise would adopt
        void written.then(
          (html) => {
            if (html === null) void reply.status(status).type('text/html').sendFile(page);
            else void reply.status(status).type('text/html').header('cache-control', 'no-cache').send(html);
          },
          (err: unknown) => void reply.send(err),
        );
        return;
      }
      // sent, not returned: a returned reply is awaited as a promise, one close listener each time (Node warned of 11);
      // a broken link (a bad %-escape) is the page's not-found, with the status that says so
      void reply.status(status).type('text/html').sendFile(page);
    });
  } else {
    app.setNotFoundHandler(noRoute);
  }
  return app;
}
