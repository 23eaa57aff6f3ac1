import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEVICE_TIME, shanghaiDay, TODAY } from './clock.ts';
import { expect, test } from './fixtures.ts';
import {
  apiGet,
  apiPost,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  shoot,
  typeDate,
} from './helpers.ts';

/**
 * A year entered from its template (issue 8). By the server's clock (CLOCK_START, 2026-11-20) 2027
 * has no holiday arrangement yet, so a design-scheme notice starting 2026-12-20 — 10 days of
 * publicity to 12-30, then 7 days of written feedback into 2027 — ends provisionally on 2027-01-06:
 * on the notice page, in print and on the household page. The street admin finds 2027 暂定 on
 * 放假安排, downloads its Excel template, fills in a clearly fictitious arrangement with a holiday
 * over the notice's last day, imports it, sees the notice move in the preview, and saves; the
 * notice is confirmed with its new end and the move in its history, and the work list shows it.
 * axe on the new pages and the household page; 320 px without page scroll. Needs a server on which
 * 2027 was never entered (the fresh one the config starts). JW_SCREENSHOTS=1 writes
 * .tmp/screenshots/holidays-*.png.
 */

test.use({ actionTimeout: 20_000 });

/** antd spaces out two-character Chinese button labels ("张 贴"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

const NOTICE_START = '2026-12-20';
/** 12-30 + 7 days: a Wednesday, a working day when only the statutory holidays are known */
const PROVISIONAL_END = '2027-01-06';
/** with the fictitious holiday 01-05..01-07 the last day moves to the next working day (Civil Code art. 203) */
const MOVED_END = '2027-01-08';
const SOURCE = '浏览器测试用虚构安排（并非国务院办公厅通知）';
const TEST_HOLIDAY = {
  name: '测试假日（虚构）',
  start: '2027-01-05',
  end: '2027-01-07',
  workday: '2027-01-09',
};

/** The template as a person fills it in: the notice's number, then a holiday on the first empty row. */
async function fillTemplate(file: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('放假安排');
  expect(sheet, 'the holiday sheet of the template').toBeDefined();
  expect(sheet!.getCell('A2').text).toContain('发布文号或链接');
  sheet!.getCell('B2').value = SOURCE;
  let row = 4;
  while (sheet!.getRow(row).getCell(1).text.trim()) row++;
  const cells = sheet!.getRow(row);
  cells.getCell(1).value = TEST_HOLIDAY.name;
  // typed as dates, as Excel keeps what a person types into a date column
  cells.getCell(2).value = new Date(`${TEST_HOLIDAY.start}T00:00:00Z`);
  cells.getCell(3).value = new Date(`${TEST_HOLIDAY.end}T00:00:00Z`);
  cells.getCell(4).value = TEST_HOLIDAY.workday;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The notice's card on the project's notices page. */
const noticeCard = (page: Page, title: string): Locator =>
  page.locator('.jw-notice').filter({ has: page.getByRole('heading', { name: title }) });

test('a provisional notice period is confirmed when the street admin enters 2027 from the Excel template', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  // the device's clock says 2031: every date below must come from the server (timers keep running)
  await page.clock.setFixedTime(new Date(DEVICE_TIME));
  const { csrfToken } = await loginAs(page.request, 'admin');
  const headers = { 'x-csrf-token': csrfToken };
  // a 学府居委 project in design review: no other spec writes notices there
  const { items } = await apiGet<{ items: { id: string; name: string; committeeName: string }[] }>(
    page.request,
    '/api/v1/projects?stage=design_review&pageSize=100',
  );
  const project = items.find((p) => p.committeeName === '学府居委')!;
  expect(project, 'a design-review project of 学府居委').toBeDefined();
  // household codes for the owner's page, from a vote on the project (through the API)
  const created = await page.request.post('/api/v1/consultations', {
    headers,
    data: {
      projectId: project.id,
      kind: 'vote',
      title: `${project.name}放假安排测试表决`,
      question: '是否同意加装电梯？',
      ruleId: 'sh-801-building',
      scopeKind: 'stairwell',
      opensOn: TODAY,
      closesOn: shanghaiDay(14),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const consultation = (await created.json()) as { id: string };
  expect(
    (await page.request.post(`/api/v1/consultations/${consultation.id}/open`, { headers, data: {} })).ok(),
  ).toBeTruthy();
  const household = (
    await apiPost<{ items: { code: string }[] }>(
      page.request,
      `/api/v1/consultations/${consultation.id}/codes/reveal`,
      headers,
    )
  ).items[0]!;

  // the notice: its start defaults to the server's today although the device's clock says 2031
  const title = `设计方案公示（跨年） ${Date.now().toString(36)}`;
  await page.goto(`/projects/${project.id}/notices`);
  await page.getByRole('button', { name: '新建公示' }).click();
  const dialog = page.getByRole('dialog', { name: '新建公示' });
  await expect(dialog.getByLabel('开始日期')).toHaveValue(TODAY);
  await typeDate(page, dialog.getByLabel('开始日期'), NOTICE_START);
  const preview = dialog.getByTestId('period-preview');
  await expect(preview).toContainText(PROVISIONAL_END);
  await expect(preview.getByTestId('provisional')).toBeVisible();
  await expect(preview).toContainText('2027 年的放假安排尚未确认');
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('公示内容').fill('电梯设在南侧楼梯间外，每层平层入户。方案图纸张贴于单元门厅。');
  await preview.scrollIntoViewIfNeeded();
  await shoot(page, 'holidays-create-provisional', { dir: '.tmp/screenshots' });
  await dialog.getByRole('button', { name: twoChars('保存') }).click();
  await expect(dialog).toBeHidden();
  const card = noticeCard(page, title);
  await card.getByRole('button', { name: twoChars('张贴') }).click();
  const postDialog = page.getByRole('dialog', { name: '张贴公示' });
  await postDialog.getByLabel('张贴位置').fill('5 号 2 单元门厅公告栏');
  await postDialog.getByRole('button', { name: twoChars('张贴') }).click();
  await expect(postDialog).toBeHidden();
  await expect(card).toContainText('未开始');
  await expect(card).toContainText(PROVISIONAL_END);
  await expect(card.getByTestId('provisional')).toBeVisible();
  await expect(card.getByRole('alert').filter({ hasText: '截止日期暂定' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-notice-provisional', { fullPage: true, dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'holidays-notice-provisional-320', { dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // printed: the title, text, periods in full dates with the provisional mark, where objections go
  const printHref = await card.getByRole('link', { name: '打印公示' }).getAttribute('href');
  expect(printHref).toMatch(new RegExp(`^/projects/${project.id}/notices/[0-9a-f-]{36}/print$`));
  await page.goto(printHref!);
  const printed = page.getByTestId('printed-notice');
  await expect(printed).toContainText(title);
  await expect(printed).toContainText('公示期：2026年12月20日 至 2026年12月30日');
  await expect(printed).toContainText('意见截止日期：2027年1月6日（暂定）');
  await expect(printed).toContainText('截止日期 2027年1月6日 为暂定');
  await expect(printed).toContainText('学府居委');
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-print-provisional', { fullPage: true, dir: '.tmp/screenshots' });

  // the owner's page says so in plain words
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const resident = await phone.newPage();
  await resident.goto(`/r/${household.code}`);
  await resident.getByRole('button', { name: '查看公示、提出意见' }).click();
  const residentNotice = resident
    .locator('section')
    .filter({ has: resident.getByRole('heading', { level: 2, name: title }) });
  await expect(residentNotice).toContainText('2027年1月6日');
  // the owner is told the date may still move
  await expect(residentNotice.getByTestId('provisional')).toContainText('截止日期暂定');
  await expectNoAxeViolations(resident);
  await shoot(resident, 'holidays-resident-provisional', { fullPage: true, dir: '.tmp/screenshots' });
  await resident.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(resident);

  // the work list asks the street admin to confirm 2027; 放假安排 shows it provisional
  await page.goto('/worklist');
  const toConfirm = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { level: 2, name: /待确认的放假安排/ }) });
  await expect(toConfirm.getByRole('link', { name: '2027 年放假安排' })).toHaveAttribute(
    'href',
    '/settings/holidays/2027',
  );
  await page.getByRole('link', { name: '放假安排', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '放假安排' })).toBeVisible();
  const years = page.getByRole('table', { name: '各年份的放假安排' });
  await expect(years.getByRole('row').filter({ hasText: '2027 年' })).toContainText('暂定');
  await expect(years.getByRole('row').filter({ hasText: '2026 年' })).toContainText('已确认 · 官方数据包');
  const attention = page.getByRole('alert').filter({ hasText: '2027 年放假安排尚未确认' });
  await expect(attention).toContainText(/则公示的截止日期为暂定/);
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-years', { dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'holidays-years-320', { fullPage: true, dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // 2027's form, prefilled with the statutory holidays; the template downloaded and filled in
  await attention.getByRole('link', { name: '录入 2027 年' }).click();
  await expect(page).toHaveURL(/\/settings\/holidays\/2027$/);
  await expect(page.getByRole('heading', { level: 1, name: '2027 年放假安排' })).toBeVisible();
  await expect(page.getByRole('group', { name: '第 1 行' }).getByLabel('节日名称')).toHaveValue('元旦');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载 Excel 模板' }).click(),
  ]);
  const filled = await fillTemplate(await download.path());
  await page.getByLabel('导入 .xlsx 或 .ics 文件').setInputFiles({
    name: '2027年放假安排.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  });
  await expect(page.getByText(/已从 2027年放假安排\.xlsx 读入 8 个节日/)).toBeVisible();
  await expect(page.getByLabel('发布文号或链接')).toHaveValue(SOURCE);
  const testRow = page.getByRole('group', { name: '第 8 行' });
  await expect(testRow.getByLabel('节日名称')).toHaveValue(TEST_HOLIDAY.name);
  await expectNoAxeViolations(page);

  // the shared validator runs in the page before anything is sent: a row without a name
  await testRow.getByLabel('节日名称').fill('');
  await page.getByRole('button', { name: '预览公示期的变化' }).click();
  await expect(page.getByTestId('arrangement-problems')).toContainText('第8行：请填写节日名称');
  await expect(testRow).toContainText('第8行：请填写节日名称');
  await expect(page.getByTestId('holiday-preview')).toHaveCount(0);
  await testRow.getByLabel('节日名称').fill(TEST_HOLIDAY.name);

  // the preview lists the notice with its end from → to, then saving confirms it
  await page.getByRole('button', { name: '预览公示期的变化' }).click();
  const changes = page.getByTestId('holiday-preview');
  const change = changes.getByRole('row').filter({ hasText: title });
  await expect(change).toContainText(`${PROVISIONAL_END} → ${MOVED_END}`);
  await expect(change).toContainText('不再暂定');
  await expect(change.getByRole('link', { name: project.name })).toBeVisible();
  await expect(page.getByTestId('arrangement-problems')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-year-preview', { fullPage: true, dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'holidays-year-preview-320', { fullPage: true, dir: '.tmp/screenshots' });
  await page.setViewportSize({ width: 1280, height: 800 });
  const [saved] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/holiday-years/2027') && r.request().method() === 'PUT',
    ),
    changes.getByRole('button', { name: '确认保存' }).click(),
  ]);
  expect(saved.status(), await saved.text()).toBe(200);
  const result = page.getByTestId('holiday-saved');
  await expect(result).toContainText('2027 年放假安排已保存');
  await expect(result).toContainText(/\d+ 则公示的期间不再是暂定/);
  await expect(result.getByRole('row').filter({ hasText: title })).toContainText(
    `${PROVISIONAL_END} → ${MOVED_END}`,
  );
  await expect(page.getByText('已确认 · 已录入')).toBeVisible();
  await expect(page.getByText(`来源：${SOURCE}`)).toBeVisible();
  // the year is the page's: its table shows months and days
  await expect(
    page
      .getByRole('table', { name: '2027 年放假安排' })
      .getByRole('row')
      .filter({ hasText: TEST_HOLIDAY.name }),
  ).toContainText('01-05 – 01-07 （共 3 天）01-09');
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-year-saved', { fullPage: true, dir: '.tmp/screenshots' });

  // the list: 2027 confirmed, with its source and who entered it
  await page.goto('/settings/holidays');
  const year2027 = page
    .getByRole('table', { name: '各年份的放假安排' })
    .getByRole('row')
    .filter({ hasText: '2027 年' });
  await expect(year2027).toContainText('已确认 · 已录入');
  await expect(year2027).toContainText(SOURCE);
  await expect(year2027).toContainText('江湾镇街道管理员 录入于');
  await expect(page.getByRole('alert').filter({ hasText: '放假安排尚未确认' })).toHaveCount(0);

  // the notice: the new end, no longer provisional, and the move in its history
  await page.goto(`/projects/${project.id}/notices`);
  await expect(card).toContainText(MOVED_END);
  await expect(card.getByTestId('provisional')).toHaveCount(0);
  await expect(card.getByTestId('period-changes')).toContainText(
    `按 2027 年放假安排重新计算：截止 ${PROVISIONAL_END} → ${MOVED_END}`,
  );
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-notice-confirmed', { fullPage: true, dir: '.tmp/screenshots' });
  await page.goto(printHref!);
  await expect(printed).toContainText('意见截止日期：2027年1月8日');
  await expect(printed).not.toContainText('暂定');

  // the work list: the moved period, and no year left to confirm
  await page.goto('/worklist');
  const moved = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { level: 2, name: /因放假安排调整的公示期/ }) });
  const movedItem = moved.getByRole('listitem').filter({ hasText: title });
  await expect(movedItem).toContainText(`${PROVISIONAL_END} → ${MOVED_END}`);
  await expect(movedItem.getByRole('link', { name: project.name })).toHaveAttribute(
    'href',
    `/projects/${project.id}/notices`,
  );
  await expect(page.getByRole('heading', { level: 2, name: /待确认的放假安排/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, 'holidays-worklist', { dir: '.tmp/screenshots' });

  // and the owner sees the confirmed date
  await resident.reload();
  await resident.getByRole('button', { name: '查看公示、提出意见' }).click();
  await expect(residentNotice).toContainText('2027年1月8日');
  await expect(residentNotice.getByTestId('provisional')).toHaveCount(0);
  await phone.close();
});
