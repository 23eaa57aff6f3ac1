import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectInAgreement,
  shoot,
} from './helpers.ts';

/**
 * Issue 11 item 5: the work list knows about every gate. 胜利居委's worker, whose demo project in
 * 协议 has an adopted plan with households still to sign, finds it on her list — the count the
 * money page shows — and follows it to the money page; the dated cards read earliest first.
 * At 360 px and 1280 px, axe clean.
 */

/** The dates shown in a card's items ("… · 2026-11-20 方案通过"), in the order shown. */
const datesIn = (page: Page, cardTitle: string) =>
  page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(cardTitle) }) })
    .locator('.jw-work-group li .jw-muted')
    .evaluateAll((els) => els.map((e) => /\d{4}-\d{2}-\d{2}/.exec(e.textContent ?? '')?.[0] ?? ''));

for (const width of [360, 1280]) {
  test(`the committee worker's list has the money gate's work, sorted, and leads to it (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await loginAs(page.request, 'shengli');
    // the demo's project in 协议: its adopted plan and who has signed it, as the money page shows them
    const { project, shares } = await projectInAgreement(page.request);
    const unsigned = shares.filter((s) => s.shareFen > 0 && !s.signedAt).length;
    expect(unsigned).toBeGreaterThan(0);

    await page.goto('/worklist');
    await expect(page.getByRole('heading', { level: 1, name: '待办事项' })).toBeVisible();
    await expect(page.getByText('目前没有需要处理的事项')).toHaveCount(0);
    const card = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { level: 2, name: /未签认的分摊协议/ }) });
    const item = card.getByRole('listitem').filter({ hasText: project.name });
    await expect(item).toContainText(`${unsigned} 户未签认分摊协议`);
    // every card that has items comes before the empty ones
    const counts = await page
      .locator('.ant-card .jw-card-title')
      .evaluateAll((els) => els.map((e) => Number(e.querySelector('.ant-badge')?.textContent ?? '0')));
    const firstEmpty = counts.indexOf(0);
    if (firstEmpty >= 0) expect(counts.slice(firstEmpty).every((n) => n === 0)).toBe(true);
    // dated items earliest first: notices by the day they end, agreements by the day the plan passed
    for (const title of ['本周结束的公示', '未签认的分摊协议', '逾期未缴']) {
      const dates = (await datesIn(page, title)).filter(Boolean);
      expect(dates, title).toEqual([...dates].sort());
    }
    await expectNoAxeViolations(page);
    if (width === 360) {
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalOverflow(page);
      await page.setViewportSize({ width: 360, height: 740 });
    }
    await item.scrollIntoViewIfNeeded();
    await shoot(page, `worklist-money${width === 360 ? '-360' : ''}`);

    // the item leads to where it is worked on: the project's money page, its plan's signatures
    await item.getByRole('link', { name: project.name }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/money$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('费用分摊与资金');
    await expect(page.getByTestId('shares-table')).toBeVisible();
  });
}
