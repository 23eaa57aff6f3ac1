/**
 * Issue 8: a year's holiday arrangement entered as one thing (or imported from the Excel
 * template or an .ics file), provisional periods for a year not yet confirmed, the notices an
 * arrangement moves, and a work list that follows the clock across midnight and new year.
 *
 * The 2027 arrangement used here is FICTITIOUS (a long 元旦 holiday), made up so that it moves a
 * notice; the real one is whatever the State Council publishes.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { holidayYears } from '../../src/server/modules/calendar/schema.ts';
import { streetCalendar } from '../../src/server/modules/calendar/service.ts';
import { noticeEnds } from '../../src/server/modules/notices/periods.ts';
import { notices } from '../../src/server/modules/notices/schema.ts';
import { multipart } from '../helpers/multipart.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let staff: Client;
let district: Client;
let project: any;

const audits = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
const upload = (client: Client, year: number, name: string, content: Buffer) =>
  client.inject({
    method: 'POST',
    url: `/api/v1/holiday-years/${year}/import`,
    ...multipart({}, { name, content, type: 'application/octet-stream' }),
  });

/** A design-scheme notice from 2026-12-20: 10 days of publicity end 12-30 (2026), 7 of feedback on 2027-01-06. */
const designNotice = async (title: string) =>
  (
    await staff.post('/api/v1/notices', {
      projectId: project.id,
      kind: 'design_scheme',
      title,
      startOn: '2026-12-20',
    })
  ).body;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  staff = await t.as('shengli');
  district = await t.as('district');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 8,
  );
  project = (await staff.post('/api/v1/projects', { name: '放假安排测试项目', stairwellId: stairwell.id }))
    .body;
});
afterAll(() => t.close());

describe('the years staff see', () => {
  it('lists the package years as confirmed and 2027 as provisional, editable by the street admin only', async () => {
    const list = (await admin.get('/api/v1/holiday-years')).body;
    expect(list.packageYears).toEqual({ first: 2004, last: 2026 });
    expect(list.canEdit).toBe(true);
    const byYear = new Map(list.years.map((y: any) => [y.year, y]));
    expect(byYear.get(2026)).toMatchObject({ source: 'package', confirmed: true, entered: null });
    expect(byYear.get(2027)).toMatchObject({ source: 'provisional', confirmed: false });
    expect(list.years[0].year).toBe(2027); // newest first: next year is in view in November
    expect((await staff.get('/api/v1/holiday-years')).body).toMatchObject({
      canEdit: false,
      streetId: list.streetId,
    });
    expect((await district.get('/api/v1/holiday-years')).status).toBe(200);
  });

  it('shows a provisional year with its statutory holidays (全国年节及纪念日放假办法), to start the form from', async () => {
    const y = (await staff.get('/api/v1/holiday-years/2027')).body;
    expect(y).toMatchObject({
      year: 2027,
      source: 'provisional',
      confirmed: false,
      packageHolidays: null,
      entered: null,
    });
    expect(y.statutoryHolidays.map((h: any) => h.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    // "春节，放假4天（农历除夕、正月初一至初三）": 除夕 2027 is 02-05
    expect(y.statutoryHolidays[1]).toMatchObject({ start: '2027-02-05' });
    expect(
      (await staff.get('/api/v1/holiday-years/2026')).body.packageHolidays.length,
    ).toBeGreaterThanOrEqual(7);
    expect((await staff.get('/api/v1/holiday-years/1999')).status).toBe(400);
  });
});

describe('entering 2027 from the Excel template', () => {
  let notice: any;
  let ended: any;

  it('marks a notice running into 2027 provisional, and the work list asks the admin to confirm 2027', async () => {
    notice = await designNotice('设计方案公示（跨年）');
    expect(notice).toMatchObject({
      publicityEnd: '2026-12-30',
      feedbackEnd: '2027-01-06',
      endsOn: '2027-01-06',
      provisional: true,
    });
    const inside = await designNotice('设计方案公示（年内）');
    await staff.patch(`/api/v1/notices/${inside.id}`, { startOn: '2026-11-02' });
    expect((await staff.get(`/api/v1/notices/${inside.id}`)).body.provisional).toBe(false);
    ended = inside;
    const work = (await admin.get('/api/v1/worklist')).body;
    expect(work.items.filter((i: any) => i.kind === 'holidays_unconfirmed').map((i: any) => i.refId)).toEqual(
      ['2027'],
    );
    expect((await staff.get('/api/v1/worklist')).body.counts.holidays_unconfirmed).toBe(0); // it is the street admin's to do
  });

  it('reads the filled-in template into the form, previews the notices it moves, saves, and lists them', async () => {
    const template = await admin.get('/api/v1/holiday-years/2027/template.xlsx');
    expect(template.status).toBe(200);
    expect(String(template.headers['content-disposition'])).toContain('holidays-2027.xlsx');
    // filled in as a person would: the source, and 元旦 typed as text from 01-01 to 01-06 with a make-up Saturday
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.raw as never);
    const sheet = book.getWorksheet('放假安排')!;
    sheet.getCell('B2').value = '测试用虚构安排 fictitious, for tests';
    sheet.eachRow((row) => {
      if (row.getCell(1).text === '元旦') {
        row.getCell(3).value = '2027/1/6';
        row.getCell(4).value = '2027-01-09';
      }
    });
    const parsed = await upload(
      admin,
      2027,
      '2027年放假安排.xlsx',
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    expect(parsed.status, JSON.stringify(parsed.body)).toBe(200);
    expect(parsed.body).toMatchObject({ kind: 'xlsx', source: '测试用虚构安排 fictitious, for tests' });
    expect(parsed.body.holidays[0]).toEqual({
      name: '元旦',
      start: '2027-01-01',
      end: '2027-01-06',
      workdays: ['2027-01-09'],
    });
    expect(await t.database.db.select().from(holidayYears)).toEqual([]); // reading a file saves nothing

    const preview = (
      await admin.post('/api/v1/holiday-years/2027/preview', { holidays: parsed.body.holidays })
    ).body;
    const moving = preview.changes.find((c: any) => c.noticeId === notice.id);
    // 01-06 is now a rest day, so the feedback period ends on the first working day after it (民法典第二百零三条)
    expect(moving).toMatchObject({
      moved: true,
      before: { endsOn: '2027-01-06', provisional: true },
      after: { endsOn: '2027-01-07', provisional: false },
    });
    expect(preview.changes.some((c: any) => c.noticeId === ended.id)).toBe(false);
    expect((await staff.get(`/api/v1/notices/${notice.id}`)).body.endsOn).toBe('2027-01-06'); // a preview writes nothing

    const auditsBefore = await audits();
    const saved = await admin.put('/api/v1/holiday-years/2027', {
      source: parsed.body.source,
      holidays: parsed.body.holidays,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.year).toMatchObject({
      source: 'entered',
      confirmed: true,
      entered: { source: parsed.body.source, createdByName: '江湾镇街道管理员' },
    });
    expect(saved.body.changes.map((c: any) => c.noticeId)).toContain(notice.id);
    expect(saved.body.confirmedNotices).toBeGreaterThanOrEqual(1);
    // the year, and each move, are audited
    const entries = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'holiday_year'), eq(auditEvents.action, 'create')));
    expect(entries).toHaveLength(1);
    expect(await audits()).toBe(auditsBefore + 1 + saved.body.changes.length);
  });

  it('shows the notice confirmed with its new end and the change, on the notice and the work list', async () => {
    const shown = (await staff.get(`/api/v1/notices/${notice.id}`)).body;
    expect(shown).toMatchObject({ feedbackEnd: '2027-01-07', endsOn: '2027-01-07', provisional: false });
    expect(shown.periodChanges).toEqual([
      expect.objectContaining({
        year: 2027,
        before: expect.objectContaining({ endsOn: '2027-01-06' }),
        after: expect.objectContaining({ endsOn: '2027-01-07' }),
        byName: '江湾镇街道管理员',
      }),
    ]);
    const work = (await staff.get('/api/v1/worklist')).body;
    expect(work.items.find((i: any) => i.kind === 'period_moved' && i.refId === notice.id).title).toContain(
      '2027-01-06 → 2027-01-07',
    );
    expect((await admin.get('/api/v1/worklist')).body.counts.holidays_unconfirmed).toBe(0);
    expect((await admin.get('/api/v1/holiday-years')).body.provisionalNotices).toBe(0);
    // the public tool with the street's calendar follows it too
    const streetId = (await admin.get('/api/v1/holiday-years')).body.streetId;
    expect(
      (await t.anonymous.post('/api/v1/tools/notice-period', { start: '2026-12-30', days: 7, streetId }))
        .body,
    ).toMatchObject({ end: '2027-01-07', provisional: false });
    expect(
      (await t.anonymous.post('/api/v1/tools/notice-period', { start: '2026-12-30', days: 7 })).body,
    ).toMatchObject({ end: '2027-01-06', provisional: true });
  });

  it('lets the admin correct the year: the notices it moves back are listed again', async () => {
    const year = (await admin.get('/api/v1/holiday-years/2027')).body;
    const corrected = year.holidays.map((h: any) =>
      h.name === '元旦' ? { ...h, end: '2027-01-03', workdays: [] } : h,
    );
    const preview = (await admin.post('/api/v1/holiday-years/2027/preview', { holidays: corrected })).body;
    expect(preview.changes.find((c: any) => c.noticeId === notice.id)).toMatchObject({
      before: { endsOn: '2027-01-07' },
      after: { endsOn: '2027-01-06' },
    });
    const saved = (
      await admin.put('/api/v1/holiday-years/2027', { source: '更正 correction', holidays: corrected })
    ).body;
    expect(saved.year.entered).toMatchObject({
      source: '更正 correction',
      updatedByName: '江湾镇街道管理员',
    });
    expect((await staff.get(`/api/v1/notices/${notice.id}`)).body.periodChanges).toHaveLength(2);
  });
});

describe('a year saved while notices are being written', () => {
  it('leaves no notice computed on the calendar it replaced (the street row lock orders them)', async () => {
    const statutory = (await admin.get('/api/v1/holiday-years/2027')).body.statutoryHolidays;
    // 元旦 to 01-06 moves the notices' end to 01-07; to 01-03, back to 01-06: each round changes it
    const newYear = (end: string) => statutory.map((h: any) => (h.name === '元旦' ? { ...h, end } : h));
    const streetId = (await admin.get('/api/v1/holiday-years')).body.streetId;
    for (const [round, end] of ['2027-01-06', '2027-01-03', '2027-01-06'].entries()) {
      const [saved] = await Promise.all([
        admin.put('/api/v1/holiday-years/2027', { source: `并发测试 ${round}`, holidays: newYear(end) }),
        ...Array.from({ length: 12 }, (_, i) => designNotice(`并发公示 ${round}-${i}`)),
      ]);
      expect(saved.status).toBe(200);
      const cal = await streetCalendar(t.database.db, streetId);
      const written = await t.database.db.select().from(notices).where(eq(notices.projectId, project.id));
      const running = written.filter((n) => !n.supersededById && n.title.startsWith('并发公示'));
      expect(running).toHaveLength(12 * (round + 1));
      for (const n of running)
        expect({
          title: n.title,
          publicityEnd: n.publicityEnd,
          feedbackEnd: n.feedbackEnd,
          endsOn: n.endsOn,
          provisional: n.provisional,
        }).toEqual({ title: n.title, ...noticeEnds(cal, n) });
    }
  });
});

describe('importing an iCalendar file', () => {
  it('reads a holiday feed into the form, for the year asked', async () => {
    const ics = await readFile(new URL('../fixtures/holidays/multiday-xiu-ban-2026.ics', import.meta.url));
    const res = await upload(admin, 2026, 'holidays.ics', ics);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.kind).toBe('ics');
    expect(res.body.holidays.find((h: any) => h.name === '春节')).toMatchObject({
      start: '2026-02-15',
      end: '2026-02-23',
    });
    const none = await upload(admin, 2030, 'holidays.ics', ics);
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('file');
  });
});

describe('bad input', () => {
  const good = [{ name: '元旦', start: '2028-01-01', end: '2028-01-03', workdays: [] }];

  it('is refused naming the field, in both languages, and written nowhere', async () => {
    const before = await audits();
    const expect400 = async (body: unknown, field: string) => {
      const res = await admin.put('/api/v1/holiday-years/2028', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
    };
    await expect400({ holidays: good }, 'source');
    await expect400(
      { source: 'x', holidays: [{ ...good[0], workdays: ['2028-01-05'] }] },
      'holidays.0.workdays.0',
    ); // a Wednesday
    await expect400({ source: 'x', holidays: [{ ...good[0], end: '2027-12-31' }] }, 'holidays.0.end');
    await expect400({ source: 'x', holidays: [{ ...good[0], start: '2028-02-30' }] }, 'holidays.0.start');
    await expect400({ source: 'x', holidays: [] }, 'holidays');
    expect((await admin.put('/api/v1/holiday-years/2200', { source: 'x', holidays: good })).status).toBe(400);
    expect((await upload(admin, 2028, 'a.xlsx', Buffer.from('not a workbook'))).body.error.field).toBe(
      'file',
    );
    expect(await audits()).toBe(before);
    expect(await t.database.db.select().from(holidayYears).where(eq(holidayYears.year, 2028))).toEqual([]);
  });

  it('from anyone but the street admin is refused', async () => {
    expect((await staff.put('/api/v1/holiday-years/2028', { source: 'x', holidays: good })).status).toBe(403);
    expect((await staff.post('/api/v1/holiday-years/2028/preview', { holidays: good })).status).toBe(403);
    expect((await district.put('/api/v1/holiday-years/2028', { source: 'x', holidays: good })).status).toBe(
      403,
    );
  });
});

describe('a server left running across midnight and new year', () => {
  it('answers by the new day without a restart', async () => {
    const clock = manualClock('2026-12-31T23:50:00+08:00');
    const app = await startTestApp({ clock });
    try {
      const staffOf = await app.as('shengli');
      const adminOf = await app.as('admin');
      const sw = (await staffOf.get('/api/v1/stairwells?pageSize=500')).body.items.find(
        (s: any) => s.unitCount >= 8,
      );
      const p = (await staffOf.post('/api/v1/projects', { name: '跨年项目', stairwellId: sw.id })).body;
      // a result notice from 12-24: 10 days end on Sunday 2027-01-03, after 元旦, so on Monday 01-04 (provisional: 2027 is not entered)
      const n = (
        await staffOf.post('/api/v1/notices', {
          projectId: p.id,
          kind: 'consultation_result',
          title: '跨年公示',
          startOn: '2026-12-24',
        })
      ).body;
      await staffOf.post(`/api/v1/notices/${n.id}/post`, {});
      expect(
        (
          await app.database.db.select({ endsOn: notices.endsOn }).from(notices).where(eq(notices.id, n.id))
        )[0]!.endsOn,
      ).toBe('2027-01-04');
      const before = (await staffOf.get('/api/v1/session')).body.today;
      const askedBefore = (await adminOf.get('/api/v1/worklist')).body.items
        .filter((i: any) => i.kind === 'holidays_unconfirmed')
        .map((i: any) => i.refId);
      clock.advance(20 * 60_000); // 00:10 on 2027-01-01
      expect(before).toBe('2026-12-31');
      expect((await staffOf.get('/api/v1/session')).body.today).toBe('2027-01-01');
      expect(askedBefore).toEqual(['2027']); // December: next year to confirm
      const askedAfter = (await adminOf.get('/api/v1/worklist')).body.items
        .filter((i: any) => i.kind === 'holidays_unconfirmed')
        .map((i: any) => i.refId);
      expect(askedAfter).toEqual(['2027']); // January: this year still to confirm
      const shown = (await staffOf.get(`/api/v1/notices/${n.id}`)).body;
      expect(shown).toMatchObject({ phase: 'publicity', provisional: true });
      const ending = (await staffOf.get('/api/v1/worklist')).body.items.find(
        (i: any) => i.kind === 'notice_ending' && i.refId === n.id,
      );
      expect(ending).toMatchObject({ date: '2027-01-04', provisional: true });
      clock.set('2027-01-05T08:00:00+08:00'); // the notice has ended and left "ends this week" (its session expired meanwhile)
      const later = await app.as('shengli');
      expect((await later.get(`/api/v1/notices/${n.id}`)).body.phase).toBe('ended');
      expect((await later.get('/api/v1/worklist')).body.items.some((i: any) => i.refId === n.id)).toBe(false);
    } finally {
      await app.close();
    }
  });
});
