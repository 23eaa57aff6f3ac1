import { defineConfig } from '@playwright/test';
import { CLOCK_START } from './test/e2e/clock.ts';

/**
 * Browser tests against the real server on a fresh PGlite directory with the demo street.
 * `npm test` builds the web first (`vite build`); alone, run `npm run build && npx playwright test`.
 * JW_E2E_BASE_URL=http://127.0.0.1:3000 runs them against a server that is already up instead
 * (its data must be the demo street seeded with JW_CLOCK_START=CLOCK_START; the tests add a
 * uniquely named estate by import).
 * The server's clock starts at CLOCK_START (test/e2e/clock.ts), so the demo and every date the
 * specs use are the same whatever the machine's date.
 */
// JW_E2E_PORT lets two checkouts run their browser tests side by side
const PORT = Number(process.env.JW_E2E_PORT ?? 3100);
const external = process.env.JW_E2E_BASE_URL;

export default defineConfig({
  testDir: 'test/e2e',
  // the screenshot generator for docs/ runs only when asked: JW_SCREENSHOTS=1 npx playwright test screenshots
  testIgnore: process.env.JW_SCREENSHOTS ? [] : ['**/*screenshots.spec.ts'],
  // a shared 2-core machine: axe on a full stairwell page takes seconds
  timeout: 120_000,
  // A page opened fresh loads in a waterfall (session, page chunk, lists, then each card's detail).
  // With two workers, axe scans and the server on 2 cores, one step measured 2.5–3 s and the
  // whole waterfall 9 s (notices.spec in CI: the data came 8.8 s after goto, a 10 s wait
  // expired while rendering). Waits are for what a page shows, so a longer ceiling costs a
  // passing test nothing.
  expect: { timeout: 20_000 },
  // the tests write little and never the same rows; two workers suit a 2-core machine
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    // as a person who asked for less motion: no half-faded toast is measured by axe mid-animation
    reducedMotion: 'reduce',
    launchOptions: {
      // Debian's Chromium; never `npx playwright install`
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: external
    ? undefined
    : {
        command: `rm -rf .tmp/e2e-data-${PORT} && JW_CLOCK_START=${CLOCK_START} JW_DATA_DIR=.tmp/e2e-data-${PORT} PORT=${PORT} node bin/jiangwan.js serve`,
        url: `http://127.0.0.1:${PORT}/api/health`,
        // the demo street with its histories is seeded first: 129 s was seen on a machine at load 15
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
