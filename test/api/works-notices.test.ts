/**
 * Issue 12 item 1: notices to residents about the works (施工公告: access blocked, noise hours)
 * through the notices module, complaints to them from the household page or staff, answered or
 * escalated to mediation as objections are; and photos on the site log (images only, by their
 * bytes; scoped; audited). The same file runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { sitePhoto } from '../../src/server/demo/site-photos.ts';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let district: Client;
let building: any; // 胜利居委's project under construction
let planning: any; // 胜利居委's project not yet under construction
let others: any; // another committee's project under construction
let code: string; // a household code of `building`
let notice: any;

const audits = async (entity: string, action: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, entity), eq(auditEvents.action, action)))
  )[0]!.n;

function expectFieldError(res: { status: number; body: any }, status: number, field: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.field).toBe(field);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
}

const worksNotice = (projectId: string, extra: object = {}) => ({
  projectId,
  kind: 'works',
  title: '加梯施工公告：基础开挖',
  body: '基础开挖期间单元门前通道封闭，请从北侧绕行。',
  startOn: TEST_TODAY,
  endOn: addDays(TEST_TODAY, 19),
  worksEffects: ['access_blocked', 'noise'],
  hoursFrom: '08:00',
  hoursTo: '18:00',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  district = await t.as('district');
  const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
  building = mine.find((p: any) => p.stage === 'construction');
  planning = mine.find((p: any) => ['approvals', 'ready_to_build', 'design_review'].includes(p.stage));
  const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
  others = all.find((p: any) => p.stage === 'construction' && !mine.some((m: any) => m.id === p.id));
  expect([building, planning, others].every(Boolean)).toBe(true);
  // household codes come from a consultation of the project: a survey during the works
  const survey = (
    await staff.post('/api/v1/consultations', {
      projectId: building.id,
      kind: 'survey',
      title: '施工期间意见征询',
      question: '施工对您有什么影响？',
      scopeKind: 'stairwell',
      opensOn: TEST_TODAY,
      closesOn: addDays(TEST_TODAY, 14),
    })
  ).body;
  await staff.post(`/api/v1/consultations/${survey.id}/open`);
  code = (await staff.post(`/api/v1/consultations/${survey.id}/codes/reveal`)).body.items[0].code;
});
afterAll(() => t.close());

describe('a works notice (施工公告)', () => {
  it('is refused before the construction stage, in both languages', async () => {
    const res = await staff.post('/api/v1/notices', worksNotice(planning.id));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'wrong_stage', field: 'kind' });
    expect(res.body.error.message).toContain('施工公告只能在“施工”、“验收”阶段发布');
    expect(res.body.error.messageEn).toContain(
      'works notices are posted only at “Construction” or “Acceptance”',
    );
  });

  it('refuses bad details by field, writing nothing', async () => {
    const before = await audits('notice', 'create');
    expectFieldError(
      await staff.post('/api/v1/notices', worksNotice(building.id, { hoursFrom: null, hoursTo: null })),
      400,
      'hoursFrom',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', worksNotice(building.id, { hoursTo: '07:00' })),
      400,
      'hoursTo',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', worksNotice(building.id, { endOn: addDays(TEST_TODAY, -1) })),
      400,
      'endOn',
    );
    // a works notice has no separate feedback period
    expectFieldError(
      await staff.post('/api/v1/notices', worksNotice(building.id, { feedbackDays: 7 })),
      400,
      'feedbackDays',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', worksNotice(building.id, { worksEffects: ['dust'] })),
      400,
      'worksEffects.0',
    );
    // the works' fields belong to works notices only
    const design = { ...worksNotice(building.id), kind: 'design_scheme', feedbackDays: undefined };
    expectFieldError(await staff.post('/api/v1/notices', design), 400, 'endOn');
    expect(await audits('notice', 'create')).toBe(before);
  });

  it('runs for the works’ days with complaints taken all along, and is posted as the others', async () => {
    const res = await staff.post('/api/v1/notices', worksNotice(building.id));
    expect(res.status).toBe(201);
    notice = res.body;
    expect(notice).toMatchObject({
      kind: 'works',
      kindLabel: { zh: '施工公告' },
      objectionNoun: { zh: '施工投诉', en: 'Complaint' },
      startOn: TEST_TODAY,
      publicityEnd: addDays(TEST_TODAY, 19),
      feedbackEnd: null,
      endsOn: addDays(TEST_TODAY, 19),
      publicityDays: 20,
      feedbackDays: 0,
      works: {
        effects: ['access_blocked', 'noise'],
        effectLabels: [{ zh: '通道封闭' }, { zh: '施工噪音' }],
        hoursFrom: '08:00',
        hoursTo: '18:00',
      },
    });
    const posted = await staff.post(`/api/v1/notices/${notice.id}/post`, { postedWhere: '单元门厅' });
    expect(posted.body).toMatchObject({ status: 'posted', phase: 'publicity', acceptingObjections: true });
    expect(posted.body.endsOn).toBe(addDays(TEST_TODAY, 19));
  });
});

describe('complaints (施工投诉)', () => {
  let fromHome: any;
  let byPhone: any;

  it('come from the household page through its code, the notice shown with its effects and hours', async () => {
    const page = (await t.anonymous.get(`/api/v1/r/${code}/notices`)).body;
    const shown = page.notices.find((n: any) => n.id === notice.id);
    expect(shown).toMatchObject({
      kind: 'works',
      objectionNoun: { zh: '施工投诉' },
      acceptingObjections: true,
      works: { hoursFrom: '08:00', hoursTo: '18:00', effects: ['access_blocked', 'noise'] },
    });
    const res = await t.anonymous.post(`/api/v1/r/${code}/objections`, {
      noticeId: notice.id,
      text: '早上七点半就开始敲打，老人休息不好。',
    });
    expect(res.status).toBe(201);
    fromHome = res.body;
    expect(fromHome.status).toBe('open');
    const mine = (await t.anonymous.get(`/api/v1/r/${code}/notices`)).body.objections;
    expect(mine.map((o: any) => o.id)).toContain(fromHome.id);
  });

  it('are taken by staff from a phone call, as objections are', async () => {
    const res = await staff.post(`/api/v1/notices/${notice.id}/objections`, {
      text: '电话反映：施工车辆堵住消防通道。',
      fromName: '王阿姨',
    });
    expect(res.status).toBe(201);
    byPhone = res.body;
    expect(byPhone).toMatchObject({ channel: 'staff', status: 'open' });
  });

  it('are answered, or escalated to mediation, by the objections’ one mechanism', async () => {
    const answered = await staff.post(`/api/v1/objections/${fromHome.id}/answer`, {
      answer: '已要求施工单位 8 点后开工。',
      settled: true,
    });
    expect(answered.body).toMatchObject({ status: 'settled' });
    const page = (await t.anonymous.get(`/api/v1/r/${code}/notices`)).body.objections;
    expect(page.find((o: any) => o.id === fromHome.id)).toMatchObject({
      status: 'settled',
      answer: '已要求施工单位 8 点后开工。',
    });
    const escalated = await staff.post(`/api/v1/objections/${byPhone.id}/escalate`, {
      kind: 'site_occupation',
    });
    expect(escalated.status).toBe(201);
    expect(escalated.body).toMatchObject({ sourceObjectionId: byPhone.id, kind: 'site_occupation' });
    expect(escalated.body.title).toBe(`施工投诉调解：${notice.title}`);
    const detail = (await staff.get(`/api/v1/notices/${notice.id}`)).body;
    expect(detail.objections.find((o: any) => o.id === byPhone.id).status).toBe('escalated');
    expect(await audits('objection', 'escalate')).toBeGreaterThan(0);
  });

  it('are not reached by another committee nor written by the district', async () => {
    const otherNotice = await admin.post('/api/v1/notices', worksNotice(others.id));
    expect(otherNotice.status).toBe(201);
    expect((await staff.get(`/api/v1/notices/${otherNotice.body.id}`)).status).toBe(404);
    expect((await district.post('/api/v1/notices', worksNotice(building.id))).status).toBe(403);
  });
});

describe('photos on the site log', () => {
  let entry: any;
  const upload = (c: Client, projectId: string, entryId: string, file: Buffer, name = 'site.png') =>
    c.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/works/log/${entryId}/photos`,
      ...multipart({ caption: '井道吊装' }, { name, content: file, type: 'image/png' }),
    });

  beforeAll(async () => {
    entry = (
      await staff.post(`/api/v1/projects/${building.id}/works/log`, {
        on: TEST_TODAY,
        weather: '晴',
        workDone: '钢结构井道吊装',
        workers: 6,
        safetyChecks: '吊装区域设警戒',
      })
    ).body;
    expect(entry.photos).toEqual([]);
  });

  it('takes a JPEG, PNG or WebP by its bytes, shows it on the entry and serves it, audited', async () => {
    const before = await audits('works_log', 'photo');
    const png = sitePhoto('steel_shaft', 0);
    const res = await upload(staff, building.id, entry.id, png);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      entryId: entry.id,
      mime: 'image/png',
      size: png.length,
      caption: '井道吊装',
    });
    const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(24)]);
    // the name does not decide the type: a WebP called .jpg is a WebP
    expect((await upload(staff, building.id, entry.id, webp, 'photo.jpg')).body.mime).toBe('image/webp');
    const works = (await staff.get(`/api/v1/projects/${building.id}/works`)).body;
    const shown = works.log.find((e: any) => e.id === entry.id);
    expect(shown.photos.map((p: any) => p.mime)).toEqual(['image/png', 'image/webp']);
    const file = await staff.get(
      `/api/v1/projects/${building.id}/works/log/${entry.id}/photos/${res.body.id}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.raw.equals(png)).toBe(true);
    expect(await audits('works_log', 'photo')).toBe(before + 2);
    expect(await audits('file', 'upload')).toBeGreaterThanOrEqual(2);
  });

  it('refuses a PDF or a text named .png, by field, writing nothing', async () => {
    const before = await audits('file', 'upload');
    expectFieldError(await upload(staff, building.id, entry.id, PDF, 'scan.png'), 400, 'file');
    expectFieldError(
      await upload(staff, building.id, entry.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')),
      400,
      'file',
    );
    expect(await audits('file', 'upload')).toBe(before);
  });

  it('is not found for another committee’s staff, and the district may only look', async () => {
    const theirs = (
      await admin.post(`/api/v1/projects/${others.id}/works/log`, {
        on: TEST_TODAY,
        workDone: '基础施工',
        workers: 5,
      })
    ).body;
    const png = sitePhoto('foundation', 1);
    const photo = (await upload(admin, others.id, theirs.id, png)).body;
    expect((await upload(staff, others.id, theirs.id, png)).status).toBe(404);
    const url = `/api/v1/projects/${others.id}/works/log/${theirs.id}/photos/${photo.id}`;
    expect((await staff.get(url)).status).toBe(404);
    // the right photo id under the wrong project is not found either
    expect(
      (await staff.get(`/api/v1/projects/${building.id}/works/log/${theirs.id}/photos/${photo.id}`)).status,
    ).toBe(404);
    expect((await district.get(url)).status).toBe(200);
    expect((await upload(district, others.id, theirs.id, png)).status).toBe(403);
  });
});
