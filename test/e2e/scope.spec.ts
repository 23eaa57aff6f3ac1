import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, firstItem, loginAs } from './helpers.ts';

test("committee staff of 胜利居委 see their committee only and are refused another committee's estate", async ({
  page,
  playwright,
  baseURL,
}) => {
  // an estate of 万安居委, found by the street admin
  const admin = await playwright.request.newContext({ baseURL });
  await loginAs(admin, 'admin');
  const wanan = await firstItem<{ id: string; name: string }>(
    admin,
    `/api/v1/estates?q=${encodeURIComponent('万安')}`,
  );
  await admin.dispose();

  await loginAs(page.request, 'shengli');
  await page.goto('/registry');
  await expect(page.getByRole('link', { name: '胜利居委' })).toBeVisible();
  await expect(page.getByRole('link', { name: '万安居委' })).toHaveCount(0);
  // no audit for committee staff, in the menu or by address
  await expect(page.getByRole('navigation', { name: '主菜单' })).not.toContainText('审计');

  await page.goto(`/registry/estates/${wanan.id}`);
  await expect(page.getByText('小区不存在或无权查看')).toBeVisible();
  await expect(page.getByText(wanan.name)).toHaveCount(0);
  await expectNoAxeViolations(page);

  expect((await page.request.get(`/api/v1/estates/${wanan.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/buildings?estateId=${wanan.id}`)).ok()).toBeTruthy();
  expect(
    ((await (await page.request.get(`/api/v1/buildings?estateId=${wanan.id}`)).json()) as { total: number })
      .total,
  ).toBe(0);
  expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
  await page.goto('/audit');
  await expect(page.getByText('没有这个页面。')).toBeVisible();
});

test('read-only roles see no write buttons', async ({ page }) => {
  await loginAs(page.request, 'district');
  await page.goto('/registry/estates');
  await expect(page.getByRole('link', { name: '胜利新村' })).toBeVisible();
  await expect(page.getByRole('button', { name: /新建/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /编辑|删除/ })).toHaveCount(0);
});

test('the adviser works on the money of a project assigned to them; the district viewer sees the same page without a write button', async ({
  page,
  playwright,
  baseURL,
}) => {
  // an in-service project advised by jjl, found by the street admin
  const admin = await playwright.request.newContext({ baseURL });
  await loginAs(admin, 'admin');
  const { items } = (await (await admin.get('/api/v1/projects?stage=in_service&pageSize=100')).json()) as {
    items: { id: string; adviserName: string | null }[];
  };
  await admin.dispose();
  const assigned = items.find((p) => p.adviserName === '家加乐 顾问')!;
  expect(assigned, 'an in-service project advised by jjl').toBeTruthy();

  await loginAs(page.request, 'jjl');
  await page.goto(`/projects/${assigned.id}/money`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('费用分摊与资金');
  // payments and sign-offs of the adopted plan, and the running costs, are the adviser's work too
  await expect(page.getByRole('button', { name: '登记缴款' }).first()).toBeVisible();
  await page.getByRole('tab', { name: '运行费用' }).click();
  await expect(page.getByRole('button', { name: '登记一年的运行费用' })).toBeVisible();
  await expectNoAxeViolations(page);

  // the district viewer reads the same page without a single write button
  await page.context().clearCookies();
  await loginAs(page.request, 'district');
  await page.goto(`/projects/${assigned.id}/money`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('费用分摊与资金');
  await expect(page.getByRole('button', { name: '登记缴款' })).toHaveCount(0);
  await page.getByRole('tab', { name: '运行费用' }).click();
  await expect(page.getByRole('button', { name: '登记一年的运行费用' })).toHaveCount(0);
});
