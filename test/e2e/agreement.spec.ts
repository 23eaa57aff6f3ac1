import { expect, test } from './fixtures.ts';
import {
  apiGet,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  shoot,
  staffSizeProblems,
} from './helpers.ts';

/**
 * Issue 12 item 6: the street admin edits the agreement's clauses at 1280 px (a clause's text with
 * a placeholder; a placeholder the platform does not know is refused in words), the editor fits
 * 360 px, then the clauses are reset to the default. The owner reading the filled clauses at
 * 360 px is in money.spec.ts, after the sign-off. `JW_SCREENSHOTS=1` writes
 * docs/screenshots/agreement-template.png.
 */
test('the street admin edits the agreement clauses, a wrong placeholder is refused, and resets them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page.request, 'admin');
  await page.goto('/settings/templates');
  const card = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { name: '加装电梯协议书条款' }) });
  await expect(card.getByLabel('第 5 条标题')).toHaveValue('使用管理单位');
  const body = card.getByLabel('第 10 条正文');
  const original = await body.inputValue();

  await body.fill(`${original}调解不成的，可以申请{仲裁机构}仲裁。`);
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('第 10 条的正文中有未知的占位符“{仲裁机构}”')).toBeVisible();

  await body.fill(`${original}调解由{街道}组织。`);
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(card).toContainText('第 1 版');
  const saved = await apiGet<{ isDefault: boolean; clauses: { body: string }[] }>(
    page.request,
    '/api/v1/agreement-template',
  );
  expect(saved.isDefault).toBe(false);
  expect(saved.clauses[9]!.body).toBe(`${original}调解由{街道}组织。`);

  await card.getByText('可用的占位符').click();
  // the card's title and buttons at the top, below the sticky header
  await card.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -72);
  });
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await shoot(page, 'agreement-template', { settle: 400 });
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  await card.getByRole('button', { name: '恢复默认' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已恢复默认条款')).toBeVisible();
  await expect(card.getByLabel('第 10 条正文')).toHaveValue(original);
  expect((await apiGet<{ isDefault: boolean }>(page.request, '/api/v1/agreement-template')).isDefault).toBe(
    true,
  );
});
