import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { estateRows, templateFromPage, uploadWorkbook, workbookFrom } from './excel-files.ts';
import { expect, test } from './fixtures.ts';
import { apiGet, loginAs } from './helpers.ts';

/**
 * Regenerates docs/screenshots: `JW_SCREENSHOTS=1 npx playwright test screenshots`. Skipped in
 * the normal run. Viewport-sized captures keep the files small.
 */

const DIR = 'docs/screenshots';
const SIZES = [
  { suffix: '', viewport: { width: 1280, height: 800 } },
  { suffix: '-320', viewport: { width: 320, height: 640 } },
];

async function shoot(page: Page, name: string, suffix: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${DIR}/${name}${suffix}.png` });
}

for (const { suffix, viewport } of SIZES) {
  test(`screenshots ${viewport.width} px`, async ({ page }) => {
    await mkdir(DIR, { recursive: true });
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
    await shoot(page, 'login', suffix);

    await loginAs(page.request, 'admin');
    const stairwells = await apiGet<{ items: { id: string; buildingName: string; name: string }[] }>(
      page.request,
      `/api/v1/stairwells?q=${encodeURIComponent('胜利新村')}&pageSize=100`,
    );
    const stairwell = stairwells.items.find((s) => s.buildingName === '11号' && s.name === '1单元')!;
    await page.goto('/registry/estates');
    await expect(page.getByRole('link', { name: '胜利新村' })).toBeVisible();
    await shoot(page, 'registry', suffix);

    await page.goto(`/registry/stairwells/${stairwell.id}`);
    await expect(page.getByRole('table', { name: /立面图/ })).toBeVisible();
    await shoot(page, 'stairwell', suffix);

    await page.goto('/projects');
    await expect(page.getByRole('group', { name: '按阶段统计' })).toBeVisible();
    await shoot(page, 'projects', suffix);

    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
    await shoot(page, 'audit', suffix);

    await page.goto('/registry/excel');
    const template = await templateFromPage(page);
    await uploadWorkbook(
      page,
      '胜利居委-登记.xlsx',
      await workbookFrom(template, estateRows(`截图小区${Date.now()}`, true)),
    );
    const rejected = page.getByText('导入被拒绝，没有写入任何数据');
    await expect(rejected).toBeVisible({ timeout: 30_000 });
    // the verdict and its table in view
    await rejected.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(page, 'import', suffix);
  });
}

// what a person reads when a link names nothing, and when a form is sent empty (issue 11 item 8)
for (const { suffix, viewport } of SIZES) {
  test(`screenshots of messages ${viewport.width} px`, async ({ page }) => {
    await mkdir(DIR, { recursive: true });
    await page.setViewportSize(viewport);
    await loginAs(page.request, 'admin');
    await page.goto('/projects/not-a-uuid');
    await expect(page.getByRole('heading', { level: 1, name: '找不到' })).toBeVisible();
    await shoot(page, 'not-found', suffix);

    await page.goto('/settings/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const create = page.getByRole('dialog', { name: '新建账号' });
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await expect(create.getByText('请选择所属居委会')).toBeVisible();
    await shoot(page, 'form-messages', suffix);
  });
}
