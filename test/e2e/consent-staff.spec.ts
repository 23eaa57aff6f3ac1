import { deflateSync } from 'node:zlib';
import type { APIRequestContext, Page, Response } from '@playwright/test';
import { DEFAULT_SURVEY_QUESTIONS, type SurveyQuestion } from '../../src/core/consent/survey.ts';
import { expect, test } from './fixtures.ts';
import {
  apiGet,
  chooseOption,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
} from './helpers.ts';
import { shanghaiDay } from './clock.ts';

/**
 * What the staff consultation pages do beyond consent.spec.ts: double entry of paper ballots
 * (a second staff member confirms with the same choice), a lost letter's code revoked and
 * reissued, and a survey's results as charts. Each test makes its own project and consultation
 * on a stairwell no other spec picks (胜利新村 13号, 学府新苑 3号, 丰镇新村 1号).
 */

test.use({ actionTimeout: 20_000 });

interface Opened {
  id: string;
  title: string;
  codes: { groupId: string; label: string; code: string }[];
}

/** antd spaces out two-character Chinese button labels ("补 发"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A stairwell by estate, building and name (the demo street's names are fixed). */
async function stairwellNamed(request: APIRequestContext, estate: string, building: string, name: string) {
  const { items } = await apiGet<{
    items: { id: string; estateName: string; buildingName: string; name: string }[];
  }>(request, `/api/v1/stairwells?q=${encodeURIComponent(estate)}&pageSize=100`);
  const found = items.find((s) => s.estateName === estate && s.buildingName === building && s.name === name);
  expect(found, `${estate}${building}${name}`).toBeDefined();
  return { id: found!.id, label: `${estate}${building}${name}` };
}

async function postJson<T>(
  request: APIRequestContext,
  csrf: string,
  path: string,
  data: unknown = {},
): Promise<T> {
  const res = await request.post(path, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.ok(), `POST ${path} → ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** A new project on the stairwell and an open consultation of it, through the staff API. */
async function openConsultation(
  request: APIRequestContext,
  csrf: string,
  stairwell: { id: string; label: string },
  consultation: { kind: 'vote'; doubleEntry?: boolean } | { kind: 'survey'; questions: SurveyQuestion[] },
): Promise<Opened> {
  const id = stamp();
  const project = await postJson<{ id: string }>(request, csrf, '/api/v1/projects', {
    name: `${stairwell.label}加装电梯（浏览器测试 ${id}）`,
    stairwellId: stairwell.id,
  });
  const title =
    consultation.kind === 'vote'
      ? `${stairwell.label}加装电梯业主表决 ${id}`
      : `${stairwell.label}加装电梯意向征询 ${id}`;
  const created = await postJson<{ id: string }>(request, csrf, '/api/v1/consultations', {
    projectId: project.id,
    kind: consultation.kind,
    title,
    question:
      consultation.kind === 'vote'
        ? '您是否同意在本单元加装电梯，并按公示方案分摊费用？'
        : '为了解各位业主对加装电梯的意愿，请花两分钟回答几个问题。',
    scopeKind: 'stairwell',
    opensOn: shanghaiDay(0),
    closesOn: shanghaiDay(14),
    ...(consultation.kind === 'vote'
      ? { ruleId: 'sh-801-building', doubleEntry: consultation.doubleEntry ?? false }
      : { questions: consultation.questions }),
  });
  await postJson(request, csrf, `/api/v1/consultations/${created.id}/open`);
  const codes = await postJson<{ items: Opened['codes'] }>(
    request,
    csrf,
    `/api/v1/consultations/${created.id}/codes/reveal`,
  );
  expect(codes.items.length).toBeGreaterThan(3);
  return { id: created.id, title, codes: codes.items };
}

/** A small real PNG (a grey gradient), as a phone's scan of a paper ballot would be. */
function pngImage(width: number, height: number) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows[y * (width + 1) + 1 + x] = Math.round((255 * (x + y)) / (width + height));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The answer of a POST to `path` (its end), awaited while `act` runs. */
async function answerOf(page: Page, path: string, act: () => Promise<void>): Promise<Response> {
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path,
  );
  await act();
  return answer;
}

/** A picture of the state in /tmp: the whole page from its top, or only the window while a dialog is open. */
async function shot(page: Page, name: string, { dialog = false } = {}) {
  if (!dialog) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/consent-staff-${name}.png`, fullPage: !dialog });
}

/**
 * The page at a phone's 360 px: antd applies its breakpoints (menu in a drawer, details in one
 * column) a moment after the resize, so wait for that before measuring.
 */
async function atPhoneWidth(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('button', { name: '打开菜单' })).toBeVisible();
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: 'the layout settles at 360 px' },
    )
    .toBeLessThanOrEqual(0);
  await expectNoHorizontalOverflow(page);
}

/** The diagram cell of a room, by the room number it shows. */
const cell = (page: Page, room: string) =>
  page
    .locator('.jw-elev__cell')
    .filter({ has: page.locator('.jw-elev__room', { hasText: new RegExp(`^${room}$`) }) });
const roomOf = (label: string) => /^(\S+?)室/.exec(label)![1]!;
/** A household of one unit (a label such as "301室"), so its room names its diagram cell. */
const singleRoom = (codes: Opened['codes']) => codes.filter((c) => /^\S+室$/.test(c.label));

test('double entry: a paper ballot waits for a second staff member, who must enter the same choice', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const shengli = await loginAs(page.request, 'shengli');
  const stairwell = await stairwellNamed(page.request, '胜利新村', '13号', '1单元');
  const vote = await openConsultation(page.request, shengli.csrfToken, stairwell, {
    kind: 'vote',
    doubleEntry: true,
  });
  // a household among those whose agreement the vote most needs, so the outcome card lists it too
  const before = await apiGet<{ needed: { candidates: { id: string }[] } }>(
    page.request,
    `/api/v1/consultations/${vote.id}/tally`,
  );
  const household = singleRoom(vote.codes).find((c) =>
    before.needed.candidates.some((g) => g.id === c.groupId),
  )!;
  expect(household, 'a one-unit household among the candidates').toBeDefined();
  const total = vote.codes.length;
  const outcomeCard = page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^结果$/ }) });
  const candidate = outcomeCard
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${household.label}\\s`) });
  const ballotsPath = `/api/v1/consultations/${vote.id}/ballots`;
  const confirmPath = `${ballotsPath}/${household.groupId}/confirm`;

  await page.goto(`/consultations/${vote.id}`);
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '双人录入' })).toContainText('是');

  // 胜利居委's worker enters the paper ballot with its scan: recorded, not counted
  await page.getByRole('tab', { name: '录入纸质选票' }).click();
  await expect(page.getByText('本次表决要求纸质选票双人录入')).toBeVisible();
  await chooseOption(page, page.getByRole('combobox', { name: '房屋' }), household.label);
  await expect(page.getByRole('radio', { name: '纸质选票' })).toBeChecked();
  await page.getByRole('radio', { name: '同意', exact: true }).check();
  await page
    .getByLabel('扫描件（PDF、JPEG 或 PNG）')
    .setInputFiles({ name: 'ballot-scan.png', mimeType: 'image/png', buffer: pngImage(48, 32) });
  const recorded = await answerOf(page, ballotsPath, () =>
    page.getByRole('button', { name: '录入选票' }).click(),
  );
  expect(recorded.status()).toBe(201);
  expect(((await recorded.json()) as { confirmed: boolean }).confirmed).toBe(false);
  await expect(page.getByText('选票已录入，待另一位工作人员核对后计入')).toBeVisible();
  const pending = page.getByRole('table').filter({ hasText: '方式' });
  await expect(pending.getByRole('row').filter({ hasText: household.label })).toContainText('纸质选票');
  await expectNoAxeViolations(page);
  await shot(page, 'pending');
  // on a phone: the form and the list of ballots to check fit, the list's button stays in reach
  await atPhoneWidth(page);
  const inReach = await pending
    .getByRole('button', { name: `核对确认 ${household.label}` })
    .evaluate((el) => {
      const shown = el.closest('.ant-table-container')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return box.left >= shown.left && box.right <= shown.right;
    });
  expect(inReach, 'the confirm button is visible without scrolling the table').toBe(true);
  await shot(page, 'pending-360');
  await page.setViewportSize({ width: 1280, height: 800 });

  // the tally does not count it; the diagram marks it as awaiting its check
  await page.getByRole('tab', { name: '计票' }).click();
  await expect(page.getByTestId('bar-p-heads')).toContainText(`参与人数 0/${total} 户`);
  await expect(page.getByTestId('bar-a-heads')).toContainText(`同意人数 0/0 户`);
  await expect(cell(page, roomOf(household.label)).locator('.jw-elev__note')).toHaveText('待核对');
  await expect(candidate).toContainText('待核对');
  await expectNoAxeViolations(page);
  await shot(page, 'pending-tally');

  // the one who entered it may not confirm it, and the page says why
  await page.getByRole('tab', { name: '录入纸质选票' }).click();
  await page.getByRole('button', { name: `核对确认 ${household.label}` }).click();
  const dialog = page.getByRole('dialog', { name: `核对 ${household.label} 的纸质选票` });
  await dialog.getByRole('radio', { name: '同意', exact: true }).check();
  const own = await answerOf(page, confirmPath, () =>
    dialog.getByRole('button', { name: '核对确认' }).click(),
  );
  expect(own.status()).toBe(409);
  await expect(dialog.getByRole('alert')).toContainText('录入人不能确认自己录入的选票，请另一位工作人员核对');
  await expectNoAxeViolations(page);
  await shot(page, 'self-confirm', { dialog: true });
  await dialog.getByRole('button', { name: twoChars('取消') }).click();
  await expect(dialog).toBeHidden();

  // the street admin checks it (after the worker logs out): a different choice is refused with the reason
  expect(
    (await page.request.delete('/api/v1/session', { headers: { 'x-csrf-token': shengli.csrfToken } })).ok(),
  ).toBeTruthy();
  await loginAs(page.request, 'admin');
  await page.reload();
  await page.getByRole('tab', { name: '录入纸质选票' }).click();
  await page.getByRole('button', { name: `核对确认 ${household.label}` }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: '不同意' }).check();
  const differs = await answerOf(page, confirmPath, () =>
    dialog.getByRole('button', { name: '核对确认' }).click(),
  );
  expect(differs.status()).toBe(409);
  await expect(dialog.getByText('两次录入的选择不一致，请核对纸质选票')).toBeVisible();
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'confirm-differs', { dialog: true });

  // the same choice: confirmed and counted
  await dialog.getByRole('radio', { name: '同意', exact: true }).check();
  const same = await answerOf(page, confirmPath, () =>
    dialog.getByRole('button', { name: '核对确认' }).click(),
  );
  expect(same.status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已确认计入')).toBeVisible();
  await expect(pending).toContainText('没有待核对的选票');
  await expectNoAxeViolations(page);

  await page.getByRole('tab', { name: '计票' }).click();
  await expect(page.getByTestId('bar-p-heads')).toContainText(`参与人数 1/${total} 户`);
  await expect(page.getByTestId('bar-a-heads')).toContainText('同意人数 1/1 户');
  await expect(cell(page, roomOf(household.label)).locator('.jw-elev__note')).toHaveText('同意');
  await expectNoAxeViolations(page);
  await shot(page, 'confirmed-tally');

  // the ledger holds the opening, the entry and its confirmation (the refused checks wrote nothing), and verifies
  await page.getByRole('tab', { name: '账本' }).click();
  await page.getByRole('button', { name: '校验账本' }).click();
  await expect(page.getByText('校验通过：共 3 条记录')).toBeVisible();
});

test('a lost letter: staff revoke its code and reissue one; the old code explains itself, the new one votes', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await loginAs(page.request, 'admin');
  const stairwell = await stairwellNamed(page.request, '学府新苑', '3号', '1单元');
  const vote = await openConsultation(page.request, admin.csrfToken, stairwell, { kind: 'vote' });
  const lost = singleRoom(vote.codes)[2]!;

  await page.goto(`/consultations/${vote.id}`);
  await expect(page.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  await page.getByRole('tab', { name: '户码与告知书' }).click();
  const codes = page.getByTestId('household-code');
  await expect(codes).toHaveCount(vote.codes.length);
  const row = page.getByRole('row').filter({ hasText: lost.label });
  await expect(row.getByTestId('household-code')).toHaveText(lost.code);
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: `补发 ${lost.label} 的户码` }).click();
  const dialog = page.getByRole('dialog', { name: `作废并补发 ${lost.label} 的户码` });
  await expect(dialog.getByText('原户码立即作废')).toBeVisible();
  // a reason is required
  await dialog.getByRole('button', { name: twoChars('补发') }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('原因');
  await dialog.getByLabel('原因').fill('业主遗失告知书，本人持身份证到居委会申请补发');
  await expectNoAxeViolations(page);
  await shot(page, 'reissue-dialog', { dialog: true });
  const answer = await answerOf(page, `/api/v1/consultations/${vote.id}/codes/${lost.groupId}/reissue`, () =>
    dialog.getByRole('button', { name: twoChars('补发') }).click(),
  );
  expect(answer.status()).toBe(200);
  const { code: newCode } = (await answer.json()) as { code: string };
  expect(newCode).not.toBe(lost.code);
  await expect(dialog).toBeHidden();
  const done = page.getByRole('alert').filter({ hasText: newCode });
  await expect(done).toContainText(`${lost.label}：已补发新户码 ${newCode}`);
  await expect(row.getByTestId('household-code')).toHaveText(newCode);
  await expect(page.getByText(lost.code)).toHaveCount(0);
  await expect(codes).toHaveCount(vote.codes.length);
  await expectNoAxeViolations(page);
  await shot(page, 'reissued');

  // the new letter alone, to print
  const popup = page.waitForEvent('popup');
  await done.getByRole('link', { name: /打印新告知书/ }).click();
  const letters = await popup;
  await expect(letters.getByTestId('letter')).toHaveCount(1);
  await expect(letters.getByTestId('letter')).toContainText(`户码：${newCode}`);
  await expect(letters.getByTestId('letter').getByRole('img')).toBeVisible();
  await expectNoAxeViolations(letters);
  await letters.screenshot({ path: '/tmp/consent-staff-new-letter.png', fullPage: true });
  await letters.close();
  await atPhoneWidth(page);
  await shot(page, 'codes-360');

  // the resident pages, as someone with the letters and no staff session
  const resident = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
  });
  const phone = await resident.newPage();
  try {
    await phone.goto(`/r/${lost.code}`);
    await expect(phone.getByRole('heading', { level: 1, name: '这个户码已作废' })).toBeVisible();
    await expect(phone.getByText('居委会已为您补发新信，请使用新信上的户码')).toBeVisible();
    await expect(phone.getByText(lost.label, { exact: true })).toHaveCount(0);
    await expect(phone.getByRole('button', { name: '同意', exact: true })).toHaveCount(0);
    await expectNoAxeViolations(phone);
    await expectNoHorizontalOverflow(phone);
    await phone.screenshot({ path: '/tmp/consent-staff-resident-revoked.png', fullPage: true });

    await phone.goto(`/r/${newCode}`);
    await expect(phone.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
    await expect(phone.getByText(lost.label, { exact: true })).toBeVisible();
    await phone.getByRole('button', { name: '同意', exact: true }).click();
    const cast = await answerOf(phone, `/api/v1/r/${newCode}/ballot`, () =>
      phone.getByRole('button', { name: '确认投票' }).click(),
    );
    expect(cast.status()).toBe(200);
    await expect(phone.getByRole('heading', { level: 1, name: '投票成功' })).toBeVisible();
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: '/tmp/consent-staff-resident-new-code.png', fullPage: true });
  } finally {
    await resident.close();
  }

  // the vote with the new code counts on the staff tally
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('tab', { name: '计票' }).click();
  await expect(page.getByTestId('bar-p-heads')).toContainText(`参与人数 1/${vote.codes.length} 户`);
  await expect(cell(page, roomOf(lost.label)).locator('.jw-elev__note')).toHaveText('同意');
  await expectNoAxeViolations(page);
});

// the street's own questions: the default survey without the question on paying
const QUESTIONS: SurveyQuestion[] = DEFAULT_SURVEY_QUESTIONS.filter((q) => q.id !== 'pay');

/** Replies as households would send them; the expected counts are computed from these. */
const REPLIES: Record<string, string | string[]>[] = [
  { willing: 'yes', concerns: ['cost', 'light'], comment: '希望尽快加装，老人上下楼太难了' },
  { willing: 'yes', concerns: ['cost'] },
  { willing: 'no', concerns: ['noise', 'light', 'works'], comment: '担心施工噪音影响午休，希望避开中午' },
  { willing: 'unsure' },
];

test('a survey shows its replies per question as charts and numbers, and the free texts', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const admin = await loginAs(page.request, 'admin');
  const stairwell = await stairwellNamed(page.request, '丰镇新村', '1号', '1单元');
  const survey = await openConsultation(page.request, admin.csrfToken, stairwell, {
    kind: 'survey',
    questions: QUESTIONS,
  });
  const answered = survey.codes.slice(0, REPLIES.length);
  for (const [i, household] of answered.entries()) {
    const res = await request.post(`/api/v1/r/${household.code}/ballot`, { data: { answers: REPLIES[i] } });
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  await page.goto(`/consultations/${survey.id}`);
  await expect(page.getByRole('heading', { level: 1, name: survey.title })).toBeVisible();
  await expect(page.getByRole('tab', { name: '征询结果', selected: true })).toBeVisible();
  await expect(page.getByText(`共 ${REPLIES.length} 户答复`)).toBeVisible();
  for (const q of QUESTIONS) {
    const card = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: q.text.zh }) });
    if (q.kind === 'text') {
      const texts = REPLIES.map((r) => r[q.id]).filter((v): v is string => typeof v === 'string');
      for (const text of texts) await expect(card.getByText(text)).toBeVisible();
      await expect(card.locator('.ant-list-item')).toHaveCount(texts.length);
      continue;
    }
    const count = (option: string) => REPLIES.filter((r) => [r[q.id] ?? []].flat().includes(option)).length;
    const summary = q.options!.map((o) => `${o.zh} ${count(o.id)}`).join(' · ');
    await expect(card.getByText(summary, { exact: true })).toBeVisible();
    // the chart, and what it says to a screen reader
    await expect(card.locator('.jw-consent-chart svg')).toBeVisible();
    // one image to a screen reader: the chart's box (an image's children are presentational, so
    // the SVG drawn inside is not read again)
    const chart = card.locator('.jw-consent-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute(
      'aria-label',
      `${q.text.zh} 户数：${q.options!.map((o) => `${o.zh} ${count(o.id)}`).join('，')}`,
    );
  }
  // the diagram shows who replied (a reply has no agree or disagree)
  await expect(page.getByRole('table', { name: /答复情况立面图/ })).toBeVisible();
  for (const household of singleRoom(answered))
    await expect(cell(page, roomOf(household.label)).locator('.jw-elev__note')).toHaveText('已答复');
  const silent = singleRoom(survey.codes.slice(REPLIES.length))[0]!;
  await expect(cell(page, roomOf(silent.label)).locator('.jw-elev__note')).toHaveText('未答复');
  await expectNoAxeViolations(page);
  await shot(page, 'survey');
  await atPhoneWidth(page);
  await shot(page, 'survey-360');
});
