/**
 * Import benchmark: 10,000 units with their owners as one .xlsx, imported into a fresh
 * in-memory PGlite (and into PostgreSQL when DATABASE_URL is set), then imported again
 * (everything matched, nothing written) and exported.
 *
 *   npx tsx bench/import.ts [units]
 *   DATABASE_URL=postgres://jiangwan:jiangwan@127.0.0.1:5432/jiangwan_bench npx tsx bench/import.ts
 *
 * On PostgreSQL the database is emptied first, so only a database whose name ends in _bench
 * or _test is accepted.
 */
import { systemClock } from '../src/core/clock.ts';
import os from 'node:os';
import { systemAccess } from '../src/cli/excel.ts';
import { exportRegistry, importRegistry, type ImportPhase } from '../src/server/modules/registry/excel.ts';
import { writeRegistryWorkbook } from '../src/server/modules/registry/excel/workbook.ts';
import { committees, districts, streets } from '../src/server/modules/registry/schema.ts';
import { freshStore } from './store.ts';
import { generateRegistry } from './registry-data.ts';

const unitCount = Number(process.argv[2] ?? 10_000);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Samples RSS while a task runs (the timer fires between the awaits of the import). */
async function withPeakRss<T>(task: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const value = await task();
    return { value, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

interface Pass {
  label: string;
  file: Buffer;
}

async function run(kind: string, url: string | undefined, passes: Pass[], committeeNames: string[]) {
  const opened = performance.now();
  const database = await freshStore(url);
  await database.migrate();
  const { db } = database;
  const [district] = await db.insert(districts).values({ name: '虹口区' }).returning();
  const [street] = await db
    .insert(streets)
    .values({ name: '江湾镇街道', districtId: district!.id })
    .returning();
  await db.insert(committees).values(committeeNames.map((name) => ({ name, streetId: street!.id })));
  const access = await systemAccess(db, undefined, systemClock.now());
  console.log(
    `\n${kind}: store ready in ${seconds(performance.now() - opened)}, RSS ${mb(process.memoryUsage().rss)}`,
  );

  for (const { label, file } of passes) {
    const phases: Partial<Record<ImportPhase, number>> = {};
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    const { value: result, peakRss } = await withPeakRss(() =>
      importRegistry(db, access, file, { onPhase: (phase, ms) => (phases[phase] = ms) }),
    );
    const total = performance.now() - started;
    console.log(
      `  ${label}: parse ${seconds(phases.parse!)} · validate ${seconds(phases.validate!)} · write ${seconds(phases.write!)} · total ${seconds(total)} · RSS ${mb(rssBefore)} → peak ${mb(peakRss)}`,
    );
    console.log(
      `    counts ${JSON.stringify(result.counts)}\n    created ${JSON.stringify(result.created)}\n    updated ${JSON.stringify(result.updated)}`,
    );
  }
  const exportStarted = performance.now();
  const exported = await exportRegistry(db, access, { full: false });
  console.log(
    `  export (masked): ${exported.rows} rows, ${mb(exported.file.length)} in ${seconds(performance.now() - exportStarted)}`,
  );
  await database.close();
}

const generated = generateRegistry(unitCount);
const generateStarted = performance.now();
const file = await writeRegistryWorkbook(generated.rows);
// every tenth unit re-measured: the update path (bulk `update … from (values …)`)
const remeasured = await writeRegistryWorkbook(
  generated.rows.map((r) =>
    Number(String(r.room).slice(-1)) === 1 && Number(r.floor) % 5 === 0 ? { ...r, area: '99.99' } : r,
  ),
);
const passes: Pass[] = [
  { label: 'first import', file },
  { label: 'same file again', file },
  { label: 'some areas changed', file: remeasured },
];
console.log(
  `Import benchmark — ${generated.units} units, ${generated.rows.length} rows, ${(file.length / 1024).toFixed(0)} KB .xlsx (written in ${seconds(performance.now() - generateStarted)})`,
);
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} RAM, Node ${process.version}`,
);

await run('PGlite (in memory)', undefined, passes, generated.committees);
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL, passes, generated.committees);
console.log(`\nPeak RSS of the whole process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
