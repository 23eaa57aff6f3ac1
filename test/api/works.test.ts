/**
 * Issue 12 item 1 (the works) and the acceptance checklist of item 2: milestones copied from the
 * street's template, planned and actual dates, overdue on the work list, the gate into acceptance
 * (refused naming the open milestones, or overridden with a reason), the contractor, the site
 * log; scoped to the committee, read-only for the district, bad input refused by field, audited.
 */
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONES } from '../../src/core/works.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let district: Client;
let building: any; // 胜利居委's project under construction
let planning: any; // 胜利居委's project ready to build
let others: any; // another committee's project under construction
let serving: any; // a project in service

const works = async (c: Client, id: string) => (await c.get(`/api/v1/projects/${id}/works`)).body;
const patch = (c: Client, id: string, key: string, body: object) =>
  c.patch(`/api/v1/projects/${id}/works/milestones/${key}`, body);
const audits = async (entity: string) =>
  (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entity, entity)))[0]!.n;
const yesterday = '2026-11-19';

beforeAll(async () => {
  t = await startTestApp({ histories: true });
  staff = await t.as('shengli');
  admin = await t.as('admin');
  district = await t.as('district');
  const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
  building = mine.find((p: any) => p.stage === 'construction');
  planning = mine.find((p: any) => p.stage === 'ready_to_build');
  const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
  others = all.find((p: any) => p.stage === 'construction' && !mine.some((m: any) => m.id === p.id));
  serving = all.find((p: any) => p.stage === 'in_service');
  expect([building, planning, others, serving].every(Boolean)).toBe(true);
});
afterAll(() => t.close());

describe('the demo works', () => {
  it('has each project under construction with its milestones, contractor and site log; one in service all done', async () => {
    const w = await works(staff, building.id);
    expect(w.copied).toBe(true);
    expect(w.milestones.map((m: any) => m.name.zh)).toEqual(DEFAULT_MILESTONES.map((m) => m.name.zh));
    expect(w.milestones.some((m: any) => m.status === 'in_progress')).toBe(true);
    expect(w.parties.contractorName).toMatch(/有限公司$/);
    expect(w.log.length).toBeGreaterThan(0);
    expect(w.acceptance.map((a: any) => a.item)).toEqual([
      'as_built_drawings',
      'supervision_report',
      'registration_certificate',
      'insurance_policy',
      'keys_manuals',
    ]);
    const accepting = (await admin.get('/api/v1/projects?stage=acceptance&pageSize=100')).body.items[0];
    const a = await works(admin, accepting.id);
    expect(a.openBeforeAcceptance).toEqual([]);
    expect(a.milestones.find((m: any) => m.key === 'completion_acceptance').status).toBe('in_progress');
    const s = await works(admin, serving.id);
    expect(s.milestones.every((m: any) => m.status === 'done')).toBe(true);
    expect(s.openBeforeAcceptance).toEqual([]);
    // "使用登记 … within 30 days of entering use" (domain.md §4)
    const registered = s.milestones.find((m: any) => m.key === 'use_registration');
    expect(registered.actualEnd <= s.registrationDueOn).toBe(true);
  });
});

describe('the demo site photos', () => {
  it('show the 6 lifts under construction at their different milestones, as real PNGs', async () => {
    const underway = (await admin.get('/api/v1/projects?stage=construction&pageSize=100')).body.items;
    expect(underway).toHaveLength(6); // "6 under construction" (PRODUCT.md)
    const pictures = new Set<string>();
    const stages = new Set<string>();
    for (const p of underway) {
      const w = await works(admin, p.id);
      const newest = w.log[0];
      expect(newest.photos.length, p.name).toBeGreaterThan(0);
      const photo = newest.photos[0];
      const file = await admin.get(`/api/v1/projects/${p.id}/works/log/${newest.id}/photos/${photo.id}`);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.raw.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(file.raw.length).toBe(photo.size);
      pictures.add(file.raw.toString('base64'));
      stages.add(w.milestones.find((m: any) => m.status === 'in_progress').key);
    }
    expect(stages.size).toBeGreaterThan(1);
    expect(pictures.size).toBeGreaterThan(1);
  });
});

describe('the street template', () => {
  it('is previewed before a project copies it; the first write copies it; later edits leave the copy alone', async () => {
    const before = await works(staff, planning.id);
    expect(before).toMatchObject({ copied: false, editable: true, acceptance: null });
    expect(before.milestones.map((m: any) => m.key)).toEqual(DEFAULT_MILESTONES.map((m) => m.key));
    const template = (await admin.get('/api/v1/works-template')).body;
    expect(template.isDefault).toBe(true);
    const facade = { key: 'facade_repair', name: { zh: '外立面修复', en: 'Facade repair' }, days: 5 };
    const edited = [...template.milestones.slice(0, 6), facade, ...template.milestones.slice(6)];
    const saved = await admin.put('/api/v1/works-template', { milestones: edited });
    expect(saved.status).toBe(200);
    expect(saved.body.isDefault).toBe(false);
    expect((await works(staff, planning.id)).milestones[6].name.zh).toBe('外立面修复');
    // a project that copied before keeps its own
    expect((await works(staff, building.id)).milestones.map((m: any) => m.key)).not.toContain(
      'facade_repair',
    );
    const first = await patch(staff, planning.id, 'pipe_relocation', {
      plannedStart: '2026-12-01',
      plannedEnd: '2026-12-10',
    });
    expect(first.status).toBe(200);
    await admin.put('/api/v1/works-template', { milestones: template.milestones });
    const after = await works(staff, planning.id);
    expect(after.copied).toBe(true);
    expect(after.milestones.map((m: any) => m.key)).toContain('facade_repair');
    expect(after.milestones[0]).toMatchObject({ plannedStart: '2026-12-01', plannedEnd: '2026-12-10' });
  });

  it('is the street admin’s to edit: a committee is refused, a key used twice is a bad input', async () => {
    const template = (await staff.get('/api/v1/works-template')).body;
    expect((await staff.put('/api/v1/works-template', template)).status).toBe(403);
    const twice = await admin.put('/api/v1/works-template', {
      milestones: [...template.milestones, template.milestones[0]],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ field: 'milestones', message: expect.stringContaining('重复') });
    const blank = await admin.put('/api/v1/works-template', {
      milestones: [{ key: 'x_y', name: { zh: '', en: 'x' }, days: 3 }],
    });
    expect(blank.status).toBe(400);
    expect(await audits('works_template')).toBe(2);
  });
});

describe('milestone dates', () => {
  it('records actual dates; done fills the end with today; overdue once the planned end has passed', async () => {
    const w = await works(staff, building.id);
    const pending = w.milestones.find((m: any) => m.status === 'pending' && m.beforeAcceptance);
    const late = await patch(staff, building.id, pending.key, {
      plannedStart: '2026-11-10',
      plannedEnd: yesterday,
    });
    expect(late.body).toMatchObject({ overdue: true, dueOn: yesterday });
    const list = (await staff.get('/api/v1/worklist')).body;
    expect(list.items).toContainEqual(
      expect.objectContaining({ kind: 'overdue_milestone', projectId: building.id, title: pending.name.zh }),
    );
    const started = await patch(staff, building.id, pending.key, { actualStart: '2026-11-12' });
    expect(started.body).toMatchObject({ actualStart: '2026-11-12', overdue: true });
    const done = await patch(staff, building.id, pending.key, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', actualEnd: TEST_TODAY, overdue: false });
    expect(
      (await staff.get('/api/v1/worklist')).body.items.some(
        (i: any) =>
          i.kind === 'overdue_milestone' && i.title === pending.name.zh && i.projectId === building.id,
      ),
    ).toBe(false);
  });

  it('refuses an end before its start or an actual date to come, naming the field in both languages, writing nothing', async () => {
    const before = await audits('works_milestone');
    for (const [body, field, zh, en] of [
      [{ actualStart: '2026-11-15', actualEnd: '2026-11-14' }, 'actualEnd', '实际完成日期', 'actual end'],
      [{ plannedStart: '2026-12-15', plannedEnd: '2026-12-14' }, 'plannedEnd', '计划完成日期', 'planned end'],
      [{ actualStart: '2026-11-21' }, 'actualStart', '实际开始日期', 'actual start'],
      [{ actualEnd: '2026-13-01' }, 'actualEnd', '实际完成日期', 'ctual end'],
      [{ status: 'finished' }, 'status', '状态', 'tatus'],
    ] as const) {
      const res = await patch(staff, building.id, 'installation', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain(zh);
      expect(res.body.error.messageEn.toLowerCase()).toContain(en);
    }
    expect(await audits('works_milestone')).toBe(before);
    expect((await patch(staff, building.id, 'no_such_step', { note: 'x' })).status).toBe(404);
  });
});

describe('the gate into acceptance', () => {
  it('refuses while milestones before completion acceptance are open, naming them; passes with an override and its reason', async () => {
    const w = await works(staff, building.id);
    expect(w.openBeforeAcceptance.length).toBeGreaterThan(0);
    const move = (body: object) => staff.post(`/api/v1/projects/${building.id}/stage`, body);
    const refused = await move({ to: 'acceptance', confirmed: ['works_finished'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.blockers.map((b: any) => b.id)).toEqual(['works_milestones_done']);
    for (const open of w.openBeforeAcceptance) {
      expect(refused.body.error.message).toContain(open.zh);
      expect(refused.body.error.messageEn).toContain(open.en);
    }
    const stage = (await staff.get(`/api/v1/projects/${building.id}/stage`)).body;
    expect(stage.facts.worksMilestonesOpen).toEqual(w.openBeforeAcceptance);
    expect((await move({ to: 'acceptance', confirmed: ['works_finished'], override: true })).status).toBe(
      400,
    );
    const passed = await move({
      to: 'acceptance',
      confirmed: ['works_finished'],
      override: true,
      reason: '监督检验已通过，纸质记录待补录',
    });
    expect(passed.status).toBe(201);
    expect(passed.body.overridden.map((o: any) => o.id)).toEqual(['works_milestones_done']);
    const [row] = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, building.id), like(auditEvents.summary, '%纸质记录待补录%')));
    expect(row!.action).toBe('stage_override');
  });
});

describe('the contractor and the site log', () => {
  it('records the contractor and supervisor, and log entries newest first; audited', async () => {
    const res = await staff.put(`/api/v1/projects/${building.id}/works/parties`, {
      contractorName: '上海测试电梯工程有限公司',
      contractorLicence: 'D231009999',
      siteManager: '王工',
      siteManagerPhone: '13916020000',
      supervisorName: '上海测试监理有限公司',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contractorName: '上海测试电梯工程有限公司',
      supervisorName: '上海测试监理有限公司',
    });
    const entry = await staff.post(`/api/v1/projects/${building.id}/works/log`, {
      on: TEST_TODAY,
      weather: '晴',
      workDone: '轿厢安装，导轨校正',
      workers: 6,
      safetyChecks: '安全带、围挡检查合格',
    });
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({ on: TEST_TODAY, workers: 6, byName: '胜利居委 工作人员' });
    const w = await works(staff, building.id);
    expect(w.log[0].id).toBe(entry.body.id);
    expect(w.parties.siteManager).toBe('王工');
    expect(await audits('works_log')).toBe(1);
    expect(await audits('works_parties')).toBe(1);
  });

  it('refuses bad input naming the field in both languages, writing nothing', async () => {
    for (const [url, method, body, field, zh] of [
      ['log', 'post', { on: TEST_TODAY, workDone: '开挖', workers: -1 }, 'workers', '作业人数'],
      ['log', 'post', { on: TEST_TODAY, workDone: '  ', workers: 3 }, 'workDone', '施工内容'],
      ['log', 'post', { on: '2026-11-21', workDone: '开挖', workers: 3 }, 'on', '日期'],
      ['parties', 'put', { contractorName: '' }, 'contractorName', '施工单位'],
      [
        'parties',
        'put',
        { contractorName: '某公司', siteManagerPhone: 'call me' },
        'siteManagerPhone',
        '项目经理电话',
      ],
    ] as const) {
      const res = await (staff as any)[method](`/api/v1/projects/${building.id}/works/${url}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain(zh);
      expect(res.body.error.messageEn.length).toBeGreaterThan(5);
    }
    expect(await audits('works_log')).toBe(1);
    expect(await audits('works_parties')).toBe(1);
  });
});

describe('the acceptance checklist', () => {
  it('ticks each item with its document from the library; the certificate also with its number', async () => {
    const up = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${building.id}/documents`,
      ...multipart(
        { title: '监督检验报告', category: 'other' },
        { name: 'report.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    expect(up.status).toBe(201);
    const tick = (item: string, body: object) =>
      staff.put(`/api/v1/projects/${building.id}/works/acceptance/${item}`, body);
    const bare = await tick('supervision_report', { done: true });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ field: 'documentId', message: expect.stringContaining('文件') });
    const elsewhere = await admin.inject({
      method: 'POST',
      url: `/api/v1/projects/${others.id}/documents`,
      ...multipart(
        { title: '别处的文件', category: 'other' },
        { name: 'x.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    expect(
      (await tick('supervision_report', { done: true, documentId: elsewhere.body.documentId })).status,
    ).toBe(400);
    const ok = await tick('supervision_report', { done: true, documentId: up.body.documentId });
    expect(ok.body).toMatchObject({
      done: true,
      documentTitle: '监督检验报告',
      doneByName: '胜利居委 工作人员',
    });
    const noNumber = await tick('registration_certificate', { done: true, documentId: up.body.documentId });
    expect(noNumber.body.error.field).toBe('reference');
    const cert = await tick('registration_certificate', {
      done: true,
      documentId: up.body.documentId,
      reference: '梯11沪H0001(26)',
    });
    expect(cert.body).toMatchObject({ done: true, reference: '梯11沪H0001(26)' });
    const w = await works(staff, building.id);
    expect(w.acceptance.filter((a: any) => a.done).map((a: any) => a.item)).toEqual([
      'supervision_report',
      'registration_certificate',
    ]);
    expect(await audits('works_acceptance')).toBe(2);
    expect((await tick('no_such_item', { done: false })).status).toBe(404);
    // not before the works
    expect(
      (await staff.put(`/api/v1/projects/${planning.id}/works/acceptance/keys_manuals`, { done: false }))
        .status,
    ).toBe(409);
  });
});

describe('scope', () => {
  it("keeps another committee's works out: not found, not written", async () => {
    expect((await staff.get(`/api/v1/projects/${others.id}/works`)).status).toBe(404);
    expect((await patch(staff, others.id, 'foundation', { note: 'x' })).status).toBe(404);
    expect(
      (
        await staff.post(`/api/v1/projects/${others.id}/works/log`, {
          on: TEST_TODAY,
          workDone: 'x',
          workers: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await staff.put(`/api/v1/projects/${others.id}/works/parties`, { contractorName: 'x' })).status,
    ).toBe(404);
  });

  it('lets the district viewer read but not write', async () => {
    expect((await district.get(`/api/v1/projects/${others.id}/works`)).status).toBe(200);
    expect((await patch(district, others.id, 'foundation', { note: 'x' })).status).toBe(403);
    expect(
      (
        await district.post(`/api/v1/projects/${others.id}/works/log`, {
          on: TEST_TODAY,
          workDone: 'x',
          workers: 1,
        })
      ).status,
    ).toBe(403);
    expect(
      (await district.put(`/api/v1/projects/${others.id}/works/parties`, { contractorName: 'x' })).status,
    ).toBe(403);
    expect(
      (await district.put(`/api/v1/projects/${others.id}/works/acceptance/keys_manuals`, { done: false }))
        .status,
    ).toBe(403);
    expect((await district.put('/api/v1/works-template', { milestones: DEFAULT_MILESTONES })).status).toBe(
      403,
    );
  });
});
