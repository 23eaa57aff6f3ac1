import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the whole fuzz (10,000 requests or more) and the SIGKILL durability
 * test, one file at a time (each loads the machine on its own). `.ci/run` runs it on PostgreSQL.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
    env: { JW_FUZZ_REQUESTS: process.env.JW_FUZZ_REQUESTS ?? '10000' },
  },
});
