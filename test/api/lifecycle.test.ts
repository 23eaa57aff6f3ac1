/** Issue 4 item 1: stage transitions guarded by entry criteria, refusals with the reason, overrides. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let project: any;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 8,
  );
  project = (await staff.post('/api/v1/projects', { name: '阶段测试项目', stairwellId: stairwell.id })).body;
});
afterAll(() => t.close());

const move = (body: object) => staff.post(`/api/v1/projects/${project.id}/stage`, body);

/** A formal vote in which every household agrees. */
async function passVote() {
  const vote = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '表决',
      question: '是否同意加装电梯？',
      ruleId: 'sh-801-building',
    })
  ).body;
  await staff.post(`/api/v1/consultations/${vote.id}/open`);
  const codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
  for (const c of codes) await t.anonymous.post(`/api/v1/r/${c.code}/ballot`, { choice: 'agree' });
  return (await staff.post(`/api/v1/consultations/${vote.id}/close`)).body;
}

describe('stage transitions', () => {
  it('shows what the next stage needs', async () => {
    const s = (await staff.get(`/api/v1/projects/${project.id}/stage`)).body;
    expect(s.stage).toBe('mobilisation');
    expect(s.next.stage).toBe('consultation');
    expect(s.next.criteria).toEqual([
      expect.objectContaining({ id: 'mobilisation_meeting', kind: 'staff', met: null }),
    ]);
  });

  it('needs staff to confirm what the system cannot check', async () => {
    const refused = await move({ to: 'consultation' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('动员会');
    expect(refused.body.error.details.blockers.map((b: any) => b.id)).toEqual(['mobilisation_meeting']);
    const ok = await move({ to: 'consultation', confirmed: ['mobilisation_meeting'], on: '2026-03-01' });
    expect(ok.status).toBe(201);
    expect((await staff.get(`/api/v1/projects/${project.id}`)).body).toMatchObject({
      stage: 'consultation',
      consultationOn: '2026-03-01',
    });
  });

  it('"no agreement before a passed vote": refuses, then allows once the vote passed', async () => {
    const refused = await move({ to: 'agreement' });
    expect(refused.body.error.details.blockers.map((b: any) => b.id)).toEqual(['vote_passed']);
    expect(refused.body.error.messageEn).toContain('formal vote has passed');
    const closed = await passVote();
    expect(closed.result.outcome.passed).toBe(true);
    expect((await move({ to: 'agreement' })).status).toBe(201);
    expect((await move({ to: 'publicity', confirmed: ['agreement_signed'] })).status).toBe(201);
  });

  it('lets staff override unmet criteria only with a written reason, shown on the project and audited', async () => {
    const refused = await move({ to: 'design_review' });
    expect(refused.body.error.details.blockers.map((b: any) => b.id)).toContain('result_notice_ended');
    expect((await move({ to: 'design_review', override: true })).body.error.field).toBe('reason');
    const over = await move({ to: 'design_review', override: true, reason: '公告已线下张贴期满，系统补录' });
    expect(over.status).toBe(201);
    expect(over.body.overridden.map((o: any) => o.id)).toContain('result_notice_ended');
    const s = (await staff.get(`/api/v1/projects/${project.id}/stage`)).body;
    expect(s.history.at(-1)).toMatchObject({
      toStage: 'design_review',
      reason: '公告已线下张贴期满，系统补录',
    });
    const audit = (await admin.get(`/api/v1/audit?action=stage_override&entityId=${project.id}`)).body;
    expect(audit.total).toBe(1);
  });

  it('moves one stage at a time, even with an override', async () => {
    const skip = await move({ to: 'ready_to_build', override: true, reason: '想跳过审批' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.details.blockers.map((b: any) => b.id)).toEqual(['order']);
  });

  it('pauses with a reason and resumes to the stage it left', async () => {
    expect((await move({ to: 'paused' })).body.error.field).toBe('reason');
    expect((await move({ to: 'paused', reason: '底层住户提出采光异议，调解中' })).status).toBe(201);
    expect(
      (await move({ to: 'approvals', confirmed: ['safety_review'] })).body.error.details.blockers.map(
        (b: any) => b.id,
      ),
    ).toEqual(['resume_order']);
    expect((await move({ to: 'design_review' })).status).toBe(201);
  });

  it('refuses a move to the stage the project is in, even with an override: a second pause would lose where to resume', async () => {
    expect((await move({ to: 'paused', reason: '规划调整，暂缓' })).status).toBe(201);
    const again = await move({ to: 'paused', reason: '再次暂停，写明理由', override: true });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      field: 'to',
      message: expect.stringContaining('已处于'),
      messageEn: expect.stringContaining('already'),
    });
    expect(again.body.error.details.blockers.map((b: any) => b.id)).toEqual(['same_stage']);
    expect((await staff.get(`/api/v1/projects/${project.id}`)).body.pausedFrom).toBe('design_review');
    expect((await move({ to: 'design_review' })).status).toBe(201);
    expect(
      (
        await move({ to: 'design_review', override: true, reason: '重复提交' })
      ).body.error.details.blockers.map((b: any) => b.id),
    ).toEqual(['same_stage']);
  });

  it('counts the approval steps still open', async () => {
    const s = (await staff.get(`/api/v1/projects/${project.id}/stage`)).body;
    expect(s.facts.approvalsRemaining).toBe(15);
  });

  it('walks every later transition: approvals, ready to build, construction, acceptance, in service', async () => {
    expect(
      (await move({ to: 'approvals', confirmed: ['safety_review'] })).body.error.details.blockers.map(
        (b: any) => b.id,
      ),
    ).toEqual(['design_notice_ended']);
    expect(
      (
        await move({
          to: 'approvals',
          confirmed: ['safety_review'],
          override: true,
          reason: '设计公示线下已满期',
        })
      ).status,
    ).toBe(201);
    const refused = await move({ to: 'ready_to_build' });
    expect(refused.body.error.details.blockers.map((b: any) => b.id)).toEqual(['approvals_done']);
    const steps = (await staff.get(`/api/v1/projects/${project.id}/approvals`)).body.steps;
    for (const st of steps)
      await staff.patch(
        `/api/v1/approval-steps/${st.id}`,
        st.optional ? { status: 'not_applicable' } : { status: 'done' },
      );
    expect((await move({ to: 'ready_to_build' })).status).toBe(201);
    expect((await move({ to: 'construction' })).body.error.details.blockers.map((b: any) => b.id)).toEqual([
      'contractor_ready',
    ]);
    expect(
      (await move({ to: 'construction', confirmed: ['contractor_ready'], on: '2026-11-20' })).status,
    ).toBe(201);
    // the works milestones before completion acceptance gate the move (issue 12; test/api/works.test.ts)
    expect(
      (await move({ to: 'acceptance', confirmed: ['works_finished'] })).body.error.details.blockers.map(
        (b: any) => b.id,
      ),
    ).toEqual(['works_milestones_done']);
    for (const m of (await staff.get(`/api/v1/projects/${project.id}/works`)).body.milestones)
      if (m.beforeAcceptance)
        await staff.patch(`/api/v1/projects/${project.id}/works/milestones/${m.key}`, { status: 'done' });
    expect((await move({ to: 'acceptance', confirmed: ['works_finished'] })).status).toBe(201);
    expect(
      (await move({ to: 'in_service', confirmed: ['joint_acceptance'] })).body.error.details.blockers.map(
        (b: any) => b.id,
      ),
    ).toEqual(['use_registration']);
    expect(
      (
        await move({
          to: 'in_service',
          confirmed: ['joint_acceptance', 'use_registration'],
          on: '2026-11-25',
        })
      ).status,
    ).toBe(201);
    const p = (await staff.get(`/api/v1/projects/${project.id}`)).body;
    expect(p).toMatchObject({ stage: 'in_service', worksStartedOn: '2026-11-20', completedOn: '2026-11-25' });
    expect((await staff.get(`/api/v1/projects/${project.id}/stage`)).body.next).toBeNull();
  });

  it('withdraws with a reason, after which nothing moves', async () => {
    expect((await move({ to: 'withdrawn', reason: '业主意见分歧较大，暂缓推进' })).status).toBe(201);
    expect((await move({ to: 'in_service' })).body.error.details.blockers.map((b: any) => b.id)).toContain(
      'withdrawn',
    );
  });

  it('keeps read-only roles out', async () => {
    const district = await t.as('district');
    expect((await district.post(`/api/v1/projects/${project.id}/stage`, { to: 'approvals' })).status).toBe(
      403,
    );
    expect(
      (await staff.post(`/api/v1/projects/${project.id}/stage`, { to: 'flying' })).body.error.field,
    ).toBe('to');
  });
});

describe('searching for a wildcard character', () => {
  it('finds only the projects whose name contains % or _', async () => {
    const used = new Set(
      (await staff.get('/api/v1/projects?pageSize=500')).body.items.map((p: any) => p.stairwellId),
    );
    const free = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.filter(
      (s: any) => !used.has(s.id),
    );
    for (const [i, name] of ['满意度100%', '一_二号楼'].entries())
      expect((await staff.post('/api/v1/projects', { name, stairwellId: free[i].id })).status).toBe(201);
    for (const [q, name] of [
      ['%', '满意度100%'],
      ['_', '一_二号楼'],
    ]) {
      const found = (
        await staff.get(`/api/v1/projects?pageSize=500&q=${encodeURIComponent(q!)}`)
      ).body.items.map((p: any) => p.name);
      expect(found).toEqual([name]);
    }
  });

  it('finds only the audit events whose actor contains % or _', async () => {
    for (const name of ['王%', '李_', '张三'])
      await t.database.db.execute(
        sql`insert into audit_events (actor_name, action, entity, street_id) select ${name}, 'search_test', 'test', street_id from users where username = 'admin'`,
      );
    for (const q of ['%', '_']) {
      const found = (
        await admin.get(`/api/v1/audit?pageSize=500&actor=${encodeURIComponent(q)}`)
      ).body.items.map((e: any) => e.actorName);
      expect(found).toEqual([q === '%' ? '王%' : '李_']);
    }
  });
});
