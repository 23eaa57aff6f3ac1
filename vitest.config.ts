import { defineConfig } from 'vitest/config';

/**
 * Vitest runs cores − 1 files at a time: one on these 2-core machines. On PostgreSQL each worker
 * has a database of its own (test/helpers/app.ts) and the files wait on the database as much as on
 * the CPU, so two run side by side there: 389 s instead of 655 s for test/api on this machine,
 * all 368 tests passing both ways (2026-12-02).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    // the fuzz as a sample and the concurrency tests; `npm run test:reliability` runs all of test/reliability
    include: [
      'test/unit/**/*.test.ts',
      'test/api/**/*.test.ts',
      'test/reliability/fuzz.test.ts',
      'test/reliability/concurrency.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    ...(onPostgres ? { maxWorkers: 2 } : {}),
  },
});
