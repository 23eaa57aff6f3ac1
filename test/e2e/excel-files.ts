import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { idCheckDigit } from '../../src/core/privacy.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid resident ID number from its first 17 digits. */
export const idNumber = (first17: string) => first17 + idCheckDigit(first17);

/** The downloaded template with its example rows replaced by ours (Excel rows 2, 3, …). */
export async function workbookFrom(template: Buffer, rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('房屋与业主')!;
  const last = Math.max(sheet.rowCount, rows.length + 1);
  for (let n = 2; n <= last; n++) sheet.getRow(n).values = rows[n - 2] ?? [];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of a new estate of 胜利居委: a co-owned unit, a unit without owners; `bad` adds a row
 * whose floor is above the building and whose area is not a number (Excel row 5). */
export function estateRows(estate: string, bad: boolean) {
  const unit = ['胜利居委', estate, '上海市虹口区测试路1弄', '1号', 6, '上海市虹口区测试路1弄1号', '1单元'];
  const good = [
    [...unit, 1, '101', '65.40', '测试甲', idNumber('31010919600101001'), '13800000011'],
    [...unit, 1, '101', '65.40', '测试乙', idNumber('31010919620202002'), ''],
    [...unit, 2, '201', '70.20', '', '', ''],
  ];
  return bad ? [...good, [...unit, 9, '901', 'abc', '测试丙', '', '']] : good;
}

/** Drops a workbook on the import page's file input. */
export async function uploadWorkbook(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX, buffer });
}

/** The import template, as the page's download button gives it. */
export async function templateFromPage(page: Page): Promise<Buffer> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载导入模板|Download the import template/ }).click();
  return readFile(await (await downloading).path());
}
