/** Issue 4 item 8: what needs attention now, per role and scope. */
import { addDays } from '../../src/core/calendar.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
});
afterAll(() => t.close());

const inAWeek = () => addDays(TEST_TODAY, 3);

describe('the work list', () => {
  it('lists overdue approval steps and votes closing this week', async () => {
    const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
      (s: any) => s.unitCount > 0,
    );
    const project = (
      await staff.post('/api/v1/projects', { name: '待办测试项目', stairwellId: stairwell.id })
    ).body;
    const step = (await staff.get(`/api/v1/projects/${project.id}/approvals`)).body.steps[0];
    await staff.patch(`/api/v1/approval-steps/${step.id}`, {
      status: 'in_progress',
      startedOn: '2026-01-05',
    });
    const vote = (
      await staff.post('/api/v1/consultations', {
        projectId: project.id,
        kind: 'vote',
        title: '即将截止的表决',
        question: '是否同意？',
        ruleId: 'sh-801-building',
        closesOn: inAWeek(),
      })
    ).body;
    await staff.post(`/api/v1/consultations/${vote.id}/open`);
    const list = (await staff.get('/api/v1/worklist')).body;
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'overdue_step',
          projectId: project.id,
          refId: step.id,
          date: '2026-01-19',
        }),
        expect.objectContaining({ kind: 'vote_closing', projectId: project.id, refId: vote.id }),
      ]),
    );
    expect(list.counts.overdue_step).toBeGreaterThanOrEqual(1);
  });

  it('gives an adviser their assigned projects, and other committees nothing of this one', async () => {
    const adviser = await t.as('jjl');
    const mine = (await adviser.get('/api/v1/worklist')).body;
    expect(mine.counts.assigned).toBe((await adviser.get('/api/v1/projects?pageSize=500')).body.total);
    const admin = await t.as('admin');
    const all = (await admin.get('/api/v1/worklist')).body;
    expect(all.counts.vote_closing).toBeGreaterThanOrEqual(1);
    expect((await t.anonymous.get('/api/v1/worklist')).status).toBe(401);
  });
});

describe('the money gate on the work list (issue 11, item 5)', () => {
  it('lists unsigned agreements, overdue instalments and a subsidy to claim, each with its project', async () => {
    const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
      (s: any) => s.unitCount >= 4,
    );
    const project = (
      await staff.post('/api/v1/projects', { name: '待办出资项目', stairwellId: stairwell.id })
    ).body;
    const plan = await staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
      name: '出资方案',
      constructionFen: 60_000_000,
      subsidy: { ruleId: 'sh-2020' },
      scheme: { kind: 'equal', exemptFloors: [1] },
      schedule: [
        { label: '签约后', dueOn: addDays(TEST_TODAY, -20), percent: '50' },
        { label: '竣工后', dueOn: addDays(TEST_TODAY, 200), percent: '50' },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const planId = plan.body.plan.id;
    const { shares } = (await staff.post(`/api/v1/cost-plans/${planId}/adopt`)).body;
    const payer = shares.find((s: any) => s.shareFen > 0);
    expect(
      (
        await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
          unitId: payer.unitId,
          amountFen: Math.floor(payer.shareFen / 2),
          paidOn: TEST_TODAY,
          method: 'bank',
          receiptNo: 'W-001',
        })
      ).status,
    ).toBe(201);
    const status = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body;
    const overdue = status.units.filter((u: any) => u.overdueFen > 0);

    let list = (await staff.get('/api/v1/worklist')).body;
    const mine = (kind: string) =>
      list.items.filter((i: any) => i.kind === kind && i.projectId === project.id);
    expect(mine('unsigned_agreements')).toEqual([
      // the households that pay; the exempt ground floor signs nothing
      expect.objectContaining({ refId: planId, count: shares.filter((s: any) => s.shareFen > 0).length }),
    ]);
    // the payer's half covers its first instalment: only the others are overdue, since the first due date
    expect(overdue.map((u: any) => u.unitId)).not.toContain(payer.unitId);
    expect(mine('arrears')).toEqual([
      expect.objectContaining({
        refId: planId,
        count: overdue.length,
        amountFen: overdue.reduce((sum: number, u: any) => sum + u.overdueFen, 0),
        date: addDays(TEST_TODAY, -20),
      }),
    ]);
    expect(mine('subsidy_to_claim')).toEqual([]);

    // past acceptance with no claim prepared: the subsidy is to claim; once prepared it leaves the list
    await t.database.db.execute(sql`update lift_projects set stage = 'acceptance' where id = ${project.id}`);
    list = (await staff.get('/api/v1/worklist')).body;
    expect(mine('subsidy_to_claim')).toEqual([
      expect.objectContaining({ amountFen: plan.body.plan.subsidyFen, date: null }),
    ]);
    expect(list.counts.subsidy_to_claim).toBeGreaterThanOrEqual(1);

    // each card in order of urgency: dated items by date, the undated last
    for (const kind of Object.keys(list.counts)) {
      const dates = list.items.filter((i: any) => i.kind === kind).map((i: any) => i.date ?? '9999-12-31');
      expect(dates).toEqual([...dates].sort());
    }
  });
});
