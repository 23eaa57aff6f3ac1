/**
 * The contract (issue 10): every operation is named and says what credentials it needs, and
 * Redocly's recommended rules find no error in the document the server serves. Still to come
 * with the last modules' response schemas: "every operation declares its success answer" and
 * "docs/openapi.json (npm run openapi) is what the server serves".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../helpers/openapi.ts';

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

const ROOT = path.resolve(import.meta.dirname, '../..');
let served: Doc;
const operations = () => Object.entries(served.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })));

beforeAll(async () => {
  served = (await openApiDocument()) as Doc;
});

describe('the API contract', () => {
  it('names every operation once and says what credentials each needs', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations().filter(({ op }) => !Array.isArray(op.security)).map(({ key }) => key)).toEqual([]);
  });

  it('passes Redocly’s recommended rules without an error', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jw-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(served));
    const run = spawnSync(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--format=json', '--max-problems=1000'], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string }[] };
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
