import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiGet, loginAs } from './helpers.ts';
import { shanghaiDay } from './clock.ts';

/**
 * The project page (stage bar and checklist), its approvals table and the work list, at 1280
 * and 360 px: `JW_SCREENSHOTS=1 npx playwright test project-screenshots`. Not part of the default run (playwright.config.ts).
 */

const DIR = 'docs/screenshots';

interface Step {
  id: string;
  status: string;
}

async function shoot(page: Page, name: string, height?: number) {
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()!.width;
  await page.screenshot({
    path: `${DIR}/${name}.png`,
    ...(height ? { fullPage: true, clip: { x: 0, y: 0, width, height } } : {}),
  });
}

for (const { suffix, width } of [
  { suffix: '', width: 1280 },
  { suffix: '-360', width: 360 },
]) {
  test(`project pages ${width} px`, async ({ page }) => {
    await mkdir(DIR, { recursive: true });
    await page.setViewportSize({ width, height: width > 400 ? 800 : 740 });
    const { csrfToken } = await loginAs(page.request, 'admin');
    // a project in approvals with steps still open; one started long ago shows as overdue, one returned
    const { items } = await apiGet<{ items: { id: string; name: string }[] }>(
      page.request,
      '/api/v1/projects?stage=approvals&pageSize=100',
    );
    let project = items[0]!;
    let steps: Step[] = [];
    let overdue = 0;
    for (const p of items) {
      ({ steps, overdue } = await apiGet<{ steps: Step[]; overdue: number }>(
        page.request,
        `/api/v1/projects/${p.id}/approvals`,
      ));
      project = p;
      if (overdue > 0 || steps.filter((s) => s.status === 'pending').length >= 2) break;
    }
    const pending = steps.filter((s) => s.status === 'pending');
    if (overdue === 0 && pending.length >= 2) {
      const started = shanghaiDay(-60);
      await page.request.patch(`/api/v1/approval-steps/${pending[0]!.id}`, {
        data: { status: 'submitted', startedOn: started },
        headers: { 'x-csrf-token': csrfToken },
      });
      await page.request.patch(`/api/v1/approval-steps/${pending[1]!.id}`, {
        data: { status: 'returned', returnedReason: '缺少管线单位盖章，补齐后重新提交' },
        headers: { 'x-csrf-token': csrfToken },
      });
    }

    await page.goto(`/projects/${project.id}`);
    await expect(page.locator('.jw-group').first()).toBeVisible();
    await shoot(page, `project${suffix}`, width > 400 ? 1400 : 2200);

    await page.goto(`/projects/${project.id}?tab=approvals`);
    // a table on a wide screen, a list of cards on a phone
    await expect(
      page
        .getByRole('table')
        .filter({ hasText: '负责部门' })
        .or(page.getByRole('list', { name: '审批环节' })),
    ).toBeVisible();
    // from the tab bar down, the whole table
    await page.waitForLoadState('networkidle');
    const top = await page
      .getByRole('tab', { name: '审批环节' })
      .evaluate((el) => el.getBoundingClientRect().top + window.scrollY - 12);
    await page.screenshot({
      path: `${DIR}/approvals${suffix}.png`,
      fullPage: true,
      clip: { x: 0, y: top, width, height: width > 400 ? 1180 : 1400 },
    });

    await page.goto('/worklist');
    await expect(page.getByRole('heading', { level: 2, name: /逾期审批/ })).toBeVisible();
    await shoot(page, `worklist${suffix}`);
  });
}
