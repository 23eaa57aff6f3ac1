/** Mediation (issue 4, item 6): an objection escalated, mediated with the four governances, settled. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { mediationCases } from '../../src/server/modules/mediation/schema.ts';
import { noticeFacts } from '../../src/server/modules/notices/facts.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import { startTestApp, TEST_TODAY, type Client, type TestApp, STAFF_PASSWORD } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let staff: Client;
let district: Client;
let otherStaff: Client;
let project: any;
let units: any[];
let objection: any;
const today = TEST_TODAY;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  staff = await t.as('shengli');
  district = await t.as('district');
  const other = (await admin.get('/api/v1/committees')).body.items.find((c: any) => c.name !== '胜利居委');
  await admin.post('/api/v1/users', {
    username: 'other-staff',
    displayName: '其他居委',
    password: STAFF_PASSWORD,
    mustChangePassword: false,
    role: 'committee_staff',
    scopeId: other.id,
  });
  otherStaff = await t.as('other-staff', STAFF_PASSWORD);
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 6,
  );
  project = (await staff.post('/api/v1/projects', { name: '调解测试项目', stairwellId: stairwell.id })).body;
  units = (await staff.get(`/api/v1/units?stairwellId=${stairwell.id}&pageSize=100`)).body.items;
  const notice = (
    await staff.post('/api/v1/notices', {
      projectId: project.id,
      kind: 'design_scheme',
      title: '设计方案公示',
      startOn: addDays(today, -1),
    })
  ).body;
  await staff.post(`/api/v1/notices/${notice.id}/post`, { postedWhere: '门厅' });
  objection = (
    await staff.post(`/api/v1/notices/${notice.id}/objections`, {
      text: '电梯井挡住二楼的光',
      fromUnitId: units[1].id,
      fromName: '李秀英',
    })
  ).body;
});
afterAll(() => t.close());

describe('an objection escalated to mediation and settled', () => {
  let mediation: any;

  it('opens a case linked to the objection, with the objector as applicant', async () => {
    await staff.post(`/api/v1/objections/${objection.id}/answer`, {
      answer: '已请设计单位复核',
      settled: false,
    });
    const res = await staff.post(`/api/v1/objections/${objection.id}/escalate`, {
      kind: 'light',
      title: '二楼采光异议调解',
    });
    expect(res.status).toBe(201);
    mediation = res.body;
    expect(mediation).toMatchObject({
      kind: 'light',
      kindLabel: { zh: '采光' },
      title: '二楼采光异议调解',
      outcome: 'open',
      sourceObjectionId: objection.id,
      description: '电梯井挡住二楼的光',
      openedOn: today,
    });
    expect(mediation.parties).toEqual([
      expect.objectContaining({ unitId: units[1].id, name: '李秀英', role: 'applicant' }),
    ]);
    expect(mediation.sourceObjection).toMatchObject({ id: objection.id, status: 'escalated' });
    expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
      openObjections: 1,
      objectionsInMediation: 1,
    });
    const listed = (await staff.get(`/api/v1/objections?projectId=${project.id}`)).body.items[0];
    expect(listed).toMatchObject({ id: objection.id, status: 'escalated' });
    // the page finds the objection's case among the project's cases, by its source
    const cases = (await staff.get(`/api/v1/projects/${project.id}/mediation`)).body.items;
    expect(cases.filter((c: any) => c.sourceObjectionId === objection.id).map((c: any) => c.id)).toEqual([
      mediation.id,
    ]);
  });

  it('shows on the project and on the committee list of open cases', async () => {
    expect(
      (await staff.get(`/api/v1/projects/${project.id}/mediation`)).body.items.map((c: any) => c.id),
    ).toEqual([mediation.id]);
    const list = (await staff.get(`/api/v1/mediation?committeeId=${project.committeeId}&status=open`)).body;
    expect(list.items.map((c: any) => c.id)).toContain(mediation.id);
    expect(list.items[0]).toMatchObject({ projectName: '调解测试项目', sessionCount: 0 });
    expect(
      (await staff.get(`/api/v1/mediation?committeeId=${project.committeeId}&status=agreed`)).body.items,
    ).toEqual([]);
  });

  it('records sessions with the governances used, at least one each', async () => {
    const first = await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
      heldOn: today,
      notes: '楼组长召集议事，双方陈述意见',
      governance: ['autonomy', 'virtue'],
      attendees: '楼组长、两户业主',
    });
    expect(first.status).toBe(201);
    expect(first.body.governanceLabels.map((g: any) => g.zh)).toEqual(['自治', '德治']);
    const second = await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
      heldOn: today,
      notes: '街道、设计单位到场说明日照分析；律师解释相邻关系',
      governance: ['co_governance', 'law'],
    });
    expect(second.status).toBe(201);
    const none = await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
      heldOn: today,
      notes: '无',
      governance: [],
    });
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('governance');
    expect(
      (
        await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
          heldOn: today,
          notes: '无',
          governance: ['luck'],
        })
      ).body.error.field,
    ).toBe('governance.0');
    expect(
      (
        await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
          heldOn: addDays(today, 1),
          notes: '明天',
          governance: ['law'],
        })
      ).body.error.field,
    ).toBe('heldOn');
    // a session cannot be held before its case was opened (the case opened today)
    expect(
      (
        await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
          heldOn: addDays(today, -1),
          notes: '昨天',
          governance: ['law'],
        })
      ).body.error,
    ).toMatchObject({ field: 'heldOn', message: expect.stringContaining('立案日期') });
    expect(
      (
        await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
          heldOn: '2026-02-30',
          notes: '无',
          governance: ['law'],
        })
      ).body.error.field,
    ).toBe('heldOn');
    const shown = (await staff.get(`/api/v1/mediation/${mediation.id}`)).body;
    expect(shown.sessions.map((s: any) => s.governance)).toEqual([
      ['autonomy', 'virtue'],
      ['co_governance', 'law'],
    ]);
  });

  it('keeps the agreement document with its checksum', async () => {
    const bad = await staff.inject({
      method: 'POST',
      url: `/api/v1/mediation/${mediation.id}/agreement`,
      ...multipart({}, { name: 'x.pdf', content: Buffer.from('not a pdf'), type: 'application/pdf' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('file');
    const res = await staff.inject({
      method: 'POST',
      url: `/api/v1/mediation/${mediation.id}/agreement`,
      ...multipart({}, { name: '调解协议.pdf', content: PDF, type: 'application/pdf' }),
    });
    expect(res.status).toBe(200);
    expect(res.body.agreement).toMatchObject({
      name: '调解协议.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    expect(res.body.agreement.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await staff.get(`/api/v1/mediation/${mediation.id}/agreement`);
    expect(file.raw.equals(PDF)).toBe(true);
  });

  it('closes as agreed, which settles the objection: no open objection is left', async () => {
    const closed = await staff.post(`/api/v1/mediation/${mediation.id}/close`, {
      outcome: 'agreed',
      note: '施工方调整井道外墙为玻璃幕墙，二楼业主同意',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      outcome: 'agreed',
      outcomeLabel: { zh: '达成协议' },
      closedOn: today,
    });
    expect(closed.body.sourceObjection.status).toBe('settled');
    expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
      openObjections: 0,
      objectionsInMediation: 0,
    });
    expect(
      (
        await staff.post(`/api/v1/mediation/${mediation.id}/sessions`, {
          heldOn: today,
          notes: '再谈',
          governance: ['law'],
        })
      ).status,
    ).toBe(409);
    expect((await staff.post(`/api/v1/mediation/${mediation.id}/close`, { outcome: 'failed' })).status).toBe(
      409,
    );
    expect(
      (await staff.get(`/api/v1/mediation?committeeId=${project.committeeId}&status=open`)).body.items.map(
        (c: any) => c.id,
      ),
    ).not.toContain(mediation.id);
    const events = await t.database.db
      .select({ entity: auditEvents.entity, action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, project.id), eq(auditEvents.entityId, mediation.id)));
    expect(events.map((e) => e.action).sort()).toEqual([
      'agreement',
      'close',
      'create',
      'session',
      'session',
    ]);
  });
});

describe('a case from a complaint', () => {
  let complaint: any;

  it('is opened with parties that are units of the project and people', async () => {
    const res = await staff.post('/api/v1/mediation', {
      projectId: project.id,
      kind: 'noise',
      title: '施工噪音投诉',
      complaint: '一楼住户电话投诉：周末早上七点施工',
      parties: [
        { unitId: units[0].id, role: 'applicant' },
        { name: '施工单位项目经理 张国强', role: 'respondent' },
      ],
    });
    expect(res.status).toBe(201);
    complaint = res.body;
    expect(complaint).toMatchObject({
      sourceComplaint: '一楼住户电话投诉：周末早上七点施工',
      sourceObjectionId: null,
      outcome: 'open',
    });
    expect(complaint.parties[0].unitLabel).toContain(units[0].room);
    expect(complaint.parties[1].name).toBe('施工单位项目经理 张国强');
    expect((await district.get(`/api/v1/mediation/${complaint.id}`)).body.parties[1].name).toContain('*'); // masked for the district
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await t.database.db.select({ id: mediationCases.id }).from(mediationCases);
    const base = { projectId: project.id, kind: 'noise', title: '投诉' };
    const foreign = (await admin.get('/api/v1/units?pageSize=500')).body.items.find(
      (u: any) => u.committeeId !== project.committeeId,
    );
    const cases: [object, string][] = [
      [{ ...base, kind: 'smell' }, 'kind'],
      [{ ...base, title: '' }, 'title'],
      [{ ...base, parties: [{ role: 'applicant' }] }, 'parties.0'],
      [{ ...base, parties: [{ unitId: foreign.id }] }, 'parties.0.unitId'],
      [{ ...base, openedOn: addDays(today, 3) }, 'openedOn'],
      [{ ...base, projectId: '0b7a4a5e-8f3c-4a53-9a41-1f9d7b5c2e10' }, 'projectId'],
    ];
    for (const [body, field] of cases) {
      const res = await staff.post('/api/v1/mediation', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
    }
    expect(
      (await staff.post(`/api/v1/mediation/${complaint.id}/close`, { outcome: 'open' })).body.error.field,
    ).toBe('outcome');
    expect((await staff.post(`/api/v1/mediation/${complaint.id}/close`, { outcome: 'agreed' })).status).toBe(
      409,
    ); // no session yet
    expect(await t.database.db.select({ id: mediationCases.id }).from(mediationCases)).toHaveLength(
      before.length,
    );
  });

  it('is edited while open, and may be withdrawn without a session', async () => {
    const edited = await staff.patch(`/api/v1/mediation/${complaint.id}`, {
      parties: [{ unitId: units[0].id, name: '赵阿姨', role: 'applicant' }],
    });
    expect(edited.body.parties).toEqual([expect.objectContaining({ unitId: units[0].id, name: '赵阿姨' })]);
    const withdrawn = await staff.post(`/api/v1/mediation/${complaint.id}/close`, {
      outcome: 'withdrawn',
      note: '投诉人撤回',
    });
    expect(withdrawn.body.outcome).toBe('withdrawn');
    expect((await staff.patch(`/api/v1/mediation/${complaint.id}`, { title: '改' })).status).toBe(409);
  });

  it('keeps committees apart: other staff get 404, the district reads but cannot write', async () => {
    expect((await otherStaff.get(`/api/v1/mediation/${complaint.id}`)).status).toBe(404);
    expect((await otherStaff.get(`/api/v1/projects/${project.id}/mediation`)).status).toBe(404);
    expect(
      (
        await otherStaff.post(`/api/v1/mediation/${complaint.id}/sessions`, {
          heldOn: today,
          notes: '无',
          governance: ['law'],
        })
      ).status,
    ).toBe(404);
    expect((await otherStaff.post(`/api/v1/objections/${objection.id}/escalate`, {})).status).toBe(404);
    expect((await otherStaff.get(`/api/v1/mediation?committeeId=${project.committeeId}`)).body.items).toEqual(
      [],
    );
    expect((await district.get(`/api/v1/mediation?committeeId=${project.committeeId}`)).body.total).toBe(2);
    expect(
      (await district.post('/api/v1/mediation', { projectId: project.id, kind: 'cost', title: '费用' }))
        .status,
    ).toBe(403);
    expect(
      (
        await district.post(`/api/v1/mediation/${complaint.id}/sessions`, {
          heldOn: today,
          notes: '无',
          governance: ['law'],
        })
      ).status,
    ).toBe(403);
  });
});

describe('a mediation that fails', () => {
  it('leaves the objection unresolved, to be escalated again', async () => {
    const notice = (await staff.get(`/api/v1/projects/${project.id}/notices`)).body.items[0];
    const o = (
      await staff.post(`/api/v1/notices/${notice.id}/objections`, {
        text: '反对加装',
        fromUnitId: units[2].id,
      })
    ).body;
    const c = (await staff.post(`/api/v1/objections/${o.id}/escalate`)).body;
    expect(c).toMatchObject({ kind: 'other', title: '异议调解：设计方案公示' });
    await staff.post(`/api/v1/mediation/${c.id}/sessions`, {
      heldOn: today,
      notes: '未能达成一致',
      governance: ['autonomy'],
    });
    const failed = (await staff.post(`/api/v1/mediation/${c.id}/close`, { outcome: 'failed' })).body;
    expect(failed.sourceObjection.status).toBe('open'); // never answered
    expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
      openObjections: 1,
      unansweredObjections: 1,
    });
    expect((await staff.post(`/api/v1/objections/${o.id}/escalate`, { kind: 'ventilation' })).status).toBe(
      201,
    );
  });
});
