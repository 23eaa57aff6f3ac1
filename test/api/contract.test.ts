/**
 * The contract (issue 10): every operation declares what it answers, is named and says what
 * credentials it needs, the committed docs/openapi.json and the web's generated types are what
 * the server serves, and Redocly's recommended rules find no error. After changing a route:
 * `npm run openapi` rewrites both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, WEB_TYPES_FILE, webTypes } from '../helpers/openapi.ts';

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

const ROOT = path.resolve(import.meta.dirname, '../..');
let served: Doc;
const operations = () =>
  Object.entries(served.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })),
  );

beforeAll(async () => {
  served = (await openApiDocument()) as Doc;
});

describe('the API contract', () => {
  it('declares for every operation the schema of its success answer, or the file it sends', () => {
    const undeclared = operations()
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        return !success.some(([, r]) =>
          Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0),
        );
      })
      .map(({ key }) => key);
    expect(undeclared).toEqual([]);
  });

  it('is committed as docs/openapi.json exactly as the server serves it (npm run openapi)', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'docs/openapi.json'), 'utf8')) as Doc;
    expect(committed).toEqual(served);
  });

  it('gives the pages types generated from that document (npm run openapi), so a page that no longer fits fails the typecheck', async () => {
    expect(readFileSync(path.join(ROOT, WEB_TYPES_FILE), 'utf8')).toBe(await webTypes(served));
  });

  it('names every operation once and says what credentials each needs', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      operations()
        .filter(({ op }) => !Array.isArray(op.security))
        .map(({ key }) => key),
    ).toEqual([]);
  });

  it('passes Redocly’s recommended rules without an error', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jw-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(served));
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', file, '--format=json', '--max-problems=1000'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    expect(
      report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`),
    ).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
