import { expect, test } from './fixtures.ts';
import {
  chooseOption,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  shoot,
  staffSizeProblems,
  typeDate,
} from './helpers.ts';
import { TODAY } from './clock.ts';

/**
 * Issue 12 item 3 and the car notice of item 5: 胜利居委's worker finds the committee's lifts in
 * service with what is due, records a maintenance visit on a phone (the gap since the last one
 * shown), and prints the notice for the lift car with the fault-report QR code. At 360 and 1280 px
 * (each on a lift of its own, so the two do not meet), axe clean, staff sizes.
 */
const LIFT_AT: Record<number, string> = {
  360: '广粤路1601弄25号2单元加装电梯',
  1280: '广粤路1601弄27号1单元加装电梯',
};

for (const width of [360, 1280]) {
  test(`a committee worker records a maintenance visit and prints the car notice (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await loginAs(page.request, 'shengli');
    await page.goto('/lifts');
    await expect(page.getByRole('heading', { level: 1, name: '在用电梯' })).toBeVisible();
    // the committee's own three lifts, no other committee's
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(3);
    await expectNoAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    expect(await staffSizeProblems(page)).toEqual([]);
    await shoot(page, `lifts-list-${width}`, { fullPage: true });

    const name = LIFT_AT[width]!;
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const visits = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '维保记录' }) });
    const before = await visits.locator('tbody tr.ant-table-row').first().locator('td').first().textContent();
    expect(before).not.toBe(TODAY);

    await page.getByRole('button', { name: '记录保养' }).click();
    const dialog = page.getByRole('dialog', { name: '记录保养' });
    await typeDate(page, dialog.getByLabel('保养日期'), TODAY);
    await chooseOption(page, dialog.getByLabel('保养类型'), '半月保养');
    await dialog.getByLabel('维保人员').fill('李建国');
    await dialog.getByLabel('发现的问题').fill('轿门地坎有异物，已清理');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    const first = visits.locator('tbody tr.ant-table-row').first();
    await expect(first).toContainText(TODAY);
    await expect(first).toContainText('轿门地坎有异物，已清理');
    // the gap since the visit before, in days
    await expect(first.locator('td').nth(2)).toHaveText(/^\d+ 天/);
    // issue 12 item 5: its faults, the running costs and a history on the same page
    const card = (name: string) =>
      page.locator('.ant-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(card('报修记录')).toContainText(/近 12 个月报修 \d+ 次/);
    await expect(card('运行费用').getByRole('link', { name: '收取运行费用' })).toBeVisible();
    const history = card('电梯档案');
    await expect(history).toContainText('投入使用');
    await expect(history).toContainText('签订维保合同');
    await expectNoAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    expect(await staffSizeProblems(page)).toEqual([]);
    await shoot(page, `lift-page-${width}`, { fullPage: true });

    await page.getByRole('link', { name: '打印轿厢公示牌' }).click();
    const notice = page.getByTestId('car-notice');
    await expect(notice.getByRole('heading', { name: '电梯使用公示' })).toBeVisible();
    await expect(notice).toContainText('96333');
    await expect(notice).toContainText(/3110310114\d{10}/);
    await expect(notice.getByRole('img', { name: '报修二维码' })).toBeVisible();
    await expect(notice).toContainText(/\/r\/lift\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    // no public address in the tests' server: the page says so before printing
    await expect(page.getByTestId('print-warning')).toContainText('JW_PUBLIC_URL');
    await expectNoAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    await shoot(page, `lift-car-notice-${width}`, { fullPage: true });
  });
}
