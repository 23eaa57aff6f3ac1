/** The registry workbook as a file: writing it (template, export) and reading its sheet back into lines. */
import ExcelJS from 'exceljs';
import { badInput } from '../../../../core/errors.ts';
import { assertWorkbookWithin, looksLikeZip } from '../../../platform/files.ts';
import {
  COLUMNS,
  EXAMPLE_ROWS,
  GENERAL_RULES,
  GUIDE_SHEET,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_UNPACKED_BYTES,
  REGISTRY_SHEET,
  type ColumnKey,
  type SheetRow,
} from './layout.ts';
import { importRejected } from './layout.ts';

// ---------------------------------------------------------------- writing

/** The registry sheet with these rows, and the guide sheet. */
export async function writeRegistryWorkbook(rows: SheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '江湾 Jiangwan';
  const sheet = workbook.addWorksheet(REGISTRY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
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
