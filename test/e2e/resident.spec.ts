import { mkdir } from 'node:fs/promises';
import type { APIRequestContext, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, expectNoHorizontalOverflow, loginAs } from './helpers.ts';
import { shanghaiDay } from './clock.ts';

/**
 * The resident page (/r/<code>) as an owner on a phone uses it: staff open a vote or survey
 * through the API (the demo street has none open), then the resident votes, changes the vote,
 * answers a survey, meets closed and revoked codes, in Chinese and English, at 360 and 320 px.
 * `JW_SCREENSHOTS=1` also writes the pictures in docs/screenshots.
 */
test.use({ viewport: { width: 360, height: 740 } });

const QUESTION = '您是否同意在本单元加装电梯，并按公示的费用分摊方案分摊费用？';
const SUMMARY =
  '设计方案：电梯位于北侧楼梯间外，平层入户。费用：总价 52 万元，扣除政府补贴后按楼层系数分摊，一楼不出资。';

interface Opened {
  id: string;
  title: string;
  codes: { groupId: string; label: string; code: string }[];
}

/** The staff side: 胜利居委's worker, in a request context of its own (the resident never logs in). */
class Staff {
  private constructor(
    readonly api: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async login(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined) {
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await loginAs(api, 'shengli');
    return new Staff(api, csrfToken);
  }

  async post<T>(path: string, data: unknown = {}): Promise<T> {
    const res = await this.api.post(path, { data, headers: { 'x-csrf-token': this.csrf } });
    expect(res.ok(), `POST ${path} → ${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.api.get(path);
    expect(res.ok(), `GET ${path} → ${res.status()}`).toBeTruthy();
    return (await res.json()) as T;
  }

  /** Creates and opens a consultation on one of the committee's projects; `pick` spreads tests over projects. */
  async open(kind: 'vote' | 'survey', pick: number): Promise<Opened> {
    const projects = await this.get<{ items: { id: string; name: string; committeeName: string }[] }>(
      '/api/v1/projects?pageSize=100',
    );
    const mine = projects.items.filter((p) => p.committeeName === '胜利居委');
    expect(mine.length).toBeGreaterThan(0);
    const project = mine[mine.length - 1 - (pick % mine.length)]!;
    const title = `${project.name.replace(/加装电梯$/, '')}加装电梯${kind === 'vote' ? '业主表决' : '意向征询'}`;
    const created = await this.post<{ id: string }>('/api/v1/consultations', {
      projectId: project.id,
      kind,
      title,
      question: kind === 'vote' ? QUESTION : '为了解各位业主对加装电梯的意愿，请花两分钟回答几个问题。',
      documentsSummary: SUMMARY,
      ...(kind === 'vote' ? { ruleId: 'sh-801-building' } : {}),
      scopeKind: 'stairwell',
      opensOn: shanghaiDay(0),
      closesOn: shanghaiDay(14),
    });
    await this.post(`/api/v1/consultations/${created.id}/open`);
    const codes = await this.post<{ items: Opened['codes'] }>(
      `/api/v1/consultations/${created.id}/codes/reveal`,
    );
    expect(codes.items.length).toBeGreaterThan(1);
    return { id: created.id, title, codes: codes.items };
  }

  async ballotOf(consultationId: string, groupId: string) {
    const tally = await this.get<{ groups: { id: string; ballot: string | null; channel: string | null }[] }>(
      `/api/v1/consultations/${consultationId}/tally`,
    );
    return tally.groups.find((g) => g.id === groupId);
  }
}

/** Large type and large targets, measured on what the browser drew. */
async function expectElderlyFriendly(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 1 &&
        r.height > 1 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('.jw-visually-hidden')
      );
    };
    if (parseFloat(getComputedStyle(document.body).fontSize) < 20)
      out.push(`body font ${getComputedStyle(document.body).fontSize}`);
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (ownText && shown(el) && parseFloat(getComputedStyle(el).fontSize) < 18)
        out.push(`${getComputedStyle(el).fontSize} text: ${el.textContent.trim().slice(0, 30)}`);
    }
    for (const el of document.querySelectorAll(
      'button, a[href], input:not([type=radio]):not([type=checkbox]), textarea, label.r-option',
    )) {
      const h = el.getBoundingClientRect().height;
      if (shown(el) && h < 48)
        out.push(`${Math.round(h)} px target: ${el.textContent?.trim().slice(0, 30) || el.tagName}`);
    }
    return out;
  });
  expect(problems, `type ≥ 18 px and targets ≥ 48 px on ${page.url()}`).toEqual([]);
}

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

  await page.goto(`/r/${household.code}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
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
  expect(shown.replace(/\s/g, '')).toBe(first.ballot.receipt);
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
  expect((await page.locator('.r-hash').innerText()).replace(/\s/g, '')).toBe(second.ballot.receipt);
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
  await expect(page.getByRole('status')).toContainText('征询已结束');
  await expect(page.getByText('本次征询已结束，不能再投票。结果会在小区公示。')).toBeVisible();
  await expect(page.locator('.r-ballot')).toContainText('同意');
  await expect(page.getByRole('button', { name: '改票' })).toHaveCount(0);
  await checkState(page, info, 'closed', true);
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
  await expect(page.locator('.r-hash')).toHaveText(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
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
  // the headless browser has no voices: record what would be spoken
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => u.onend?.(new SpeechSynthesisEvent('end', { utterance: u })), 20);
    };
  });
  await page.goto(`/r/${vote.codes[0]!.code}`);
  await page.getByRole('button', { name: '朗读本页内容' }).click();
  const spoken = await page.evaluate(
    () => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken,
  );
  expect(spoken.map((s) => s.lang)).toEqual(['zh-CN', 'zh-CN']);
  expect(spoken[0]!.text).toContain(QUESTION);
  expect(spoken[1]!.text).toBe('请选择：同意、不同意、弃权。');
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
