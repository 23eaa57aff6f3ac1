import type { FastifyInstance } from 'fastify';
import { badInput } from '../../core/errors.ts';
import { fieldLabel } from '../../core/fields.ts';
import { say, SAY } from '../../core/sentences.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL character (PostgreSQL text cannot hold it) or a lone surrogate (not Unicode at all). */
const unstorable = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

/**
 * The path of the first string in `value` that cannot be stored ("answers.comment"), or null.
 * Walked with a list of its own rather than by recursion, so no depth can overflow the stack.
 */
export function unstorableTextAt(value: unknown, path = ''): string | null {
  // [value, its path, the path of the object holding it, its key there]; last in, first out
  const pending: [unknown, string, string, string][] = [[value, path, path, '']];
  while (pending.length) {
    const [v, at, parent, key] = pending.pop()!;
    if (unstorable(key)) return parent || 'body';
    if (typeof v === 'string') {
      if (unstorable(v)) return at || 'body';
    } else if (v !== null && typeof v === 'object') {
      // pushed last first, so the first field in the document is named first
      for (const [k, child] of Object.entries(v).reverse())
        pending.push([child, at ? `${at}.${k}` : k, at, k]);
    }
  }
  return null;
}

export const unstorableText = (field: string) => {
  const { zh, en } = say(SAY.unstorable, fieldLabel(field.split('.')));
  return badInput(field, zh, en);
};

/** Deeper than any body the API takes (a survey's answers are three levels), far below any stack. */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text opens more than `limit` arrays or objects inside each other; counted, not parsed. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Fastify's own JSON parser behind a depth check: a body nested deeper than MAX_JSON_DEPTH is
 * refused (400) before it is parsed, so nothing that walks a body (the text guard, validation,
 * serialisers) ever meets one deep enough to overflow the stack. Install before any plugin, so
 * every route inherits it.
 */
export function installJsonParser(app: FastifyInstance) {
  const { onProtoPoisoning, onConstructorPoisoning } = app.initialConfig;
  const parseJson = app.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (nestedDeeperThan(body as string, MAX_JSON_DEPTH))
      return done(
        badInput(
          'body',
          `请求体嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`,
          `The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
        ),
        undefined,
      );
    return parseJson(req, body as string, done);
  });
}

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
