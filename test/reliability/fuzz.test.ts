/**
 * The fuzz: requests generated from /api/openapi.json (hostile-requests.ts), sent as a stranger
 * and as each role, on the demo street with its histories. It fails on any 5xx and on any change
 * in the database from a request that was refused (change-counter.ts).
 *
 * `npm test` sends a sample (JW_FUZZ_REQUESTS, 1,500 by default); `npm run test:reliability`
 * sends at least 10,000. JW_FUZZ_SEED replays a run (the seed is printed).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryTemplate } from '../../src/server/modules/registry/excel/workbook.ts';
import { startTestApp, type Client, type Reply, type TestApp } from '../helpers/app.ts';
import { RANDOM_ID } from '../helpers/routes.ts';
import { workbookBomb } from '../helpers/zip-bomb.ts';
import { installChangeCounter } from './change-counter.ts';
import {
  hostileRequests,
  operationsOf,
  random,
  type HostileRequest,
  type Materials,
  type Operation,
} from './hostile-requests.ts';

const REQUESTS = Number(process.env.JW_FUZZ_REQUESTS ?? 1500);
const SEED = Number(process.env.JW_FUZZ_SEED ?? 20261120);
const ROLES = ['admin', 'shengli', 'jjl', 'district'] as const;
type Identity = 'stranger' | (typeof ROLES)[number];

/** The table whose rows a path segment names, for filling `{id}` with a row that exists. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  estates: 'estates',
  buildings: 'buildings',
  stairwells: 'stairwells',
  units: 'units',
  persons: 'persons',
  projects: 'lift_projects',
  'approval-steps': 'approval_steps',
  documents: 'project_documents',
  consultations: 'consultations',
  'cost-plans': 'cost_plans',
  'running-bills': 'running_bills',
  notices: 'notices',
  objections: 'objections',
  mediation: 'mediation_cases',
  committees: 'committees',
};
const TABLE_OF_PARAM: Record<string, string> = {
  personId: 'persons',
  groupId: 'elector_groups',
  unitId: 'units',
  evidenceId: 'notice_evidence',
  itemId: 'checklist_items',
};

let t: TestApp;
let changes: () => Promise<number>;
const clients = new Map<Identity, Client>();
const ids = new Map<string, string[]>();
const householdCodes: string[] = [];
let fuzzUserId: string;

async function idsOf(table: string): Promise<string[]> {
  if (!ids.has(table)) {
    const { rows } = (await t.database.db.execute(
      sql.raw(`select id::text as id from "${table}" order by id limit 20`),
    )) as { rows: { id: string }[] };
    ids.set(
      table,
      rows.map((r) => r.id),
    );
  }
  return ids.get(table)!;
}

/** The template with each parameter filled by a row that exists (or a code that works), where one does. */
async function fill(op: Operation, rnd: ReturnType<typeof random>): Promise<string> {
  const parts = op.template.split('/');
  const filled: string[] = [];
  for (const [i, part] of parts.entries()) {
    const param = /^\{(.+)\}$/.exec(part)?.[1];
    if (!param) {
      filled.push(part);
      continue;
    }
    const before = parts[i - 1]!;
    if (param === 'code') filled.push(rnd.pick(householdCodes));
    else if (param === 'year') filled.push(rnd.pick(['2026', '2027', '2090']));
    else if (param === 'version') filled.push('1');
    else if (before === 'users') filled.push(fuzzUserId);
    else {
      const table = TABLE_OF_PARAM[param] ?? TABLE_OF_SEGMENT[before];
      const candidates = table ? await idsOf(table) : [];
      filled.push(candidates.length > 0 ? rnd.pick(candidates) : RANDOM_ID);
    }
  }
  return filled.join('/');
}

async function send(who: Identity, req: HostileRequest, address: string): Promise<Reply> {
  const c = clients.get(who)!;
  const { label: _label, ...opts } = req;
  return c.inject({ ...opts, remoteAddress: address });
}

beforeAll(async () => {
  t = await startTestApp({ histories: true });
  clients.set('stranger', t.anonymous);
  for (const role of ROLES) clients.set(role, await t.as(role));
  const admin = clients.get('admin')!;
  // the account the user routes act on: never one the fuzz logs in with
  const street = (await admin.get('/api/v1/committees')).body.items[0];
  const created = await admin.post('/api/v1/users', {
    username: 'fuzz.target',
    displayName: '模糊测试对象',
    password: 'fuzz-target-password-2026',
    role: 'committee_staff',
    scopeId: street.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  fuzzUserId = created.body.id;
  // household codes of the open votes, for the resident routes
  for (const id of await idsOf('consultations')) {
    const codes = await admin.post(`/api/v1/consultations/${id}/codes/reveal`);
    if (codes.status === 200)
      householdCodes.push(...(codes.body.items as { code: string }[]).slice(0, 3).map((c) => c.code));
  }
  expect(householdCodes.length).toBeGreaterThan(0);
  changes = await installChangeCounter(t.database.db);
}, 300_000);

afterAll(async () => t?.close());

describe(`the fuzz: ${REQUESTS} hostile requests from the OpenAPI document, seed ${SEED}`, () => {
  it('answers every one below 500, and a refused one changes nothing in the database', async () => {
    const rnd = random(SEED);
    const doc = (await t.anonymous.get('/api/openapi.json')).body;
    const operations = operationsOf(doc);
    const materials: Materials = {
      uploads: {
        'POST /api/v1/registry/import': {
          fields: {},
          file: {
            name: 'registry.xlsx',
            content: await registryTemplate(),
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        },
      },
      zipBomb: await workbookBomb(await registryTemplate(), 200 * 1024 * 1024),
    };
    const identities: Identity[] = ['stranger', ...ROLES];

    // every request the generator knows, as every identity; then an even sample of REQUESTS of them
    const all: { who: Identity; op: Operation; index: number }[] = [];
    for (const op of operations) {
      const count = [...hostileRequests(op, op.template, random(0), materials)].length;
      for (const who of identities) for (let index = 0; index < count; index++) all.push({ who, op, index });
    }
    const step = Math.max(1, all.length / REQUESTS);
    const chosen = Array.from(
      { length: Math.min(REQUESTS, all.length) },
      (_, i) => all[Math.floor(i * step + rnd.next() * step) % all.length]!,
    );
    // the full space is repeated with other fills when asked for more than it holds
    while (chosen.length < REQUESTS) chosen.push(rnd.pick(all));

    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let refusedChecked = 0;
    const started = Date.now();
    for (const [n, { who, op, index }] of chosen.entries()) {
      const path = await fill(op, rnd);
      const req = [...hostileRequests(op, path, random(n), materials)][index]!;
      const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      let before = await changes();
      let res = await send(who, req, address);
      // a role's session ended by the fuzz itself (it logged out): log in again and resend
      if (res.status === 401 && who !== 'stranger' && !req.url.startsWith('/api/v1/session')) {
        clients.set(who, await t.as(who));
        before = await changes();
        res = await send(who, req, address);
      }
      const after = await changes();
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        failures.push(`${who} ${req.label} → ${res.status} ${res.raw.toString('utf8').slice(0, 200)}`);
      else if (res.status >= 400) {
        refusedChecked++;
        if (after !== before)
          failures.push(`${who} ${req.label} → ${res.status} but ${after - before} rows changed`);
      }
      if (failures.length >= 20) break;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz seed ${SEED}: ${chosen.length} requests of ${all.length} generated, ${operations.length} operations, ${seconds.toFixed(0)} s; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}; ${refusedChecked} refusals checked for changes`,
    );
    expect(failures).toEqual([]);
    expect(chosen.length).toBeGreaterThanOrEqual(REQUESTS);
    // the server still serves after all of it
    expect((await clients.get('admin')!.get('/api/v1/worklist')).status).toBe(200);
  }, 3_600_000);
});
