/**
 * Durability: the real server (`node bin/jiangwan.js serve`) is killed with SIGKILL in the middle
 * of a burst of online ballots, started again on the same data, and then every ballot it had
 * acknowledged is there with its receipt, and every vote's ledger verifies. On the embedded
 * PGlite store always, and on PostgreSQL when DATABASE_URL is set (`.ci/run`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { openTestDatabase, TEST_START } from '../helpers/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** ballots in flight at once during the burst */
const IN_FLIGHT = 16;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Server {
  child: ChildProcess;
  base: string;
  stderr: string[];
}

const running: Server[] = [];
afterEach(async () => {
  for (const s of running.splice(0))
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
});

/** The server's clock starts at `clockStart` (a restart continues from where the last one was). */
async function start(env: Record<string, string>, clockStart = TEST_START): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/jiangwan.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', JW_CLOCK_START: clockStart },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const server: Server = { child, base: `http://127.0.0.1:${port}`, stderr: [] };
  child.stderr.on('data', (d: Buffer) => server.stderr.push(d.toString()));
  running.push(server);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}): ${server.stderr.join('')}`);
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start: ${server.stderr.join('')}`);
}

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  // revealing household codes is audited, so it is a POST with the CSRF token (docs/security.md)
  const call =
    (method: 'GET' | 'POST') =>
    async <T>(url: string): Promise<T> => {
      const headers: Record<string, string> =
        method === 'POST' ? { cookie, 'x-csrf-token': csrfToken } : { cookie };
      const r = await fetch(`${base}${url}`, { method, headers });
      expect(r.status, url).toBe(200);
      return (await r.json()) as T;
    };
  return { get: call('GET'), post: call('POST') };
}

/** The household codes of every open vote of the demo street, and the votes. */
async function openVotes(base: string) {
  const { get, post } = await login(base);
  const { items: projects } = await get<{ items: { id: string }[] }>('/api/v1/projects?pageSize=500');
  const votes: string[] = [];
  const codes: string[] = [];
  for (const p of projects) {
    const { items } = await get<{ items: { id: string; kind: string; status: string }[] }>(
      `/api/v1/projects/${p.id}/consultations`,
    );
    for (const c of items.filter((c) => c.kind === 'vote' && c.status === 'open')) {
      votes.push(c.id);
      const list = await post<{ items: { code: string; revoked?: boolean; status?: string }[] }>(
        `/api/v1/consultations/${c.id}/codes/reveal`,
      );
      codes.push(...list.items.filter((k) => !k.revoked && k.status !== 'revoked').map((k) => k.code));
    }
  }
  return { votes, codes, get };
}

const CHOICES = ['agree', 'disagree', 'abstain'] as const;

async function killDuringBurst(env: Record<string, string>) {
  const startedAt = Date.now();
  const first = await start(env);
  const { codes } = await openVotes(first.base);
  expect(codes.length, 'household codes of open votes in the demo').toBeGreaterThanOrEqual(40);

  // the burst: each code votes once; the server is killed once a third have been acknowledged
  const acknowledged = new Map<string, { choice: string; receipt: string }>();
  let sent = 0;
  let killedAt = -1;
  const killAfter = Math.floor(codes.length / 3);
  const queue = codes.map((code, i) => ({ code, choice: CHOICES[i % 3]! }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      sent++;
      try {
        const res = await fetch(`${first.base}/api/v1/r/${encodeURIComponent(next.code)}/ballot`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ choice: next.choice }),
        });
        if (res.ok) {
          const body = (await res.json()) as { ballot?: { receipt?: string }; receipt?: string };
          acknowledged.set(next.code, {
            choice: next.choice,
            receipt: body.ballot?.receipt ?? body.receipt ?? '',
          });
        }
      } catch {
        // the connection died with the server: not acknowledged, so not promised
      }
      if (acknowledged.size >= killAfter && killedAt < 0) {
        killedAt = acknowledged.size;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  expect(killedAt, 'the server was killed during the burst').toBeGreaterThan(0);
  await new Promise<void>((resolve) =>
    first.child.exitCode !== null || first.child.signalCode !== null
      ? resolve()
      : first.child.once('exit', () => resolve()),
  );
  expect(first.child.signalCode).toBe('SIGKILL');

  // started again on the same data: every acknowledged ballot is there, with the receipt given
  // its clock goes on from the first's, as a real one would (throttle rows hold the first's instants)
  const second = await start(env, new Date(Date.parse(TEST_START) + Date.now() - startedAt).toISOString());
  const lost: string[] = [];
  for (const [code, { choice, receipt }] of acknowledged) {
    const view = (await (await fetch(`${second.base}/api/v1/r/${encodeURIComponent(code)}`)).json()) as {
      ballot: { choice: string; receipt: string } | null;
    };
    if (view.ballot?.choice !== choice || (receipt && view.ballot.receipt !== receipt))
      lost.push(`${code}: sent ${choice} (${receipt}), stored ${JSON.stringify(view.ballot)}`);
  }
  expect(lost).toEqual([]);
  const { votes, get } = await openVotes(second.base);
  for (const id of votes) {
    const verified = await get<{ ok: boolean }>(`/api/v1/consultations/${id}/ledger/verify`);
    expect(verified.ok, `ledger of ${id}`).toBe(true);
  }
  second.child.kill('SIGTERM');
  return { codes: codes.length, sent, acknowledged: acknowledged.size, killedAt };
}

describe('durability: SIGKILL during a burst of ballots', () => {
  it('on PGlite: every acknowledged ballot is stored after a restart, and every ledger verifies', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'jw-durability-'));
    try {
      const figures = await killDuringBurst({ JW_DATA_DIR: dataDir, DATABASE_URL: '' });
      console.log(`durability on PGlite: ${JSON.stringify(figures)}`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 600_000);

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'on PostgreSQL: every acknowledged ballot is stored after a restart, and every ledger verifies',
    async () => {
      // an empty schema for the server to migrate and seed
      await (await openTestDatabase()).close();
      const dataDir = await mkdtemp(path.join(tmpdir(), 'jw-durability-'));
      try {
        const figures = await killDuringBurst({
          JW_DATA_DIR: dataDir,
          DATABASE_URL: process.env.DATABASE_URL!,
        });
        console.log(`durability on PostgreSQL: ${JSON.stringify(figures)}`);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
