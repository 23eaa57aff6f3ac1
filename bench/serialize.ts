/**
 * `npx tsx bench/serialize.ts`: what the contract's serialiser (fast-json-stringify compiled from
 * the route's zod answer schema, platform/contract.ts) costs against JSON.stringify on one large
 * answer: a 500-row page of the audit log of the demo street with its histories, the longest list
 * a staff page asks for. Both sides alternate in rounds on the same object; figures are the
 * median per call. Results and conditions: docs/benchmarks.md.
 */
import { auditResponse } from '../src/server/modules/audit/contract.ts';
import { responseSerializer } from '../src/server/platform/contract.ts';
import { startTestApp } from '../test/helpers/app.ts';

const t = await startTestApp({ histories: true });
const admin = await t.as('admin');
const page = (await admin.get('/api/v1/audit?pageSize=500')).body as { items: unknown[] };
await t.close();

const serialise = responseSerializer({ schema: auditResponse });
const bytes = Buffer.byteLength(serialise(page));
const sides = { 'JSON.stringify': () => JSON.stringify(page), 'contract serialiser': () => serialise(page) };
const samples: Record<string, number[]> = { 'JSON.stringify': [], 'contract serialiser': [] };
for (const f of Object.values(sides)) for (let i = 0; i < 200; i++) f(); // warm up both
for (let round = 0; round < 30; round++) {
  for (const [name, f] of Object.entries(sides)) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) f();
    samples[name]!.push(Number(process.hrtime.bigint() - started) / 1e6 / 50);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${page.items.length} audit rows, ${(bytes / 1024).toFixed(0)} KiB of JSON`);
for (const [name, xs] of Object.entries(samples))
  console.log(`${name.padEnd(20)} ${median(xs).toFixed(2)} ms per answer (median of ${xs.length} rounds)`);
console.log(
  `ratio ${(median(samples['JSON.stringify']!) / median(samples['contract serialiser']!)).toFixed(2)}× (JSON.stringify / contract serialiser)`,
);
