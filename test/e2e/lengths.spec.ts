import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  apiPost,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectInAgreement,
  projectsOf,
  shoot,
} from './helpers.ts';
import { shanghaiDay } from './clock.ts';

/**
 * Issue 11 item 9: data of every length. A mediation case titled with the 200 characters its
 * field allows, and a 2,000-character objection (the resident's limit), on one of 胜利居委's
 * projects: the list keeps its columns readable (the title in two lines, cut with "…", whole in
 * its link), the objection is a few lines with 展开, and amounts never break across lines on
 * a phone; the staff page's plan lines add up to the fen (item 1). At 360 px and 1280 px, axe clean.
 */

test.use({ actionTimeout: 20_000 });

/** 200 characters, different at each width so the two runs do not meet. */
const titleAt = (width: number) =>
  `${width}：二楼采光与通行异议调解${'因电梯井道遮挡南向窗户及门厅通道变窄引发的相邻关系纠纷'.repeat(8)}`.slice(
    0,
    200,
  );
const OBJECTION =
  `本人对设计方案有异议：${'电梯井紧贴二楼南窗，冬季日照明显减少，门厅通道也变窄。'.repeat(80)}`.slice(
    0,
    2000,
  );

/** The height of one line of the element's text, from its computed style. */
const lineHeight = (el: Locator) =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    return s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.5 : parseFloat(s.lineHeight);
  });

async function longCase(page: Page, title: string) {
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const headers = { 'x-csrf-token': csrfToken };
  const project = (await projectsOf(page.request, '胜利居委'))[2]!;
  const notice = await apiPost<{ id: string }>(page.request, '/api/v1/notices', headers, {
    projectId: project.id,
    kind: 'design_scheme',
    title: `设计方案公示（长文本测试 ${Date.now().toString(36)}）`,
    startOn: shanghaiDay(-1),
  });
  await apiPost(page.request, `/api/v1/notices/${notice.id}/post`, headers, { postedWhere: '门厅' });
  const objection = await apiPost<{ id: string }>(
    page.request,
    `/api/v1/notices/${notice.id}/objections`,
    headers,
    { text: OBJECTION, fromName: '李秀英' },
  );
  const mediation = await apiPost<{ id: string }>(
    page.request,
    `/api/v1/objections/${objection.id}/escalate`,
    headers,
    { kind: 'light', title },
  );
  return { project, notice, mediation };
}

for (const width of [360, 1280]) {
  test(`long titles and objections keep tables readable; amounts stay on one line (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const TITLE = titleAt(width);
    const { project, mediation } = await longCase(page, TITLE);

    // the cases list: the 200-character title is two lines in a column of readable width
    await page.goto('/mediation');
    const link = page.getByRole('link', { name: TITLE });
    await expect(link).toBeVisible();
    const cell = page.locator('.jw-name-cell').filter({ has: link });
    const box = (await cell.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(2 * (await lineHeight(cell)) + 1);
    expect(box.width).toBeLessThanOrEqual(20 * 16);
    await expect(cell).toHaveAttribute('title', TITLE);
    if (width === 1280) {
      // the whole table fits the desk screen: no sideways scrolling inside it
      const wrap = page.locator('.ant-table-content').first();
      const [scroll, client] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
    }
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await shoot(page, `long-title${width === 360 ? '-360' : ''}`);
    // the link opens the case, whose heading says the title in full
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/mediation/${mediation.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);

    // the notice's objections: the 2,000 characters are three lines, then 展开 shows them all
    await page.goto(`/projects/${project.id}/notices`);
    const row = page.getByRole('row').filter({ hasText: '李秀英' }).first();
    const text = row.locator('.jw-long-text');
    await expect(text).toBeVisible();
    const folded = (await text.boundingBox())!;
    expect(folded.height).toBeLessThanOrEqual(3 * (await lineHeight(text)) + 2);
    expect((await row.boundingBox())!.height).toBeLessThan(200);
    await expectNoAxeViolations(page);
    await row.scrollIntoViewIfNeeded();
    await shoot(page, `long-objection${width === 360 ? '-360' : ''}`);
    await row.getByRole('button', { name: '展开' }).click();
    await expect(text).toContainText(OBJECTION.slice(-40));
    expect((await text.boundingBox())!.height).toBeGreaterThan(folded.height * 3);
    await row.getByRole('button', { name: '收起' }).click();
    await expect.poll(async () => (await text.boundingBox())!.height).toBeLessThan(folded.height + 2);

    // amounts: the money page of the committee's project in 协议 (plan adopted), every figure on one line
    const { project: inAgreement, shares } = await projectInAgreement(page.request);
    await page.goto(`/projects/${inAgreement.id}/money`);
    // the plan's sum line by line and each household's share
    const amounts = page.locator('[data-testid=plan-lines] .jw-yuan, [data-testid=shares-table] .jw-yuan');
    await expect(amounts.first()).toBeVisible();
    const lines = await amounts.evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length })),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.lines !== 1)).toEqual([]);
    // item 1 on the staff page at this width: the plan's lines add up to the fen, in the
    // agreement's order — 加 adds, 减 takes off, a bold line is the sum so far, the last is what
    // all owners share, the sum of every household's share
    const sum = await page.locator('[data-testid=plan-lines] tr').evaluateAll((rows) =>
      rows.map((r) => ({
        label: r.querySelector('th')?.textContent ?? '',
        total: r.querySelector('td strong') !== null,
        fen: Number((r.querySelector('td')?.textContent ?? '').replace(/\D/g, '')),
      })),
    );
    let running = 0;
    for (const line of sum) {
      if (line.total) expect(line.fen, line.label).toBe(running);
      else running += line.label.startsWith('减：') ? -line.fen : line.fen;
    }
    expect(sum.at(-1)).toMatchObject({ total: true, fen: shares.reduce((t, x) => t + x.shareFen, 0) });
    await expectNoHorizontalOverflow(page);
    await shoot(page, `long-money${width === 360 ? '-360' : ''}`);
  });
}
