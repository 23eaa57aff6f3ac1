import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { idCheckDigit } from '../../src/core/privacy.ts';
import { apiGet, expectNoAxeViolations, loginAs } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idNumber = (first17: string) => first17 + idCheckDigit(first17);

/** The downloaded template with its example rows replaced by ours (Excel rows 2, 3, …). */
async function workbookFrom(template: Buffer, rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('房屋与业主')!;
  const last = Math.max(sheet.rowCount, rows.length + 1);
  for (let n = 2; n <= last; n++) sheet.getRow(n).values = rows[n - 2] ?? [];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX, buffer });
}

test('an import with a bad row writes nothing and lists the row; the corrected file is accepted', async ({ page }) => {
  await loginAs(page.request, 'admin');
  await page.goto('/registry/excel');
  await expect(page.getByRole('heading', { name: 'Excel 导入导出' })).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载导入模板/ }).click();
  const template = await readFile((await (await downloading).path()));

  const estate = `E2E导入小区${Date.now()}`;
  const unit = ['胜利居委', estate, '上海市虹口区测试路1弄', '1号', 6, '上海市虹口区测试路1弄1号', '1单元'];
  const good = [
    [...unit, 1, '101', '65.40', '测试甲', idNumber('31010919600101001'), '13800000011'],
    [...unit, 1, '101', '65.40', '测试乙', idNumber('31010919620202002'), ''],
    [...unit, 2, '201', '70.20', '', '', ''],
  ];
  const bad = [...good, [...unit, 9, '901', 'abc', '测试丙', '', '']];
  const estatesNamed = () => apiGet<{ total: number }>(page.request, `/api/v1/estates?q=${encodeURIComponent(estate)}`);

  await upload(page, 'bad.xlsx', await workbookFrom(template, bad));
  await expect(page.getByText('导入被拒绝，没有写入任何数据')).toBeVisible({ timeout: 30_000 });
  // the fourth data row is Excel row 5: its floor and its area are both wrong
  const errors = page.getByRole('table').filter({ hasText: '原因' });
  await expect(errors.getByRole('row').filter({ hasText: '超过楼幢层数' }).getByRole('cell').first()).toHaveText('5');
  await expect(errors.getByRole('row').filter({ hasText: '登记面积' }).getByRole('cell').first()).toHaveText('5');
  await expectNoAxeViolations(page);
  expect((await estatesNamed()).total, 'nothing written').toBe(0);

  await upload(page, 'good.xlsx', await workbookFrom(template, good));
  await expect(page.getByText('good.xlsx 导入成功')).toBeVisible({ timeout: 30_000 });
  const result = page.getByRole('table').filter({ hasText: '新增' });
  await expect(result.getByRole('row').filter({ hasText: /^小区/ })).toContainText('1');
  await expectNoAxeViolations(page);
  expect((await estatesNamed()).total, 'the estate is there').toBe(1);

  // and the imported stairwell shows its two units on the diagram
  await page.goto(`/registry/estates?q=${encodeURIComponent(estate)}`);
  await page.getByRole('link', { name: estate }).click();
  await page.getByRole('link', { name: '1号', exact: true }).click();
  await page.getByRole('link', { name: '1单元' }).click();
  const diagram = page.getByRole('table', { name: /立面图/ });
  await expect(diagram.getByRole('button')).toHaveCount(2);
  await expect(diagram.getByRole('button', { name: /^101/ })).toContainText('等2人');
});
