/**
 * `npm run bench`: every benchmark in turn (docs/benchmarks.md), each in its own process, on
 * PGlite, and on PostgreSQL too when DATABASE_URL names a database for benchmarks (…_bench);
 * Lighthouse on the pages once (Debian's Chromium).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = [
  ['Excel import', 'import.ts'],
  ['ballots over HTTP', 'ballots/run.ts'],
  // the pages do not depend on the store: measured once, on PGlite
  ['Lighthouse: login, work list, resident page', 'lighthouse.ts', 'once'],
];
const stores = process.env.DATABASE_URL ? [undefined, process.env.DATABASE_URL] : [undefined];
for (const url of stores) {
  for (const [label, file, once] of BENCHMARKS) {
    if (once && url) continue;
    console.log(`\n▶ ${label} — ${url ? 'PostgreSQL' : 'PGlite'}`);
    const env = { ...process.env };
    if (url) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, file!)], {
      stdio: 'inherit',
      env,
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
