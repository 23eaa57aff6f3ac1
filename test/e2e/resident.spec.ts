import { mkdir } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  CHINESE_AND_ENGLISH,
  expectElderlyFriendly,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  fakeSpeech,
  spokenOn,
  shoot,
} from './helpers.ts';
import { formatReceipt } from '../../src/core/consent/receipts.ts';
import { shanghaiDay } from './clock.ts';
import { QUESTION, Staff, SUMMARY } from './staff-api.ts';

/**
 * The resident page (/r/<code>) as an owner on a phone uses it: staff open a vote or survey
 * through the API (the demo street has none open), then the resident votes, changes the vote,
 * answers a survey, meets closed and revoked codes, in Chinese and English, at 360 and 320 px.
 * `JW_SCREENSHOTS=1` also writes the pictures in docs/screenshots.
 */
test.use({ viewport: { width: 360, height: 740 } });

/** Every state is checked the same way: axe, no sideways scroll, sizes, and a picture. */
async function checkState(page: Page, info: TestInfo, name: string, docs = false) {
  await expect(page.locator('main h1')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await expectElderlyFriendly(page);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: info.outputPath(`resident-${name}-${width}.png`), fullPage: true });
  if (docs && process.env.JW_SCREENSHOTS) {
    await mkdir('docs/screenshots', { recursive: true });
    await page.screenshot({
      path: `docs/screenshots/resident-${name}${width === 360 ? '' : `-${width}`}.png`,
      fullPage: true,
    });
  }
}

test('a resident votes in at most three taps, sees the receipt, changes the vote, and the tally follows', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 0);
  const household = vote.codes[0]!;
  let taps = 0;
  const tap = async (name: string | RegExp) => {
    taps += 1;
    await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  };

  // the page names the household's answer as a preload, and its script takes that one: asked once
  const viewUrl = `/api/v1/r/${household.code}`;
  const html = await (await page.request.get(`/r/${household.code}`)).text();
  expect(html).toContain(`<link rel="preload" href="${viewUrl}" as="fetch" crossorigin>`);
  expect(html).toContain('正在打开，请稍候…');
  const asked: string[] = [];
  const scripts = new Map<string, number>();
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === viewUrl) asked.push(r.url());
  });
  page.on('requestfinished', async (r) => {
    if (r.resourceType() === 'script') scripts.set(r.url(), (await r.sizes()).responseBodySize);
  });
  await page.goto(`/r/${household.code}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  expect(asked).toHaveLength(1);
  // Preact, not React: what an old phone on a slow line waits for stays small
  await page.waitForLoadState('networkidle');
  const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
  expect(bytes, [...scripts.keys()].join('\n')).toBeLessThan(40 * 1024);
  expect([...scripts.keys()].filter((u) => /\/assets\/react-/.test(u))).toEqual([]);
  await expect(page.getByText(QUESTION)).toBeVisible();
  await expect(page.getByText(SUMMARY)).toBeVisible();
  const [y, m, d] = shanghaiDay(0).split('-').map(Number);
  await expect(page.getByText(`${y}年${m}月${d}日 至`)).toBeVisible();
  await expect(page.getByText(household.label, { exact: true })).toBeVisible();
  await expect(page.getByText(/平方米/)).toBeVisible();
  await checkState(page, info, 'vote', true);

  // first vote: 同意 → 确认投票
  await tap('同意');
  await expect(page.getByText('您选择了：同意')).toBeVisible();
  await checkState(page, info, 'confirm', true);
  await tap('确认投票');
  await expect(page.getByRole('heading', { level: 1, name: '投票成功' })).toBeVisible();
  expect(taps).toBeLessThanOrEqual(3);
  const shown = await page.locator('.r-hash').innerText();
  const first = await (await page.request.get(`/api/v1/r/${household.code}`)).json();
  expect(first.ballot.choice).toBe('agree');
  expect(first.ballot.receipt).toMatch(/^[0-9a-f]{64}$/);
  // the receipt number: the first 16 digits of the ledger entry's hash, as four groups of four
  expect(shown).toBe(formatReceipt(first.ballot.receipt));
  await expect(page.getByRole('link', { name: '核对回执' })).toHaveAttribute(
    'href',
    `/r/receipt/${first.ballot.receipt.slice(0, 16)}`,
  );
  await checkState(page, info, 'receipt', true);
  expect((await staff.ballotOf(vote.id, household.groupId))?.ballot).toBe('agree');

  // later, from the letter again: the current vote, then 改票 → 不同意 → 确认投票
  await page.goto(`/r/${household.code.toLowerCase()}`);
  await expect(page.getByRole('heading', { level: 2, name: '您目前的选择' })).toBeVisible();
  await expect(page.locator('.r-current')).toContainText('同意');
  await checkState(page, info, 'voted');
  taps = 0;
  await tap('改票');
  await expect(page.getByText('您原来的选择：同意')).toBeVisible();
  await checkState(page, info, 'change');
  await tap('不同意');
  await expect(page.getByText('您选择了：不同意')).toBeVisible();
  await tap('确认投票');
  await expect(page.getByRole('heading', { level: 1, name: '改票成功' })).toBeVisible();
  expect(taps).toBeLessThanOrEqual(3);
  await expect(page.locator('.r-ballot')).toContainText('不同意');
  const second = await (await page.request.get(`/api/v1/r/${household.code}`)).json();
  expect(second.ballot.choice).toBe('disagree');
  expect(second.ballot.receipt).not.toBe(first.ballot.receipt);
  expect(await page.locator('.r-hash').innerText()).toBe(formatReceipt(second.ballot.receipt));
  expect((await staff.ballotOf(vote.id, household.groupId))?.ballot).toBe('disagree');

  // the phone's back button from the receipt goes to the first screen, not to the confirm step
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '您目前的选择' })).toBeVisible();
  await expect(page.locator('.r-current')).toContainText('不同意');
});

test('the code entry: grouped, any case, wrong codes said plainly and nothing more', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 1);
  const household = vote.codes[1]!;

  await page.goto('/r/');
  await expect(page.getByRole('heading', { level: 1, name: '请输入户码' })).toBeVisible();
  await checkState(page, info, 'entry', true);
  const box = page.getByLabel('户码');

  // the keyboard's focus is plain to see: a 3 px ring on the language switch, then on the box
  for (const target of [page.getByRole('button', { name: 'Switch to English' }), box]) {
    await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(
      await target.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth)),
    ).toBeGreaterThanOrEqual(3);
  }

  // typed the way people type: small letters, spaces; grouped as it goes
  await box.pressSequentially('abcd efgh jk');
  await expect(box).toHaveValue('ABCD-EFGH-JK');
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('alert')).toContainText('户码共 12 位，您输入了 10 位');
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  // a look-alike character is named, without asking the server
  await box.fill('ABCD-EFGH-JKM0');
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('alert')).toContainText('户码中没有“0”');

  // a well-formed wrong code: the server's plain message, and nothing of any household
  await box.fill('ABCD-EFGH-JKMN');
  const [wrong] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/r/')),
    page.getByRole('button', { name: '进入' }).click(),
  ]);
  expect(wrong.status()).toBe(404);
  expect(Object.keys(await wrong.json())).toEqual(['error']);
  await expect(page.getByRole('alert')).toContainText('户码不正确，请核对信上的户码后重试');
  await expect(box).toBeFocused();
  await expect(page).toHaveURL(/\/r\/$/);
  await checkState(page, info, 'entry-wrong');

  // too many wrong codes: the throttle's words (simulated: a real lock-out would stop the other tests)
  await page.route('**/api/v1/r/*', (route) =>
    route.fulfill({
      status: 429,
      contentType: 'application/json',
      headers: { 'retry-after': '60' },
      body: JSON.stringify({
        error: {
          code: 'code_throttled',
          message: '户码不正确。输错次数过多，请 60 秒后再试，或联系居委会',
          messageEn:
            "This code is not correct, and too many wrong codes came from here; try again in 60 seconds or ask your residents' committee",
          field: 'code',
          details: { retryAfter: 60 },
        },
      }),
    }),
  );
  await box.fill('ABCD-EFGH-JKMP');
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('alert')).toContainText('输错次数过多，请 60 秒后再试');
  await page.unroute('**/api/v1/r/*');

  // the right code, typed in small letters with spaces, opens the vote
  await box.fill('');
  await box.pressSequentially(household.code.toLowerCase().replace(/-/g, ' '));
  await expect(box).toHaveValue(household.code);
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/r/${household.code}$`));

  // a wrong code in the address shows the entry with the message
  await page.goto('/r/ABCD-EFGH-JKMQ');
  await expect(page.getByRole('alert')).toContainText('户码不正确');
  await expect(page.getByLabel('户码')).toHaveValue('ABCD-EFGH-JKMQ');
});

test('a revoked code explains itself and leads to the new code', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 2);
  const lost = vote.codes[0]!;
  const reissued = await staff.post<{ code: string }>(
    `/api/v1/consultations/${vote.id}/codes/${lost.groupId}/reissue`,
    { reason: '告知书遗失' },
  );

  await page.goto(`/r/${lost.code}`);
  await expect(page.getByRole('heading', { level: 1, name: '这个户码已作废' })).toBeVisible();
  await expect(page.getByText('居委会已为您补发新信，请使用新信上的户码')).toBeVisible();
  // whoever holds a lost letter learns nothing of the household or its vote
  await expect(page.getByText(lost.label, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '同意' })).toHaveCount(0);
  await checkState(page, info, 'revoked', true);

  await page.getByRole('button', { name: '输入新户码' }).click();
  await page.getByLabel('户码').fill(reissued.code);
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  await expect(page.getByText(lost.label, { exact: true })).toBeVisible();
});

test('a closed vote says so, also to an owner who was about to confirm', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 3);
  const voted = vote.codes[0]!;
  const late = vote.codes[1]!;
  expect(
    (await page.request.post(`/api/v1/r/${voted.code}/ballot`, { data: { choice: 'agree' } })).ok(),
  ).toBeTruthy();

  // the late owner chooses, staff close the vote, the confirm answers 409 and the page explains
  await page.goto(`/r/${late.code}`);
  await page.getByRole('button', { name: '弃权', exact: true }).click();
  await staff.post(`/api/v1/consultations/${vote.id}/close`);
  await page.getByRole('button', { name: '确认投票' }).click();
  await expect(page.getByText('本次征询已结束，不能再投票')).toBeVisible();
  await expect(page.getByText('您家没有投票。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认投票' })).toHaveCount(0);

  await page.goto(`/r/${voted.code}`);
  await expect(page.getByRole('status').filter({ hasText: '征询已结束' })).toBeVisible();
  await expect(page.getByText('本次征询已结束，不能再投票。结果会在小区公示。')).toBeVisible();
  await expect(page.locator('.r-ballot')).toContainText('同意');
  await expect(page.getByRole('button', { name: '改票' })).toHaveCount(0);
  // after closing the receipt can still be checked: the check says it counted in the result
  await expect(page.getByRole('link', { name: '核对回执' })).toHaveAttribute(
    'href',
    /^\/r\/receipt\/[0-9a-f]{16}$/,
  );
  await checkState(page, info, 'closed', true);
  await page.getByRole('link', { name: '核对回执' }).click();
  await expect(page.getByTestId('receipt-recorded')).toHaveText('网上投票：同意');
  await expect(page.getByTestId('receipt-standing')).toContainText('这是您家现在的选票。');
  await expect(page.getByTestId('receipt-standing')).toContainText('结束时计入了结果。');
});

test('a survey: one question per screen, big choices, optional free text, then a receipt', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const survey = await staff.open('survey', 4);
  const household = survey.codes[0]!;

  await page.goto(`/r/${household.code}`);
  await expect(page.getByRole('heading', { level: 1, name: survey.title })).toBeVisible();
  await checkState(page, info, 'survey');
  await page.getByRole('button', { name: '开始填写（共 4 题）' }).click();

  await expect(page.getByText('第 1 题，共 4 题')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '您是否愿意本单元加装电梯？' })).toBeVisible();
  await page.getByRole('radio', { name: '愿意', exact: true }).check();
  await checkState(page, info, 'survey-question', true);
  await page.getByRole('button', { name: '下一题' }).click();

  await expect(page.getByText('第 2 题，共 4 题')).toBeVisible();
  await page.getByRole('radio', { name: '视金额而定' }).check();
  await page.getByRole('button', { name: '下一题' }).click();

  await expect(page.getByRole('group', { name: '您主要担心什么？（可多选）' })).toBeVisible();
  await page.getByRole('checkbox', { name: '费用' }).check();
  await page.getByRole('checkbox', { name: '噪音' }).check();
  await checkState(page, info, 'survey-multi');
  await page.getByRole('button', { name: '下一题' }).click();

  await page.getByLabel('其他意见或建议').fill('希望施工避开午休时间');
  await checkState(page, info, 'survey-text');
  await page.getByRole('button', { name: '下一步：核对' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '请核对您的回答' })).toBeVisible();
  const review = page.locator('.r-review');
  await expect(review).toContainText('视金额而定');
  await expect(review).toContainText('费用、噪音');
  // a change of mind from the review: back to question 2 and forward again
  await page.getByRole('button', { name: '修改第 2 题' }).click();
  await page.getByRole('radio', { name: '愿意', exact: true }).check();
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByRole('button', { name: '下一步：核对' }).click();
  await checkState(page, info, 'survey-review');
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  await expect(page.locator('.r-hash')).toHaveText(/^([0-9A-F]{4} ){3}[0-9A-F]{4}$/);
  await checkState(page, info, 'survey-receipt');
  const results = await staff.get<{
    replies: number;
    questions: { id: string; counts?: Record<string, number>; texts?: string[] }[];
  }>(`/api/v1/consultations/${survey.id}/survey-results`);
  expect(results.replies).toBe(1);
  const q = Object.fromEntries(results.questions.map((x) => [x.id, x]));
  expect(q.willing?.counts?.yes).toBe(1);
  expect(q.pay?.counts?.yes).toBe(1);
  expect(q.concerns?.counts).toMatchObject({ cost: 1, noise: 1, light: 0 });
  expect(q.comment?.texts).toEqual(['希望施工避开午休时间']);
});

test('English: the switch translates the page, keeps the choice, and marks Chinese project texts', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 5);
  await page.goto(`/r/${vote.codes[0]!.code}`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'The question' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Agree', exact: true })).toBeVisible();
  await expect(page.getByText(QUESTION)).toHaveAttribute('lang', 'zh-CN');
  await checkState(page, info, 'vote-en');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Disagree' })).toBeVisible();
  await page.getByRole('button', { name: 'Agree', exact: true }).click();
  await expect(page.getByText('You chose: Agree')).toBeVisible();
  // the phone's back button leaves the confirm step for the choices
  await page.goBack();
  await page.getByRole('button', { name: 'Disagree' }).click();
  await expect(page.getByText('You chose: Disagree')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my vote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your vote is recorded' })).toBeVisible();
  await checkState(page, info, 'receipt-en');

  await page.goto('/r/');
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your household code' })).toBeVisible();
  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '请输入户码' })).toBeVisible();
});

test('read aloud: the question and the options, in a Chinese voice', async ({
  page,
  playwright,
  baseURL,
}) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 6);
  await fakeSpeech(page, CHINESE_AND_ENGLISH);
  await page.goto(`/r/${vote.codes[0]!.code}`);
  await page.getByRole('button', { name: '朗读本页内容' }).click();
  await expect.poll(async () => (await spokenOn(page)).length).toBe(2);
  const [question, options] = await spokenOn(page);
  expect([question!.lang, options!.lang]).toEqual(['zh-CN', 'zh-CN']);
  expect([question!.voice, options!.voice]).toEqual(['Test 普通话', 'Test 普通话']);
  expect(question!.text).toContain(QUESTION);
  expect(options!.text).toBe('请选择：同意、不同意、弃权。');
  await expect(page.getByRole('status').filter({ hasText: '朗读语音' })).toHaveCount(0);
});

test('read aloud on a phone without a Chinese voice says so instead of doing nothing', async ({
  page,
  playwright,
  baseURL,
}) => {
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 6);
  // only an English voice installed (the headless browser has none at all): nothing is spoken
  await fakeSpeech(page, [CHINESE_AND_ENGLISH[0]!]);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/r/${vote.codes[1]!.code}`);
  const read = page.getByRole('button', { name: '朗读本页内容' });
  await read.click();
  const said = page.getByRole('status').filter({ hasText: '没有中文朗读语音' });
  await expect(said).toBeVisible();
  await expect(said).toContainText('文字转语音');
  // the button is ready again, described by what was said, and nothing went to the engine
  await expect(read).toHaveAccessibleDescription(/没有中文朗读语音/);
  expect(await spokenOn(page)).toEqual([]);
  await expectNoAxeViolations(page);
  await shoot(page, 'resident-no-voice');
});

test('at 320 px every state fits without sideways scrolling', async ({ page, playwright, baseURL }, info) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const staff = await Staff.login(playwright, baseURL);
  const vote = await staff.open('vote', 7);
  const survey = await staff.open('survey', 8);
  const closed = await staff.open('vote', 9);
  expect(
    (
      await page.request.post(`/api/v1/r/${closed.codes[0]!.code}/ballot`, { data: { choice: 'agree' } })
    ).ok(),
  ).toBeTruthy();
  await staff.post(`/api/v1/consultations/${closed.id}/close`);
  await staff.post(`/api/v1/consultations/${vote.id}/codes/${vote.codes[1]!.groupId}/reissue`, {
    reason: '告知书遗失',
  });

  await page.goto('/r/');
  await checkState(page, info, 'entry');
  await page.goto(`/r/${vote.codes[0]!.code}`);
  await checkState(page, info, 'vote', true);
  await page.getByRole('button', { name: '同意', exact: true }).click();
  await checkState(page, info, 'confirm');
  await page.getByRole('button', { name: '确认投票' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '投票成功' })).toBeVisible();
  await checkState(page, info, 'receipt');
  await page.goto(`/r/${closed.codes[0]!.code}`);
  await checkState(page, info, 'closed');
  await page.goto(`/r/${vote.codes[1]!.code}`);
  await checkState(page, info, 'revoked');
  await page.goto(`/r/${survey.codes[0]!.code}`);
  await checkState(page, info, 'survey');
  await page.getByRole('button', { name: /开始填写/ }).click();
  await checkState(page, info, 'survey-question');
});
