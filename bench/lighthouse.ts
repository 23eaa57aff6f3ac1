/**
 * Lighthouse (mobile: a mid-range phone, slow 4G and a 4× slower CPU, simulated) on the pages a
 * phone opens first: the staff login, the work list after login, and the resident page a
 * household code opens. Builds the web, starts the real server on the demo street (at the
 * browser tests' date) and runs each page `runs` times on Debian's Chromium; prints the
 * median of each figure.
 *
 *   npx tsx bench/lighthouse.ts [runs=3] [port=3190]
 *
 * JW_LIGHTHOUSE_REPORTS=dir keeps each page's last JSON report there (open it in the Lighthouse
 * viewer to see the critical request chain and what delays the first paint).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Result } from 'lighthouse';
import { CLOCK_START } from '../test/e2e/clock.ts';

const runs = Number(process.argv[2] ?? 3);
const port = Number(process.argv[3] ?? 3190);
const base = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const LIGHTHOUSE = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jw-lighthouse-'));
const server = spawn(process.execPath, ['bin/jiangwan.js', 'serve'], {
  cwd: root,
  // on a PGlite directory of its own, whatever DATABASE_URL says: the pages do not depend on the store
  env: {
    ...process.env,
    DATABASE_URL: '',
    JW_CLOCK_START: CLOCK_START,
    JW_DATA_DIR: dataDir,
    PORT: String(port),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServer = () => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.once('exit', stopServer);

/** The server answers once the demo street is seeded (a minute or two on a busy machine). */
async function waitForServer() {
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('server did not start in 5 minutes');
}

/** 胜利居委's worker, logged in through the API: the session cookie and the CSRF token. */
async function login() {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'shengli', password: 'jiangwan2026' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A household code of an open vote: the demo's own if it has one, else a vote opened on the committee's last project. */
async function householdCode(session: { cookie: string; csrfToken: string }) {
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : method === 'POST' ? '{}' : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const projects = (await call<{ items: { id: string }[] }>('GET', '/api/v1/projects?pageSize=100')).items;
  let open: string | undefined;
  for (const p of projects) {
    const list = await call<{ items: { id: string; kind: string; status: string }[] }>(
      'GET',
      `/api/v1/projects/${p.id}/consultations`,
    );
    open ??= list.items.find((c) => c.kind === 'vote' && c.status === 'open')?.id;
  }
  if (!open) {
    const created = await call<{ id: string }>('POST', '/api/v1/consultations', {
      projectId: projects.at(-1)!.id,
      kind: 'vote',
      title: '加装电梯业主表决',
      question: '您是否同意在本单元加装电梯，并按公示的费用分摊方案分摊费用？',
      ruleId: 'sh-801-building',
      scopeKind: 'stairwell',
    });
    await call('POST', `/api/v1/consultations/${created.id}/open`);
    open = created.id;
  }
  const codes = await call<{ items: { code: string }[] }>(
    'POST',
    `/api/v1/consultations/${open}/codes/reveal`,
  );
  return codes.items[0]!.code;
}

interface Figures {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** compressed bytes of JavaScript over the wire */
  js: number;
  benchmarkIndex: number;
}

/** One Lighthouse run in its own Chromium (the CLI launches and closes it). */
function lighthouse(label: string, url: string, headers?: Record<string, string>): Figures {
  const out = path.join(dataDir, 'report.json');
  const r = spawnSync(
    process.execPath,
    [
      LIGHTHOUSE,
      url,
      `--chrome-path=${CHROMIUM}`,
      '--chrome-flags=--headless=new --no-sandbox',
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`lighthouse ${url} exited ${r.status}`);
  const keep = process.env.JW_LIGHTHOUSE_REPORTS;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(out, path.join(keep, `${label.split(' ')[0]}.json`));
  }
  const lhr = JSON.parse(readFileSync(out, 'utf8')) as Result;
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
  const metric = (id: string) => lhr.audits[id]!.numericValue!;
  const requests = (
    lhr.audits['network-requests']!.details as { items: { resourceType?: string; transferSize?: number }[] }
  ).items;
  return {
    performance: Math.round(lhr.categories.performance!.score! * 100),
    accessibility: Math.round(lhr.categories.accessibility!.score! * 100),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    si: metric('speed-index'),
    js: requests
      .filter((i) => i.resourceType === 'Script')
      .reduce((sum, i) => sum + (i.transferSize ?? 0), 0),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await waitForServer();
const session = await login();
const code = await householdCode(session);
/** JW_LIGHTHOUSE_PAGES=login,resident runs only those */
const only = process.env.JW_LIGHTHOUSE_PAGES?.split(',');
const pages = (
  [
    ['login 登录', `${base}/login`],
    ['worklist 待办', `${base}/worklist`, { Cookie: session.cookie }],
    ['resident 住户页', `${base}/r/${code}`],
  ] satisfies [string, string, Record<string, string>?][]
).filter(([label]) => !only || only.includes(label.split(' ')[0]!));

const load = () => os.loadavg()[0]!.toFixed(1);
console.log(
  `Lighthouse ${createRequire(import.meta.url)('lighthouse/package.json').version} mobile, ${runs} runs a page, ${os.cpus().length} cores, load average ${load()} at the start`,
);
console.log(
  '| page | performance | accessibility | FCP | LCP | TBT | CLS | speed index | JS (compressed) | runs: performance |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
const indices: number[] = [];
for (const [label, url, headers] of pages) {
  const all: Figures[] = [];
  for (let i = 0; i < runs; i++) all.push(lighthouse(label, url, headers));
  const m = (key: keyof Figures) => median(all.map((f) => f[key]));
  indices.push(...all.map((f) => f.benchmarkIndex));
  console.log(
    `| ${label} | **${m('performance')}** | ${m('accessibility')} | ${seconds(m('fcp'))} | ${seconds(m('lcp'))} | ${Math.round(m('tbt'))} ms | ${m('cls').toFixed(3)} | ${seconds(m('si'))} | ${(m('js') / 1024).toFixed(0)} KiB | ${all.map((f) => f.performance).join(', ')} |`,
  );
}
console.log(
  `load average ${load()} at the end; Lighthouse's benchmark index of this machine ${Math.min(...indices).toFixed(0)}–${Math.max(...indices).toFixed(0)}`,
);
stopServer();
