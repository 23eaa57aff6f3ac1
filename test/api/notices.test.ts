/** Public notices (issue 4, items 4 and 5): the period tool, notices, objections. Holiday years: holidays.test.ts. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { notices } from '../../src/server/modules/notices/schema.ts';
import { noticeFacts } from '../../src/server/modules/notices/facts.ts';
import { multipart } from '../helpers/multipart.ts';
import { startTestApp, TEST_TODAY, type Client, type TestApp, STAFF_PASSWORD } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let staff: Client;
let district: Client;
let otherStaff: Client;
let project: any;
let otherProject: any;
let codes: any[];
let vote: any;
const today = TEST_TODAY;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const period = (body: object) => t.anonymous.post('/api/v1/tools/notice-period', body);

function expectFieldError(res: { status: number; body: any }, status: number, field: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.field).toBe(field);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  staff = await t.as('shengli');
  district = await t.as('district');
  const committees = (await admin.get('/api/v1/committees')).body.items;
  const other = committees.find((c: any) => c.name !== '胜利居委');
  await admin.post('/api/v1/users', {
    username: 'xinshi',
    displayName: '其他居委 工作人员',
    password: STAFF_PASSWORD,
    mustChangePassword: false,
    role: 'committee_staff',
    scopeId: other.id,
  });
  otherStaff = await t.as('xinshi', STAFF_PASSWORD);
  const stairwells = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.filter(
    (s: any) => s.unitCount >= 8,
  );
  project = (await staff.post('/api/v1/projects', { name: '公示测试项目', stairwellId: stairwells[0].id }))
    .body;
  otherProject = (await staff.post('/api/v1/projects', { name: '另一个项目', stairwellId: stairwells[1].id }))
    .body;
  // household codes come from a vote of the project
  vote = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '加装电梯表决',
      question: '是否同意加装电梯？',
      ruleId: 'sh-801-building',
    })
  ).body;
  await staff.post(`/api/v1/consultations/${vote.id}/open`);
  codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
});
afterAll(() => t.close());

describe('the public notice-period tool', () => {
  it('gives the domain example: 10 natural days after 2026-09-22 end on 2026-10-08', async () => {
    const res = await period({ start: '2026-09-22', days: 10, kind: 'natural', countStartDay: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ end: '2026-10-08', nominalEnd: '2026-10-02', moved: true });
    expect(res.body.rule.zh).toContain('第二百零三条');
    expect(res.body.rule.en).toContain('2026-10-08');
    expect((await period({ start: '2026-09-22', days: 10 })).body.end).toBe('2026-10-08'); // natural, start day not counted by default
  });

  it('counts working days, and the start day when asked', async () => {
    expect((await period({ start: '2026-09-28', days: 5, kind: 'working' })).body.end).toBe('2026-10-10'); // make-up Saturday
    expect(
      (await period({ start: '2026-11-02', days: 10, kind: 'natural', countStartDay: true })).body.end,
    ).toBe('2026-11-11');
    expect(
      (await period({ start: '2026-11-02', days: 10, kind: 'natural', countStartDay: false })).body.end,
    ).toBe('2026-11-12');
  });

  it('answers for a year whose arrangement is not yet published, marked provisional beside the end', async () => {
    // 2027-01-01 (元旦, a Friday) is a statutory holiday, then a weekend: the end moves to Monday
    const res = await period({ start: '2026-12-22', days: 10 });
    expect(res.body).toMatchObject({
      end: '2027-01-04',
      nominalEnd: '2027-01-01',
      moved: true,
      provisional: true,
      provisionalYears: [2027],
    });
    expect(res.body.rule.zh).toContain('2027 年的放假安排尚未发布或录入');
    expect(res.body.rule.en).toContain('provisional');
    expect((await period({ start: '2026-09-22', days: 10 })).body).toMatchObject({
      provisional: false,
      provisionalYears: [],
    });
  });

  it('answers 400 naming the field for a bad date, a year outside 2000–2099, or days outside 1–365', async () => {
    expectFieldError(await period({ start: '2026-02-30', days: 10 }), 400, 'start');
    expectFieldError(await period({ start: '2150-03-01', days: 10 }), 400, 'start');
    expectFieldError(await period({ start: '2026-9-1', days: 10 }), 400, 'start');
    expectFieldError(await period({ start: '2026-09-22', days: 0 }), 400, 'days');
    expectFieldError(await period({ start: '2026-09-22', days: 366 }), 400, 'days');
    expectFieldError(await period({ start: '2026-09-22', days: 2.5 }), 400, 'days');
    expectFieldError(await period({ start: '2026-09-22', days: 10, kind: 'lunar' }), 400, 'kind');
    expectFieldError(await period({ days: 10 }), 400, 'start');
    expectFieldError(
      await period({ start: '2026-09-22', days: 10, streetId: '0b7a4a5e-8f3c-4a53-9a41-1f9d7b5c2e10' }),
      400,
      'streetId',
    );
  });
});

describe('notices', () => {
  let design: any;
  let result: any;

  it('creates a design-scheme notice with 10 days of publicity then 7 of written feedback, ends computed', async () => {
    const res = await staff.post('/api/v1/notices', {
      projectId: project.id,
      kind: 'design_scheme',
      title: '加装电梯设计方案公示',
      body: '用地位置、层数、间距见附图',
      startOn: '2026-09-22',
    });
    expect(res.status).toBe(201);
    design = res.body;
    expect(design).toMatchObject({
      status: 'draft',
      publicityDays: 10,
      publicityKind: 'natural',
      feedbackDays: 7,
      feedbackKind: 'natural',
      countStartDay: false,
      publicityEnd: '2026-10-08',
      feedbackEnd: '2026-10-15',
      endsOn: '2026-10-15',
      acceptingObjections: false,
    });
    const counted = await staff.patch(`/api/v1/notices/${design.id}`, { countStartDay: true });
    expect(counted.body.publicityEnd).toBe('2026-10-08'); // 10-01 is inside the holiday either way
    const working = await staff.patch(`/api/v1/notices/${design.id}`, {
      countStartDay: false,
      publicityKind: 'working',
      publicityDays: 5,
    });
    // 09-23, 24, 28, 29, 30 are the 5 working days (09-25 is Mid-Autumn); 7 feedback days end on 10-07, inside National Day
    expect(working.body).toMatchObject({ publicityEnd: '2026-09-30', feedbackEnd: '2026-10-08' });
    const back = await staff.patch(`/api/v1/notices/${design.id}`, {
      publicityKind: 'natural',
      publicityDays: 10,
    });
    expect(back.body.endsOn).toBe('2026-10-15');
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(notices);
    const base = { projectId: project.id, kind: 'design_scheme', title: '公示' };
    expectFieldError(await staff.post('/api/v1/notices', { ...base, startOn: '2026-02-30' }), 400, 'startOn');
    expectFieldError(await staff.post('/api/v1/notices', { ...base, startOn: '1999-12-01' }), 400, 'startOn');
    expectFieldError(
      await staff.post('/api/v1/notices', { ...base, startOn: '2026-09-22', publicityDays: 0 }),
      400,
      'publicityDays',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', { ...base, startOn: '2026-09-22', feedbackDays: 366 }),
      400,
      'feedbackDays',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', { ...base, startOn: '2026-09-22', kind: 'poster' }),
      400,
      'kind',
    );
    expectFieldError(
      await staff.post('/api/v1/notices', { ...base, startOn: '2026-09-22', title: '' }),
      400,
      'title',
    );
    expectFieldError(
      await otherStaff.post('/api/v1/notices', { ...base, startOn: '2026-09-22' }),
      400,
      'projectId',
    );
    const [after] = await t.database.db.select({ n: count() }).from(notices);
    expect(after!.n).toBe(before!.n);
  });

  it('is posted with evidence of where; the dates are then fixed', async () => {
    const photo = await staff.inject({
      method: 'POST',
      url: `/api/v1/notices/${design.id}/evidence`,
      ...multipart({ where: '26号楼门厅公告栏' }, { name: '张贴.png', content: PNG, type: 'image/png' }),
    });
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ where: '26号楼门厅公告栏', mime: 'image/png', size: PNG.length });
    expect(photo.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const notImage = await staff.inject({
      method: 'POST',
      url: `/api/v1/notices/${design.id}/evidence`,
      ...multipart({}, { name: 'x.png', content: Buffer.from('hello'), type: 'image/png' }),
    });
    expectFieldError(notImage, 400, 'file');
    const posted = await staff.post(`/api/v1/notices/${design.id}/post`, {
      postedWhere: '26号楼门厅公告栏、小区宣传栏',
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({
      status: 'ended',
      phase: 'ended',
      postedWhere: '26号楼门厅公告栏、小区宣传栏',
    }); // 2026-10-15 is past
    expect((await staff.post(`/api/v1/notices/${design.id}/post`)).status).toBe(409);
    expect((await staff.patch(`/api/v1/notices/${design.id}`, { title: '改' })).status).toBe(409);
    const shown = (await staff.get(`/api/v1/notices/${design.id}`)).body;
    expect(shown.evidence).toHaveLength(1);
    const file = await staff.get(`/api/v1/notices/${design.id}/evidence/${shown.evidence[0].id}`);
    expect(file.status).toBe(200);
    expect(file.raw.equals(PNG)).toBe(true);
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''");
  });

  it('takes a current consultation-result notice, and tells the lifecycle what has ended', async () => {
    result = (
      await staff.post('/api/v1/notices', {
        projectId: project.id,
        kind: 'consultation_result',
        title: '加装电梯意愿征询结果公告',
        startOn: addDays(today, -2),
      })
    ).body;
    expect(result).toMatchObject({ publicityDays: 10, feedbackDays: 0, feedbackEnd: null });
    expect(result.endsOn).toBe(result.publicityEnd);
    result = (await staff.post(`/api/v1/notices/${result.id}/post`, { postedWhere: '小区宣传栏' })).body;
    expect(result).toMatchObject({ status: 'posted', phase: 'publicity', acceptingObjections: true });
    expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
      resultNoticeEnded: false,
      designNoticeEnded: true,
      openObjections: 0,
    });
    expect(await noticeFacts(t.database.db, project.id, addDays(result.endsOn, 1))).toMatchObject({
      resultNoticeEnded: true,
    });
  });

  it('lists the project notices for the resident page, with no drafts', async () => {
    await staff.post('/api/v1/notices', {
      projectId: project.id,
      kind: 'design_scheme',
      title: '草稿',
      startOn: today,
    });
    const res = await t.anonymous.get(`/api/v1/r/${codes[0].code}/notices`);
    expect(res.status).toBe(200);
    expect(res.body.notices.map((n: any) => n.title).sort()).toEqual([
      '加装电梯意愿征询结果公告',
      '加装电梯设计方案公示',
    ]);
    // ends 2026-11-30, in a confirmed year: not provisional (holidays.spec shows one that is, on the page)
    expect(res.body.notices.find((n: any) => n.id === result.id)).toMatchObject({
      acceptingObjections: true,
      phase: 'publicity',
      provisional: false,
    });
    expect(res.body.objections).toEqual([]);
    expect((await t.anonymous.get('/api/v1/r/ABCD-EFGH-JKMN/notices')).body.error.code).toBe('wrong_code');
  });

  describe('objections', () => {
    let fromResident: any;
    let fromStaff: any;

    it('are taken from a household code during the period, the owners’ names not sent back', async () => {
      const res = await t.anonymous.post(`/api/v1/r/${codes[0].code}/objections`, {
        noticeId: result.id,
        text: '一楼采光会受影响，希望说明',
      });
      expect(res.status).toBe(201);
      fromResident = res.body;
      expect(fromResident).toMatchObject({ status: 'open', receivedOn: today, fromLabel: codes[0].label });
      expect(fromResident).not.toHaveProperty('fromName');
      const mine = (await t.anonymous.get(`/api/v1/r/${codes[0].code}/notices`)).body.objections;
      expect(mine.map((o: any) => o.id)).toEqual([fromResident.id]);
      expect(mine[0]).not.toHaveProperty('fromName');
      expect((await t.anonymous.get(`/api/v1/r/${codes[1].code}/notices`)).body.objections).toEqual([]); // another household sees none
    });

    it('are refused outside the period, for another project, or with bad input', async () => {
      const ended = await t.anonymous.post(`/api/v1/r/${codes[1].code}/objections`, {
        noticeId: design.id,
        text: '有意见',
      });
      expectFieldError(ended, 409, 'noticeId');
      expect(ended.body.error.code).toBe('outside_period');
      expect(ended.body.error.message).toContain('2026-10-15');
      const elsewhere = (
        await staff.post('/api/v1/notices', {
          projectId: otherProject.id,
          kind: 'consultation_result',
          title: '别处的公告',
          startOn: today,
        })
      ).body;
      await staff.post(`/api/v1/notices/${elsewhere.id}/post`);
      expectFieldError(
        await t.anonymous.post(`/api/v1/r/${codes[1].code}/objections`, {
          noticeId: elsewhere.id,
          text: '有意见',
        }),
        404,
        'noticeId',
      );
      expectFieldError(
        await t.anonymous.post(`/api/v1/r/${codes[1].code}/objections`, { noticeId: result.id, text: '' }),
        400,
        'text',
      );
      expectFieldError(
        await t.anonymous.post(`/api/v1/r/${codes[1].code}/objections`, { noticeId: 'x', text: '有意见' }),
        400,
        'noticeId',
      );
      expectFieldError(
        await t.anonymous.post('/api/v1/r/ABCD-EFGH-JKMN/objections', {
          noticeId: result.id,
          text: '有意见',
        }),
        404,
        'code',
      );
      const lost = codes[3];
      await staff.post(`/api/v1/consultations/${vote.id}/codes/${lost.groupId}/reissue`, {
        reason: '信件遗失',
      });
      expectFieldError(
        await t.anonymous.post(`/api/v1/r/${lost.code}/objections`, { noticeId: result.id, text: '有意见' }),
        410,
        'code',
      );
    });

    it('are entered by staff, from a unit of the project', async () => {
      const units = (await staff.get(`/api/v1/units?stairwellId=${project.stairwellId}&pageSize=100`)).body
        .items;
      const res = await staff.post(`/api/v1/notices/${result.id}/objections`, {
        text: '书面意见：担心施工噪音',
        fromUnitId: units[0].id,
        fromName: '王建国',
      });
      expect(res.status).toBe(201);
      fromStaff = res.body;
      expect(fromStaff).toMatchObject({ channel: 'staff', fromName: '王建国', status: 'open' }); // staff see the name
      expect(fromStaff.fromLabel).toContain(units[0].room);
      const foreignUnit = (await staff.get(`/api/v1/units?stairwellId=${otherProject.stairwellId}`)).body
        .items[0];
      expectFieldError(
        await staff.post(`/api/v1/notices/${result.id}/objections`, {
          text: '意见',
          fromUnitId: foreignUnit.id,
        }),
        400,
        'fromUnitId',
      );
      expectFieldError(
        await staff.post(`/api/v1/notices/${result.id}/objections`, {
          text: '意见',
          receivedOn: addDays(today, 1),
        }),
        400,
        'receivedOn',
      );
      expectFieldError(
        await staff.post(`/api/v1/notices/${result.id}/objections`, {
          text: '意见',
          receivedOn: '2026-13-01',
        }),
        400,
        'receivedOn',
      );
      const shown = (await district.get(`/api/v1/notices/${result.id}`)).body.objections.find(
        (o: any) => o.id === fromStaff.id,
      );
      expect(shown.fromName).toBe('王*国'); // the district sees it masked
    });

    it('are answered; a settled answer resolves one', async () => {
      const answered = await staff.post(`/api/v1/objections/${fromResident.id}/answer`, {
        answer: '设计单位已复核日照，一楼影响在规范之内',
        settled: false,
      });
      expect(answered.body).toMatchObject({ status: 'answered', answeredByName: '胜利居委 工作人员' });
      const settled = await staff.post(`/api/v1/objections/${fromStaff.id}/answer`, {
        answer: '已与施工单位约定作业时间',
        settled: true,
      });
      expect(settled.body.status).toBe('settled');
      expect(
        (await staff.post(`/api/v1/objections/${fromStaff.id}/answer`, { answer: '再答', settled: true }))
          .status,
      ).toBe(409);
      expectFieldError(
        await staff.post(`/api/v1/objections/${fromResident.id}/answer`, { answer: '答复' }),
        400,
        'settled',
      );
      const mine = (await t.anonymous.get(`/api/v1/r/${codes[0].code}/notices`)).body.objections.find(
        (o: any) => o.id === fromResident.id,
      );
      expect(mine).toMatchObject({ status: 'answered', answer: '设计单位已复核日照，一楼影响在规范之内' });
      expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
        openObjections: 1,
        unansweredObjections: 0,
      });
      const open = (await staff.get(`/api/v1/objections?projectId=${project.id}&status=answered`)).body;
      expect(open.items.map((o: any) => o.id)).toEqual([fromResident.id]);
    });

    it('are escalated to mediation when not settled', async () => {
      const res = await staff.post(`/api/v1/objections/${fromResident.id}/escalate`, { kind: 'light' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'light', outcome: 'open', sourceObjectionId: fromResident.id });
      expect(res.body.parties[0]).toMatchObject({ role: 'applicant' });
      expect(res.body.parties[0].unitLabel).toEqual(expect.any(String));
      expect((await staff.post(`/api/v1/objections/${fromResident.id}/escalate`, {})).status).toBe(409);
      expect((await staff.post(`/api/v1/objections/${fromStaff.id}/escalate`, {})).status).toBe(409); // settled
      expect(
        (await staff.post(`/api/v1/objections/${fromResident.id}/answer`, { answer: '答复', settled: true }))
          .status,
      ).toBe(409);
      expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
        openObjections: 1,
        objectionsInMediation: 1,
      });
    });
  });

  it('restarts after a changed plan, keeping the old notice on record', async () => {
    const res = await staff.post(`/api/v1/notices/${design.id}/restart`, {
      reason: '方案变更：电梯井位置调整',
      startOn: today,
      body: '调整后的方案见附图',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      supersedesId: design.id,
      restartReason: '方案变更：电梯井位置调整',
      title: design.title,
      publicityDays: 10,
      feedbackDays: 7,
    });
    const old = (await staff.get(`/api/v1/notices/${design.id}`)).body;
    expect(old).toMatchObject({
      status: 'superseded',
      supersededById: res.body.id,
      body: '用地位置、层数、间距见附图',
    });
    expect(old.evidence).toHaveLength(1);
    expect(
      (await staff.post(`/api/v1/notices/${design.id}/restart`, { reason: '再次', startOn: today })).status,
    ).toBe(409);
    expect((await staff.post(`/api/v1/notices/${design.id}/objections`, { text: '意见' })).status).toBe(409);
    expect((await staff.delete(`/api/v1/notices/${res.body.id}`)).status).toBe(409); // the old one depends on it
    const list = (await staff.get(`/api/v1/projects/${project.id}/notices`)).body.items;
    expect(
      list
        .filter((n: any) => n.kind === 'design_scheme')
        .map((n: any) => n.status)
        .sort(),
    ).toEqual(['draft', 'draft', 'superseded']);
    expect(await noticeFacts(t.database.db, project.id, TEST_TODAY)).toMatchObject({
      designNoticeEnded: false,
    });
    const posted = (await staff.post(`/api/v1/notices/${res.body.id}/post`)).body;
    expect(posted).toMatchObject({ status: 'posted', acceptingObjections: true });
    const resident = (await t.anonymous.get(`/api/v1/r/${codes[2].code}/notices`)).body.notices;
    expect(resident.map((n: any) => n.id)).toContain(posted.id);
    expect(resident.map((n: any) => n.id)).not.toContain(design.id);
  });

  it('keeps committees apart: other staff get 404, the district reads but cannot write', async () => {
    expect((await otherStaff.get(`/api/v1/notices/${result.id}`)).status).toBe(404);
    expect((await otherStaff.get(`/api/v1/projects/${project.id}/notices`)).status).toBe(404);
    expect((await otherStaff.post(`/api/v1/notices/${result.id}/objections`, { text: '意见' })).status).toBe(
      404,
    );
    expect((await otherStaff.post(`/api/v1/notices/${result.id}/post`)).status).toBe(404);
    expect((await otherStaff.get(`/api/v1/objections?projectId=${project.id}`)).body.items).toEqual([]);
    expect((await district.get(`/api/v1/notices/${result.id}`)).status).toBe(200);
    expect((await district.post(`/api/v1/notices/${result.id}/objections`, { text: '意见' })).status).toBe(
      403,
    );
    expect(
      (
        await district.post('/api/v1/notices', {
          projectId: project.id,
          kind: 'design_scheme',
          title: '公示',
          startOn: today,
        })
      ).status,
    ).toBe(403);
    expect((await district.patch(`/api/v1/notices/${result.id}`, { title: '改' })).status).toBe(403);
  });

  it('audits every write on the project timeline', async () => {
    const rows = await t.database.db
      .select({ entity: auditEvents.entity, action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, project.id)));
    const seen = new Set(rows.map((r) => `${r.entity}:${r.action}`));
    for (const e of [
      'notice:create',
      'notice:update',
      'notice:evidence',
      'notice:post',
      'notice:restart',
      'objection:create',
      'objection:answer',
      'objection:escalate',
      'mediation_case:create',
    ])
      expect(seen, e).toContain(e);
  });
});
