/** Holiday arrangements in files: the Excel template and reading it back, iCalendar feeds, telling the two apart. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Holiday } from '../../src/core/calendar.ts';
import {
  detectHolidayFile,
  HOLIDAY_SHEET,
  holidayTemplate,
  INSTRUCTIONS_SHEET,
  parseHolidayIcs,
  parseHolidayWorkbook,
} from '../../src/server/modules/holidays/files.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/holidays/${name}`, import.meta.url), 'utf8');
const h = (name: string, start: string, end: string, workdays: string[] = []): Holiday => ({
  name,
  start,
  end,
  workdays,
});

const PREFILL_2027: Holiday[] = [
  h('元旦', '2027-01-01', '2027-01-03'),
  h('春节', '2027-02-05', '2027-02-13', ['2027-02-14']),
  h('清明节', '2027-04-03', '2027-04-05'),
  h('劳动节', '2027-05-01', '2027-05-05', ['2027-04-25', '2027-05-08']),
  h('端午节', '2027-06-09', '2027-06-09'),
  h('中秋节', '2027-09-15', '2027-09-15'),
  h('国庆节', '2027-10-01', '2027-10-07', ['2027-09-26', '2027-10-09']),
];
const SOURCE = '国办发明电〔2026〕×号';

async function loadWorkbook(buf: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as any);
  return workbook;
}
const saved = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Edits the template's holiday sheet the way a person would, and saves it. */
async function edited(edit: (sheet: ExcelJS.Worksheet) => void, prefill = PREFILL_2027) {
  const workbook = await loadWorkbook(await holidayTemplate(2027, prefill, SOURCE));
  edit(workbook.getWorksheet(HOLIDAY_SHEET)!);
  return saved(workbook);
}

/** The rejection of a parse: code, field, messages, and the row/column of each problem. */
async function rejection(promise: Promise<unknown> | (() => unknown)) {
  const error: any = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => expect.unreachable('should have been refused'),
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'bad_input', field: 'file' });
  expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.messageEn).toMatch(/[a-z]{3}/);
  const rows = (error.details?.rows ?? []) as { row: number; column: string }[];
  return {
    zh: error.messageZh as string,
    en: error.messageEn as string,
    cells: rows.map((r) => `${r.row} ${r.column}`),
  };
}

describe('the Excel template', () => {
  it('lays out the title, source, bilingual headers, real date cells and the instructions', async () => {
    const workbook = await loadWorkbook(await holidayTemplate(2027, PREFILL_2027, SOURCE));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([HOLIDAY_SHEET, INSTRUCTIONS_SHEET]);
    const sheet = workbook.getWorksheet(HOLIDAY_SHEET)!;
    expect(sheet.getCell('A1').text).toContain('2027');
    expect(sheet.getCell('A2').text).toContain('发布文号或链接');
    expect(sheet.getCell('B2').value).toBe(SOURCE);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '节日\nHoliday',
      '放假开始\nFirst rest day',
      '放假结束\nLast rest day',
      '调休上班日\nMake-up working days',
    ]);
    const spring = sheet.getRow(5);
    expect(spring.getCell(2).value).toEqual(new Date('2027-02-05T00:00:00Z'));
    expect(spring.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(7).getCell(4).value).toBe('2027-04-25、2027-05-08');
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(30);
    const guide = workbook.getWorksheet(INSTRUCTIONS_SHEET)!;
    const guideTexts: string[] = [];
    guide.eachRow((row) => row.eachCell((cell) => guideTexts.push(cell.text)));
    const guideText = guideTexts.join(' ');
    expect(guideText).toMatch(/国务院办公厅/);
    expect(guideText).toMatch(/State Council/);
  });

  it('reads back what it wrote: the same holidays and source', async () => {
    const parsed = await parseHolidayWorkbook(await holidayTemplate(2027, PREFILL_2027, SOURCE), 2027);
    expect(parsed).toEqual({ holidays: PREFILL_2027, source: SOURCE });
  });

  it('reads the dates and lists a person types, and skips inserted blank rows', async () => {
    const file = await edited((sheet) => {
      const spring = sheet.getRow(5);
      spring.getCell(2).value = '2027/2/5';
      spring.getCell(3).value = '2027年2月13日';
      spring.getCell(4).value = '2027-02-14、2027-02-20';
      const qingming = sheet.getRow(6);
      qingming.getCell(2).value = '2027.4.3';
      qingming.getCell(3).value = '２０２７年４月５日'; // typed with a full-width IME
      sheet.getRow(7).getCell(4).value = '4月25日（星期日），5月8日（星期六）上班'; // pasted from the notice
      sheet.getRow(8).getCell(4).value = new Date('2027-06-12T00:00:00Z'); // a single make-up day as a date cell
      sheet.getRow(9).getCell(4).value = '2027-09-18\n2027-09-19';
      sheet.insertRow(8, []); // between two holidays
      sheet.insertRow(3, []); // above the header
    });
    const parsed = await parseHolidayWorkbook(file, 2027);
    expect(parsed.source).toBe(SOURCE);
    expect(parsed.holidays).toEqual([
      PREFILL_2027[0],
      h('春节', '2027-02-05', '2027-02-13', ['2027-02-14', '2027-02-20']),
      PREFILL_2027[2],
      PREFILL_2027[3],
      h('端午节', '2027-06-09', '2027-06-09', ['2027-06-12']),
      h('中秋节', '2027-09-15', '2027-09-15', ['2027-09-18', '2027-09-19']),
      PREFILL_2027[6],
    ]);
  });

  it('takes a holiday the admin adds below, and an empty prefill', async () => {
    const file = await edited(
      (sheet) => sheet.addRow(['中秋节、国庆节', '2027-10-01', '2027-10-08', '2027-09-26']),
      [],
    );
    expect((await parseHolidayWorkbook(file, 2027)).holidays).toEqual([
      h('中秋节、国庆节', '2027-10-01', '2027-10-08', ['2027-09-26']),
    ]);
  });
});

describe('a workbook with problems is refused, naming the row and column', () => {
  it('a cell that is not a date', async () => {
    const file = await edited((sheet) => (sheet.getRow(5).getCell(3).value = '下周五'));
    const { zh, en, cells } = await rejection(parseHolidayWorkbook(file, 2027));
    expect(zh).toContain('第 5 行“放假结束”不是日期');
    expect(en).toContain('Row 5, “Last rest day”: not a date');
    expect(cells).toEqual(['5 放假结束']);
  });

  it('a date of another year, and an impossible date among the make-up days', async () => {
    const file = await edited((sheet) => {
      sheet.getRow(4).getCell(2).value = new Date('2026-12-31T00:00:00Z');
      sheet.getRow(5).getCell(4).value = '2027-02-14、2027-02-30';
    });
    const { zh, en, cells } = await rejection(parseHolidayWorkbook(file, 2027));
    expect(zh).toContain('第 4 行“放假开始”的日期 2026-12-31 不在 2027 年');
    expect(zh).toContain('另有 1 处错误');
    expect(en).toContain('Row 4, “First rest day”: 2026-12-31 is not in 2027');
    expect(cells).toEqual(['4 放假开始', '5 调休上班日']);
  });

  it('an empty holiday name or rest day', async () => {
    const file = await edited((sheet) => {
      sheet.getRow(6).getCell(1).value = null;
      sheet.getRow(7).getCell(3).value = null;
    });
    const { zh, en, cells } = await rejection(parseHolidayWorkbook(file, 2027));
    expect(zh).toBe('第 6 行“节日”不能为空；另有 1 处错误');
    expect(en).toBe('Row 6, “Holiday”: required; and 1 more problem(s)');
    expect(cells).toEqual(['6 节日', '7 放假结束']);
  });

  it('a header row missing a column', async () => {
    const file = await edited((sheet) => (sheet.getRow(3).getCell(3).value = null));
    const { zh, en, cells } = await rejection(parseHolidayWorkbook(file, 2027));
    expect(zh).toContain('第 3 行“放假结束”列缺失');
    expect(en).toContain('Row 3, “Last rest day”: column missing');
    expect(cells).toEqual(['3 放假结束']);
  });

  it('no header row at all', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['春节', '2027-02-05', '2027-02-13']);
    const { zh, en } = await rejection(parseHolidayWorkbook(await saved(workbook), 2027));
    expect(zh).toContain('找不到表头行');
    expect(en).toContain('No header row');
  });

  it('a file that is not a workbook', async () => {
    expect(
      (await rejection(parseHolidayWorkbook(Buffer.from('节日,放假开始\n春节,2027-02-05'), 2027))).zh,
    ).toContain('不是 Excel 工作簿');
    await rejection(parseHolidayWorkbook(Buffer.from('PK\u0003\u0004 broken zip'), 2027));
  });
});

describe('iCalendar holiday feeds', () => {
  it('multi-day events marked （休）/（班）: short names completed, the summary trusted over the Apple property, other years ignored', () => {
    expect(parseHolidayIcs(fixture('multiday-xiu-ban-2026.ics'), 2026)).toEqual({
      source: '中国节假日（休/班）',
      holidays: [
        h('元旦', '2026-01-01', '2026-01-03', ['2026-01-04']),
        h('春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']),
        h('清明节', '2026-04-04', '2026-04-06'),
        h('劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']),
        h('端午节', '2026-06-19', '2026-06-21'),
        h('中秋节', '2026-09-25', '2026-09-27'),
        h('国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']),
      ],
    });
  });

  it('one event per day, “假期”/“补班”, DTEND equal to DTSTART, timed make-up days; a holiday starting the year before is cut at 1 January', () => {
    expect(parseHolidayIcs(fixture('daily-jiaqi-buban-2023.ics'), 2023)).toEqual({
      source: '中国法定节假日（每日）',
      holidays: [
        h('元旦', '2023-01-01', '2023-01-02'),
        h('春节', '2023-01-21', '2023-01-27', ['2023-01-28', '2023-01-29']),
        h('清明节', '2023-04-05', '2023-04-05'),
        h('劳动节', '2023-04-29', '2023-05-03', ['2023-04-23', '2023-05-06']),
        h('端午节', '2023-06-22', '2023-06-24', ['2023-06-25']),
        h('中秋节、国庆节', '2023-09-29', '2023-10-06', ['2023-10-07', '2023-10-08']),
      ],
    });
  });

  const HOLIDAYS_2025 = [
    h('元旦', '2025-01-01', '2025-01-01'),
    h('春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']),
    h('清明节', '2025-04-04', '2025-04-06'),
    h('劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']),
    h('端午节', '2025-05-31', '2025-06-02'),
    h('国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']),
  ];

  it('“春节假期” and “上班(补春节假期)”, two holidays named in one event', () => {
    expect(parseHolidayIcs(fixture('combined-names-2025.ics'), 2025)).toEqual({
      source: '中国法定节假日',
      holidays: HOLIDAYS_2025,
    });
  });

  it('the feeds chinese-days ships, in Chinese and English: 中秋 resting inside 国庆 makes one holiday', () => {
    const feed = (name: string) =>
      readFileSync(new URL(`../../node_modules/chinese-days/dist/years/${name}`, import.meta.url), 'utf8');
    expect(parseHolidayIcs(feed('2025.ics'), 2025).holidays).toEqual(HOLIDAYS_2025);
    expect(parseHolidayIcs(feed('2025.en.ics'), 2025).holidays).toEqual(HOLIDAYS_2025);
  });

  const calendar = (...events: string[]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//holidays//CN',
      ...events.flatMap((e) => ['BEGIN:VEVENT', ...e.split('|'), 'END:VEVENT']),
      'END:VCALENDAR',
    ].join('\r\n');

  it('bare holiday names, unnamed make-up days, UTC times, durations, cancelled events and a BOM', () => {
    const text =
      '\uFEFF' +
      calendar(
        'DTSTART;VALUE=DATE:20270205|SUMMARY:春节 第1天/共2天',
        'DTSTART;VALUE=DATE:20270206|SUMMARY:春节 第2天/共2天',
        'DTSTART;VALUE=DATE:20270208|DURATION:P2D|SUMMARY:春节（休）', // joined across Sunday 02-07
        'DTSTART:20270130T160000Z|DTEND:20270131T000000Z|SUMMARY:调休上班', // 2027-01-31 in Shanghai, names no holiday
        'DTSTART;VALUE=DATE:20270403|DTEND;VALUE=DATE:20270406|SUMMARY:清明节放假',
        'DTSTART;VALUE=DATE:20270410|SUMMARY:调休上班',
        'DTSTART;VALUE=DATE:20270501|SUMMARY:劳动节放假|STATUS:CANCELLED',
        'DTSTART;VALUE=DATE:20270214|SUMMARY:情人节', // a festival, neither rest nor work
      );
    expect(parseHolidayIcs(text, 2027)).toEqual({
      source: '-//test//holidays//CN',
      holidays: [
        h('春节', '2027-02-05', '2027-02-09', ['2027-01-31']),
        h('清明节', '2027-04-03', '2027-04-05', ['2027-04-10']),
      ],
    });
  });

  it.each([
    ['春节 假期', '春节 补班'],
    ['春节（休）', '春节（班）'],
    ['春节(休)', '春节(班)'],
    ['春节 休', '春节 上班'],
    ['春节放假', '调休上班'],
    ['春节假期 第1天/共9天', '补班（春节） 第1天/共1天'],
    ['Spring Festival(Holiday)', 'Spring Festival(Workday)'],
  ])('rest “%s”, make-up “%s”', (rest, work) => {
    const text = calendar(
      `DTSTART;VALUE=DATE:20270205|DTEND;VALUE=DATE:20270214|SUMMARY:${rest}`,
      `DTSTART;VALUE=DATE:20270220|SUMMARY:${work}`,
    );
    expect(parseHolidayIcs(text, 2027).holidays).toEqual([
      h('春节', '2027-02-05', '2027-02-13', ['2027-02-20']),
    ]);
  });

  it('a working weekday between two rest runs of the same holiday splits them', () => {
    const text = calendar(
      'DTSTART;VALUE=DATE:20270101|SUMMARY:元旦（休）',
      'DTSTART;VALUE=DATE:20270105|SUMMARY:元旦（休）',
    );
    expect(parseHolidayIcs(text, 2027).holidays).toEqual([
      h('元旦', '2027-01-01', '2027-01-01'),
      h('元旦', '2027-01-05', '2027-01-05'),
    ]);
  });

  it('refuses a file with no holidays in the year, saying which years it has', async () => {
    const other = await rejection(() => parseHolidayIcs(fixture('combined-names-2025.ics'), 2027));
    expect(other.zh).toContain('没有 2027 年的放假日');
    expect(other.zh).toContain('2025');
    expect(other.en).toContain('no holidays in 2027');
    await rejection(() => parseHolidayIcs(calendar(), 2027));
    await rejection(() => parseHolidayIcs(calendar('DTSTART;VALUE=DATE:20270210|SUMMARY:调休上班'), 2027));
  });

  it('refuses a broken file with a bilingual error, never a raw exception', async () => {
    for (const broken of [
      'not a calendar',
      '',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:春节（休）\r\n',
      'BEGIN:VEVENT\r\nEND:VEVENT',
      calendar('DTSTART;VALUE=DATE:2027xx05|SUMMARY:春节（休）'),
    ])
      await rejection(() => parseHolidayIcs(broken, 2027));
  });
});

describe('detectHolidayFile', () => {
  it('knows a workbook and a calendar by their first bytes, else by their names', async () => {
    const xlsx = await holidayTemplate(2027, [], '');
    const ics = Buffer.from(fixture('multiday-xiu-ban-2026.ics'));
    expect(detectHolidayFile('upload', xlsx)).toBe('xlsx');
    expect(detectHolidayFile('holidays.txt', ics)).toBe('ics');
    expect(
      detectHolidayFile(
        'x.ics',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\nbegin:vcalendar\r\n')]),
      ),
    ).toBe('ics');
    expect(detectHolidayFile('damaged.ics', Buffer.from('garbage'))).toBe('ics');
    expect(detectHolidayFile('damaged.XLSX', Buffer.from('garbage'))).toBe('xlsx');
    expect(detectHolidayFile('notes.txt', Buffer.from('garbage'))).toBeNull();
    expect(detectHolidayFile('empty', Buffer.alloc(0))).toBeNull();
  });
});
