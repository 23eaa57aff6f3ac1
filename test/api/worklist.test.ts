/** Issue 4 item 8: what needs attention now, per role and scope. */
import { addDays } from '../../src/core/calendar.ts';
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
