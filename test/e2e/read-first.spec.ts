import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, expectNoHorizontalOverflow, openVoteCodes, shoot } from './helpers.ts';

/**
 * Issue 11 item 2: the plan before the vote. 胜利居委's demo vote, still open, put a scheme
 * drawing, the subsidy policy and a cost plan before its owners. An owner on a phone (360 px) and
 * at a desk (1280 px) opens each from the vote page — links of at least 48 px, the drawing in a
 * viewer that enlarges — and sees what the household would pay under that plan, line by line.
 */

/** The links of "read first" are targets of at least 48 px each way. */
async function expectLargeTargets(page: Page) {
  const sizes = await page
    .locator('.r-doc-link')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
  expect(sizes.length).toBe(3);
  for (const [width, height] of sizes) {
    expect(width).toBeGreaterThanOrEqual(48);
    expect(height).toBeGreaterThanOrEqual(48);
  }
}

for (const width of [360, 1280]) {
  test(`an owner reads the drawing, the policy and what the household would pay before voting (${width} px)`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const { codes } = await openVoteCodes(request);
    // a different household at each width, so the two runs do not meet
    const code = codes[width === 360 ? codes.length - 1 : codes.length - 2]!;
    await page.goto(`/r/${code.code}`);
    const readFirst = page.getByRole('region', { name: '投票前请先阅读' });
    await expect(readFirst).toBeVisible();
    await expect(readFirst.getByRole('button', { name: /设计方案示意图/ })).toBeVisible();
    const pdf = readFirst.getByRole('link', { name: /补贴政策说明/ });
    await expect(pdf).toContainText('PDF 文件');
    await expect(readFirst.getByRole('button', { name: /我家要出多少钱/ })).toBeVisible();
    await expectLargeTargets(page);
    await expectNoAxeViolations(page);
    await shoot(page, `resident-read-first${width === 360 ? '' : '-1280'}`, { fullPage: true });
    if (width === 360) {
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalOverflow(page);
      await page.setViewportSize({ width: 360, height: 740 });
    }

    // the policy opens as the PDF itself, in the phone's reader
    const href = await pdf.getAttribute('href');
    const file = await request.get(href!);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // the drawing opens in the page and enlarges: wider than its frame, which then scrolls
    await readFirst.getByRole('button', { name: /设计方案示意图/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设计方案示意图');
    const image = page.getByTestId('material-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const frame = page.getByRole('region', { name: /图片/ });
    const before = await image.evaluate((img) => img.getBoundingClientRect().width);
    await page.getByRole('button', { name: '放大' }).click();
    await page.getByRole('button', { name: '放大' }).click();
    await expect(page.getByText('200%')).toBeVisible();
    const after = await image.evaluate((img) => img.getBoundingClientRect().width);
    expect(after).toBeGreaterThan(before * 1.9);
    expect(await frame.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await shoot(page, `resident-material${width === 360 ? '' : '-1280'}`);
    await page.getByRole('button', { name: '返回' }).click();
    await expect(readFirst).toBeVisible();

    // what the household would pay: the plan voted on, the agreement's lines adding up, no sign-off yet
    await readFirst.getByRole('button', { name: /我家要出多少钱/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('我家要出多少钱');
    await expect(page.locator('main')).toContainText('这是本次表决的方案');
    const lines = await page.getByTestId('cost-line').evaluateAll((rows) =>
      rows.map((r) => ({
        key: r.getAttribute('data-key'),
        label: r.querySelector('dt')?.textContent ?? '',
        total: r.classList.contains('r-cost-line--total'),
        fen: Number((r.querySelector('dd')?.textContent ?? '').replace(/\D/g, '')),
      })),
    );
    let running = 0;
    for (const line of lines) {
      if (line.total) expect(line.fen, line.label).toBe(running);
      else running += line.label.startsWith('减：') ? -line.fen : line.fen;
    }
    expect(lines.at(-1)?.key).toBe('owners-share');
    await expect(page.getByTestId('share-amount').first()).not.toHaveText(/^0(\.00)? /);
    await expect(page.getByRole('button', { name: '确认签认' })).toHaveCount(0);
    await expect(page.locator('main')).toContainText('补贴依据');
    await expectNoAxeViolations(page);
    await shoot(page, `resident-would-pay${width === 360 ? '' : '-1280'}`, { fullPage: true });
  });
}

test('staff see what their owners read first and the plan put to the vote', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { vote } = await openVoteCodes(page.request);
  await page.goto(`/consultations/${vote.id}`);
  const card = page.getByTestId('materials');
  await expect(card.getByRole('link')).toHaveText(['设计方案示意图', '补贴政策说明']);
  await expect(page.getByText('交付表决的费用方案：')).toBeVisible();
  await expect(page.getByRole('link', { name: /楼层系数 × 面积方案（第 \d+ 版）/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'consultation-materials', { fullPage: true });
});
