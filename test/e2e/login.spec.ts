import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, expectNoAxeViolations } from './helpers.ts';

test('admin logs in and lands on the work list; a wrong password is shown under the field', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '江湾加装电梯工作台' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();

  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole('heading', { name: '待办事项', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /逾期审批/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主菜单' }).getByText('审计日志')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
