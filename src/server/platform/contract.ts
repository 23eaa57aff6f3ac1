/**
 * The API's contract, applied to every route in one place (issue 10):
 * - answers are serialised by fast-json-stringify compiled from the route's zod response schema,
 *   so a field the contract does not name never leaves the server, and lists serialise faster
 *   than JSON.stringify (docs/benchmarks.md);
 * - every route declares the error body for the statuses the platform sends;
 * - the OpenAPI document gets an operation id, and the security each route needs: none for the
 *   public routes, the session cookie for reads, the cookie and the CSRF header for writes.
 */
import fastJson from 'fast-json-stringify';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorBody } from './http.ts';

/** What the platform answers besides a route's own success: the one error body (platform/errors.ts). */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 429] as const;

/** The OpenAPI security schemes (names used in each operation's `security`). */
export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'jw_session',
    description: '登录后的会话 Cookie The session cookie set by POST /api/v1/session',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      '写操作须回传会话的 CSRF 令牌 Writes echo the session’s CSRF token (from POST or GET /api/v1/session)',
  },
} as const;

/** The errors' declaration: JSON whatever the route's own answer is (a Word file's route too). */
const errorResponse = {
  description: '错误（见 platform/errors.ts）An error: code, message in Chinese and English, the field',
  content: { 'application/json': { schema: errorBody } },
};

/**
 * A route that answers a file: spread into its schema. The body is the file's bytes (Fastify
 * sends a Buffer as it is, no serialiser); OpenAPI says its media type and `format: binary`.
 */
export function fileResponse(mime: string, description: string) {
  return {
    produces: [mime],
    response: { 200: z.custom<Buffer>().meta({ type: 'string', format: 'binary', description }) },
  };
}

/**
 * An instant in an answer: services hand over the Date the database gave, the serialiser writes it
 * as ISO 8601 (fast-json-stringify calls toISOString), and the contract says `date-time`.
 */
export const instant = z
  .custom<Date | string>((v) => v instanceof Date || typeof v === 'string')
  .meta({ type: 'string', format: 'date-time' });
/** A calendar day in an answer (YYYY-MM-DD, Shanghai): the services keep days as text. */
export const day = z.string().meta({ format: 'date', examples: ['2026-11-20'] });

/** Compiles a zod response schema into a fast-json-stringify serialiser (io: input, so no `additionalProperties: false` fails a match). */
export function responseSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  const json = z.toJSONSchema(schema as z.ZodType, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  });
  return fastJson(json as Parameters<typeof fastJson>[0]);
}

/** getProjectsByIdNotices for GET /api/v1/projects/:id/notices: unique, stable, readable. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .join('-')
    .split(/[-_.]/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Installs the contract on every API route registered after it. */
export function installContract(app: FastifyInstance) {
  app.setSerializerCompiler(responseSerializer);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1/') || !route.schema) return;
    const method = (Array.isArray(route.method) ? route.method[0]! : route.method).toUpperCase();
    const isPublic = Boolean(route.config?.public);
    const schema = route.schema as FastifySchema & { operationId?: string; security?: unknown[] };
    schema.operationId ??= operationIdOf(method, route.url);
    schema.security ??= isPublic ? [] : [WRITES.has(method) ? { session: [], csrf: [] } : { session: [] }];
    schema.response = {
      ...Object.fromEntries(ERROR_STATUSES.map((s) => [s, errorResponse])),
      ...(schema.response as object | undefined),
    };
  });
}
