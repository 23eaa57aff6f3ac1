/**
 * The registry workbook's layout: one sheet row per unit-owner (a co-owned unit is several rows
 * repeating the unit columns, a unit without owners is one row with the owner columns empty),
 * its columns, the filling guide and the example rows of the template.
 */
import { AppError, type RowIssue } from '../../../../core/errors.ts';
import { idCheckDigit } from '../../../../core/privacy.ts';

export const REGISTRY_SHEET = '房屋与业主';
export const GUIDE_SHEET = '填写说明';
/** A street has some tens of thousands of units; more rows than this is not one registry. */
export const MAX_IMPORT_ROWS = 100_000;
/** Loading a workbook takes about 90 MB of memory per MB of .xlsx (10 MB ≈ 160,000 rows ≈ 0.9 GB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What a workbook may unpack to: 100,000 rows of our own export unpack to about 60 MB. */
export const MAX_IMPORT_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_REPORTED_ISSUES = 1000;

interface ColumnSpec<Key extends string = string> {
  key: Key;
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

const COLUMN_LIST = [
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

export type ColumnKey = (typeof COLUMN_LIST)[number]['key'];
/** The sheet's columns in order, as specs (the list above keeps its literal keys for ColumnKey). */
export const COLUMNS: readonly ColumnSpec<ColumnKey>[] = COLUMN_LIST;
export const COLUMN = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<
  ColumnKey,
  ColumnSpec<ColumnKey>
>;
export const COLUMN_ORDER = new Map<string, number>(COLUMNS.map((c, i) => [c.header, i]));

/** One sheet row as written: text, or whole numbers for the floor columns. */
export type SheetRow = Record<ColumnKey, string | number>;

export const GENERAL_RULES: [string, string][] = [
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
export const EXAMPLE_ROWS: SheetRow[] = [
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

/** The one answer a refused import gets: every issue sorted by row and column, the first MAX_REPORTED_ISSUES listed. */
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
