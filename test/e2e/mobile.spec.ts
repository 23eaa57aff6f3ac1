import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, expectNoHorizontalOverflow, firstItem, loginAs } from './helpers.ts';

test.use({ viewport: { width: 320, height: 640 } });

test('at 320 px no page scrolls sideways and the menu opens in a drawer', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  await loginAs(page.request, 'admin');
  const stairwell = await firstItem<{ id: string }>(page.request, '/api/v1/stairwells?pageSize=1');
  const project = await firstItem<{ id: string }>(page.request, '/api/v1/projects?pageSize=1');
  for (const path of [
    '/registry',
    '/registry/estates',
    `/registry/stairwells/${stairwell.id}`,
    '/registry/owners',
    '/registry/excel',
    '/projects',
    `/projects/${project.id}`,
    '/audit',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page);
  }
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '打开菜单' }).click();
  const menu = page.getByRole('dialog').getByRole('navigation', { name: '主菜单' });
  await expect(menu).toBeVisible();
  await menu.getByText('项目列表').click();
  await expect(page).toHaveURL(/\/projects$/);
  await expectNoHorizontalOverflow(page);
});
