import { expect, test } from './fixtures.ts';
import { chooseOption, expectNoAxeViolations, loginAs } from './helpers.ts';

test('admin browses committee → estate → building → stairwell and sees its elevation diagram', async ({
  page,
}) => {
  await loginAs(page.request, 'admin');
  await page.goto('/registry');
  await page.getByRole('link', { name: '胜利居委' }).click();

  await expect(page.getByRole('heading', { name: '小区' })).toBeVisible();
  await expect(page.getByRole('link', { name: '胜利新村' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '胜利新村' }).click();

  await expect(page.getByRole('heading', { name: '胜利新村' })).toBeVisible();
  await expect(page.getByRole('link', { name: '11号', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '11号', exact: true }).click();

  await expect(page.getByRole('heading', { name: '胜利新村 11号' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '1单元' }).click();

  // the diagram: a table named by its caption, top floor first, one cell per unit
  const diagram = page.getByRole('table', { name: /胜利新村 11号 1单元 立面图/ });
  await expect(diagram).toBeVisible();
  const floorHeaders = diagram.getByRole('rowheader');
  const floors = await floorHeaders.count();
  expect(floors).toBeGreaterThanOrEqual(5);
  await expect(floorHeaders.first()).toHaveText(`${floors}层`);
  await expect(floorHeaders.last()).toHaveText('1层');
  await expect(diagram.getByRole('button', { name: /^101\b/ })).toContainText('m²');
  await expectNoAxeViolations(page);

  // a cell opens the unit's owners: masked, and revealed in full for the street admin
  await diagram.getByRole('button', { name: /^101\b/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('101');
  await expect(drawer.getByText(/证 \d{4}\*{10}[\dX]{4}/).first()).toBeVisible();
  await drawer
    .getByRole('button', { name: /显示完整/ })
    .first()
    .click();
  await expect(drawer.getByText(/证 \d{17}[\dX]/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the projects list counts by stage and opens a project with its diagram', async ({ page }) => {
  await loginAs(page.request, 'admin');
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: '加装电梯项目' })).toBeVisible();
  // the demo reproduces the article: 17 completed (in service), 6 under construction
  await expect(page.getByRole('group', { name: '按阶段统计' })).toContainText('运维 17');
  await page.getByRole('group', { name: '按阶段统计' }).getByText('施工 6').click();
  await expect(page.getByText('共 6 条')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('table', { name: /立面图/ })).toBeVisible();
  await expect(page.getByText('施工', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the audit page shows who changed what, with before and after', async ({ page }) => {
  await loginAs(page.request, 'admin');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // filter by action; the demo seed carries its counts in "after"
  await chooseOption(page, page.getByRole('combobox', { name: '操作' }), '生成演示数据');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page
    .getByRole('row', { name: /生成演示数据/ })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('cell', { name: 'stairwells', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
