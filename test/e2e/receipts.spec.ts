import { mkdir } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { formatReceipt } from '../../src/core/consent/receipts.ts';
import { expect, test } from './fixtures.ts';
import {
  apiGet,
  expectElderlyFriendly,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
} from './helpers.ts';
import { Staff } from './staff-api.ts';

/**
 * The receipt can be checked (issue 11 item 4), at 360 and 1280 px with axe: an owner follows
 * 核对回执 from the receipt to the public check and sees what the ledger recorded, and nothing of
 * the household; a changed vote shows on the old receipt; receipt numbers typed by hand are
 * checked. Staff browse a closed demo vote's ledger, find a receipt, and the certificate lists
 * it. `JW_SCREENSHOTS=1` also writes docs/screenshots/{resident-receipt-check,consent-ledger,
 * consent-certificate}*.png.
 */
const SHOTS = Boolean(process.env.JW_SCREENSHOTS);
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

interface Entry {
  seq: number;
  kind: string;
  receipt: string;
  hash: string;
  choice: string | null;
  household: { label: string } | null;
}

async function shot(page: Page, name: string, fullPage = false) {
  if (!SHOTS) return;
  await mkdir('docs/screenshots', { recursive: true });
  // from the top, so a sticky header is drawn where it belongs in a whole-page picture
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage });
}

/** The resident pages' checks: axe, no sideways scroll, large type and targets. */
async function expectResidentPageFine(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await expectElderlyFriendly(page);
}

/** A vote of the demo street that closed with its ballots, with its ledger (as the committee reads it). */
async function closedDemoVote(request: APIRequestContext) {
  for (const p of await projectsOf(request, '胜利居委')) {
    const { items } = await apiGet<{
      items: { id: string; kind: string; status: string; ballotsCast: number }[];
    }>(request, `/api/v1/projects/${p.id}/consultations`);
    const vote = items.find((c) => c.kind === 'vote' && c.status === 'closed' && c.ballotsCast > 5);
    if (vote) {
      const ledger = await apiGet<{ items: Entry[] }>(
        request,
        `/api/v1/consultations/${vote.id}/ledger?limit=200`,
      );
      return { id: vote.id, entries: ledger.items };
    }
  }
  throw new Error('no closed demo vote of 胜利居委');
}

for (const viewport of VIEWPORTS) {
  const px = viewport.width;
  test.describe(`${px} px`, () => {
    test.use({ viewport });
    // a shared 2-core machine: each test opens several pages and runs axe on each
    test.describe.configure({ timeout: 240_000 });

    test('an owner follows 核对回执 to the public check, sees what was recorded and nothing of the household', async ({
      page,
      playwright,
      baseURL,
    }) => {
      const staff = await Staff.login(playwright, baseURL);
      const vote = await staff.open('vote', px === 360 ? 10 : 11);
      const household = vote.codes[0]!;

      await page.goto(`/r/${household.code}`);
      await page.getByRole('button', { name: '同意', exact: true }).click();
      await page.getByRole('button', { name: '确认投票' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '投票成功' })).toBeVisible();
      const { receipt } = (await (await page.request.get(`/api/v1/r/${household.code}`)).json()).ballot as {
        receipt: string;
      };
      await expect(page.locator('.r-hash')).toHaveText(formatReceipt(receipt));

      // the receipt's link opens the check with its number, and the check answers at once
      await page.getByRole('link', { name: '核对回执' }).click();
      await expect(page).toHaveURL(new RegExp(`/r/receipt/${receipt.slice(0, 16)}$`));
      await expect(page.getByRole('heading', { level: 1, name: '核对回执' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: '账本里有这张回执' })).toBeVisible();
      const main = page.locator('main');
      await expect(main.locator('.r-hash')).toHaveText(formatReceipt(receipt));
      await expect(page.getByTestId('receipt-recorded')).toHaveText('网上投票：同意');
      await expect(page.getByTestId('receipt-standing')).toContainText('这是您家现在的选票。');
      await expect(page.getByTestId('receipt-standing')).toContainText('截止前还可以改票。');
      await expect(main).toContainText(vote.title);
      // no unit, no owner: the household's label is nowhere on the page
      await expect(main).not.toContainText(household.label);
      await expectResidentPageFine(page);
      await shot(page, `resident-receipt-check${px === 360 ? '' : `-${px}`}`, true);

      // the vote changed: the first receipt now says a later ballot counts
      await page.goto(`/r/${household.code}`);
      await page.getByRole('button', { name: '改票' }).click();
      await page.getByRole('button', { name: '不同意', exact: true }).click();
      await page.getByRole('button', { name: '确认投票' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '改票成功' })).toBeVisible();
      // as printed, spaces and all, in the address
      await page.goto(`/r/receipt/${encodeURIComponent(formatReceipt(receipt))}`);
      await expect(page.getByTestId('receipt-recorded')).toHaveText('网上投票：同意');
      await expect(page.getByTestId('receipt-standing')).toContainText('之后您家又投了一次票');
      await expect(page.getByTestId('receipt-standing')).toContainText('后来的一次：');
      await expect(page.getByTestId('receipt-standing')).toContainText('网上投票');

      // typed by hand, from the code entry: the format is checked first, then the ledger
      await page.goto('/r/');
      await page.getByRole('link', { name: '已经投过票？核对回执号' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '核对回执' })).toBeVisible();
      const box = page.getByLabel('回执号');
      const submit = page.getByRole('button', { name: '核对', exact: true });
      await box.fill('9F3A 1C2B');
      await submit.click();
      await expect(page.getByRole('alert')).toContainText('回执号共 16 位，您输入了 8 位');
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await expect(box).toBeFocused();
      await box.fill('9F3A 1C2B 77DE 0AXZ');
      await submit.click();
      await expect(page.getByRole('alert')).toContainText('回执号中没有“X”');
      await box.fill('FFFF FFFF FFFF FFFE');
      await submit.click();
      await expect(page.getByRole('alert')).toContainText('账本中没有这个回执号');
      await expectResidentPageFine(page);

      // the receipt now counting, typed in small letters; then in English
      const now = (await (await page.request.get(`/api/v1/r/${household.code}`)).json()).ballot
        .receipt as string;
      await box.fill(now.slice(0, 16));
      await submit.click();
      await expect(page.getByTestId('receipt-recorded')).toHaveText('网上改票：不同意');
      await expect(page.getByTestId('receipt-standing')).toContainText('这是您家现在的选票。');
      await expect(page).toHaveURL(new RegExp(`/r/receipt/${now.slice(0, 16)}$`));
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect(
        page.getByRole('heading', { level: 2, name: 'This receipt is in the ledger' }),
      ).toBeVisible();
      await expect(page.getByTestId('receipt-recorded')).toHaveText('Changed the vote online: Disagree');
      await expectResidentPageFine(page);
      await page.getByRole('button', { name: '切换到中文' }).click();
    });

    test('staff browse the ledger, find a receipt by its number, and the certificate lists it', async ({
      page,
    }) => {
      await loginAs(page.request, 'shengli');
      const vote = await closedDemoVote(page.request);
      // the newest ballot of the ledger: the one its household's counted ballot is
      const cast = vote.entries.find((e) => (e.kind === 'cast' || e.kind === 'changed') && e.household)!;
      const castLabel = cast.kind === 'cast' ? '网上投票' : '网上改票';

      await page.goto(`/consultations/${vote.id}`);
      // the page's first load is a waterfall (session, chunk, consultation, tally): slow on a busy machine
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
      // at 360 px the tab list scrolls sideways: a click as it settles may only focus the tab
      const tab = page.getByRole('tab', { name: '账本' });
      await expect(async () => {
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 2000 });
      }).toPass();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect(rows).toHaveCount(vote.entries.length);
      await expect(rows.first()).toContainText('结束计票');
      await expect(rows.last()).toContainText('开始征询');
      await expect(page.getByTestId('ledger-receipt').first()).toHaveText(/^([0-9A-F]{4} ){3}[0-9A-F]{4}$/);
      // the verify button stays
      await page.getByRole('button', { name: '校验账本' }).click();
      await expect(page.getByText(`校验通过：共 ${vote.entries.length} 条记录`)).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      await shot(page, `consent-ledger${px === 360 ? '-360' : ''}`, true);

      // the first digits, as an owner reads them out over the phone
      const search = page.getByRole('searchbox', { name: '按回执号查找' });
      await search.fill(formatReceipt(cast.receipt).slice(0, 6).toLowerCase());
      await search.press('Enter');
      await expect(rows.filter({ hasText: formatReceipt(cast.receipt) })).toHaveCount(1);
      const shown = await page.getByTestId('ledger-receipt').allTextContents();
      for (const r of shown) expect(r.startsWith(formatReceipt(cast.receipt).slice(0, 6))).toBe(true);
      // the whole number: one entry, its household and choice, its whole hash under it
      await search.fill(formatReceipt(cast.receipt));
      await search.press('Enter');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(cast.household!.label);
      await expect(rows.first()).toContainText(castLabel);
      await rows.first().getByRole('button').first().click();
      await expect(page.getByText(cast.hash)).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      // what cannot be a receipt is said, and nothing is searched
      await search.fill('xyz');
      await search.press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: '回执号中没有“x”' })).toBeVisible();
      await expect(rows).toHaveCount(1);
      await search.fill('');
      await search.press('Enter');
      await expect(rows).toHaveCount(vote.entries.length);

      // the certificate lists the receipt number beside the ballot
      await page.goto(`/consultations/${vote.id}/certificate/print`);
      const ballotRow = page.getByRole('row').filter({ hasText: formatReceipt(cast.receipt) });
      await expect(ballotRow).toHaveCount(1);
      await expect(ballotRow).toContainText(cast.household!.label);
      await expect(page.getByRole('columnheader', { name: '回执号' })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      await shot(page, `consent-certificate${px === 360 ? '-360' : ''}`, true);
    });
  });
}
