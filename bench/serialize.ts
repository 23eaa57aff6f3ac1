/**
 * `npx tsx bench/serialize.ts`: what the contract's serialiser (fast-json-stringify compiled from
 * the route's zod answer schema, platform/contract.ts) costs against JSON.stringify on two large
 * answers of the demo street with its histories: a 500-row page of units with their owners (fixed
 * fields throughout) and a 500-row page of the audit log (whose before/after are free JSON). Both
 * sides alternate in rounds on the same object; figures are medians per answer. Results and
 * conditions: docs/benchmarks.md.
 */
import type { z } from 'zod';
import { auditResponse } from '../src/server/modules/audit/contract.ts';
import { unitsResponse } from '../src/server/modules/registry/contract.ts';
import { responseSerializer } from '../src/server/platform/contract.ts';
import { startTestApp } from '../test/helpers/app.ts';

const t = await startTestApp({ histories: true });
const admin = await t.as('admin');
const answers: [string, z.ZodType, { items: unknown[] }][] = [
  ['units with owners', unitsResponse, (await admin.get('/api/v1/units?pageSize=500')).body],
  ['audit log', auditResponse, (await admin.get('/api/v1/audit?pageSize=500')).body],
];
await t.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [label, schema, page] of answers) {
  const serialise = responseSerializer({ schema });
  const bytes = Buffer.byteLength(serialise(page));
  const sides = {
    'JSON.stringify': () => JSON.stringify(page),
    'contract serialiser': () => serialise(page),
  };
  const samples: Record<string, number[]> = { 'JSON.stringify': [], 'contract serialiser': [] };
  for (const f of Object.values(sides)) for (let i = 0; i < 200; i++) f(); // warm up both
  for (let round = 0; round < 30; round++) {
    for (const [name, f] of Object.entries(sides)) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 50; i++) f();
      samples[name]!.push(Number(process.hrtime.bigint() - started) / 1e6 / 50);
    }
  }
  console.log(`\n${label}: ${page.items.length} rows, ${(bytes / 1024).toFixed(0)} KiB of JSON`);
  for (const [name, xs] of Object.entries(samples))
    console.log(
      `  ${name.padEnd(20)} ${median(xs).toFixed(2)} ms per answer (median of ${xs.length} rounds)`,
    );
  const ratio = median(samples['JSON.stringify']!) / median(samples['contract serialiser']!);
  console.log(`  ratio ${ratio.toFixed(2)}× (JSON.stringify ÷ contract serialiser)`);
}
