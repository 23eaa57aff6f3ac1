import { estateRows, templateFromPage, uploadWorkbook, workbookFrom } from './excel-files.ts';
import { expect, test } from './fixtures.ts';
import { apiGet, expectNoAxeViolations, loginAs } from './helpers.ts';

test('an import with a bad row writes nothing and lists the row; the corrected file is accepted', async ({
  page,
}) => {
  await loginAs(page.request, 'admin');
  await page.goto('/registry/excel');
  await expect(page.getByRole('heading', { name: 'Excel 导入导出' })).toBeVisible();
  await expectNoAxeViolations(page);

  const template = await templateFromPage(page);
  const estate = `E2E导入小区${Date.now()}`;
  const estatesNamed = () =>
    apiGet<{ total: number }>(page.request, `/api/v1/estates?q=${encodeURIComponent(estate)}`);

  await uploadWorkbook(page, 'bad.xlsx', await workbookFrom(template, estateRows(estate, true)));
  await expect(page.getByText('导入被拒绝，没有写入任何数据')).toBeVisible({ timeout: 30_000 });
  // the fourth data row is Excel row 5: its floor and its area are both wrong
  const errors = page.getByRole('table').filter({ hasText: '原因' });
  await expect(
    errors.getByRole('row').filter({ hasText: '超过楼幢层数' }).getByRole('cell').first(),
  ).toHaveText('5');
  await expect(errors.getByRole('row').filter({ hasText: '登记面积' }).getByRole('cell').first()).toHaveText(
    '5',
  );
  await expectNoAxeViolations(page);
  expect((await estatesNamed()).total, 'nothing written').toBe(0);

  await uploadWorkbook(page, 'good.xlsx', await workbookFrom(template, estateRows(estate, false)));
  await expect(page.getByText('good.xlsx 导入成功')).toBeVisible({ timeout: 30_000 });
  const result = page.getByRole('table').filter({ hasText: '新增' });
  await expect(result.getByRole('row').filter({ hasText: /^小区/ })).toContainText('1');
  await expectNoAxeViolations(page);
  expect((await estatesNamed()).total, 'the estate is there').toBe(1);

  // and the imported stairwell shows its two units on the diagram, the first co-owned
  await page.goto(`/registry/estates?q=${encodeURIComponent(estate)}`);
  await page.getByRole('link', { name: estate }).click();
  await page.getByRole('link', { name: '1号', exact: true }).click();
  await page.getByRole('link', { name: '1单元' }).click();
  const diagram = page.getByRole('table', { name: /立面图/ });
  await expect(diagram.getByRole('button')).toHaveCount(2);
  await expect(diagram.getByRole('button', { name: /^101/ })).toContainText('等2人');
});
