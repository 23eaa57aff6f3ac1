import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  apiGet,
  apiPost,
  expectElderlyFriendly,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
  shoot,
} from './helpers.ts';
import { shanghaiDay } from './clock.ts';

const SHOTS = Boolean(process.env.JW_SCREENSHOTS);

/**
 * Money through the pages: 胜利居委's worker compares two cost-sharing schemes on a real
 * stairwell (per-unit table, per-floor chart, spread), saves one as a draft and adopts it; an
 * owner on a 360 px phone opens the household code page, sees the share with its explanation
 * and signs it off in two taps; the staff page shows the unit signed and takes a payment. axe on
 * the money page, the resident cost share and the public calculator; 320 px without page scroll.
 * `JW_SCREENSHOTS=1` also writes docs/screenshots/{money-whatif,money-plan,resident-share}*.png.
 */

test.use({ actionTimeout: 20_000 });

/** antd spaces out two-character Chinese button labels ("比 较"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);
const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** Brings a part of the page to the top, below the sticky header. */
async function toTop(page: Page, selector: Parameters<Page['locator']>[0]) {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
}

interface Share {
  unitId: string;
  room: string;
  floor: number;
  shareFen: number;
}

test('what-if of two schemes, adoption, and an owner signing off the share from the household code page', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const headers = { 'x-csrf-token': csrfToken };
  const project = (await projectsOf(page.request, '胜利居委'))[3]!;

  // the money page, from the project page
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('link', { name: '费用分摊与资金' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('费用分摊与资金');
  await page.getByRole('tab', { name: '方案试算' }).click();

  // two schemes: floor coefficient × area (6-storey example) against equal shares with floors 1–2 exempt
  await page.getByLabel('施工金额（元）').fill('620000');
  await expect(page.getByTestId('scheme-0')).toContainText('楼层系数 × 面积');
  await page
    .getByTestId('scheme-0')
    .getByRole('button', { name: /6 层示例/ })
    .click();
  await expect(page.getByTestId('scheme-1')).toContainText('各户平均');
  await page.getByTestId('compare').click();
  const table = page.getByTestId('what-if-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('per-floor-chart').locator('svg')).toBeVisible();
  // 620,000 − 40% subsidy (248,000) = 372,000 yuan to share under both schemes
  await expect(page.getByTestId('summary-0')).toContainText('372,000.00');
  await expect(page.getByTestId('summary-1')).toContainText('372,000.00');
  await expect(page.getByTestId('spread-0')).toContainText(/\d/);
  await expect(table.locator('thead')).toContainText('楼层系数 × 面积');
  await expect(table.locator('thead')).toContainText('各户平均');
  await expectNoAxeViolations(page);
  if (SHOTS) {
    await toTop(page, 'h2:text("比较结果")');
    await shoot(page, 'money-whatif', { settle: 400 });
    await page.setViewportSize({ width: 360, height: 740 });
    await toTop(page, '[data-testid=per-floor-chart]');
    await shoot(page, 'money-whatif-360', { settle: 400 });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // save the coefficient scheme as a draft and adopt it
  const planName = `系数方案 ${Date.now().toString(36)}`;
  await page.getByTestId('save-0').click();
  const save = page.getByRole('dialog', { name: '保存为费用方案草稿' });
  await save.getByLabel('方案名称').fill(planName);
  await save.getByRole('button', { name: '保存为草稿' }).click();
  await expect(save).toBeHidden();
  const versions = page.getByTestId('plan-versions');
  const row = versions.getByRole('row').filter({ hasText: planName });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: '通过此方案' }).click();
  const confirm = page.getByRole('dialog', { name: '通过费用方案' });
  await expect(confirm).toContainText('冻结');
  await confirm.getByRole('button', { name: '通过此方案' }).click();
  await expect(row).toContainText('已通过');
  const panel = page.getByTestId('plan-panel');
  await expect(panel).toContainText(planName);
  await expect(panel.getByTestId('plan-amount')).toContainText('372,000.00');

  // a household that pays a share, and a household code for it (a vote through the staff API)
  const plans = await apiGet<{ items: { id: string; name: string; status: string }[] }>(
    page.request,
    `/api/v1/projects/${project.id}/cost-plans`,
  );
  const plan = plans.items.find((p) => p.name === planName)!;
  expect(plan.status).toBe('adopted');
  const detail = await apiGet<{ shares: Share[] }>(page.request, `/api/v1/cost-plans/${plan.id}`);
  const paying = new Map(detail.shares.filter((s) => s.shareFen > 0).map((s) => [s.room, s]));
  const created = await page.request.post('/api/v1/consultations', {
    headers,
    data: {
      projectId: project.id,
      kind: 'vote',
      title: `${project.name}费用测试表决`,
      question: '是否同意加装电梯？',
      ruleId: 'sh-801-building',
      scopeKind: 'stairwell',
      opensOn: shanghaiDay(0),
      closesOn: shanghaiDay(14),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const consultation = (await created.json()) as { id: string };
  expect(
    (await page.request.post(`/api/v1/consultations/${consultation.id}/open`, { headers, data: {} })).ok(),
  ).toBeTruthy();
  const codes = await apiPost<{ items: { code: string; label: string }[] }>(
    page.request,
    `/api/v1/consultations/${consultation.id}/codes/reveal`,
    headers,
  );
  const household = codes.items
    .map((c) => ({ ...c, rooms: [...c.label.matchAll(/(\S+?)室/g)].map((m) => m[1]!.replace(/^、/, '')) }))
    .find((c) => c.rooms.length === 1 && paying.has(c.rooms[0]!));
  expect(household, 'a household code whose unit pays a share').toBeTruthy();
  const share = paying.get(household!.rooms[0]!)!;

  // the owner on a phone: household page → 我家的费用 → amount and explanation → sign off in two taps → receipt
  const ownerContext = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const owner = await ownerContext.newPage();
  await owner.goto(`/r/${household!.code}`);
  await owner.getByRole('button', { name: '查看我家的费用' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('我家的费用');
  const card = owner.getByTestId('share-card');
  await expect(card.getByTestId('share-amount')).toContainText(yuan(share.shareFen));
  await expect(card.getByTestId('share-explanation')).not.toBeEmpty();
  // the plan's lines add up to the fen, as an owner checks them: 加 adds, 减 takes off, a total is
  // the sum so far, and the last line is what all owners share — the sum of every household's share
  const lines = await owner.getByTestId('cost-line').evaluateAll((rows) =>
    rows.map((r) => ({
      key: r.getAttribute('data-key'),
      label: r.querySelector('dt')?.textContent ?? '',
      total: r.classList.contains('r-cost-line--total'),
      fen: Number((r.querySelector('dd')?.textContent ?? '').replace(/\D/g, '')),
    })),
  );
  expect(lines[0]).toMatchObject({ key: 'construction', total: false });
  let running = 0;
  for (const line of lines) {
    if (line.total) expect(line.fen, line.label).toBe(running);
    else running += line.label.startsWith('减：') ? -line.fen : line.fen;
  }
  expect(lines.at(-1)).toMatchObject({
    key: 'owners-share',
    total: true,
    fen: detail.shares.reduce((sum, s) => sum + s.shareFen, 0),
  });
  await expectNoAxeViolations(owner);
  await shoot(owner, 'resident-share', { fullPage: true, settle: 400 });
  await owner.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(owner);
  await owner.setViewportSize({ width: 360, height: 740 });
  await card.getByRole('button', { name: '确认签认' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('请再确认一次');
  await expect(owner.locator('main')).toContainText(yuan(share.shareFen));
  await owner.getByRole('button', { name: '确认签认' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('签认成功');
  const receipt = owner.getByTestId('share-receipt');
  await expect(receipt).toContainText(share.room);
  await expect(receipt).toContainText(yuan(share.shareFen));
  await expect(receipt).toContainText('签认时间');
  await expectNoAxeViolations(owner);
  await owner.getByRole('button', { name: '回到我家的费用' }).click();
  await expect(owner.getByTestId('share-card')).toContainText('您已签认');

  // the whole agreement, as the committee prints it: the street's clauses filled for this household
  await card.getByRole('button', { name: '阅读协议书全文' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('加装电梯协议书');
  const clauses = owner.getByTestId('agreement-clauses');
  await expect(clauses.getByRole('heading', { name: '第五条　使用管理单位' })).toBeVisible();
  await expect(clauses).toContainText(`本户（${share.room}室`);
  await expect(clauses).toContainText(`应出资 ${yuan(share.shareFen)} 元`);
  await expect(clauses).not.toContainText('{');
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await expectNoHorizontalOverflow(owner);
  await shoot(owner, 'resident-agreement', { fullPage: true, settle: 400 });
  await owner.getByRole('button', { name: '回到我家的费用' }).click();
  await expect(owner.getByTestId('share-card')).toBeVisible();

  // the public calculator for residents
  await owner.goto('/r/calculator');
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('加装电梯费用试算');
  await owner.getByLabel('施工金额（元）').fill('600000');
  // the flats of a floor differ: the second is larger, so it pays more on every paying floor
  await owner.getByLabel('第 2 户').fill('80.50');
  const [calc] = await Promise.all([
    owner.waitForResponse('**/api/v1/tools/cost-share'),
    owner.getByRole('button', { name: '计算' }).click(),
  ]);
  const asked = calc.request().postDataJSON() as { units: { id: string; areaM2: string }[] };
  expect(asked.units.find((u) => u.id === '601')?.areaM2).toBe('60');
  expect(asked.units.find((u) => u.id === '602')?.areaM2).toBe('80.50');
  const shares = ((await calc.json()) as { shares: { unitId: string; shareFen: number }[] }).shares;
  const result = owner.getByTestId('calc-result');
  await expect(result).toContainText('240,000.00'); // 40% subsidy
  await expect(result).toContainText('360,000.00'); // shared by the owners
  await expect(result.getByRole('row')).toHaveCount(7); // header + 6 floors
  const top = result.getByRole('row').filter({ hasText: '6 层' });
  for (const room of ['601', '602'])
    await expect(top).toContainText(`${room} 室 ${yuan(shares.find((s) => s.unitId === room)!.shareFen)}`);
  expect(shares.find((s) => s.unitId === '602')!.shareFen).toBeGreaterThan(
    shares.find((s) => s.unitId === '601')!.shareFen,
  );
  await expectNoAxeViolations(owner);
  await owner.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(owner);
  await ownerContext.close();

  // the staff page shows the unit signed online; a payment through the arrears list colours the diagram
  await page.reload();
  await expect(page.getByTestId(`signed-${share.room}`)).toHaveText('已在线签认');
  const arrears = page.getByTestId('arrears');
  await arrears.getByRole('button', { name: `${share.room} 登记缴款` }).click();
  const pay = page.getByRole('dialog', { name: '登记缴款' });
  await pay.getByLabel('金额（元）').fill(yuan(share.shareFen).replace(/,/g, ''));
  await pay.getByLabel('缴款方式').click();
  await page.locator('.ant-select-dropdown:visible').getByText('公积金', { exact: true }).click();
  await pay.getByLabel('收据编号').fill(`SK-${Date.now().toString(36)}`);
  await pay.getByRole('button', { name: twoChars('保存') }).click();
  await expect(pay).toBeHidden();
  await expect(
    page.getByTestId('shares-table').getByRole('row').filter({ hasText: share.room }).first(),
  ).toContainText('已缴清');
  await expect(arrears.getByRole('row').filter({ hasText: share.room })).toHaveCount(0);
  await expectNoAxeViolations(page);
  if (SHOTS) {
    await toTop(page, '[data-testid=plan-panel]');
    await shoot(page, 'money-plan', { settle: 400 });
  }
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalOverflow(page);
  if (SHOTS) {
    await page.setViewportSize({ width: 360, height: 740 });
    await toTop(page, 'h2:text("缴款情况图")');
    await shoot(page, 'money-plan-360', { settle: 400 });
  }
});
