/**
 * The registry in Excel: the import template, the import (read, validate every row, then write
 * everything in one transaction or nothing at all) and the export in the same layout, so an
 * export can be edited and imported again.
 *
 * One sheet row per unit-owner: a co-owned unit is several rows repeating the unit columns, a
 * unit without owners is one row with the owner columns empty.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, asc, eq, getTableColumns, getTableName, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { formatAreaM2, parseAreaM2 } from '../../../core/area.ts';
import { AppError, badInput, forbidden, notFound, type RowIssue } from '../../../core/errors.ts';
import {
  idCheckDigit,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
  maskPhone,
} from '../../../core/privacy.ts';
import { auditScope, canWriteCommittee, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { assertWorkbookWithin, looksLikeZip } from '../../platform/files.ts';
import type { EntityCounts, ImportResult } from './contract.ts';
import { identityConflictText, mayChangeIdentity, registryScope } from './policy.ts';
import { buildings, committees, estates, persons, stairwells, unitOwners, units } from './schema.ts';
import { ENTITY, ownerCommitteesOf } from './service.ts';

// ---------------------------------------------------------------- the sheet layout

export const REGISTRY_SHEET = '房屋与业主';
export const GUIDE_SHEET = '填写说明';
/** A street has some tens of thousands of units; more rows than this is not one registry. */
export const MAX_IMPORT_ROWS = 100_000;
/** Loading a workbook takes about 90 MB of memory per MB of .xlsx (10 MB ≈ 160,000 rows ≈ 0.9 GB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What a workbook may unpack to: 100,000 rows of our own export unpack to about 60 MB. */
export const MAX_IMPORT_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_REPORTED_ISSUES = 1000;

interface ColumnSpec {
  key: string;
  header: string;
  en: string;
  required: boolean;
  /** longest text accepted, as the registry API accepts it */
  max?: number;
  /** kept as text in Excel, so ID numbers and rooms such as "0101" survive */
  text?: boolean;
  width: number;
  guideZh: string;
  guideEn: string;
}

export const COLUMNS = [
  {
    key: 'committee',
    header: '居委会',
    en: "residents' committee",
    required: true,
    max: 100,
    width: 14,
    guideZh: '居委会名称，须与系统中的名称完全一致，如“胜利居委”',
    guideEn: "The residents' committee, named exactly as in the system, e.g. 胜利居委",
  },
  {
    key: 'estate',
    header: '小区',
    en: 'estate',
    required: true,
    max: 60,
    width: 16,
    guideZh: '小区名称；在同一居委会内按名称匹配，系统中没有则新建',
    guideEn: 'Estate name; matched by name within the committee, created when new',
  },
  {
    key: 'estateAddress',
    header: '小区地址',
    en: 'estate address',
    required: false,
    max: 200,
    width: 26,
    guideZh: '可空；留空则保留系统中已有的地址',
    guideEn: 'Optional; when empty the stored address is kept',
  },
  {
    key: 'building',
    header: '楼幢',
    en: 'building',
    required: true,
    max: 30,
    width: 8,
    guideZh: '楼号，如“26号”；在同一小区内按名称匹配',
    guideEn: 'Building, e.g. 26号; matched by name within the estate',
  },
  {
    key: 'floors',
    header: '楼幢层数',
    en: 'building floors',
    required: true,
    width: 9,
    guideZh: '2–12 的整数；系统中已有的楼幢须与登记的层数一致',
    guideEn: 'A whole number from 2 to 12; an existing building must keep its registered floors',
  },
  {
    key: 'buildingAddress',
    header: '楼幢地址',
    en: 'building address',
    required: false,
    max: 200,
    width: 28,
    guideZh: '可空；留空则保留系统中已有的地址',
    guideEn: 'Optional; when empty the stored address is kept',
  },
  {
    key: 'stairwell',
    header: '单元',
    en: 'stairwell',
    required: true,
    max: 30,
    width: 8,
    guideZh: '单元（门洞），如“1单元”；在同一楼幢内按名称匹配',
    guideEn: 'Stairwell (entrance), e.g. 1单元; matched by name within the building',
  },
  {
    key: 'floor',
    header: '楼层',
    en: 'floor',
    required: true,
    width: 6,
    guideZh: '1 至楼幢层数之间的整数',
    guideEn: "A whole number from 1 to the building's floors",
  },
  {
    key: 'room',
    header: '室号',
    en: 'room',
    required: true,
    max: 10,
    text: true,
    width: 8,
    guideZh: '如“301”；在同一单元内按室号匹配，已有的房屋按本表更新楼层和面积',
    guideEn: "e.g. 301; matched within the stairwell; an existing unit takes this sheet's floor and area",
  },
  {
    key: 'area',
    header: '登记面积(㎡)',
    en: 'registered area (m²)',
    required: true,
    text: true,
    width: 12,
    guideZh: '不动产登记面积，大于 0，最多两位小数，如 65.40',
    guideEn: 'Registered floor area, above 0, at most two decimals, e.g. 65.40',
  },
  {
    key: 'ownerName',
    header: '业主姓名',
    en: 'owner name',
    required: false,
    max: 50,
    width: 10,
    guideZh: '每位业主一行：共有房屋写多行并重复房屋各列；暂无业主信息的房屋留空',
    guideEn:
      'One row per owner: a co-owned unit takes several rows repeating the unit columns; leave empty for a unit without known owners',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    en: 'ID number',
    required: false,
    max: 18,
    text: true,
    width: 21,
    guideZh:
      '18 位居民身份证号（含校验位）；同一人拥有多套房屋时以此识别为同一业主。含 * 的脱敏号码表示“保持系统中的号码不变”',
    guideEn:
      'The 18-character resident ID; it identifies one owner across units. A masked number (with *) keeps the stored one',
  },
  {
    key: 'phone',
    header: '手机号',
    en: 'phone',
    required: false,
    max: 20,
    text: true,
    width: 14,
    guideZh: '手机号或固定电话（如 021-65431234）；留空或含 * 的脱敏号码表示“保持不变”',
    guideEn: 'Mobile or landline (e.g. 021-65431234); empty or masked (with *) keeps the stored one',
  },
] as const satisfies readonly ColumnSpec[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
const SPECS: readonly ColumnSpec[] = COLUMNS;
const COLUMN = Object.fromEntries(SPECS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnSpec>;
const COLUMN_ORDER = new Map<string, number>(COLUMNS.map((c, i) => [c.header, i]));

/** One sheet row as written: text, or whole numbers for the floor columns. */
export type SheetRow = Record<ColumnKey, string | number>;

const GENERAL_RULES: [string, string][] = [
  [
    '每行是一户房屋的一位业主；表头（第一行）请勿修改。',
    'Each row is one owner of one unit; keep the header row as it is.',
  ],
  [
    '导入前先检查全部行：只要有一行有误，就不写入任何数据，并列出每个错误的行号、列和原因。',
    'Every row is checked first: if any row is wrong nothing is written, and each error is listed with its row, column and reason.',
  ],
  [
    '导入只新增或更新，不删除：文件中没有的小区、房屋、业主保持不变。',
    'Importing adds and updates, it never deletes: what the file leaves out stays as it is.',
  ],
  [
    '同一份文件重复导入不会产生重复数据。导出的文件可以修改后再导入。',
    'Importing the same file twice changes nothing the second time. An export can be edited and imported again.',
  ],
  [
    '没有身份证号的业主，按姓名在同一房屋内匹配。',
    'Owners without an ID number are matched by name within the unit.',
  ],
  [
    '请删除示例行（示例居委会）后再填写。',
    'Delete the example rows (示例居委会) before filling in your own.',
  ],
];

const exampleId = (first17: string) => first17 + idCheckDigit(first17);
const EXAMPLE_UNIT = {
  committee: '示例居委会',
  estate: '示例小区',
  estateAddress: '上海市虹口区示例路100弄',
  building: '1号',
  floors: 6,
  buildingAddress: '上海市虹口区示例路100弄1号',
  stairwell: '1单元',
};
const EXAMPLE_ROWS: SheetRow[] = [
  {
    ...EXAMPLE_UNIT,
    floor: 1,
    room: '101',
    area: '65.40',
    ownerName: '张三',
    idNumber: exampleId('31010919500101123'),
    phone: '13800000001',
  },
  {
    ...EXAMPLE_UNIT,
    floor: 1,
    room: '101',
    area: '65.40',
    ownerName: '李四',
    idNumber: exampleId('31010919520202234'),
    phone: '',
  },
  { ...EXAMPLE_UNIT, floor: 1, room: '102', area: '58.20', ownerName: '', idNumber: '', phone: '' },
];

// ---------------------------------------------------------------- writing

/** The registry sheet with these rows, and the guide sheet. */
export async function writeRegistryWorkbook(rows: SheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '江湾 Jiangwan';
  const sheet = workbook.addWorksheet(REGISTRY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SPECS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).eachCell((cell, col) => {
    cell.font = { bold: true };
    // required columns stand out; the guide sheet says so
    if (COLUMNS[col - 1]?.required)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
  });
  sheet.addRows(rows);
  writeGuideSheet(workbook.addWorksheet(GUIDE_SHEET));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeGuideSheet(guide: ExcelJS.Worksheet) {
  guide.columns = [{ width: 14 }, { width: 10 }, { width: 60 }, { width: 70 }];
  guide.addRow(['列 Column', '必填 Required', '说明', 'Notes']).font = { bold: true };
  for (const c of COLUMNS) guide.addRow([c.header, c.required ? '是 yes' : '否 no', c.guideZh, c.guideEn]);
  guide.addRow([]);
  guide.addRow(['规则 Rules']).font = { bold: true };
  for (const [zh, en] of GENERAL_RULES) guide.addRow(['', '', zh, en]);
  guide.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
}

export function registryTemplate(): Promise<Buffer> {
  return writeRegistryWorkbook(EXAMPLE_ROWS);
}

// ---------------------------------------------------------------- reading

/** One data row of the sheet, every cell as trimmed text. */
export interface SheetLine {
  row: number;
  cells: Record<ColumnKey, string>;
  /** Excel kept the ID number as a number: its last digits are already lost */
  numericId: boolean;
}

const normaliseHeader = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/m²|m2|平方米/gi, '㎡');
const HEADER_KEY = new Map<string, ColumnKey>(COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('text' in value) return String(value.text).trim(); // hyperlink
  if ('error' in value) return String(value.error);
  return '';
}

const tooBig = () =>
  badInput(
    'file',
    `文件过大（最多 ${MAX_IMPORT_ROWS} 行、${MAX_IMPORT_BYTES / 1024 / 1024} MB），请按居委会拆分后分别导入`,
    `The file is too large (at most ${MAX_IMPORT_ROWS} rows, ${MAX_IMPORT_BYTES / 1024 / 1024} MB); split it by committee`,
  );
const notAWorkbook = () =>
  badInput(
    'file',
    '文件不是 Excel 工作簿（.xlsx）；旧版 .xls 请先另存为 .xlsx',
    'The file is not an Excel workbook (.xlsx); save an old .xls as .xlsx first',
  );

/**
 * Reads the data rows of the registry sheet: the first sheet whose header row names 居委会 (so a
 * renamed sheet still works). The whole workbook is loaded: exceljs's streaming reader decodes
 * each chunk on its own and garbles Chinese characters split across chunks, so memory is
 * bounded instead by MAX_IMPORT_BYTES and, before anything is inflated, by what the workbook
 * unpacks to (MAX_IMPORT_UNPACKED_BYTES).
 */
export async function readRegistrySheet(file: Buffer): Promise<SheetLine[]> {
  if (!looksLikeZip(file)) throw notAWorkbook();
  if (file.length > MAX_IMPORT_BYTES) throw tooBig();
  await assertWorkbookWithin(file, MAX_IMPORT_UNPACKED_BYTES, notAWorkbook);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw notAWorkbook();
  }
  for (const sheet of workbook.worksheets) {
    const columnKeys = headerColumns(sheet.getRow(1));
    if (!columnKeys) continue;
    if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooBig();
    const lines: SheetLine[] = [];
    sheet.eachRow((row) => {
      const line = row.number > 1 && sheetLine(row, columnKeys);
      if (line) lines.push(line);
    });
    return lines;
  }
  throw badInput(
    'file',
    `找不到“${REGISTRY_SHEET}”工作表：第一行应为表头（居委会、小区……），请使用导入模板`,
    `No registry sheet found: its first row must be the headers (居委会, 小区, …); use the import template`,
  );
}

/** The column of each known header, or null when this is not the registry sheet (no 居委会). */
function headerColumns(row: ExcelJS.Row): Map<number, ColumnKey> | null {
  const keys = new Map<number, ColumnKey>();
  row.eachCell((cell, col) => {
    const key = HEADER_KEY.get(normaliseHeader(cellText(cell.value)));
    if (key) keys.set(col, key);
  });
  const found = new Set(keys.values());
  if (!found.has('committee')) return null;
  const missing = COLUMNS.filter((c) => c.required && !found.has(c.key));
  if (missing.length)
    throw importRejected(
      missing.map((c) => ({
        row: row.number,
        column: c.header,
        message: `缺少必填列“${c.header}”`,
        messageEn: `The required column “${c.header}” (${c.en}) is missing`,
      })),
    );
  return keys;
}

function sheetLine(row: ExcelJS.Row, columnKeys: Map<number, ColumnKey>): SheetLine | null {
  const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;
  let numericId = false;
  for (const [col, key] of columnKeys) {
    const value = row.getCell(col).value;
    cells[key] = cellText(value);
    if (key === 'idNumber' && typeof value === 'number') numericId = true;
  }
  return Object.values(cells).some(Boolean) ? { row: row.number, cells, numericId } : null;
}

// ---------------------------------------------------------------- checking rows (no database)

/** Owner cells: an ID number or phone is full, masked ("keep what is stored") or empty. */
export interface OwnerCells {
  name: string;
  idNumber: string;
  phone: string;
}

export interface ImportRow {
  row: number;
  committee: string;
  estate: string;
  estateAddress: string;
  building: string;
  floors: number;
  buildingAddress: string;
  stairwell: string;
  floor: number;
  room: string;
  areaCenti: number;
  owner: OwnerCells | null;
  /** names joined down the tree: one key per estate, building, stairwell and unit of the file */
  keys: { estate: string; building: string; stairwell: string; unit: string };
}

export const isMasked = (value: string) => value.includes('*');
const SEP = '\u0001';
const joinKey = (...parts: string[]) => parts.join(SEP);
const MAX_FLOORS = 12;

class IssueList {
  readonly items: RowIssue[] = [];
  add(row: number, key: ColumnKey, message: string, messageEn: string) {
    this.items.push({ row, column: COLUMN[key].header, message, messageEn });
  }
}

/** Checks each row on its own, then the rows against each other. Pure: no database. */
export function checkRows(lines: SheetLine[]): { rows: ImportRow[]; issues: RowIssue[] } {
  const issues = new IssueList();
  const rows = lines.map((line) => parseLine(line, issues)).filter((r): r is ImportRow => r !== null);
  checkRowsAgree(rows, issues);
  return { rows, issues: issues.items };
}

function parseLine({ row, cells, numericId }: SheetLine, issues: IssueList): ImportRow | null {
  const before = issues.items.length;
  const text = (key: ColumnKey): string => {
    const spec = COLUMN[key];
    const value = cells[key];
    if (!value && spec.required) issues.add(row, key, `${spec.header}不能为空`, `The ${spec.en} is required`);
    else if (spec.max && [...value].length > spec.max)
      issues.add(
        row,
        key,
        `${spec.header}过长（最多 ${spec.max} 个字符）`,
        `The ${spec.en} is too long (at most ${spec.max} characters)`,
      );
    return value;
  };
  const wholeNumber = (key: 'floors' | 'floor', min: number): number => {
    const value = text(key);
    const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
    if (value && !(n >= min && n <= MAX_FLOORS))
      issues.add(
        row,
        key,
        `${COLUMN[key].header}应为 ${min}–${MAX_FLOORS} 的整数`,
        `The ${COLUMN[key].en} must be a whole number from ${min} to ${MAX_FLOORS}`,
      );
    return n;
  };

  const [committee, estate, estateAddress, building] = (
    ['committee', 'estate', 'estateAddress', 'building'] as const
  ).map(text) as [string, string, string, string];
  const floors = wholeNumber('floors', 2);
  const [buildingAddress, stairwell] = [text('buildingAddress'), text('stairwell')];
  const floor = wholeNumber('floor', 1);
  if (floor > floors)
    issues.add(
      row,
      'floor',
      `楼层 ${floor} 超过楼幢层数 ${floors}`,
      `Floor ${floor} is above the building's ${floors} floors`,
    );
  const room = text('room');
  const areaText = text('area');
  const areaCenti = areaText ? parseAreaM2(areaText) : null;
  if (areaText && areaCenti === null)
    issues.add(
      row,
      'area',
      '登记面积应为大于 0 的数字，最多两位小数（平方米）',
      'The registered area must be a positive number of m² with at most two decimals',
    );

  const owner = {
    name: text('ownerName'),
    idNumber: text('idNumber').toUpperCase(),
    phone: text('phone').replace(/\s+/g, ''),
  };
  if (!owner.name && (owner.idNumber || owner.phone))
    issues.add(
      row,
      'ownerName',
      '填写了身份证号或手机号时，业主姓名不能为空',
      'The owner name is required when an ID number or phone is given',
    );
  if (owner.idNumber && !isMasked(owner.idNumber) && !isValidIdNumber(owner.idNumber))
    issues.add(
      row,
      'idNumber',
      numericId
        ? '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写'
        : '身份证号无效（18 位，含校验位）',
      numericId
        ? 'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again'
        : 'Invalid resident ID number (18 characters with a check digit)',
    );
  if (owner.phone && !isMasked(owner.phone) && !isValidPhone(owner.phone))
    issues.add(
      row,
      'phone',
      '电话号码无效（11 位手机号或带区号的固定电话）',
      'Invalid phone number (an 11-digit mobile or a landline with its area code)',
    );

  if (issues.items.length > before) return null;
  const estateKey = joinKey(committee, estate);
  const buildingKey = joinKey(estateKey, building);
  const stairwellKey = joinKey(buildingKey, stairwell);
  return {
    row,
    committee,
    estate,
    estateAddress,
    building,
    floors,
    buildingAddress,
    stairwell,
    floor,
    room,
    areaCenti: areaCenti!,
    owner: owner.name ? owner : null,
    keys: {
      estate: estateKey,
      building: buildingKey,
      stairwell: stairwellKey,
      unit: joinKey(stairwellKey, room),
    },
  };
}

const SAME_ID = { zh: '身份证号', en: 'ID number' };

/**
 * Rows that describe the same estate, building, unit or person must agree (an empty optional
 * cell agrees with anything), and a unit listed with owners must not also be listed without.
 */
function checkRowsAgree(rows: ImportRow[], issues: IssueList) {
  const first = new Map<string, { row: number; value: string }>();
  const agree = (
    what: { zh: string; en: string },
    key: string,
    column: ColumnKey,
    value: string,
    row: number,
  ) => {
    if (!value) return;
    const slot = joinKey(key, column);
    const seen = first.get(slot);
    if (!seen) first.set(slot, { row, value });
    else if (seen.value !== value)
      issues.add(
        row,
        column,
        `与第 ${seen.row} 行不一致：同一${what.zh}的${COLUMN[column].header}在那里是“${seen.value}”`,
        `Conflicts with row ${seen.row}, where the same ${what.en.toLowerCase()} has ${COLUMN[column].en} “${seen.value}”`,
      );
  };
  const ownerRowOf = new Map<string, number>();
  const ownerlessRows: ImportRow[] = [];
  for (const r of rows) {
    agree(ENTITY.estate, r.keys.estate, 'estateAddress', r.estateAddress, r.row);
    agree(ENTITY.building, r.keys.building, 'floors', String(r.floors), r.row);
    agree(ENTITY.building, r.keys.building, 'buildingAddress', r.buildingAddress, r.row);
    agree(ENTITY.unit, r.keys.unit, 'floor', String(r.floor), r.row);
    agree(ENTITY.unit, r.keys.unit, 'area', formatAreaM2(r.areaCenti), r.row);
    if (!r.owner) {
      ownerlessRows.push(r);
      continue;
    }
    if (!ownerRowOf.has(r.keys.unit)) ownerRowOf.set(r.keys.unit, r.row);
    if (r.owner.idNumber && !isMasked(r.owner.idNumber)) {
      agree(SAME_ID, r.owner.idNumber, 'ownerName', r.owner.name, r.row);
      // a committee records one phone for an owner; another committee may record another
      agree(
        SAME_ID,
        joinKey(r.committee, r.owner.idNumber),
        'phone',
        isMasked(r.owner.phone) ? '' : r.owner.phone,
        r.row,
      );
    }
  }
  const ownerlessRowOf = new Map<string, number>();
  for (const r of ownerlessRows) {
    const withOwner = ownerRowOf.get(r.keys.unit);
    const repeated = ownerlessRowOf.get(r.keys.unit);
    if (withOwner !== undefined)
      issues.add(
        r.row,
        'ownerName',
        `此房屋在第 ${withOwner} 行已有业主，请删除这一无业主的行`,
        `This unit has an owner in row ${withOwner}; delete this row without an owner`,
      );
    else if (repeated !== undefined)
      issues.add(r.row, 'room', `与第 ${repeated} 行重复`, `Duplicates row ${repeated}`);
    else ownerlessRowOf.set(r.keys.unit, r.row);
  }
}

// ---------------------------------------------------------------- the plan of writes

/**
 * The rows of one table as the import will leave them: each key matched to a stored row (and
 * updated where the file differs) or to a new one. Children point at new rows by their
 * pre-made ids, so everything is inserted in bulk afterwards.
 */
class TablePlan<R extends { id: string }> {
  private readonly byKey = new Map<string, R>();
  private readonly byId = new Map<string, R>();
  private readonly createdIds = new Set<string>();
  private readonly touchedIds = new Set<string>();
  readonly inserts: R[] = [];
  /** stored rows the file changes: their values before, by id */
  readonly changed = new Map<string, Partial<R>>();

  constructor(stored: Iterable<[string, R]>) {
    for (const [key, row] of stored) this.alias(key, row);
  }

  find(key: string): R | undefined {
    return this.byKey.get(key);
  }

  /** The row for key only if it was stored before this import (rows of the file agree already). */
  findStored(key: string): R | undefined {
    const row = this.byKey.get(key);
    return row && !this.createdIds.has(row.id) ? row : undefined;
  }

  /** Another key for the same row (an owner found by name who now gets an ID number). */
  alias(key: string, row: R) {
    this.byKey.set(key, row);
    this.byId.set(row.id, row);
  }

  /** The row for key (made when new) with the wanted values; '' and undefined keep the stored value. */
  upsert(key: string, make: () => R, wanted: Partial<R> = {}): R {
    let row = this.byKey.get(key);
    if (!row) {
      row = make();
      this.alias(key, row);
      this.inserts.push(row);
      this.createdIds.add(row.id);
    }
    this.touchedIds.add(row.id);
    for (const [field, value] of Object.entries(wanted) as [keyof R, R[keyof R]][]) {
      if (value === undefined || value === '' || row[field] === value) continue;
      if (!this.createdIds.has(row.id)) {
        const before: Partial<R> = this.changed.get(row.id) ?? {};
        if (!(field in before)) before[field] = row[field];
        this.changed.set(row.id, before);
      }
      row[field] = value;
    }
    return row;
  }

  updatedRows(): R[] {
    return [...this.changed.keys()].map((id) => this.byId.get(id)!);
  }

  tally() {
    return { count: this.touchedIds.size, created: this.createdIds.size, updated: this.changed.size };
  }
}

type EstateRow = { id: string; committeeId: string; name: string; address: string };
type BuildingRow = {
  id: string;
  estateId: string;
  committeeId: string;
  name: string;
  floors: number;
  address: string;
};
type StairwellRow = { id: string; buildingId: string; committeeId: string; name: string };
type UnitRow = {
  id: string;
  stairwellId: string;
  committeeId: string;
  floor: number;
  room: string;
  areaCenti: number;
};
type PersonRow = { id: string; name: string; idNumber: string | null };
/** An ownership with the phone its committee recorded; `id` (unit/person) names it in the plan only. */
type LinkRow = { id: string; unitId: string; personId: string; phone: string | null };
const linkKey = (unitId: string, personId: string) => `${unitId}/${personId}`;

const ID_QUERY_CHUNK = 1000;
const WRITE_CHUNK = 1000;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * What the committees of the file already hold, as maps keyed the way the file names things, and
 * for each person found where else they own (which decides who may change their identity).
 */
async function loadStored(tx: Queryable, committeeIds: string[], idNumbers: string[]) {
  const inCommittees = (col: PgColumn) => inArray(col, committeeIds);
  const estateRows = await tx
    .select({
      id: estates.id,
      committeeId: estates.committeeId,
      name: estates.name,
      address: estates.address,
    })
    .from(estates)
    .where(inCommittees(estates.committeeId));
  const buildingRows = await tx
    .select({
      id: buildings.id,
      estateId: buildings.estateId,
      committeeId: buildings.committeeId,
      name: buildings.name,
      floors: buildings.floors,
      address: buildings.address,
    })
    .from(buildings)
    .where(inCommittees(buildings.committeeId));
  const stairwellRows = await tx
    .select({
      id: stairwells.id,
      buildingId: stairwells.buildingId,
      committeeId: stairwells.committeeId,
      name: stairwells.name,
    })
    .from(stairwells)
    .where(inCommittees(stairwells.committeeId));
  const unitRows = await tx
    .select({
      id: units.id,
      stairwellId: units.stairwellId,
      committeeId: units.committeeId,
      floor: units.floor,
      room: units.room,
      areaCenti: units.areaCenti,
    })
    .from(units)
    .where(inCommittees(units.committeeId));
  const personColumns = { id: persons.id, name: persons.name, idNumber: persons.idNumber };
  const ownerRows = await tx
    .select({ unitId: unitOwners.unitId, phone: unitOwners.phone, ...personColumns })
    .from(unitOwners)
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .innerJoin(persons, eq(persons.id, unitOwners.personId))
    .where(inCommittees(units.committeeId));
  const personRows: PersonRow[] = [];
  for (const ids of chunks(idNumbers, ID_QUERY_CHUNK))
    personRows.push(...(await tx.select(personColumns).from(persons).where(inArray(persons.idNumber, ids))));

  const ownersOfUnit = new Map<string, PersonRow[]>();
  const storedPersons = new Map<string, PersonRow>(personRows.map((p) => [p.id, p]));
  for (const { unitId, phone: _phone, ...p } of ownerRows) {
    const person = storedPersons.get(p.id) ?? p;
    storedPersons.set(p.id, person);
    ownersOfUnit.set(unitId, [...(ownersOfUnit.get(unitId) ?? []), person]);
  }
  const ownerCommittees = new Map<string, Set<string>>();
  for (const ids of chunks([...storedPersons.keys()], ID_QUERY_CHUNK))
    for (const [id, owners] of await ownerCommitteesOf(tx, ids)) ownerCommittees.set(id, owners);
  return {
    estates: new TablePlan<EstateRow>(estateRows.map((r) => [joinKey(r.committeeId, r.name), r])),
    buildings: new TablePlan<BuildingRow>(buildingRows.map((r) => [joinKey(r.estateId, r.name), r])),
    stairwells: new TablePlan<StairwellRow>(stairwellRows.map((r) => [joinKey(r.buildingId, r.name), r])),
    units: new TablePlan<UnitRow>(unitRows.map((r) => [joinKey(r.stairwellId, r.room), r])),
    persons: new TablePlan<PersonRow>([...storedPersons.values()].map((p) => [personKey(p), p])),
    ownersOfUnit,
    ownerCommittees,
    links: new TablePlan<LinkRow>(
      ownerRows.map((o) => [
        linkKey(o.unitId, o.id),
        { id: linkKey(o.unitId, o.id), unitId: o.unitId, personId: o.id, phone: o.phone },
      ]),
    ),
  };
}

/** Persons are found by ID number; one without is found through the units it owns. */
const personKey = (p: PersonRow) => p.idNumber ?? `person:${p.id}`;

type Stored = Awaited<ReturnType<typeof loadStored>>;

/** The committees where a stored person owns a unit; none for a person new to the store. */
const ownersOf = (stored: Stored, personId: string) =>
  stored.ownerCommittees.get(personId) ?? new Set<string>();

/** The committee of each row, by name, among those of the caller's street(s). */
async function resolveCommittees(tx: Queryable, access: Access, rows: ImportRow[], issues: IssueList) {
  const streetIds = [
    ...new Set(
      access.committeeIds.map((id) => access.streetOf.get(id)).filter((s): s is string => Boolean(s)),
    ),
  ];
  const known = streetIds.length
    ? await tx
        .select({ id: committees.id, name: committees.name })
        .from(committees)
        .where(inArray(committees.streetId, streetIds))
    : [];
  const idsByName = new Map<string, string[]>();
  for (const c of known) idsByName.set(c.name, [...(idsByName.get(c.name) ?? []), c.id]);
  const committeeOf = new Map<string, string>();
  const placed: ImportRow[] = [];
  for (const r of rows) {
    const ids = idsByName.get(r.committee) ?? [];
    if (ids.length === 0)
      issues.add(
        r.row,
        'committee',
        `居委会“${r.committee}”不存在，请核对名称`,
        `No residents' committee named “${r.committee}”; check the name`,
      );
    else if (ids.length > 1)
      issues.add(
        r.row,
        'committee',
        `有多个名为“${r.committee}”的居委会，请按街道分别导入`,
        `Several committees are named “${r.committee}”; import each street on its own`,
      );
    else if (!canWriteCommittee(access, ids[0]!))
      issues.add(
        r.row,
        'committee',
        `无权导入“${r.committee}”的数据：只能导入您负责的居委会`,
        `You may not import rows of “${r.committee}”: only the committees you are responsible for`,
      );
    else {
      committeeOf.set(r.committee, ids[0]!);
      placed.push(r);
    }
  }
  return { committeeOf, placed };
}

/** The stored unit a row names, if every level above it is stored too. */
function storedUnitOf(stored: Stored, r: ImportRow, committeeId: string) {
  const estate = stored.estates.find(joinKey(committeeId, r.estate));
  const building = estate && stored.buildings.find(joinKey(estate.id, r.building));
  const stairwell = building && stored.stairwells.find(joinKey(building.id, r.stairwell));
  return stairwell && stored.units.find(joinKey(stairwell.id, r.room));
}

/**
 * A full ID number new to the store, on a stored unit whose owner of that name has no ID
 * number yet, is that owner: the import fills the number in rather than adding a twin. Done
 * before any row is placed, so the outcome does not depend on row order.
 */
function claimOwnersWithoutId(
  access: Access,
  stored: Stored,
  rows: ImportRow[],
  committeeOf: Map<string, string>,
) {
  const claimed = new Set<string>();
  for (const r of rows) {
    const id = r.owner?.idNumber;
    if (!id || isMasked(id) || stored.persons.find(id)) continue;
    const unit = storedUnitOf(stored, r, committeeOf.get(r.committee)!);
    const twin =
      unit &&
      stored.ownersOfUnit
        .get(unit.id)
        ?.find(
          (p) =>
            p.name === r.owner!.name &&
            !p.idNumber &&
            !claimed.has(p.id) &&
            mayChangeIdentity(access, ownersOf(stored, p.id)),
        );
    if (!twin) continue;
    claimed.add(twin.id);
    stored.persons.alias(id, twin);
  }
}

/** Places every row into the plans; rows that clash with the store become issues. */
function planRows(
  access: Access,
  stored: Stored,
  rows: ImportRow[],
  committeeOf: Map<string, string>,
  issues: IssueList,
) {
  claimOwnersWithoutId(access, stored, rows, committeeOf);
  const linkRow = new Map<string, number>();
  for (const r of rows) {
    const committeeId = committeeOf.get(r.committee)!;
    const estate = stored.estates.upsert(
      joinKey(committeeId, r.estate),
      () => ({ id: randomUUID(), committeeId, name: r.estate, address: r.estateAddress }),
      { address: r.estateAddress },
    );
    const buildingKey = joinKey(estate.id, r.building);
    const storedFloors = stored.buildings.findStored(buildingKey)?.floors;
    if (storedFloors !== undefined && storedFloors !== r.floors) {
      issues.add(
        r.row,
        'floors',
        `该楼幢已登记为 ${storedFloors} 层，与本行不一致；如需修改层数，请先在楼幢页面修改`,
        `The building is registered with ${storedFloors} floors; change its floors on the building page first`,
      );
      continue;
    }
    const building = stored.buildings.upsert(
      buildingKey,
      () => ({
        id: randomUUID(),
        estateId: estate.id,
        committeeId,
        name: r.building,
        floors: r.floors,
        address: r.buildingAddress,
      }),
      { address: r.buildingAddress },
    );
    const stairwell = stored.stairwells.upsert(joinKey(building.id, r.stairwell), () => ({
      id: randomUUID(),
      buildingId: building.id,
      committeeId,
      name: r.stairwell,
    }));
    const unitKey = joinKey(stairwell.id, r.room);
    const unit = stored.units.upsert(
      unitKey,
      () => ({
        id: randomUUID(),
        stairwellId: stairwell.id,
        committeeId,
        floor: r.floor,
        room: r.room,
        areaCenti: r.areaCenti,
      }),
      { floor: r.floor, areaCenti: r.areaCenti },
    );
    if (!r.owner) continue;

    const person = placeOwner(access, stored, r, r.owner, unit.id, issues);
    if (!person) continue;
    const link = linkKey(unit.id, person.id);
    const sameOwnerRow = linkRow.get(link);
    if (sameOwnerRow !== undefined) {
      issues.add(
        r.row,
        'ownerName',
        `与第 ${sameOwnerRow} 行重复：同一业主在同一房屋登记了两次`,
        `Duplicates row ${sameOwnerRow}: the same owner of the same unit`,
      );
      continue;
    }
    linkRow.set(link, r.row);
    // the phone is this committee's record, on this ownership only; empty or masked keeps it
    stored.links.upsert(link, () => ({ id: link, unitId: unit.id, personId: person.id, phone: null }), {
      phone: isMasked(r.owner.phone) ? '' : r.owner.phone,
    });
  }
}

/**
 * The person a row's owner cells name, created when new; null (with an issue) when it clashes.
 * A known ID number with the same name is the same person, whoever recorded them; with another
 * name the row is refused without naming what is stored, unless no unit refers to the person.
 */
function placeOwner(
  access: Access,
  stored: Stored,
  r: ImportRow,
  owner: OwnerCells,
  unitId: string,
  issues: IssueList,
): PersonRow | null {
  const make = (idNumber: string | null) => () => ({ id: randomUUID(), name: owner.name, idNumber });
  if (owner.idNumber && !isMasked(owner.idNumber)) {
    const known = stored.persons.findStored(owner.idNumber);
    const owners = known ? ownersOf(stored, known.id) : new Set<string>();
    if (known && known.name !== owner.name && owners.size) {
      const text = identityConflictText(mayChangeIdentity(access, owners));
      issues.add(r.row, 'ownerName', text.zh, text.en);
      return null;
    }
    return stored.persons.upsert(owner.idNumber, make(owner.idNumber), {
      idNumber: owner.idNumber,
      name: owner.name,
    });
  }
  const namesakes = (stored.ownersOfUnit.get(unitId) ?? []).filter((p) => p.name === owner.name);
  if (isMasked(owner.idNumber)) {
    const same = namesakes.find((p) => maskIdNumber(p.idNumber) === owner.idNumber);
    if (!same) {
      issues.add(
        r.row,
        'idNumber',
        '身份证号是脱敏号码（含 *），此房屋没有对应的同名业主；请填写完整号码',
        'The ID number is masked (with *) and matches no owner of this unit by that name; enter the full number',
      );
      return null;
    }
    return stored.persons.upsert(personKey(same), () => same);
  }
  const same = namesakes[0];
  return same
    ? stored.persons.upsert(personKey(same), () => same)
    : stored.persons.upsert(joinKey('new', unitId, owner.name), make(null));
}

// ---------------------------------------------------------------- bulk writes

async function insertInChunks(tx: Queryable, table: PgTable, rows: object[]) {
  for (const chunk of chunks(rows, WRITE_CHUNK)) await tx.insert(table).values(chunk);
}

type ColumnsOf<R> = Partial<Record<keyof R, PgColumn>>;

/**
 * Updates many rows in one statement per chunk: `update … from (values …)`, each value cast to
 * its column's type. `keys` and `fields` map the row's property names to the columns that find
 * the row and to the columns they set.
 */
async function updateInChunks<R>(
  tx: Queryable,
  table: PgTable,
  keys: ColumnsOf<R>,
  fields: ColumnsOf<R>,
  rows: R[],
) {
  const [keyEntries, fieldEntries] = [keys, fields].map(
    (m) => Object.entries(m) as [keyof R & string, PgColumn][],
  ) as [[keyof R & string, PgColumn][], [keyof R & string, PgColumn][]];
  const entries = [...keyEntries, ...fieldEntries];
  const alias = sql.identifier('v');
  const target = sql.identifier(getTableName(table));
  const valueOf = (col: PgColumn) => sql`${alias}.${sql.identifier(col.name)}::${sql.raw(col.getSQLType())}`;
  const columnList = sql.join(
    entries.map(([, col]) => sql.identifier(col.name)),
    sql`, `,
  );
  const stamp = 'updatedAt' in getTableColumns(table) ? [sql`"updated_at" = now()`] : [];
  const assignments = sql.join(
    [...fieldEntries.map(([, col]) => sql`${sql.identifier(col.name)} = ${valueOf(col)}`), ...stamp],
    sql`, `,
  );
  const match = sql.join(
    keyEntries.map(([, col]) => sql`${target}.${sql.identifier(col.name)} = ${valueOf(col)}`),
    sql` and `,
  );
  for (const chunk of chunks(rows, WRITE_CHUNK)) {
    const values = sql.join(
      chunk.map(
        (row) =>
          sql`(${sql.join(
            entries.map(([key]) => sql`${row[key]}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${target} set ${assignments} from (values ${values}) as ${alias} (${columnList}) where ${match}`,
    );
  }
}

// ---------------------------------------------------------------- import

export type { EntityCounts, ImportResult };

export type ImportPhase = 'parse' | 'validate' | 'write';

export function importRejected(issues: RowIssue[]) {
  const sorted = [...issues].sort(
    (a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 0) - (COLUMN_ORDER.get(b.column) ?? 0),
  );
  const rowCount = new Set(sorted.map((i) => i.row)).size;
  const cut = sorted.length > MAX_REPORTED_ISSUES;
  return new AppError(
    400,
    'import_rejected',
    `导入文件有 ${sorted.length} 处错误（涉及 ${rowCount} 行），未写入任何数据；请修改后重新导入${cut ? `（仅列出前 ${MAX_REPORTED_ISSUES} 处）` : ''}`,
    `The file has ${sorted.length} error(s) in ${rowCount} row(s); nothing was written. Fix them and import again${cut ? ` (the first ${MAX_REPORTED_ISSUES} are listed)` : ''}`,
    'file',
    { rows: sorted.slice(0, MAX_REPORTED_ISSUES), total: sorted.length },
  );
}

/** Audit scope of a write touching these committees: the one committee, else their one street. */
function scopeOfCommittees(access: Access, committeeIds: string[]) {
  if (committeeIds.length === 1) return auditScope(access, committeeIds[0]!);
  const streetIds = new Set(committeeIds.map((id) => access.streetOf.get(id)));
  return { committeeId: null, streetId: streetIds.size === 1 ? ([...streetIds][0] ?? null) : null };
}

const masked = (p: { idNumber?: string | null; phone?: string | null }) => ({
  ...p,
  ...('idNumber' in p ? { idNumber: maskIdNumber(p.idNumber) } : {}),
  ...('phone' in p ? { phone: maskPhone(p.phone) } : {}),
});

/** The stored rows the import changed, field by field, for the audit event. */
function changesOf<R extends { id: string }>(
  entity: keyof typeof ENTITY,
  plan: TablePlan<R>,
  present: (r: Partial<R>) => object = (r) => r,
) {
  return plan.updatedRows().map((row) => {
    const before = plan.changed.get(row.id)!;
    const after = Object.fromEntries(Object.keys(before).map((k) => [k, row[k as keyof R]])) as Partial<R>;
    return { entity, id: row.id, before: present(before), after: present(after) };
  });
}

/**
 * Imports the registry sheet for the caller's committees: every row is checked (cells, rows
 * against each other, then against the store) before anything is written; one bad row and the
 * whole file is refused with every issue listed. Otherwise one transaction upserts estates,
 * buildings, stairwells, units, persons and ownerships in bulk, and audits the import.
 */
export async function importRegistry(
  db: Db,
  access: Access,
  file: Buffer,
  opts: { onPhase?: (phase: ImportPhase, ms: number) => void } = {},
): Promise<ImportResult> {
  if (!access.committeeIds.some((id) => canWriteCommittee(access, id))) throw forbidden();
  let started = performance.now();
  const phaseDone = (phase: ImportPhase) => {
    const now = performance.now();
    opts.onPhase?.(phase, now - started);
    started = now;
  };

  const lines = await readRegistrySheet(file);
  if (!lines.length) throw badInput('file', '文件中没有数据行', 'The file has no data rows');
  phaseDone('parse');

  return db.transaction(async (tx) => {
    const checked = checkRows(lines);
    const issues = new IssueList();
    issues.items.push(...checked.issues);
    const { committeeOf, placed } = await resolveCommittees(tx, access, checked.rows, issues);
    const idNumbers = [
      ...new Set(placed.map((r) => r.owner?.idNumber ?? '').filter((id) => id && !isMasked(id))),
    ];
    const committeeIds = [...new Set(committeeOf.values())];
    const stored = await loadStored(tx, committeeIds, idNumbers);
    planRows(access, stored, placed, committeeOf, issues);
    if (issues.items.length) throw importRejected(issues.items);
    phaseDone('validate');

    await insertInChunks(tx, estates, stored.estates.inserts);
    await updateInChunks(
      tx,
      estates,
      { id: estates.id },
      { address: estates.address },
      stored.estates.updatedRows(),
    );
    await insertInChunks(tx, buildings, stored.buildings.inserts);
    await updateInChunks(
      tx,
      buildings,
      { id: buildings.id },
      { address: buildings.address },
      stored.buildings.updatedRows(),
    );
    await insertInChunks(tx, stairwells, stored.stairwells.inserts);
    await insertInChunks(tx, units, stored.units.inserts);
    await updateInChunks(
      tx,
      units,
      { id: units.id },
      { floor: units.floor, areaCenti: units.areaCenti },
      stored.units.updatedRows(),
    );
    await insertInChunks(tx, persons, stored.persons.inserts);
    await updateInChunks(
      tx,
      persons,
      { id: persons.id },
      { name: persons.name, idNumber: persons.idNumber },
      stored.persons.updatedRows(),
    );
    await insertInChunks(
      tx,
      unitOwners,
      stored.links.inserts.map(({ id: _key, ...link }) => link),
    );
    await updateInChunks(
      tx,
      unitOwners,
      { unitId: unitOwners.unitId, personId: unitOwners.personId },
      { phone: unitOwners.phone },
      stored.links.updatedRows(),
    );

    const tallies = {
      estates: stored.estates.tally(),
      buildings: stored.buildings.tally(),
      stairwells: stored.stairwells.tally(),
      units: stored.units.tally(),
      persons: stored.persons.tally(),
      owners: stored.links.tally(),
    };
    const pick = (field: 'count' | 'created' | 'updated') =>
      Object.fromEntries(Object.entries(tallies).map(([k, t]) => [k, t[field]])) as EntityCounts;
    const result: ImportResult = {
      ok: true,
      counts: pick('count'),
      created: pick('created'),
      updated: pick('updated'),
    };
    const changes = [
      ...changesOf('estate', stored.estates),
      ...changesOf('building', stored.buildings),
      ...changesOf('unit', stored.units),
      ...changesOf('person', stored.persons, masked),
      ...changesOf('owner', stored.links, masked),
    ];
    await recordAudit(tx, access.actor, {
      action: 'import',
      entity: 'registry',
      ...scopeOfCommittees(access, committeeIds),
      summary: `Excel 导入房屋与业主 ${lines.length} 行 / Registry import of ${lines.length} rows`,
      after: {
        rows: lines.length,
        committees: [...committeeOf.keys()],
        counts: result.counts,
        created: result.created,
        updated: result.updated,
        changes,
      },
    });
    phaseDone('write');
    return result;
  });
}

// ---------------------------------------------------------------- export

/**
 * Every unit-owner in the caller's scope (optionally one committee) in the import layout. ID
 * numbers and phones are masked unless `full` is asked by a role that may see them; a full
 * export discloses personal data and is audited.
 */
export async function exportRegistry(
  db: Db,
  access: Access,
  opts: { committeeId?: string | undefined; full: boolean },
) {
  if (opts.full && !access.seesPersonalData) throw forbidden();
  if (opts.committeeId && !access.assigned && !access.committeeIds.includes(opts.committeeId))
    throw notFound(ENTITY.committee);
  const lines = await db
    .select({
      committee: committees.name,
      estate: estates.name,
      estateAddress: estates.address,
      building: buildings.name,
      floors: buildings.floors,
      buildingAddress: buildings.address,
      stairwell: stairwells.name,
      floor: units.floor,
      room: units.room,
      areaCenti: units.areaCenti,
      ownerName: persons.name,
      idNumber: persons.idNumber,
      phone: unitOwners.phone,
    })
    .from(units)
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .innerJoin(committees, eq(committees.id, units.committeeId))
    .leftJoin(unitOwners, eq(unitOwners.unitId, units.id))
    .leftJoin(persons, eq(persons.id, unitOwners.personId))
    .where(
      and(
        registryScope(access, 'unit'),
        opts.committeeId ? eq(units.committeeId, opts.committeeId) : undefined,
      ),
    )
    .orderBy(
      asc(committees.name),
      asc(estates.name),
      sql`length(${buildings.name})`,
      asc(buildings.name),
      asc(stairwells.name),
      asc(units.floor),
      sql`length(${units.room})`,
      asc(units.room),
      asc(unitOwners.createdAt),
      asc(persons.name),
    );
  const reveal = (value: string | null, mask: (v: string | null) => string | null) =>
    (opts.full ? value : mask(value)) ?? '';
  const rows: SheetRow[] = lines.map(({ areaCenti, ownerName, idNumber, phone, ...unit }) => ({
    ...unit,
    area: formatAreaM2(areaCenti),
    ownerName: ownerName ?? '',
    idNumber: reveal(idNumber, maskIdNumber),
    phone: reveal(phone, maskPhone),
  }));
  if (opts.full) {
    await recordAudit(db, access.actor, {
      action: 'export_full',
      entity: 'registry',
      ...scopeOfCommittees(access, opts.committeeId ? [opts.committeeId] : access.committeeIds),
      summary: `导出含完整身份证号和电话的房屋与业主表 ${rows.length} 行 / Registry export with full ID numbers and phones, ${rows.length} rows`,
      after: { rows: rows.length, committeeId: opts.committeeId ?? null },
    });
  }
  return { file: await writeRegistryWorkbook(rows), rows: rows.length };
}
