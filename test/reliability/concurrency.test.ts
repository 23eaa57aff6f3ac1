/**
 * Issue 9 items 4 and 7: drafts, adoptions, payments, sign-offs, stage changes and logins fired at once. On
 * PostgreSQL the requests really overlap (a pool of connections); without the row locks two
 * adoptions left two adopted plans, payments overpaid a share, a sign-off was recorded ten times,
 * drafts collided on their version number and one project took several stage changes at once.
 * PGlite runs one transaction at a time, so there they pass either way (except the second pause).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { LOGIN_THROTTLE } from '../../src/server/modules/accounts/service.ts';
import { startTestApp, TEST_TODAY, type Client, type Reply, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
});
afterAll(() => t.close());

const ROUNDS = 12;
const allAtOnce = async (calls: Promise<Reply>[]) => {
  const replies = await Promise.all(calls);
  // a deadlock or an unmapped error would be a 500
  expect(replies.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([]);
  return replies;
};
const succeeded = (replies: Reply[]) => replies.filter((r) => r.status < 300);

async function newProject(name: string) {
  const stairwells = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.filter(
    (s: any) => s.unitCount >= 8,
  );
  const used = new Set(
    (await staff.get('/api/v1/projects?pageSize=500')).body.items.map((p: any) => p.stairwellId),
  );
  const stairwell = stairwells.find((s: any) => !used.has(s.id));
  const res = await staff.post('/api/v1/projects', { name, stairwellId: stairwell.id });
  expect(res.status).toBe(201);
  return res.body;
}

const draft = async (projectId: string, name: string) =>
  (
    await staff.post(`/api/v1/projects/${projectId}/cost-plans`, {
      name,
      constructionFen: 60_000_000,
      subsidy: { ruleId: 'sh-2020' },
      scheme: { kind: 'area', exemptFloors: [1] },
    })
  ).body.plan.id as string;
const plans = async (projectId: string) =>
  (await staff.get(`/api/v1/projects/${projectId}/cost-plans`)).body.items as {
    id: string;
    status: string;
  }[];
const audited = async (query: string) =>
  (await admin.get(`/api/v1/audit?pageSize=1&${query}`)).body.total as number;

describe('adopting cost plans at once', () => {
  it('adopts one draft once when it is adopted many times at once', async () => {
    const project = await newProject('并发通过同一方案');
    const planId = await draft(project.id, '方案');
    const replies = await allAtOnce(
      Array.from({ length: ROUNDS }, () => staff.post(`/api/v1/cost-plans/${planId}/adopt`)),
    );
    expect(succeeded(replies)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(ROUNDS - 1);
    expect(await audited(`action=adopt&entityId=${planId}`)).toBe(1);
  });

  it('numbers drafts written at once one after another', async () => {
    const project = await newProject('并发起草方案');
    const replies = await allAtOnce(
      Array.from({ length: ROUNDS }, (_, i) =>
        staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
          name: `方案 ${i + 1}`,
          constructionFen: 60_000_000,
          scheme: { kind: 'equal' },
        }),
      ),
    );
    expect(succeeded(replies)).toHaveLength(ROUNDS);
    expect(replies.map((r) => r.body.plan.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: ROUNDS }, (_, i) => i + 1),
    );
  });

  it('leaves exactly one adopted plan when different drafts are adopted at once', async () => {
    const project = await newProject('并发通过不同方案');
    const ids: string[] = [];
    for (let i = 0; i < ROUNDS; i++) ids.push(await draft(project.id, `方案 ${i + 1}`));
    const replies = await allAtOnce(ids.map((id) => staff.post(`/api/v1/cost-plans/${id}/adopt`)));
    // each adoption supersedes the one before it, as if they came one after another
    const statuses = (await plans(project.id)).map((p) => p.status);
    expect(statuses.filter((s) => s === 'adopted')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'superseded')).toHaveLength(succeeded(replies).length - 1);
    const adoptions = await Promise.all(ids.map((id) => audited(`action=adopt&entityId=${id}`)));
    expect(adoptions.reduce((a, b) => a + b, 0)).toBe(succeeded(replies).length);
  });
});

describe('payments at once', () => {
  let planId: string;
  let payer: { unitId: string; shareFen: number };
  const pay = (amountFen: number, receiptNo: string, unitId = payer.unitId) =>
    staff.post(`/api/v1/cost-plans/${planId}/payments`, {
      unitId,
      amountFen,
      paidOn: TEST_TODAY,
      method: 'bank',
      receiptNo,
    });

  beforeAll(async () => {
    const project = await newProject('并发缴款');
    planId = await draft(project.id, '方案');
    expect((await staff.post(`/api/v1/cost-plans/${planId}/adopt`)).status).toBe(200);
    payer = (await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares.find((s: any) => s.shareFen > 1000);
  });

  it('never pays a share more than it owes', async () => {
    const third = Math.floor(payer.shareFen / 3); // three fit, a fourth does not
    const replies = await allAtOnce(Array.from({ length: ROUNDS }, (_, i) => pay(third, `C-${i}`)));
    expect(succeeded(replies)).toHaveLength(3);
    expect(replies.filter((r) => r.status === 400).every((r) => r.body.error.field === 'amountFen')).toBe(
      true,
    );
    const row = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body.units.find(
      (u: any) => u.unitId === payer.unitId,
    );
    expect(row.paidFen).toBe(3 * third);
    expect(await audited(`action=payment&entityId=${planId}`)).toBe(3);
  });

  it("records an owner's paper sign-off once when it is entered many times at once", async () => {
    const signOff = () =>
      staff.inject({
        method: 'POST',
        url: `/api/v1/cost-plans/${planId}/sign-offs`,
        ...multipart({ unitId: payer.unitId }, { name: 'sign.pdf', content: PDF, type: 'application/pdf' }),
      });
    const replies = await allAtOnce(Array.from({ length: ROUNDS }, signOff));
    expect(succeeded(replies)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.error.field === 'unitId')).toBe(true);
    expect(await audited(`action=sign_off&entityId=${planId}`)).toBe(1);
  });

  it('records payments of different units and an adoption at the same moment without a deadlock', async () => {
    const shares = (await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares.filter(
      (s: any) => s.shareFen > 0 && s.unitId !== payer.unitId,
    );
    const next = await draft((await staff.get(`/api/v1/cost-plans/${planId}`)).body.project.id, '新方案');
    const replies = await allAtOnce([
      ...shares.map((s: any, i: number) => pay(1, `D-${i}`, s.unitId)),
      staff.post(`/api/v1/cost-plans/${next}/adopt`),
      ...shares.map((s: any, i: number) => pay(1, `E-${i}`, s.unitId)),
    ]);
    // a payment after the new adoption finds no share of an adopted plan in the old one
    const paid = succeeded(replies).length - 1;
    expect(replies.every((r) => r.status < 300 || r.body.error.field === 'unitId')).toBe(true);
    const status = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body;
    expect(status.totals.paidFen - 3 * Math.floor(payer.shareFen / 3)).toBe(paid);
    expect(await audited(`action=payment&entityId=${planId}`)).toBe(3 + paid);
  });
});

describe('stage changes at once', () => {
  it('applies one of many identical moves of one project', async () => {
    const project = await newProject('并发阶段变更');
    const replies = await allAtOnce(
      Array.from({ length: ROUNDS }, () =>
        staff.post(`/api/v1/projects/${project.id}/stage`, {
          to: 'consultation',
          confirmed: ['mobilisation_meeting'],
        }),
      ),
    );
    expect(succeeded(replies)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.error.field === 'to')).toBe(true);
    const status = (await staff.get(`/api/v1/projects/${project.id}/stage`)).body;
    expect(status.history.map((h: any) => h.toStage)).toEqual(['consultation']);
    expect(await audited(`action=stage_change&entityId=${project.id}`)).toBe(1);
  });

  it('pauses once when paused many times at once with an override, and resumes where it left', async () => {
    const project = await newProject('并发暂停');
    const replies = await allAtOnce(
      Array.from({ length: ROUNDS }, () =>
        staff.post(`/api/v1/projects/${project.id}/stage`, {
          to: 'paused',
          reason: '业主提出异议，调解中',
          override: true,
        }),
      ),
    );
    expect(succeeded(replies)).toHaveLength(1);
    const status = (await staff.get(`/api/v1/projects/${project.id}/stage`)).body;
    expect(status).toMatchObject({ stage: 'paused', pausedFrom: 'mobilisation' });
    expect(status.history).toHaveLength(1);
    expect((await staff.post(`/api/v1/projects/${project.id}/stage`, { to: 'mobilisation' })).status).toBe(
      201,
    );
  });
});

describe('logins at once', () => {
  it('checks at most the free guesses per address of one user guessed from 20 addresses at once, and lets the user in from the office meanwhile', async () => {
    // a second instance on the same database without the per-instance rate limit: what holds is the shared count
    const instance = await buildApp({
      db: t.database.db,
      webRoot: '/nonexistent',
      clock: t.clock,
      rateLimit: false,
      codeKeys: t.codeKeys,
    });
    await instance.ready();
    try {
      const login = (address: string, password: string) =>
        instance.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'jjl', password },
          remoteAddress: address,
        });
      const addresses = Array.from({ length: 20 }, (_, i) => `203.0.113.${i + 1}`);
      const guesses = addresses.flatMap((address) =>
        Array.from({ length: 10 }, () => login(address, 'guess-guess')),
      );
      const [office, ...replies] = await Promise.all([login('198.51.100.9', DEMO_PASSWORD), ...guesses]);
      expect(office.statusCode).toBe(200);
      const count = (status: number) => replies.filter((r) => r.statusCode === status).length;
      expect(count(500)).toBe(0);
      // the free failures and the one after them are checked from each address; every other waits unchecked
      expect(count(401)).toBe(addresses.length * (LOGIN_THROTTLE.free + 1));
      expect(count(429)).toBe(replies.length - count(401));
    } finally {
      await instance.close();
    }
  });
});
