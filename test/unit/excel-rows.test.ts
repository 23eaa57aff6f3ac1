/** The registry sheet without a database: reading cells, checking rows, rows against each other. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../src/core/privacy.ts';
import { checkRows } from '../../src/server/modules/registry/excel/rows.ts';
import { COLUMNS, type ColumnKey, type SheetRow } from '../../src/server/modules/registry/excel/layout.ts';
import {
  readRegistrySheet,
  writeRegistryWorkbook,
  type SheetLine,
} from '../../src/server/modules/registry/excel/workbook.ts';

const ID_A = '31010919600101001' + idCheckDigit('31010919600101001');
const ID_B = '31010919600101002' + idCheckDigit('31010919600101002');

const UNIT: Record<ColumnKey, string> = {
  committee: '胜利居委',
  estate: '胜利新村',
  estateAddress: '',
  building: '1号',
  floors: '6',
  buildingAddress: '',
  stairwell: '1单元',
  floor: '3',
  room: '301',
  area: '65.40',
  ownerName: '张三',
  idNumber: ID_A,
  phone: '13800000001',
};
const lines = (...cells: Partial<Record<ColumnKey, string>>[]): SheetLine[] =>
  cells.map((c, i) => ({ row: i + 2, cells: { ...UNIT, ...c }, numericId: false }));
const found = (ls: SheetLine[]) => checkRows(ls).issues.map((i) => `${i.row} ${i.column}`);

describe('checkRows: each row on its own', () => {
  it('accepts a good row and keeps the area in hundredths of m²', () => {
    const { rows, issues } = checkRows(
      lines({}, { room: '302', area: '58.2', ownerName: '', idNumber: '', phone: '' }),
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.areaCenti)).toEqual([6540, 5820]);
    expect(rows[1]!.owner).toBeNull();
  });

  it('names the column of each bad cell, in Chinese and English', () => {
    const { issues } = checkRows(
      lines({ committee: '', floors: '13', floor: '0', area: '-1', idNumber: '123', phone: '555' }),
    );
    expect(issues.map((i) => i.column).sort()).toEqual(
      ['居委会', '楼幢层数', '楼层', '登记面积(㎡)', '身份证号', '手机号'].sort(),
    );
    for (const i of issues) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.messageEn).toMatch(/[a-z]{3}/);
    }
  });

  it('refuses a floor above the building, an area with three decimals, and text that is too long', () => {
    expect(found(lines({ floors: '5', floor: '6' }))).toEqual(['2 楼层']);
    expect(found(lines({ area: '65.405' }))).toEqual(['2 登记面积(㎡)']);
    expect(found(lines({ room: '12345678901' }))).toEqual(['2 室号']);
  });

  it('takes masked ID numbers and phones as "keep the stored value", but needs a name with them', () => {
    expect(found(lines({ idNumber: '3101**********1234', phone: '138****0001' }))).toEqual([]);
    expect(found(lines({ ownerName: '', phone: '13800000001', idNumber: '' }))).toEqual(['2 业主姓名']);
  });

  it('explains an ID number that Excel turned into a number', () => {
    const [line] = lines({ idNumber: '310109196001010000' });
    const { issues } = checkRows([{ ...line!, numericId: true }]);
    expect(issues[0]!.messageEn).toMatch(/stored the ID number as a number/);
  });
});

describe('checkRows: rows against each other', () => {
  it('allows co-owners and one owner of several units', () => {
    expect(found(lines({}, { ownerName: '李四', idNumber: ID_B, phone: '' }, { room: '302' }))).toEqual([]);
  });

  it('refuses one ID number with two names, and one unit with two areas or floors', () => {
    expect(found(lines({}, { room: '302', ownerName: '王五' }))).toEqual(['3 业主姓名']);
    expect(found(lines({}, { ownerName: '李四', idNumber: ID_B, area: '66.00' }))).toEqual([
      '3 登记面积(㎡)',
    ]);
    expect(found(lines({}, { ownerName: '李四', idNumber: ID_B, floor: '4' }))).toEqual(['3 楼层']);
  });

  it('refuses a building with two floor counts, reporting the later row against the first', () => {
    const { issues } = checkRows(lines({}, { room: '302', floors: '7' }));
    expect(issues).toEqual([
      expect.objectContaining({ row: 3, column: '楼幢层数', message: expect.stringContaining('第 2 行') }),
    ]);
  });

  it('lets an empty optional cell agree with a filled one', () => {
    expect(
      found(lines({ estateAddress: '上海市虹口区广粤路1号' }, { room: '302', estateAddress: '' })),
    ).toEqual([]);
  });

  it('refuses an ownerless row repeated, or beside rows with owners', () => {
    const none = { ownerName: '', idNumber: '', phone: '' };
    expect(found(lines({ room: '302', ...none }, { room: '302', ...none }))).toEqual(['3 室号']);
    expect(found(lines(none, {}))).toEqual(['2 业主姓名']);
  });
});

describe('reading the sheet', () => {
  it('reads back what it wrote, Chinese text intact across a large file', async () => {
    // many distinct Chinese strings: enough shared-string text to cross any decoder chunk
    const rows: SheetRow[] = Array.from({ length: 3000 }, (_, i) => ({
      ...UNIT,
      floors: 6,
      floor: 3,
      room: String(1000 + i),
      estateAddress: `上海市虹口区广粤路${i}弄（测试地址）`,
      ownerName: `张${i}号业主`,
      idNumber: '',
      phone: '',
    }));
    const read = await readRegistrySheet(await writeRegistryWorkbook(rows));
    expect(read).toHaveLength(3000);
    expect(
      read.filter(
        (l, i) =>
          l.cells.estateAddress !== rows[i]!.estateAddress || l.cells.ownerName !== rows[i]!.ownerName,
      ),
    ).toEqual([]);
  });

  it('finds the columns by header, in any order and on a renamed sheet, and skips empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    const headers = [...COLUMNS].reverse().map((c) => c.header);
    sheet.addRow(headers.map((h) => (h === '登记面积(㎡)' ? '登记面积（m²）' : h)));
    const values: Record<string, string | number> = {
      居委会: '胜利居委',
      楼层: 2,
      室号: '201',
      '登记面积(㎡)': 65.4,
      身份证号: 310109196001010000,
    };
    sheet.addRow(headers.map((h) => values[h] ?? ''));
    sheet.addRow([]);
    sheet.addRow(headers.map((h) => (h === '室号' ? '202' : '')));
    const read = await readRegistrySheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(
      read.map((l) => [l.row, l.cells.committee, l.cells.floor, l.cells.room, l.cells.area, l.numericId]),
    ).toEqual([
      [2, '胜利居委', '2', '201', '65.4', true],
      [4, '', '', '202', '', false],
    ]);
  });

  it('reports missing required columns on row 1, and refuses what is not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('房屋与业主').addRow(['居委会', '小区', '楼幢']);
    await expect(readRegistrySheet(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({
      code: 'import_rejected',
      details: {
        rows: expect.arrayContaining([expect.objectContaining({ row: 1, column: '登记面积(㎡)' })]),
      },
    });
    await expect(readRegistrySheet(Buffer.from('not a zip'))).rejects.toMatchObject({
      code: 'bad_input',
      field: 'file',
    });
    await expect(readRegistrySheet(Buffer.from('PK\u0003\u0004 broken zip'))).rejects.toMatchObject({
      code: 'bad_input',
      field: 'file',
    });
  });
});
