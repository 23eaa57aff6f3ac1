import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Shared request pieces, so every route limits strings and pages the same way. */
export const shortText = (max = 100) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) => z.string().trim().max(max);
export const idParam = z.object({ id: z.uuid() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(100).optional(),
};
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
// one component every operation's errors refer to, not a copy in each
z.globalRegistry.add(errorBody, { id: 'Error' });
export const okBody = z.object({ ok: z.literal(true) });

export function paged<T>(items: T[], total: number, page: number, pageSize: number) {
  return { items, total, page, pageSize };
}

/**
 * A zod check with its message in both languages (shown by the error handler): a whole sentence,
 * or with `aboutField` what is wrong ("应为真分数" / "must be a proper fraction"), said after the
 * field's label, for a check that several fields share.
 */
export function bilingualIssue(
  ctx: { addIssue: (i: never) => void },
  zh: string,
  en: string,
  aboutField = false,
) {
  ctx.addIssue({ code: 'custom', message: en, params: { zh, en, aboutField } } as never);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** anyone may call it (no login): the household-code pages, the public tools, logging in; every other /api/v1 route answers 401 without a session (platform/auth.ts) */
    public?: boolean;
    /** a POST that computes and stores nothing (a what-if): read-only roles may call it */
    writesNothing?: boolean;
    /** the caller's own session and password (accounts/own.ts): reached by read-only roles and while a new password is due */
    ownAccount?: boolean;
  }
}

/** Route config of a route anyone may call, limited to `perMinute` requests per address. */
export const publicRoute = (perMinute: number) => ({
  public: true,
  rateLimit: { max: perMinute, timeWindow: '1 minute' },
});

/** Who calls a public route: an address (for throttling) and the instant the request arrived. */
export interface Visitor {
  ip: string;
  now: Date;
}

export const visitorOf = (req: FastifyRequest): Visitor => ({ ip: req.ip, now: req.now });
