/**
 * The tables and the migrations agree (issue 10, item 7): drizzle-kit, asked to generate a
 * migration from the Drizzle schema against a copy of db/migrations, finds nothing to do, and
 * its own consistency check of the migrations' snapshots passes. A table changed in a
 * schema.ts without `npm run db:generate` fails here, before any database sees the difference.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const drizzleKit = (args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/drizzle-kit'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('the database schema', () => {
  it('needs no migration beyond those committed', () => {
    // the config sits inside the project so that it resolves drizzle-kit; .tmp is ignored by git
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    const dir = mkdtempSync(path.join(ROOT, '.tmp', 'migrations-'));
    cpSync(path.join(ROOT, 'db/migrations'), path.join(dir, 'migrations'), { recursive: true });
    const config = path.join(dir, 'drizzle.config.ts');
    writeFileSync(
      config,
      `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './src/server/schema.ts', out: ${JSON.stringify(path.relative(ROOT, path.join(dir, 'migrations')))} });\n`,
    );
    try {
      const run = drizzleKit(['generate', '--config', config]);
      expect(run.stdout + run.stderr).toContain('No schema changes');
      expect(readdirSync(path.join(dir, 'migrations'))).toEqual(
        readdirSync(path.join(ROOT, 'db/migrations')),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('has migrations whose snapshots are consistent', () => {
    const run = drizzleKit(['check']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);
});
