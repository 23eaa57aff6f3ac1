import { expect, test } from './fixtures.ts';
import {
  apiPost,
  chooseOption,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
  shoot,
  fakeSpeech,
  spokenOn,
  CHINESE_AND_ENGLISH,
} from './helpers.ts';
import { shanghaiDay } from './clock.ts';

const SHOTS = Boolean(process.env.JW_SCREENSHOTS);

/**
 * A design-scheme notice through the pages: 胜利居委's worker creates and posts it with a photo
 * of the posting; a resident on a phone objects through the household code during the period;
 * the worker answers (not settled) and escalates to mediation; a session drawing on 德治 and an
 * agreed outcome settle the objection. axe on every page, 320 px without page scroll.
 * `JW_SCREENSHOTS=1` also writes docs/screenshots/{notices,mediation,resident-objection}*.png.
 */

test.use({ actionTimeout: 20_000 });

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
/** antd spaces out two-character Chinese button labels ("张 贴"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

test('a resident objects to a posted design scheme; staff answer, escalate, mediate and settle it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // a vote on a 胜利居委 project, for household codes (through the staff API)
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const headers = { 'x-csrf-token': csrfToken };
  const project = (await projectsOf(page.request, '胜利居委'))[1]!;
  const created = await page.request.post('/api/v1/consultations', {
    headers,
    data: {
      projectId: project.id,
      kind: 'vote',
      title: `${project.name}公示测试表决`,
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
  const household = codes.items[0]!;

  // staff create a design-scheme notice starting today (defaults 10 + 7 days, previewed) and post it
  const title = `设计方案公示 ${Date.now().toString(36)}`;
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('link', { name: '公示、异议与调解' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('公示与异议');
  await page.getByRole('button', { name: '新建公示' }).click();
  const dialog = page.getByRole('dialog', { name: '新建公示' });
  await expect(dialog.getByLabel('公示天数')).toHaveValue('10');
  await expect(dialog.getByLabel('书面意见期天数')).toHaveValue('7');
  await expect(dialog.getByTestId('period-preview')).toContainText(/截止\s*\d{4}-\d{2}-\d{2}/);
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('公示内容').fill('电梯位于北侧楼梯间外，平层入户；施工期约三个月。');
  await dialog.getByRole('button', { name: twoChars('保存') }).click();
  await expect(dialog).toBeHidden();
  const card = page.locator('.jw-notice').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card).toContainText('草稿');
  // a draft is edited freely before it is posted
  await card.getByRole('button', { name: '修改草稿' }).click();
  const edit = page.getByRole('dialog', { name: '修改草稿' });
  await expect(edit.getByLabel('标题')).toHaveValue(title);
  await edit.getByLabel('公示内容').fill('电梯位于北侧楼梯间外，平层入户；施工期约三个月。图纸见居委会。');
  const [edited] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/notices/') && r.request().method() === 'PATCH'),
    edit.getByRole('button', { name: twoChars('保存') }).click(),
  ]);
  expect(edited.status()).toBe(200);
  await expect(edit).toBeHidden();
  await expect(card).toContainText('图纸见居委会。');
  await card.getByRole('button', { name: twoChars('张贴') }).click();
  const postDialog = page.getByRole('dialog', { name: '张贴公示' });
  await postDialog.getByLabel('张贴位置').fill('2 单元门厅公告栏');
  await postDialog.getByRole('button', { name: twoChars('张贴') }).click();
  await expect(postDialog).toBeHidden();
  await expect(card).toContainText('公示中');
  await expect(card).toContainText('2 单元门厅公告栏');

  // the photo (here a PDF) of the posted notice
  await card.getByRole('button', { name: '上传张贴照片或 PDF' }).click();
  const evidence = page.getByRole('dialog', { name: '上传张贴照片或 PDF' });
  await evidence
    .getByLabel('照片或 PDF 文件（10 MB 以内）')
    .setInputFiles({ name: '张贴照片.pdf', mimeType: 'application/pdf', buffer: PDF });
  await evidence.getByRole('button', { name: twoChars('保存') }).click();
  await expect(evidence).toBeHidden();
  await expect(card.getByRole('link', { name: /张贴照片\.pdf/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // a resident on a phone: the household page, then the notices, objects
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const resident = await phone.newPage();
  await fakeSpeech(resident, CHINESE_AND_ENGLISH);
  await resident.goto(`/r/${household.code}`);
  await expect(resident.getByRole('heading', { level: 1 })).toBeVisible();
  await resident.getByRole('button', { name: '查看公示、提出意见' }).click();
  await expect(resident.getByRole('heading', { level: 1, name: '公示与意见' })).toBeVisible();
  const notice = resident
    .locator('section')
    .filter({ has: resident.getByRole('heading', { level: 2, name: title }) });
  await expect(notice).toContainText('现在可以提出意见');
  await expect(notice).toContainText('意见截止');
  // read aloud: the notice's kind, its title and text, and until when one may object
  await resident.getByRole('button', { name: '朗读本页内容' }).click();
  await expect.poll(async () => (await spokenOn(resident)).length).toBeGreaterThan(0);
  const spoken = (await spokenOn(resident)).map((s) => s.text).join('');
  expect(spoken).toContain(`设计方案公示。${title}。电梯位于北侧楼梯间外`);
  expect(spoken).toMatch(/意见截止 \d{4}年\d{1,2}月\d{1,2}日。现在可以提出意见/);
  await expectNoAxeViolations(resident);
  await shoot(resident, 'resident-objection');
  const objection = '电梯井离我家窗户太近，担心影响采光，希望说明对二楼采光的影响。';
  await notice.getByRole('button', { name: '提交意见' }).click();
  await expect(notice.getByRole('alert')).toContainText('请先写下您的意见');
  await notice.getByLabel('您的意见').fill(objection);
  await notice.getByRole('button', { name: '提交意见' }).click();
  await expect(resident.getByRole('heading', { level: 1, name: '意见已提交' })).toBeVisible();
  await expectNoAxeViolations(resident);
  await resident.getByRole('button', { name: '返回公示' }).click();
  const mineList = resident
    .locator('section')
    .filter({ has: resident.getByRole('heading', { name: '您提出的意见' }) });
  await expect(mineList).toContainText(objection);
  await expect(mineList).toContainText('已收到，等待答复');
  await expectNoAxeViolations(resident);
  await resident.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(resident);

  // staff: the objection is there; answered (not settled), then escalated to mediation
  await page.reload();
  const row = card.getByRole('row').filter({ hasText: objection });
  await expect(row).toContainText('待答复');
  await row.getByRole('button', { name: twoChars('答复') }).click();
  const answer = page.getByRole('dialog', { name: '答复异议' });
  await answer
    .getByRole('textbox', { name: '答复' })
    .fill('电梯井位于北侧，经日照分析，二楼冬至日满窗日照仍在 2 小时以上。欢迎来居委会查看分析报告。');
  await answer.getByRole('button', { name: twoChars('保存') }).click();
  await expect(answer).toBeHidden();
  await expect(row).toContainText('已答复');
  await row.getByRole('button', { name: '转入调解' }).click();
  const escalate = page.getByRole('dialog', { name: '异议转入调解' });
  await escalate.getByRole('button', { name: '转入调解' }).click();
  await expect(page).toHaveURL(/\/mediation\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByRole('blockquote')).toHaveText(objection);

  // the parties as they become known: the objector's flat (from the objection) and the owners who want the lift
  await page.getByRole('button', { name: '编辑当事人' }).click();
  const partiesDialog = page.getByRole('dialog', { name: '编辑当事人' });
  await partiesDialog.getByRole('button', { name: '添加当事人' }).click();
  await chooseOption(page, partiesDialog.getByRole('combobox', { name: '当事人 2' }), '被申请人');
  await partiesDialog.getByLabel('姓名或单位').last().fill('加梯自治小组');
  await expectNoAxeViolations(page);
  const [partiesSaved] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/mediation/') && r.request().method() === 'PATCH'),
    partiesDialog.getByRole('button', { name: twoChars('保存') }).click(),
  ]);
  expect(partiesSaved.status()).toBe(200);
  await expect(partiesDialog).toBeHidden();
  const partiesCard = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { name: '当事人', exact: true }) });
  await expect(partiesCard).toContainText('被申请人：加梯自治小组');

  // a session drawing on 德治, then closed as agreed
  await page.getByRole('button', { name: '记录一次调解' }).click();
  const session = page.getByRole('dialog', { name: '记录一次调解' });
  await session.getByRole('checkbox', { name: '德治' }).check();
  await session.getByLabel('调解经过').fill('请老书记上门，讲邻里互助；二楼业主看了日照分析，同意加装。');
  await session.getByLabel('参加人员').fill('居委会主任、老书记、二楼业主');
  await session.getByRole('button', { name: twoChars('保存') }).click();
  await expect(session).toBeHidden();
  const sessions = page.getByRole('list', { name: '调解记录' });
  await expect(sessions).toContainText('德治');
  await expectNoAxeViolations(page);
  await shoot(page, 'mediation');
  await page.getByRole('button', { name: twoChars('结案') }).click();
  const close = page.getByRole('dialog', { name: '调解结案' });
  await close.getByLabel('结案说明').fill('双方达成一致。');
  await close.getByRole('button', { name: twoChars('结案') }).click();
  await expect(close).toBeHidden();
  await expect(page.getByText(/结案：达成协议/)).toBeVisible();
  await expectNoAxeViolations(page);

  // the committee's list of cases, and the objection now settled
  await page.goto('/mediation?status=agreed');
  await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/projects/${project.id}/notices`);
  await expect(card.getByRole('row').filter({ hasText: objection })).toContainText('已化解');
  await expectNoAxeViolations(page);
  await shoot(page, 'notices');
  // a case from a complaint, not from an objection: opened from the project's notices page
  await page.getByRole('button', { name: '新建调解案件' }).click();
  const newCase = page.getByRole('dialog', { name: '新建调解案件' });
  await newCase.getByLabel('案件名称').fill(`施工噪音影响午休 ${title}`);
  await newCase.getByLabel('来源投诉').fill('二楼住户电话反映施工时间');
  await chooseOption(page, newCase.getByLabel('房屋'), '201室');
  await expectNoAxeViolations(page);
  await newCase.getByRole('button', { name: twoChars('保存') }).click();
  await expect(page).toHaveURL(/\/mediation\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`施工噪音影响午休 ${title}`);
  await expect(partiesCard).toContainText(/申请人：.*201室/);
  await expect(page.getByText('二楼住户电话反映施工时间')).toBeVisible();
  await page.goto(`/projects/${project.id}/notices`);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(page);
  await resident.reload();
  await resident.getByRole('button', { name: '查看公示、提出意见' }).click();
  await expect(
    resident.locator('section').filter({ has: resident.getByRole('heading', { name: '您提出的意见' }) }),
  ).toContainText('已化解');
  await expectNoHorizontalOverflow(resident);

  if (SHOTS) {
    await page.setViewportSize({ width: 360, height: 740 });
    await shoot(page, 'notices-360');
    await page
      .getByRole('link', { name: new RegExp(title) })
      .first()
      .click();
    await expect(page.getByRole('list', { name: '调解记录' })).toBeVisible();
    await shoot(page, 'mediation-360');
    await page.setViewportSize({ width: 1280, height: 800 });
    await resident.setViewportSize({ width: 1280, height: 800 });
    await shoot(resident, 'resident-objection-1280');
  }
  await phone.close();
});
