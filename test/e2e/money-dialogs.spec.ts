import type { APIRequestContext, Locator, Page, Response } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiGet, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs, typeDate } from './helpers.ts';
import { shanghaiDay } from './clock.ts';

/**
 * The money dialogs no other browser test drives, as the street admin on the money page:
 * the subsidy claim of a project at acceptance (prepared → submitted → approved → received, with
 * dates and the amount granted), a year of running costs on an in-service project (four items,
 * each household's bill, a bill collected) and a household's paper sign-off with a scan. Every
 * figure on screen is checked against the API; axe on every page and dialog state; 360 px.
 *
 * Data: never 胜利居委's projects (consent, notices, money and resident tests write there) and
 * never a stage another spec counts or walks; a project found in the right stage through the API.
 * Each dialog is photographed to /tmp/money-dialogs-*.png.
 */

test.use({ actionTimeout: 20_000 });

const OTHER_SPECS_COMMITTEE = '胜利居委';
/** antd spaces out two-character Chinese button labels ("保 存"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);
const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
/** As typed into an amount field: "2185.50", "218500". */
const typed = (fen: number) => yuan(fen).replace(/,/g, '').replace(/\.00$/, '');
/** A 1×1 PNG, the smallest scan the server accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface ProjectItem {
  id: string;
  name: string;
  stage: string;
  committeeName: string;
}
interface Plan {
  id: string;
  version: number;
  status: 'draft' | 'adopted' | 'superseded';
  subsidyFen: number;
}
interface Claim {
  stage: string;
  amountFen: number | null;
  planVersion: number | null;
  claim: {
    status: string;
    preparedOn: string | null;
    submittedOn: string | null;
    approvedOn: string | null;
    receivedOn: string | null;
    grantedFen: number | null;
    note: string;
  } | null;
}
interface Bill {
  id: string;
  room: string;
  floor: number;
  amountFen: number;
  paidFen: number;
}
interface Year {
  id: string;
  year: number;
  totalFen: number;
  collectedFen: number;
  items: { label: string; fen: number }[];
  bills: Bill[];
}
interface Share {
  unitId: string;
  room: string;
  floor: number;
  shareFen: number;
  signedAt: string | null;
  signedChannel: 'paper' | 'online' | null;
}

async function projectsIn(request: APIRequestContext, stage: string) {
  const { items } = await apiGet<{ items: ProjectItem[] }>(
    request,
    `/api/v1/projects?stage=${stage}&pageSize=100`,
  );
  // from the end of the list: the other specs take the first projects they find
  return items.filter((p) => p.committeeName !== OTHER_SPECS_COMMITTEE).reverse();
}

async function adoptedPlan(request: APIRequestContext, projectId: string) {
  const { items } = await apiGet<{ items: Plan[] }>(request, `/api/v1/projects/${projectId}/cost-plans`);
  return items.find((p) => p.status === 'adopted') ?? null;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/money-dialogs-${name}.png` });
}

/** Clicks the dialog's save button and returns the server's answer to the write it makes. */
async function saveDialog(page: Page, dialog: Locator, method: string, path: RegExp): Promise<Response> {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)),
    dialog.getByRole('button', { name: twoChars('保存') }).click(),
  ]);
  await expect(dialog).toBeHidden();
  return answer;
}

/** Opens the money page of a project on one of its tabs. */
async function openMoney(page: Page, projectId: string, tab: string) {
  await page.goto(`/projects/${projectId}/money`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('费用分摊与资金');
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test('the subsidy claim of a project at acceptance: prepared, submitted, approved and received with dates', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await loginAs(page.request, 'admin');

  // the demo street's project at acceptance, whose claim is not started yet
  let project: ProjectItem | undefined;
  for (const p of await projectsIn(page.request, 'acceptance')) {
    const c = await apiGet<Claim>(page.request, `/api/v1/projects/${p.id}/subsidy-claim`);
    if (c.amountFen !== null && c.claim === null) {
      project = p;
      break;
    }
  }
  expect(project, 'a project at acceptance with an adopted plan and no claim yet').toBeTruthy();
  const plan = (await adoptedPlan(page.request, project!.id))!;
  const before = await apiGet<Claim>(page.request, `/api/v1/projects/${project!.id}/subsidy-claim`);
  expect(before.stage).toBe('acceptance');
  expect(before.amountFen).toBe(plan.subsidyFen);

  // the adopted plan shows the subsidy; the claim tab asks for the same amount, not started yet
  await page.setViewportSize({ width: 1280, height: 900 });
  await openMoney(page, project!.id, '已通过的方案');
  // the subsidy is the plan's 减 line, in the agreement's words, with its amount
  const subsidyLine = page.getByTestId('plan-lines').getByRole('row').filter({ hasText: '减：政府补贴' });
  await expect(subsidyLine).toContainText(`${yuan(plan.subsidyFen)} 元`);
  await page.getByRole('tab', { name: '补贴申请' }).click();
  const card = page.getByRole('tabpanel', { name: '补贴申请' });
  await expect(card.getByTestId('claim-amount')).toHaveText(`${yuan(plan.subsidyFen)} 元`);
  await expect(card).toContainText(`已通过的费用方案（第 ${plan.version} 版）`);
  await expect(card.getByTestId('claim-status')).toHaveText('尚未申请');
  await expectNoAxeViolations(page);

  // prepare: the date defaults to today; it was prepared three weeks ago
  const days = {
    prepared: shanghaiDay(-21),
    submitted: shanghaiDay(-14),
    approved: shanghaiDay(-3),
    received: shanghaiDay(0),
  };
  await card.getByRole('button', { name: '登记补贴申请' }).click();
  let dialog = page.getByRole('dialog', { name: '登记补贴申请' });
  await expect(dialog.getByRole('radio', { name: '已准备' })).toBeChecked();
  await expect(dialog.getByLabel('准备日期')).toHaveValue(shanghaiDay(0));
  await expect(dialog.getByLabel('提交日期')).toHaveCount(0);
  await typeDate(page, dialog.getByLabel('准备日期'), days.prepared);
  await expectNoAxeViolations(page);
  await shot(page, 'claim-prepare');
  let answer = await saveDialog(page, dialog, 'PUT', /\/subsidy-claim$/);
  expect(answer.status()).toBe(200);
  await expect(card.getByTestId('claim-status')).toHaveText('已准备');
  let saved = await apiGet<Claim>(page.request, `/api/v1/projects/${project!.id}/subsidy-claim`);
  expect(saved.claim).toMatchObject({ status: 'prepared', preparedOn: days.prepared, submittedOn: null });

  // submitted: the date is asked for, and may not be before the preparation
  await card.getByRole('button', { name: '更新补贴申请' }).click();
  dialog = page.getByRole('dialog', { name: '更新补贴申请' });
  await expect(dialog.getByLabel('准备日期')).toHaveValue(days.prepared);
  await dialog.getByText('已提交', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: '已提交' })).toBeChecked();
  await dialog.getByRole('button', { name: twoChars('保存') }).click();
  await expect(dialog.getByText('请选择提交日期')).toBeVisible();
  await typeDate(page, dialog.getByLabel('提交日期'), shanghaiDay(-30));
  await expect(dialog.getByText('不能早于准备日期')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'claim-submit-errors');
  await typeDate(page, dialog.getByLabel('提交日期'), days.submitted);
  await expect(dialog.getByText('不能早于准备日期')).toBeHidden();
  answer = await saveDialog(page, dialog, 'PUT', /\/subsidy-claim$/);
  expect(answer.status()).toBe(200);
  await expect(card.getByTestId('claim-status')).toHaveText('已提交');

  // approved: with its date and the amount granted
  const grantedFen = plan.subsidyFen - 150_000;
  await card.getByRole('button', { name: '更新补贴申请' }).click();
  await dialog.getByText('已批准', { exact: true }).click();
  await typeDate(page, dialog.getByLabel('批准日期'), days.approved);
  await dialog.getByLabel('实际核拨金额（元）').fill(typed(grantedFen));
  await expectNoAxeViolations(page);
  await shot(page, 'claim-approve');
  answer = await saveDialog(page, dialog, 'PUT', /\/subsidy-claim$/);
  expect(answer.status()).toBe(200);
  await expect(card.getByTestId('claim-status')).toHaveText('已批准');
  await expect(card.getByTestId('claim-granted')).toHaveText(`${yuan(grantedFen)} 元`);

  // received today
  await card.getByRole('button', { name: '更新补贴申请' }).click();
  await expect(dialog.getByLabel('实际核拨金额（元）')).toHaveValue(typed(grantedFen));
  await dialog.getByText('已到账', { exact: true }).click();
  await typeDate(page, dialog.getByLabel('到账日期'), days.received);
  await dialog.getByLabel('说明').fill('区房管局核定金额，已到街道专户');
  answer = await saveDialog(page, dialog, 'PUT', /\/subsidy-claim$/);
  expect(answer.status()).toBe(200);

  // the card and the API agree: status, amount, every date
  saved = await apiGet<Claim>(page.request, `/api/v1/projects/${project!.id}/subsidy-claim`);
  expect(saved.amountFen).toBe(plan.subsidyFen);
  expect(saved.claim).toMatchObject({
    status: 'received',
    preparedOn: days.prepared,
    submittedOn: days.submitted,
    approvedOn: days.approved,
    receivedOn: days.received,
    grantedFen,
    note: '区房管局核定金额，已到街道专户',
  });
  await expect(card.getByTestId('claim-status')).toHaveText('已到账');
  await expect(card.getByTestId('claim-amount')).toHaveText(`${yuan(saved.amountFen!)} 元`);
  const steps = card.getByTestId('claim-steps');
  for (const [label, day] of [
    ['已准备', days.prepared],
    ['已提交', days.submitted],
    ['已批准', days.approved],
    ['已到账', days.received],
  ] as [string, string][]) {
    await expect(steps.locator('.ant-steps-item').filter({ hasText: label })).toContainText(day);
  }
  await expectNoAxeViolations(page);

  // the claim's papers: uploaded from the card into the project's library as 补贴申请
  const papers = card.getByRole('region', { name: '申请材料' });
  await expect(papers).toContainText('还没有文件');
  await papers.getByLabel('文件标题').fill('补贴申请表（盖章）');
  await papers
    .getByLabel('选择文件')
    .setInputFiles({ name: '补贴申请表.png', mimeType: 'image/png', buffer: PNG });
  const [uploaded] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith(`/projects/${project!.id}/documents`) && r.request().method() === 'POST',
    ),
    papers.getByRole('button', { name: '上传文件' }).click(),
  ]);
  expect(uploaded.status()).toBe(201);
  await expect(papers).toContainText('补贴申请表（盖章）');
  const listed = await apiGet<Claim & { documents: { title: string; category: string }[] }>(
    page.request,
    `/api/v1/projects/${project!.id}/subsidy-claim`,
  );
  expect(listed.documents.map((d) => [d.title, d.category])).toContainEqual([
    '补贴申请表（盖章）',
    'subsidy',
  ]);
  await expectNoAxeViolations(page);

  // on a phone: the page does not scroll sideways, the dialog's status choices wrap
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'claim-card-360');
  await card.getByRole('button', { name: '更新补贴申请' }).click();
  await expect(dialog.getByLabel('到账日期')).toHaveValue(days.received);
  await shot(page, 'claim-360');
  await expectNoHorizontalOverflow(page);
  await dialog.getByRole('button', { name: twoChars('取消') }).click();
  await expect(dialog).toBeHidden();

  // the district housing office reads the claim and cannot change it
  const district = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  const viewer = await district.newPage();
  await loginAs(viewer.request, 'district');
  await openMoney(viewer, project!.id, '补贴申请');
  const seen = viewer.getByRole('tabpanel', { name: '补贴申请' });
  await expect(seen.getByTestId('claim-status')).toHaveText('已到账');
  await expect(seen.getByTestId('claim-granted')).toHaveText(`${yuan(grantedFen)} 元`);
  await expect(seen.getByRole('button', { name: '更新补贴申请' })).toHaveCount(0);
  await district.close();
});

test('a year of running costs on an in-service lift: four items, the bills per household, a bill collected', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAs(page.request, 'admin');
  const [project] = await projectsIn(page.request, 'in_service');
  expect(project, 'an in-service project').toBeTruthy();
  const { years: recorded } = await apiGet<{ years: Year[] }>(
    page.request,
    `/api/v1/projects/${project!.id}/running-costs`,
  );
  const year = recorded.length
    ? Math.max(...recorded.map((y) => y.year)) + 1
    : Number(shanghaiDay(0).slice(0, 4));

  await page.setViewportSize({ width: 1280, height: 900 });
  await openMoney(page, project!.id, '运行费用');
  const card = page.getByRole('tabpanel', { name: '运行费用' });
  for (const y of recorded)
    await expect(card.getByRole('heading', { level: 3, name: new RegExp(`^${y.year} `) })).toBeVisible();
  await expectNoAxeViolations(page);

  // the dialog proposes the next year and the four usual items
  await card.getByRole('button', { name: '登记一年的运行费用' }).click();
  const dialog = page.getByRole('dialog', { name: '登记一年的运行费用' });
  await expect(dialog.getByLabel('年度')).toHaveValue(String(year));
  const items = [
    ['维保费', '6000'],
    ['电费', '1250.50'],
    ['保险费', '800'],
    ['维修费', '349.50'],
  ] as const;
  for (const [i, [label, amount]] of items.entries()) {
    await expect(dialog.getByLabel(`费用项目 ${i + 1} 名称`)).toHaveValue(label);
    await dialog.getByLabel(`费用项目 ${i + 1} 金额（元）`).fill(amount);
  }
  // shared equally by the households above the ground floor (the ground floor is exempt by default)
  await expect(dialog.getByRole('combobox', { name: '分摊方式' })).toBeVisible();
  await expect(
    dialog.getByRole('group', { name: '免缴楼层' }).getByRole('checkbox', { name: '1 层' }),
  ).toBeChecked();
  await expectNoAxeViolations(page);
  await shot(page, 'running-year');
  const answer = await saveDialog(page, dialog, 'POST', /\/running-costs$/);
  expect(answer.status()).toBe(201);
  const added = (await answer.json()) as Year;
  expect(added.year).toBe(year);
  expect(added.totalFen).toBe(840_000);
  expect(added.items.map((i) => i.label)).toEqual(items.map(([label]) => label));
  expect(added.bills.reduce((s, b) => s + b.amountFen, 0)).toBe(added.totalFen);
  for (const b of added.bills) expect(b.amountFen === 0, `${b.room} exempt`).toBe(b.floor === 1);

  // the year's heading and every household's bill as the API has them
  const section = card.getByRole('region', { name: new RegExp(`^${year} · 合计 8,400.00 元`) });
  await expect(section).toBeVisible();
  await expect(section).toContainText('维保费 6,000.00；电费 1,250.50；保险费 800.00；维修费 349.50');
  const rows = section.getByRole('row');
  await expect(rows).toHaveCount(added.bills.length + 1);
  for (const b of added.bills) {
    const row = rows.filter({ has: page.getByRole('cell', { name: b.room, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(yuan(b.amountFen));
    await expect(row.getByRole('cell').nth(3)).toHaveText(yuan(b.amountFen));
  }
  await expectNoAxeViolations(page);

  // collect one household's bill: the amount due is proposed; too much is refused before sending
  const bill = [...added.bills].sort((a, b) => b.floor - a.floor)[0]!;
  await section.getByRole('button', { name: `${bill.room} 收费` }).click();
  const collect = page.getByRole('dialog', { name: `${bill.room}：${year} 年运行费用收费` });
  const amount = collect.getByLabel('金额（元）');
  await expect(amount).toHaveValue(yuan(bill.amountFen).replace(/,/g, ''));
  await amount.fill(String(bill.amountFen)); // fen typed as yuan: a hundred times too much
  const receiptNo = `YX-${Date.now().toString(36)}`;
  await collect.getByLabel('收据编号').fill(receiptNo);
  await collect.getByRole('button', { name: twoChars('保存') }).click();
  await expect(collect.getByText(`不能超过未缴金额 ${yuan(bill.amountFen)} 元`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'running-collect');
  await amount.fill(yuan(bill.amountFen).replace(/,/g, ''));
  await typeDate(page, collect.getByLabel('缴款日期'), shanghaiDay(-1));
  const paid = await saveDialog(page, collect, 'POST', /^\/api\/v1\/running-bills\/[0-9a-f-]+\/payments$/);
  expect(paid.status()).toBe(201);
  expect(await paid.json()).toMatchObject({
    id: bill.id,
    paidFen: bill.amountFen,
    lastPaidOn: shanghaiDay(-1),
  });

  const row = rows.filter({ has: page.getByRole('cell', { name: bill.room, exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText(yuan(bill.amountFen));
  await expect(row.getByRole('cell').nth(3)).toHaveText('0.00');
  // the payment is kept with its date, method and receipt (cash, the dialog's default)
  await expect(row.getByRole('cell').nth(4)).toHaveText(
    `${shanghaiDay(-1)} 现金 ${yuan(bill.amountFen)} · ${receiptNo}`,
  );
  await expect(row.getByRole('button', { name: `${bill.room} 收费` })).toHaveCount(0);
  await expect(section.getByRole('heading', { level: 3 })).toContainText(`已缴 ${yuan(bill.amountFen)} 元`);
  const { years } = await apiGet<{ years: Year[] }>(
    page.request,
    `/api/v1/projects/${project!.id}/running-costs`,
  );
  const now = years.find((y) => y.year === year)!;
  expect(now.collectedFen).toBe(bill.amountFen);
  expect(now.bills.find((b) => b.id === bill.id)!.paidFen).toBe(bill.amountFen);
  await expectNoAxeViolations(page);

  // on a phone: the bills scroll inside their table, the dialog's lines wrap
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
  await card.getByRole('button', { name: '登记一年的运行费用' }).click();
  await expect(dialog.getByLabel('年度')).toHaveValue(String(year + 1));
  await expect(dialog.getByLabel('费用项目 1 金额（元）')).toHaveValue('');
  await shot(page, 'running-year-360');
  await expectNoHorizontalOverflow(page);
  await dialog.getByRole('button', { name: twoChars('取消') }).click();
  await expect(dialog).toBeHidden();
});

test('staff record a household’s paper sign-off with the scan; the unit shows as signed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAs(page.request, 'admin');

  // an adopted plan with paying households not yet signed (the demo signs from publicity on)
  let found: { project: ProjectItem; plan: Plan; share: Share; next: Share; shares: Share[] } | undefined;
  for (const stage of ['agreement', 'publicity', 'design_review']) {
    for (const project of await projectsIn(page.request, stage)) {
      const plan = await adoptedPlan(page.request, project.id);
      if (!plan) continue;
      const { shares } = await apiGet<{ shares: Share[] }>(page.request, `/api/v1/cost-plans/${plan.id}`);
      const unsigned = shares.filter((s) => s.shareFen > 0 && !s.signedAt);
      if (unsigned.length >= 2) {
        found = { project, plan, share: unsigned.at(-1)!, next: unsigned.at(-2)!, shares };
        break;
      }
    }
    if (found) break;
  }
  expect(found, 'an adopted plan with two households that have not signed').toBeTruthy();
  const { project, plan, share, next, shares } = found!;
  // every household signs, those exempt from paying included
  const households = shares.length;
  const signedBefore = shares.filter((s) => s.signedAt).length;

  await page.setViewportSize({ width: 1280, height: 900 });
  await openMoney(page, project.id, '已通过的方案');
  const table = page.getByTestId('shares-table');
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: share.room, exact: true }) });
  await expect(row).toContainText(yuan(share.shareFen));
  await expect(page.getByTestId('pay-totals')).toContainText(`已签认 ${signedBefore} / ${households} 户`);
  await expectNoAxeViolations(page);

  // without a scan, and with a file that is no scan: each said in the dialog, nothing recorded
  await row.getByRole('button', { name: `${share.room} 登记纸质签认` }).click();
  const dialog = page.getByRole('dialog', { name: `${share.room}：登记纸质签认` });
  const scan = dialog.getByLabel('签认书扫描件');
  const complaint = dialog.locator('.ant-form-item-explain-error');
  await dialog.getByRole('button', { name: twoChars('保存') }).click();
  await expect(complaint).toHaveText('请选择签认书扫描件');
  await scan.setInputFiles({ name: 'signed.txt', mimeType: 'image/png', buffer: Buffer.from('not a scan') });
  await expect(complaint).toHaveCount(0);
  const [refused] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/cost-plans/${plan.id}/sign-offs`),
    ),
    dialog.getByRole('button', { name: twoChars('保存') }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(complaint).toHaveText('只接受 PDF、JPEG 或 PNG 扫描件');
  await expectNoAxeViolations(page);
  await shot(page, 'signoff-errors');

  // the scan (a PNG): the complaint goes; saved, the unit shows signed on paper
  await scan.setInputFiles({ name: `${share.room}-签认书.png`, mimeType: 'image/png', buffer: PNG });
  await expect(complaint).toHaveCount(0);
  await shot(page, 'signoff-file');
  const answer = await saveDialog(
    page,
    dialog,
    'POST',
    new RegExp(`^/api/v1/cost-plans/${plan.id}/sign-offs$`),
  );
  expect(answer.status()).toBe(201);
  expect(await answer.json()).toEqual({ unitId: share.unitId, signedChannel: 'paper' });
  await expect(page.getByTestId(`signed-${share.room}`)).toHaveText('已纸质签认');
  await expect(row.getByRole('button', { name: `${share.room} 登记纸质签认` })).toHaveCount(0);
  await expect(page.getByTestId('pay-totals')).toContainText(`已签认 ${signedBefore + 1} / ${households} 户`);
  const after = await apiGet<{ shares: Share[] }>(page.request, `/api/v1/cost-plans/${plan.id}`);
  const signed = after.shares.find((s) => s.unitId === share.unitId)!;
  expect(signed.signedChannel).toBe('paper');
  expect(signed.signedAt).toBeTruthy();
  await expectNoAxeViolations(page);

  // on a phone, another household's dialog starts empty: the previous scan is not sent again
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
  await table.getByRole('button', { name: `${next.room} 登记纸质签认` }).click();
  const other = page.getByRole('dialog', { name: `${next.room}：登记纸质签认` });
  await expect(other.getByLabel('签认书扫描件')).toHaveValue('');
  await expect(other.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await shot(page, 'signoff-360');
  await expectNoHorizontalOverflow(page);
  await other.getByRole('button', { name: twoChars('取消') }).click();
  await expect(other).toBeHidden();
});
