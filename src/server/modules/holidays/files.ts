/**
 * A year's holiday arrangement (节假日安排) in and out of files: the Excel template a street
 * admin fills in from the State Council notice, reading it back, and reading the iCalendar
 * (.ics) holiday feeds people subscribe to. Parsing only: whether the arrangement itself is
 * sound (overlaps, make-up days on weekends) is checked afterwards by the shared validator.
 */
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { addDays, isIsoDate, yearOf, type Holiday } from '../../../core/calendar.ts';
import { badInput, type RowIssue } from '../../../core/errors.ts';
import { assertWorkbookWithin, looksLikeZip } from '../../platform/files.ts';

export type HolidayFileKind = 'xlsx' | 'ics';

export interface ParsedArrangement {
  holidays: Holiday[];
  /** the notice number or link (workbook), or the calendar's name (ics) */
  source: string;
}

// ---------------------------------------------------------------- the sheet layout

export const HOLIDAY_SHEET = '放假安排';
export const INSTRUCTIONS_SHEET = '说明 Instructions';
/** A template is a few kB; anything near this is not one (and exceljs needs ~90× the size in memory). */
export const MAX_HOLIDAY_FILE_BYTES = 1024 * 1024;
/** What a template may unpack to: ours unpacks to about 30 kB. */
export const MAX_HOLIDAY_UNPACKED_BYTES = 2 * 1024 * 1024;
/** A year has seven-odd holidays; more rows than this is not an arrangement. */
const MAX_HOLIDAY_ROWS = 100;
const MAX_NAME_LENGTH = 30;
const DATE_FORMAT = 'yyyy-mm-dd';
const TITLE_ROW = 1;
const SOURCE_ROW = 2;
const HEADER_ROW = 3;
/** rows below the prefilled ones that still get the date check, for holidays the admin adds */
const SPARE_ROWS = 10;

const SOURCE_LABEL = { zh: '发布文号或链接', en: 'Source (notice number or link)' };

interface HolidayColumn {
  key: 'name' | 'start' | 'end' | 'workdays';
  zh: string;
  en: string;
  width: number;
  guideZh: string;
  guideEn: string;
}

const COLUMNS: readonly HolidayColumn[] = [
  {
    key: 'name',
    zh: '节日',
    en: 'Holiday',
    width: 18,
    guideZh: '按通知的写法，如“春节”；合并放假的写在一行，如“中秋节、国庆节”',
    guideEn: 'As the notice names it, e.g. 春节; holidays taken together go in one row, e.g. 中秋节、国庆节',
  },
  {
    key: 'start',
    zh: '放假开始',
    en: 'First rest day',
    width: 18,
    guideZh: '第一个放假日（含周末）',
    guideEn: 'The first day off, weekends included',
  },
  {
    key: 'end',
    zh: '放假结束',
    en: 'Last rest day',
    width: 18,
    guideZh: '最后一个放假日（含周末）；只放一天的，与开始日相同',
    guideEn: 'The last day off, weekends included; the same as the first for a single day',
  },
  {
    key: 'workdays',
    zh: '调休上班日',
    en: 'Make-up working days',
    width: 44,
    guideZh: '通知中“上班”的周末日期，多个用顿号、逗号或空格分隔，如“2027-02-07、2027-02-20”；没有就留空',
    guideEn:
      'The weekend days the notice says are worked, several separated by 、 , or spaces, e.g. 2027-02-07、2027-02-20; empty when there are none',
  },
];

const instructions = (year: number): [string, string][] => [
  [
    `本表用于录入 ${year} 年国务院办公厅发布的节假日安排。表中已按法定节假日预填，请对照通知逐项核对、修改。`,
    `Enter ${year}'s holiday arrangement as published by the General Office of the State Council. The rows are prefilled with the statutory holidays: check each one against the notice and correct it.`,
  ],
  [
    `在“${SOURCE_LABEL.zh}”一行填写通知的文号或网址，便于日后核对。`,
    `Put the notice's number or web address in the “${SOURCE_LABEL.en}” row so the entry can be checked later.`,
  ],
  [
    `日期可以是 Excel 日期，或写成 ${year}-02-05、${year}/2/5、${year}.2.5、${year}年2月5日；只能是 ${year} 年内的日期。`,
    `Dates may be Excel dates or text such as ${year}-02-05, ${year}/2/5, ${year}.2.5 or ${year}年2月5日; only dates in ${year}.`,
  ],
  [
    '表头行请勿修改；可以插入空行或删除行，空行会被跳过。',
    'Keep the header row as it is; blank rows may be inserted and are skipped.',
  ],
  [
    '导入时检查每一行：只要有一处错误就不保存，并列出每个错误的行号、列和原因。',
    'Every row is checked on import: if anything is wrong nothing is saved, and each error is listed with its row, column and reason.',
  ],
  [
    '也可以导入 .ics 日历文件（如网上的中国法定节假日订阅日历）。',
    'An .ics calendar file (such as a Chinese public holiday subscription feed) can be imported instead.',
  ],
];

const headerText = (c: { zh: string; en: string }) => `${c.zh}\n${c.en}`;
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// ---------------------------------------------------------------- the template

/** The sheet a street admin fills in for `year`, prefilled with `prefill` (the statutory holidays). */
export async function holidayTemplate(year: number, prefill: Holiday[], source = ''): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '江湾 Jiangwan';
  const sheet = workbook.addWorksheet(HOLIDAY_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    // dates typed into the date columns become dates; make-up days stay text so several fit in one cell
    style:
      c.key === 'start' || c.key === 'end'
        ? { numFmt: DATE_FORMAT }
        : c.key === 'workdays'
          ? { numFmt: '@' }
          : {},
  }));
  const lastColumn = String.fromCharCode(64 + COLUMNS.length);

  sheet.mergeCells(`A${TITLE_ROW}:${lastColumn}${TITLE_ROW}`);
  const title = sheet.getCell(`A${TITLE_ROW}`);
  title.value = `${year} 年节假日安排  Holiday arrangement for ${year}`;
  title.font = { bold: true, size: 14 };
  sheet.getRow(TITLE_ROW).height = 24;

  const sourceRow = sheet.getRow(SOURCE_ROW);
  sourceRow.getCell(1).value = headerText(SOURCE_LABEL);
  sourceRow.getCell(1).font = { bold: true };
  sheet.mergeCells(`B${SOURCE_ROW}:${lastColumn}${SOURCE_ROW}`);
  sourceRow.getCell(2).value = source;
  sourceRow.getCell(2).numFmt = '@';
  sourceRow.alignment = { wrapText: true, vertical: 'middle' };
  sourceRow.height = 32;

  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    cell.font = { bold: true };
    // same highlight as the registry template: these must be filled in
    if (c.key !== 'workdays')
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
  });
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;

  for (const h of prefill)
    sheet.addRow({
      name: h.name,
      start: utcDate(h.start),
      end: utcDate(h.end),
      workdays: h.workdays.join('、') || null,
    });

  // Excel warns (but lets the admin go on) when a typed date is not in the year
  const wrongYear = { zh: `请填写 ${year} 年内的日期`, en: `Enter a date in ${year}` };
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + prefill.length + SPARE_ROWS; r++) {
    for (const col of [2, 3]) {
      sheet.getRow(r).getCell(col).dataValidation = {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        formulae: [utcDate(`${year}-01-01`), utcDate(`${year}-12-31`)],
        errorTitle: '日期 Date',
        error: `${wrongYear.zh} / ${wrongYear.en}`,
      };
    }
  }

  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), year);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(guide: ExcelJS.Worksheet, year: number) {
  guide.columns = [{ width: 24 }, { width: 60 }, { width: 70 }];
  guide.addRow(['列 Column', '说明', 'Notes']).font = { bold: true };
  // one column title per row, so this sheet is never taken for the holiday sheet
  guide.addRow([
    `${SOURCE_LABEL.zh} ${SOURCE_LABEL.en}`,
    `通知的文号（如“国办发明电〔${year - 1}〕×号”）或网址`,
    `The notice's number (e.g. 国办发明电〔${year - 1}〕×号) or web address`,
  ]);
  for (const c of COLUMNS) guide.addRow([`${c.zh} ${c.en}`, c.guideZh, c.guideEn]);
  guide.addRow([]);
  guide.addRow(['规则 Rules']).font = { bold: true };
  for (const [zh, en] of instructions(year)) guide.addRow(['', zh, en]);
  guide.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
}

// ---------------------------------------------------------------- reading the workbook

const notAWorkbook = () =>
  badInput(
    'file',
    '文件不是 Excel 工作簿（.xlsx）；旧版 .xls、WPS 或 LibreOffice 格式请先另存为 .xlsx',
    'The file is not an Excel workbook (.xlsx); save an .xls, WPS or LibreOffice file as .xlsx first',
  );
const tooBig = () =>
  badInput(
    'file',
    `文件过大（最多 ${MAX_HOLIDAY_FILE_BYTES / 1024 / 1024} MB），请使用节假日模板`,
    `The file is too large (at most ${MAX_HOLIDAY_FILE_BYTES / 1024 / 1024} MB); use the holiday template`,
  );

/** Header and label text compared without spaces or line breaks, case-insensitively. */
const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();
const titled = (text: string, c: { zh: string; en: string }) => {
  const t = squeeze(text);
  return t !== '' && (t.startsWith(c.zh) || t.includes(squeeze(c.en)));
};

/** What a cell shows: a date or number as such, anything else (rich text, links, formula results) as its text. */
function cellContent(cell: ExcelJS.Cell): Date | number | string {
  const value: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (value instanceof Date || typeof value === 'number') return value;
  return cell.text.trim();
}

/** A problem with one cell; `message` names the column, the row is added where it is shown. */
class CellIssues {
  readonly items: RowIssue[] = [];
  add(row: number, column: { zh: string; en: string }, zh: string, en: string) {
    this.items.push({
      row,
      column: column.zh,
      message: `“${column.zh}”${zh}`,
      messageEn: `“${column.en}”: ${en}`,
    });
  }
}

/** Every problem at once, the first named in the message, all of them in details (as the registry import reports them). */
function rejected(issues: RowIssue[]) {
  const [first] = issues;
  const more = issues.length - 1;
  return badInput(
    'file',
    `第 ${first!.row} 行${first!.message}${more ? `；另有 ${more} 处错误` : ''}`,
    `Row ${first!.row}, ${first!.messageEn}${more ? `; and ${more} more problem(s)` : ''}`,
    { rows: issues, total: issues.length },
  );
}

/**
 * Reads the holiday sheet back: the header row is found by its titles (so inserted rows above
 * it do no harm), the source from the labelled row above it, then one holiday per non-empty row.
 * Every cell problem is collected and reported together.
 */
export async function parseHolidayWorkbook(buf: Buffer, year: number): Promise<ParsedArrangement> {
  if (!looksLikeZip(buf)) throw notAWorkbook();
  if (buf.length > MAX_HOLIDAY_FILE_BYTES) throw tooBig();
  await assertWorkbookWithin(buf, MAX_HOLIDAY_UNPACKED_BYTES, notAWorkbook);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw notAWorkbook();
  }
  // the holiday sheet first; any other one in case it was renamed; never the instructions
  const sheets = [
    ...workbook.worksheets.filter((s) => s.name === HOLIDAY_SHEET),
    ...workbook.worksheets.filter((s) => s.name !== HOLIDAY_SHEET && s.name !== INSTRUCTIONS_SHEET),
  ];
  for (const sheet of sheets) {
    const header = findHeader(sheet);
    if (header) return readHolidayRows(sheet, header, year);
  }
  const titles = COLUMNS.map((c) => c.zh).join('、');
  throw badInput(
    'file',
    `找不到表头行（${titles}），请使用节假日模板`,
    `No header row found (${COLUMNS.map((c) => c.en).join(', ')}); use the holiday template`,
  );
}

interface HeaderRow {
  row: number;
  columnOf: Record<HolidayColumn['key'], number>;
}

/** The first row naming at least two different column titles; a missing title there is an error. */
function findHeader(sheet: ExcelJS.Worksheet): HeaderRow | null {
  let found: HeaderRow | null = null;
  sheet.eachRow((row) => {
    if (found) return;
    const columnOf: Partial<HeaderRow['columnOf']> = {};
    row.eachCell((cell, col) => {
      const column = COLUMNS.find((c) => titled(cellContent(cell).toString(), c));
      if (column && columnOf[column.key] === undefined) columnOf[column.key] = col;
    });
    if (Object.keys(columnOf).length < 2) return;
    const missing = COLUMNS.filter((c) => columnOf[c.key] === undefined);
    if (missing.length) {
      const issues = new CellIssues();
      for (const c of missing)
        issues.add(
          row.number,
          c,
          '列缺失：表头行应有此列，请使用节假日模板',
          'column missing from the header row; use the holiday template',
        );
      throw rejected(issues.items);
    }
    found = { row: row.number, columnOf: columnOf as HeaderRow['columnOf'] };
  });
  return found;
}

function readHolidayRows(sheet: ExcelJS.Worksheet, header: HeaderRow, year: number): ParsedArrangement {
  const source = readSource(sheet, header.row);
  const issues = new CellIssues();
  const holidays: Holiday[] = [];
  let dataRows = 0;
  sheet.eachRow((row) => {
    if (row.number <= header.row) return;
    const cell = (key: HolidayColumn['key']) => cellContent(row.getCell(header.columnOf[key]));
    const cells = { name: cell('name'), start: cell('start'), end: cell('end'), workdays: cell('workdays') };
    if (Object.values(cells).every((v) => v === '')) return;
    if (++dataRows > MAX_HOLIDAY_ROWS)
      throw badInput(
        'file',
        `数据行过多（最多 ${MAX_HOLIDAY_ROWS} 行），请使用节假日模板`,
        `Too many rows (at most ${MAX_HOLIDAY_ROWS}); use the holiday template`,
      );
    const holiday = readHolidayRow(row.number, cells, year, issues);
    if (holiday) holidays.push(holiday);
  });
  if (issues.items.length) throw rejected(issues.items);
  if (!holidays.length) throw badInput('file', '表中没有填写任何节日', 'The sheet lists no holidays');
  return { holidays, source };
}

/** The text after the source label, in the rows above the header. */
function readSource(sheet: ExcelJS.Worksheet, headerRow: number): string {
  for (let r = 1; r < headerRow; r++) {
    const texts: string[] = [];
    sheet.getRow(r).eachCell((cell) => texts.push(cellContent(cell).toString().trim()));
    const label = texts.findIndex((t) => titled(t, SOURCE_LABEL));
    if (label >= 0) return texts.slice(label + 1).find(Boolean) ?? '';
  }
  return '';
}

type Cells = Record<HolidayColumn['key'], Date | number | string>;
const COLUMN = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<
  HolidayColumn['key'],
  HolidayColumn
>;

function readHolidayRow(row: number, cells: Cells, year: number, issues: CellIssues): Holiday | null {
  const before = issues.items.length;
  const name = cells.name.toString().trim();
  if (!name) issues.add(row, COLUMN.name, '不能为空', 'required');
  else if ([...name].length > MAX_NAME_LENGTH)
    issues.add(
      row,
      COLUMN.name,
      `过长（最多 ${MAX_NAME_LENGTH} 个字符）`,
      `too long (at most ${MAX_NAME_LENGTH} characters)`,
    );

  const oneDate = (key: 'start' | 'end'): string => {
    const value = cells[key];
    if (value === '') {
      issues.add(row, COLUMN[key], '不能为空', 'required');
      return '';
    }
    return checkedDate(row, COLUMN[key], value, year, issues) ?? '';
  };
  const start = oneDate('start');
  const end = oneDate('end');

  const workdays = new Set<string>();
  const listed = cells.workdays;
  for (const item of typeof listed === 'string' ? splitDateList(listed) : [listed]) {
    const date = checkedDate(row, COLUMN.workdays, item, year, issues);
    if (date) workdays.add(date);
  }
  if (issues.items.length > before) return null;
  return { name, start, end, workdays: [...workdays].sort() };
}

function checkedDate(
  row: number,
  column: HolidayColumn,
  value: Date | number | string,
  year: number,
  issues: CellIssues,
): string | null {
  const date = cellDate(value, year);
  if (!date) {
    const shown = [...value.toString()].slice(0, 30).join('');
    issues.add(
      row,
      column,
      `不是日期：“${shown}”（请写成 ${year}-02-05）`,
      `not a date: “${shown}” (write it as ${year}-02-05)`,
    );
    return null;
  }
  if (yearOf(date) !== year) {
    issues.add(row, column, `的日期 ${date} 不在 ${year} 年`, `${date} is not in ${year}`);
    return null;
  }
  return date;
}

// ---------------------------------------------------------------- dates as people write them

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Excel serials of 1990-01-01 and 2099-12-31: a plain number in that range is a date that lost its format. */
const SERIAL_RANGE = [32874, 73050] as const;

/** A cell's date as 'YYYY-MM-DD', or null when it holds no date. */
function cellDate(value: Date | number | string, year: number): string | null {
  // exceljs reads Excel dates as UTC midnights
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (value >= SERIAL_RANGE[0] && value <= SERIAL_RANGE[1])
      return new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
    return parseDateText(String(value), year);
  }
  return parseDateText(value, year);
}

/** A weekday in brackets after a date, as the notice writes it: 2月7日（星期日）. */
const WEEKDAY_NOTE = /\(\s*(星期|周|礼拜)[一二三四五六日天]\s*\)/g;

const DATE_PATTERNS = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/,
  /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
  // as the notice writes it, without the year
  /^(?<m>\d{1,2})月(?<d>\d{1,2})日$/,
];

/**
 * 2027-02-05, 2027/2/5, 2027.2.5, 20270205, 2027年2月5日, or 2月5日 (taken in `year`);
 * full-width digits and a weekday note are allowed.
 */
function parseDateText(text: string, year: number): string | null {
  const t = text.normalize('NFKC').replace(WEEKDAY_NOTE, '').replace(/\s+/g, '');
  const parts = DATE_PATTERNS.map((re) => re.exec(t)?.groups).find(Boolean);
  if (!parts) return null;
  const iso = `${parts.y ?? year}-${parts.m!.padStart(2, '0')}-${parts.d!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Several dates in one cell: separated by 、，,;； spaces or line breaks; "上班" copied from the notice is ignored. */
function splitDateList(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(WEEKDAY_NOTE, ' ')
    .replace(/(调休)?上班/g, ' ')
    .split(/[、,;\s]+/)
    .filter(Boolean);
}

// ---------------------------------------------------------------- iCalendar feeds

/** Holiday feeds of a few years are tens of kB; festival calendars for decades a few MB. */
export const MAX_ICS_CHARS = 5 * 1024 * 1024;

const STATUTORY_NAMES: [string, RegExp][] = [
  ['元旦', /元旦|(?<!(chinese|lunar) )new year'?s day/i],
  ['春节', /春节|spring festival|(chinese|lunar) new year/i],
  ['清明节', /清明|tomb[- ]?sweeping|qingming/i],
  ['劳动节', /劳动节|五一|labou?r day|may day/i],
  ['端午节', /端午|dragon boat/i],
  ['中秋节', /中秋|mid[- ]?autumn/i],
  ['国庆节', /国庆|national day/i],
];
/** 补班, 上班, （班）, 调休上班, (Workday): checked first, since 上班(补春节假期) also says 假 */
const WORK_MARK = /班|workday|working day/i;
/** （休）, 假期, 放假, (Holiday) */
const REST_MARK = /休|假|holiday|day off/i;
/** what is left of a summary once the markers and day counters are gone is the holiday's name */
const NOT_NAME =
  /第\s*\d+\s*天|共\s*\d+\s*天|[/()[\]【】]|假期|放假|补班|上班|调休|休息|holiday|workday|[休班补]/gi;
const UNNAMED = '节假日';

/** The statutory holidays a summary names, in the order it names them (国庆节、中秋节假期 names two). */
function namesIn(summary: string): string[] {
  const found = STATUTORY_NAMES.map(([name, re]) => ({ name, at: summary.search(re) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((f) => f.name);
  if (found.length) return found;
  const rest = summary.replace(NOT_NAME, '').trim();
  return rest ? [rest] : [];
}

/** Rest or make-up day, by the summary's marker, else Apple's special-day property; a bare statutory name is a rest day. */
function kindOf(summary: string, appleSpecialDay: string): 'rest' | 'work' | null {
  if (WORK_MARK.test(summary)) return 'work';
  if (REST_MARK.test(summary)) return 'rest';
  if (/^ALTERNATE-WORKDAY$/i.test(appleSpecialDay)) return 'work';
  if (/^WORK-HOLIDAY$/i.test(appleSpecialDay)) return 'rest';
  return STATUTORY_NAMES.some(([, re]) => re.test(summary)) ? 'rest' : null;
}

const unreadableIcs = () =>
  badInput(
    'file',
    '无法读取日历文件：不是有效的 iCalendar（.ics）文件',
    'The calendar file cannot be read: it is not a valid iCalendar (.ics) file',
  );

/**
 * Reads a holiday feed: each event is a rest day or a make-up working day (see kindOf), all-day
 * with an exclusive DTEND or timed, over one or several days. Days outside `year` are ignored.
 * Rest days running on (across weekends) make one holiday, named after the holidays its events
 * name; make-up days go to the holiday they name, else the nearest one.
 */
export function parseHolidayIcs(text: string, year: number): ParsedArrangement {
  if (text.length > MAX_ICS_CHARS)
    throw badInput(
      'file',
      `日历文件过大（最多 ${MAX_ICS_CHARS / 1024 / 1024} MB）`,
      `The calendar file is too large (at most ${MAX_ICS_CHARS / 1024 / 1024} MB)`,
    );
  const calendars = readCalendars(text.replace(/^\uFEFF/, ''));
  const restNames = new Map<string, string[]>();
  const workNames = new Map<string, string[]>();
  const yearsSeen = new Set<number>();
  const [firstDay, lastDay] = [`${year}-01-01`, `${year}-12-31`];
  for (const event of calendars.flatMap((c) => c.getAllSubcomponents('vevent'))) {
    if (/^cancelled$/i.test(textProperty(event, 'status'))) continue;
    const summary = textProperty(event, 'summary').normalize('NFKC').trim();
    const kind = kindOf(summary, textProperty(event, 'x-apple-special-day'));
    if (!kind) continue;
    const span = eventSpan(event, summary);
    if (!span) continue;
    yearsSeen.add(yearOf(span.first)).add(yearOf(span.last));
    const names = namesIn(summary);
    const days = kind === 'rest' ? restNames : workNames;
    // only the days in `year`: the 31 December of a 元旦 starting the year before is that year's
    const from = span.first > firstDay ? span.first : firstDay;
    const to = span.last < lastDay ? span.last : lastDay;
    for (let day = from; day <= to; day = addDays(day, 1))
      days.set(day, [...new Set([...(days.get(day) ?? []), ...names])]);
  }
  if (!restNames.size) {
    const others = [...yearsSeen].filter((y) => y !== year).sort();
    throw badInput(
      'file',
      `日历文件中没有 ${year} 年的放假日${others.length ? `（文件中只有 ${others.join('、')} 年的数据）` : ''}`,
      `The calendar file has no holidays in ${year}${others.length ? ` (it only has ${others.join(', ')})` : ''}`,
    );
  }
  const holidays = groupRestDays(restNames, new Set(workNames.keys()));
  attachWorkdays(holidays, workNames);
  const source =
    ['x-wr-calname', 'name', 'prodid']
      .map((p) => calendars.map((c) => textProperty(c, p)).find(Boolean))
      .find(Boolean) ?? '';
  return { holidays: holidays.map(({ names: _names, ...h }) => h), source };
}

function readCalendars(text: string): ICAL.Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    throw unreadableIcs();
  }
  // several VCALENDARs in one file come back as a list of them
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const calendars = roots
    .filter((r): r is unknown[] => Array.isArray(r) && r[0] === 'vcalendar')
    .map((r) => new ICAL.Component(r));
  if (!calendars.length) throw unreadableIcs();
  return calendars;
}

function textProperty(component: ICAL.Component, name: string): string {
  try {
    const value = component.getFirstPropertyValue(name);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** The calendar date of a time in Shanghai: dates and local times as written, UTC times moved to +08:00. */
function shanghaiDate(time: ICAL.Time): string {
  const t = time.clone();
  if (!t.isDate && t.zone?.tzid === 'UTC') t.adjust(0, 8, 0, 0);
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/**
 * The first and last day an event covers. An all-day DTEND is exclusive; many feeds write DTEND
 * equal to DTSTART (or none) for a single day, which is taken as that day.
 */
function eventSpan(event: ICAL.Component, summary: string): { first: string; last: string } | null {
  let start: ICAL.Time, end: ICAL.Time | null;
  try {
    const dtstart = event.getFirstPropertyValue('dtstart');
    const dtend = event.getFirstPropertyValue('dtend');
    const duration = event.getFirstPropertyValue('duration');
    if (!(dtstart instanceof ICAL.Time)) return null;
    start = dtstart;
    end = dtend instanceof ICAL.Time ? dtend : null;
    if (!end && duration instanceof ICAL.Duration) {
      end = start.clone();
      end.addDuration(duration);
    }
  } catch {
    throw badInput(
      'file',
      `日历文件中的事件“${summary}”日期无效`,
      `The calendar event “${summary}” has an invalid date`,
    );
  }
  const first = shanghaiDate(start);
  if (!end || end.compare(start) <= 0) return { first, last: first };
  if (end.isDate) return { first, last: addDays(shanghaiDate(end), -1) };
  const justBefore = end.clone();
  justBefore.adjust(0, 0, 0, -1);
  return { first, last: shanghaiDate(justBefore) };
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

interface NamedHoliday extends Holiday {
  names: string[];
}

/**
 * Rest days in date order become holidays: the next rest day continues the current holiday
 * unless a working day lies between (a weekday, or a weekend make-up day); plain weekends join.
 * So 中秋节 and 国庆节 resting in one run are one holiday, as the notice lists them.
 */
function groupRestDays(restNames: Map<string, string[]>, workdays: Set<string>): NamedHoliday[] {
  const holidays: NamedHoliday[] = [];
  let current: NamedHoliday | null = null;
  for (const day of [...restNames.keys()].sort()) {
    let gapWorked = false;
    if (current)
      for (let d = addDays(current.end, 1); d < day && !gapWorked; d = addDays(d, 1))
        gapWorked = workdays.has(d) || !isWeekend(d);
    if (!current || gapWorked) {
      current = { name: '', start: day, end: day, workdays: [], names: [] };
      holidays.push(current);
    }
    current.end = day;
    for (const name of restNames.get(day)!) if (!current.names.includes(name)) current.names.push(name);
  }
  for (const h of holidays) h.name = h.names.join('、') || UNNAMED;
  return holidays;
}

/** Each make-up day goes to the nearest holiday it names, else to the nearest holiday. */
function attachWorkdays(holidays: NamedHoliday[], workNames: Map<string, string[]>) {
  const distance = (h: Holiday, day: string) => {
    const edge = day < h.start ? h.start : day > h.end ? h.end : day;
    return Math.abs(utcDate(edge).getTime() - utcDate(day).getTime());
  };
  const nearest = (candidates: NamedHoliday[], day: string) =>
    candidates.reduce((best, h) => (distance(h, day) < distance(best, day) ? h : best));
  for (const day of [...workNames.keys()].sort()) {
    const names = workNames.get(day)!;
    const named = holidays.filter((h) => h.names.some((n) => names.includes(n)));
    nearest(named.length ? named : holidays, day).workdays.push(day);
  }
}

// ---------------------------------------------------------------- which kind of file

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function looksLikeIcs(buf: Buffer): boolean {
  const head = buf
    .subarray(buf.subarray(0, 3).equals(BOM) ? 3 : 0, 64)
    .toString('latin1')
    .trimStart();
  return head.toUpperCase().startsWith('BEGIN:VCALENDAR');
}

/**
 * An upload's kind by its first bytes (an .xlsx is a ZIP; an .ics starts BEGIN:VCALENDAR), else
 * by its name, so a damaged file still reaches its parser and is told what is wrong with it.
 */
export function detectHolidayFile(filename: string, buf: Buffer): HolidayFileKind | null {
  if (looksLikeZip(buf)) return 'xlsx';
  if (looksLikeIcs(buf)) return 'ics';
  if (/\.xlsx$/i.test(filename)) return 'xlsx';
  if (/\.(ics|ical|icalendar)$/i.test(filename)) return 'ics';
  return null;
}
