import { defineConfig } from 'vitest/config';

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
  },
});
