/** Issue 4 items 2, 3 and 7: the method checklist, the approval steps, documents and the timeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let project: any;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount > 0,
  );
  project = (await staff.post('/api/v1/projects', { name: '流程测试项目', stairwellId: stairwell.id })).body;
});
afterAll(() => t.close());

describe('the method checklist', () => {
  it('is copied per project from the street template, ticked with who and when, with progress per group', async () => {
    const list = (await staff.get(`/api/v1/projects/${project.id}/checklist`)).body;
    expect(list.groups.map((g: any) => g.total)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const item = list.groups[0].items[0];
    const ticked = await staff.put(`/api/v1/projects/${project.id}/checklist/${item.id}`, {
      done: true,
      note: '已上门走访',
    });
    expect(ticked.body).toMatchObject({ doneByName: '胜利居委 工作人员', note: '已上门走访' });
    expect(ticked.body.doneAt).toBeTruthy();
    const after = (await staff.get(`/api/v1/projects/${project.id}/checklist`)).body;
    expect(after.groups[0]).toMatchObject({ done: 1, total: 3 });
  });

  it('is edited by the street admin; new projects copy the edit', async () => {
    const tpl = (await admin.get('/api/v1/templates')).body;
    expect(tpl.isDefault).toBe(true);
    tpl.method[0].items[0].text = {
      zh: '摸清住户情况（本街道版本）',
      en: 'Know the households (our version)',
    };
    const saved = await admin.put('/api/v1/templates', { method: tpl.method });
    expect(saved.status).toBe(200);
    expect((await staff.put('/api/v1/templates', { method: tpl.method })).status).toBe(403);
    const tooFew = await admin.put('/api/v1/templates', {
      method: [{ ...tpl.method[0], items: tpl.method[0].items.slice(0, 2) }],
    });
    expect(tooFew.status).toBe(400);
    const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
      (s: any) => s.unitCount > 0 && s.id !== project.stairwellId,
    );
    const fresh = (await staff.post('/api/v1/projects', { name: '新模板项目', stairwellId: stairwell.id }))
      .body;
    const list = (await staff.get(`/api/v1/projects/${fresh.id}/checklist`)).body;
    expect(list.groups[0].items[0].text.zh).toBe('摸清住户情况（本街道版本）');
  });
});

describe('approval steps', () => {
  it('has the 15 steps with agency, documents and time limit', async () => {
    const a = (await staff.get(`/api/v1/projects/${project.id}/approvals`)).body;
    expect(a.steps).toHaveLength(15);
    expect(a.remaining).toBe(15);
    expect(a.steps[0]).toMatchObject({
      status: 'pending',
      agency: expect.any(String),
      limitDays: expect.any(Number),
    });
  });

  it('goes through every status, flags overdue steps and refuses what does not apply', async () => {
    const steps = (await staff.get(`/api/v1/projects/${project.id}/approvals`)).body.steps;
    const [first, second] = steps;
    const permit = steps.find((s: any) => s.key === 'construction_permit');
    const started = await staff.patch(`/api/v1/approval-steps/${first.id}`, {
      status: 'in_progress',
      startedOn: '2026-01-05',
    });
    expect(started.body).toMatchObject({
      status: 'in_progress',
      overdue: true,
      dueOn: '2026-01-19',
      dueProvisional: false,
    }); // 10 working days
    // 30 natural days from 2026-12-10 end on Saturday 2027-01-09: 2027 has no arrangement entered, so the
    // statutory holidays and weekends alone move it to Monday, marked provisional
    const intoNextYear = await staff.patch(`/api/v1/approval-steps/${second.id}`, {
      status: 'in_progress',
      startedOn: '2026-12-10',
    });
    expect(intoNextYear.body).toMatchObject({
      limitDays: 30,
      dayKind: 'natural',
      overdue: false,
      dueOn: '2027-01-11',
      dueProvisional: true,
    });
    await staff.patch(`/api/v1/approval-steps/${second.id}`, { status: 'pending', startedOn: null });
    const submitted = await staff.patch(`/api/v1/approval-steps/${first.id}`, { status: 'submitted' });
    expect(submitted.body.submittedOn).toBeTruthy();
    const noReason = await staff.patch(`/api/v1/approval-steps/${first.id}`, { status: 'returned' });
    expect(noReason.body.error.field).toBe('returnedReason');
    const returned = await staff.patch(`/api/v1/approval-steps/${first.id}`, {
      status: 'returned',
      returnedReason: '缺少现场踏勘记录',
    });
    expect(returned.body.statusLabel.zh).toBe('退回');
    const done = await staff.patch(`/api/v1/approval-steps/${first.id}`, {
      status: 'done',
      doneOn: '2026-01-15',
    });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(
      (await staff.patch(`/api/v1/approval-steps/${second.id}`, { status: 'not_applicable' })).body.error
        .field,
    ).toBe('status');
    expect(
      (await staff.patch(`/api/v1/approval-steps/${permit.id}`, { status: 'not_applicable' })).body.status,
    ).toBe('not_applicable');
    expect(
      (
        await staff.patch(`/api/v1/approval-steps/${second.id}`, {
          status: 'done',
          startedOn: '2026-02-01',
          doneOn: '2026-01-01',
        })
      ).body.error.field,
    ).toBe('doneOn');
    const a = (await staff.get(`/api/v1/projects/${project.id}/approvals`)).body;
    expect(a.remaining).toBe(13);
    const bottlenecks = (await admin.get('/api/v1/approvals/bottlenecks')).body.items;
    expect(bottlenecks.find((b: any) => b.key === first.key)).toMatchObject({
      done: 1,
      avgDays: 10,
      maxDays: 10,
    });
    expect(
      (await (await t.as('district')).patch(`/api/v1/approval-steps/${first.id}`, { note: 'x' })).status,
    ).toBe(403);
  });
});

describe('documents and the timeline', () => {
  it('uploads with type checks, replaces as a new version, keeps the old readable', async () => {
    const bad = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/documents`,
      ...multipart(
        { title: '设计方案', category: 'design' },
        { name: 'x.exe', content: Buffer.from('MZ...'), type: 'application/octet-stream' },
      ),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('file');
    const up = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/documents`,
      ...multipart(
        { title: '设计方案', category: 'design' },
        { name: '设计方案v1.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      version: 1,
      mime: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const v2 = Buffer.from('%PDF-1.4\n% v2\n%%EOF\n');
    const replaced = await staff.inject({
      method: 'POST',
      url: `/api/v1/documents/${up.body.documentId}/versions`,
      ...multipart({}, { name: '设计方案v2.pdf', content: v2, type: 'application/pdf' }),
    });
    expect(replaced.body.version).toBe(2);
    const list = (await staff.get(`/api/v1/projects/${project.id}/documents`)).body.items;
    expect(list[0].versions.map((v: any) => v.version)).toEqual([2, 1]);
    const old = await staff.get(`/api/v1/documents/${up.body.documentId}/versions/1`);
    expect(old.raw.equals(PDF)).toBe(true);
  });

  it('tells everything that happened to the project, newest first', async () => {
    const tl = (await staff.get(`/api/v1/projects/${project.id}/timeline`)).body.items;
    const actions = tl.map((e: any) => `${e.entity}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'project:create',
        'checklist_item:tick',
        'approval_step:update',
        'document:upload',
        'document:replace',
      ]),
    );
    expect(new Date(tl[0].at).getTime()).toBeGreaterThanOrEqual(new Date(tl[tl.length - 1].at).getTime());
  });
});
