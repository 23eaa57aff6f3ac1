/** Lift projects, bare (issue 2, item 8), and the demo street (item 9). */
import { addDays } from '../../src/core/calendar.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';
import { STAGES } from '../../src/core/stages.ts';

let t: TestApp;
let admin: Client;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp({ histories: true });
  admin = await t.as('admin');
  staff = await t.as('shengli');
});
afterAll(() => t.close());

describe('the demo street', () => {
  it('has the structure the issue asks for', async () => {
    const committees = (await admin.get('/api/v1/committees')).body.items;
    expect(committees.length).toBeGreaterThanOrEqual(6);
    expect(committees.map((c: any) => c.name)).toContain('胜利居委');
    expect(committees[0].streetName).toBe('江湾镇街道');
    expect((await admin.get('/api/v1/estates')).body.total).toBeGreaterThanOrEqual(12);
    const buildings = (await admin.get('/api/v1/buildings?pageSize=500')).body.items;
    expect(buildings.length).toBeGreaterThanOrEqual(60);
    expect(
      buildings.every(
        (b: any) => b.floors >= 5 && b.floors <= 7 && b.stairwellCount >= 1 && b.stairwellCount <= 3,
      ),
    ).toBe(true);
    const units = (await admin.get('/api/v1/units?pageSize=500')).body.items;
    expect(units.every((u: any) => u.areaCenti >= 4000 && u.areaCenti <= 9000)).toBe(true);
    expect(units.some((u: any) => u.owners.length === 2)).toBe(true); // co-owned
    const persons = (await admin.get('/api/v1/persons?pageSize=500')).body.items;
    expect(persons.some((p: any) => p.units.length === 2)).toBe(true); // one owner, two units
  });

  it("reproduces the article's figures: 17 in service, 6 under construction, 13 through approvals", async () => {
    const { byStage, total } = (await admin.get('/api/v1/projects')).body;
    expect(byStage).toMatchObject({ in_service: 17, construction: 6, ready_to_build: 13 });
    // and some project at every stage, paused and withdrawn included
    for (const stage of STAGES) expect(byStage[stage], stage).toBeGreaterThan(0);
    expect(total).toBe(60);
  });
});

describe("the demo projects' histories (issue 4 item 9)", () => {
  it('are consistent with each stage: votes, approvals, checklists, stage changes', async () => {
    const projects = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
    for (const p of projects) {
      const stage = (await admin.get(`/api/v1/projects/${p.id}/stage`)).body;
      // the legal votes: surveys (the satisfaction follow-ups of lifts in service) have no outcome
      const votes = (await admin.get(`/api/v1/projects/${p.id}/consultations`)).body.items.filter(
        (v: any) => v.kind === 'vote',
      );
      const approvals = (await admin.get(`/api/v1/projects/${p.id}/approvals`)).body;
      if (
        [
          'agreement',
          'publicity',
          'design_review',
          'approvals',
          'ready_to_build',
          'construction',
          'acceptance',
          'in_service',
        ].includes(p.stage)
      ) {
        expect(
          votes.some((v: any) => v.status === 'closed' && v.result.outcome.passed),
          p.name,
        ).toBe(true);
        expect(stage.facts.votePassed).toBe(true);
      }
      if (p.stage === 'consultation') expect(votes.map((v: any) => v.status)).toEqual(['open']);
      if (p.stage === 'mobilisation') expect(votes).toEqual([]);
      // the withdrawn project: its vote closed short of the thresholds
      if (p.stage === 'withdrawn')
        expect(votes.map((v: any) => [v.status, v.result.outcome.passed])).toEqual([['closed', false]]);
      if (['ready_to_build', 'construction', 'acceptance', 'in_service'].includes(p.stage))
        expect(approvals.remaining).toBe(0);
      if (p.stage === 'approvals') expect(approvals.remaining).toBeGreaterThan(0);
      if (
        ['design_review', 'approvals', 'ready_to_build', 'construction', 'acceptance', 'in_service'].includes(
          p.stage,
        )
      )
        expect(stage.facts.resultNoticeEnded, p.name).toBe(true);
      if (['approvals', 'ready_to_build', 'construction', 'acceptance', 'in_service'].includes(p.stage))
        expect(stage.facts.designNoticeEnded, p.name).toBe(true);
      const plans = (await admin.get(`/api/v1/projects/${p.id}/cost-plans`)).body.items;
      if (['mobilisation', 'withdrawn'].includes(p.stage)) expect(plans).toEqual([]);
      // a vote in progress shows its owners the plan put to it (issue 11 item 2): a draft
      else if (p.stage === 'consultation')
        expect(plans.map((x: any) => [x.status, x.consultationId])).toEqual([['draft', votes[0].id]]);
      else
        expect(
          plans.map((x: any) => x.status),
          p.name,
        ).toEqual(['adopted']);
      if (['construction', 'acceptance', 'in_service'].includes(p.stage)) {
        const money = (await admin.get(`/api/v1/cost-plans/${plans[0].id}/payments`)).body;
        expect(money.totals.paidFen).toBeGreaterThan(0);
        expect(money.units.every((u: any) => u.signed)).toBe(true);
      }
      if (p.stage === 'in_service')
        expect((await admin.get(`/api/v1/projects/${p.id}/subsidy-claim`)).body.claim.status).toBe(
          'received',
        );
      if (p.stage === 'acceptance')
        expect((await admin.get(`/api/v1/projects/${p.id}/subsidy-claim`)).body).toMatchObject({
          amountFen: expect.any(Number),
          claim: null,
        });
      const path = stage.history.map((h: any) => h.toStage);
      expect(path.at(-1) ?? 'mobilisation').toBe(p.stage);
      for (let i = 1; i < stage.history.length; i++)
        expect(stage.history[i].on >= stage.history[i - 1].on).toBe(true);
    }
    const open = (await admin.get('/api/v1/mediation?status=open')).body;
    expect(open.items.map((c: any) => c.kind)).toContain('light');
    const inService = projects.filter((p: any) => p.stage === 'in_service');
    const first = inService.map((p: any) => p.mobilisedOn).sort()[0];
    expect(first < addDays(TEST_TODAY, -600)).toBe(true); // spread over years
  });
});

describe('projects', () => {
  it('are created on a stairwell, assigned to an adviser, edited and audited', async () => {
    const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
      (s: any) => s.unitCount > 0,
    );
    const adviser = (await staff.get('/api/v1/advisers')).body.items[0];
    expect(adviser.organisation).toBe('家加乐加装电梯事务所');
    const created = await staff.post('/api/v1/projects', {
      name: '试点项目',
      stairwellId: stairwell.id,
      adviserUserId: adviser.id,
      mobilisedOn: '2026-03-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'mobilisation',
      adviserName: '家加乐 顾问',
      mobilisedOn: '2026-03-01',
      committeeName: '胜利居委',
    });
    const patched = await staff.patch(`/api/v1/projects/${created.body.id}`, {
      consultationOn: '2026-04-02',
      note: '首次动员会 3 月 1 日',
    });
    expect(patched.body).toMatchObject({ stage: 'mobilisation', consultationOn: '2026-04-02' });
    const audit = (await admin.get(`/api/v1/audit?entity=project&entityId=${created.body.id}&action=update`))
      .body.items[0];
    expect(audit.before).toEqual({ consultationOn: null, note: '' });
    expect(audit.after).toEqual({ consultationOn: '2026-04-02', note: '首次动员会 3 月 1 日' });
    const shown = await staff.get(`/api/v1/projects?stairwellId=${stairwell.id}`);
    expect(shown.body.items.map((p: any) => p.name)).toContain('试点项目');
    expect(shown.body.items.every((p: any) => p.stairwellId === stairwell.id)).toBe(true);
    // a project holds its stairwell even when the stairwell has no unit: deleting it is refused
    // (the key is ON DELETE RESTRICT) and changes nothing
    const bare = await staff.post('/api/v1/stairwells', {
      buildingId: stairwell.buildingId,
      name: '无房屋单元',
    });
    expect(bare.status).toBe(201);
    expect(
      (await staff.post('/api/v1/projects', { name: '空单元项目', stairwellId: bare.body.id })).status,
    ).toBe(201);
    const refused = await staff.delete(`/api/v1/stairwells/${bare.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('in_use');
    expect((await staff.get(`/api/v1/stairwells/${bare.body.id}`)).status).toBe(200);
  });

  it('reject a stage change by editing, a bad date or a non-adviser', async () => {
    const project = (await staff.get('/api/v1/projects')).body.items[0];
    const stage = await staff.patch(`/api/v1/projects/${project.id}`, { stage: 'in_service' });
    expect(stage.status).toBe(400); // the stage moves only through its entry criteria
    const date = await staff.patch(`/api/v1/projects/${project.id}`, { completedOn: '2026-02-30' });
    expect(date.body.error.field).toBe('completedOn');
    const me = (await staff.get('/api/v1/session')).body.user;
    const notAdviser = await staff.patch(`/api/v1/projects/${project.id}`, { adviserUserId: me.id });
    expect(notAdviser.status).toBe(400);
    expect(notAdviser.body.error.field).toBe('adviserUserId');
  });

  it('filter by stage and search by name', async () => {
    const inService = (await admin.get('/api/v1/projects?stage=in_service&pageSize=100')).body;
    expect(inService.total).toBe(17);
    expect(inService.items.every((p: any) => p.completedOn && p.worksStartedOn)).toBe(true);
    const found = (await admin.get(`/api/v1/projects?q=${encodeURIComponent('广粤路1601弄')}`)).body;
    expect(found.total).toBeGreaterThan(0);
  });
});
