/**
 * Ballot submission over HTTP, many consultations in parallel, beside a bare Fastify endpoint
 * that inserts one row per request on the same store (the reference).
 *
 *   npx tsx bench/ballots/run.ts [seconds=10] [concurrency=16,32,64] [consultations=20]
 *   DATABASE_URL=postgres://jiangwan:jiangwan@127.0.0.1:5432/jiangwan_bench npx tsx bench/ballots/run.ts
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { runLoad, type LoadResult } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
// closed-loop clients: ballots are written in batches, which fill as more arrive at once
const concurrencies = (process.argv[3] ?? '16,32,64').split(',').map(Number);
const consultations = Number(process.argv[4] ?? 20);
const store = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const CHOICES = ['agree', 'disagree', 'abstain'];

async function startServer(extra: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'server.ts'), String(consultations), ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { port: number; codes: string[] }) };
}

async function measure(
  label: string,
  extra: string[],
  pathOf: (code: string) => string,
): Promise<Map<number, LoadResult>> {
  const server = await startServer(extra);
  const pick = () => server.codes[Math.floor(Math.random() * server.codes.length)]!;
  const next = () => {
    const code = pick();
    return {
      path: pathOf(code),
      body: JSON.stringify({ code, choice: CHOICES[Math.floor(Math.random() * 3)] }),
    };
  };
  const results = new Map<number, LoadResult>();
  for (const concurrency of concurrencies) {
    await runLoad({ port: server.port, concurrency, seconds: 2, next }); // warm-up
    const result = await runLoad({ port: server.port, concurrency, seconds, next });
    console.log(
      `${label.padEnd(34)} ${String(concurrency).padStart(3)} clients ${result.perSecond.toFixed(0).padStart(6)} /s   median ${result.medianMs.toFixed(1)} ms   p99 ${result.p99Ms.toFixed(1)} ms   (${result.requests} requests, ${result.errors} errors, ${server.codes.length} households)`,
    );
    results.set(concurrency, result);
  }
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  return results;
}

console.log(
  `ballots over HTTP on ${store}: ${consultations} votes open, ${seconds} s per level, ${os.cpus().length} cores, Node ${process.version}`,
);
const bare = await measure(`bare Fastify + insert (${store})`, ['--bare'], () => '/bare');
const ballots = await measure(`Jiangwan ballot (${store})`, [], (code) => `/api/v1/r/${code}/ballot`);
for (const c of concurrencies)
  console.log(
    `${String(c).padStart(3)} clients: ${((ballots.get(c)!.perSecond / bare.get(c)!.perSecond) * 100).toFixed(0)}% of the bare figure`,
  );
