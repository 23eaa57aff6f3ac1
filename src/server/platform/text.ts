import type { FastifyInstance } from 'fastify';
import { badInput } from '../../core/errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL character (PostgreSQL text cannot hold it) or a lone surrogate (not Unicode at all). */
const unstorable = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

/** The path of the first string in `value` that cannot be stored ("answers.comment"), or null. */
export function unstorableTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return unstorable(value) ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (unstorable(key)) return path || 'body';
    const found = unstorableTextAt(v, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

export const unstorableText = (field: string) => badInput(field, '含有无法保存的字符（如空字符），请删除后重试', 'Contains a character that cannot be stored (such as a NUL); remove it and try again');

/**
 * Every route's body, query and path are refused with 400 naming the field when they hold text
 * that cannot be stored, before any route sees them — not a database error (500) deep inside.
 */
export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const field = unstorableTextAt(req.body) ?? unstorableTextAt(req.query) ?? unstorableTextAt(req.params);
    if (field) throw unstorableText(field);
  });
}
