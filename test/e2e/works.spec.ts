import { sitePhoto } from '../../src/server/demo/site-photos.ts';
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
  staffSizeProblems,
  typeDate,
  householdCodesOf,
} from './helpers.ts';

/**
 * Issue 12 item 1: 胜利居委's worker opens the works tab (施工) of a project under construction,
 * records a milestone's actual dates, moves another's planned end to yesterday and sees it flagged
 * overdue, and adds a site log entry — on a phone at 360 px and at 1280 px; axe clean, staff sizes.
 */
const TODAY = '2026-11-20'; // test/e2e/clock.ts CLOCK_START
const YESTERDAY = '2026-11-19';

interface Works {
  milestones: { key: string; name: { zh: string }; status: string }[];
}

for (const width of [360, 1280]) {
  test(`a committee worker records the works: milestone dates, an overdue flag, a site log entry (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await loginAs(page.request, 'shengli');
    const building = (await projectsOf(page.request, '胜利居委')).filter((p) => p.stage === 'construction');
    expect(building.length).toBeGreaterThan(0);
    // each width its own project where there are two, and its own milestones where they share one
    const project = width === 360 ? building[0]! : building.at(-1)!;
    const works = await apiGet<Works>(page.request, `/api/v1/projects/${project.id}/works`);
    const lateKey = width === 360 ? 'completion_acceptance' : 'use_registration';
    const late = works.milestones.find((m) => m.key === lateKey)!;
    const current = works.milestones.find(
      (m) => m.status !== 'done' && !['completion_acceptance', 'use_registration'].includes(m.key),
    )!;
    expect(current).toBeTruthy();

    await page.goto(`/projects/${project.id}?tab=works`);
    const list = page.getByRole('list', { name: '施工节点' });
    await expect(list).toBeVisible();

    // the actual dates of the milestone under way: it is done
    await page.getByRole('button', { name: `记录 ${current.name.zh}` }).click();
    let dialog = page.getByRole('dialog');
    await typeDate(page, dialog.getByLabel('实际开始'), '2026-11-16');
    await typeDate(page, dialog.getByLabel('实际完成'), YESTERDAY);
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await expect(dialog).toBeHidden();
    const done = list.getByRole('listitem').filter({ hasText: current.name.zh });
    await expect(done).toContainText(`2026-11-16 – ${YESTERDAY}`);
    await expect(done).toContainText('已完成');

    // a planned end that has passed: overdue
    await page.getByRole('button', { name: `记录 ${late.name.zh}` }).click();
    dialog = page.getByRole('dialog');
    await typeDate(page, dialog.getByLabel('计划开始'), '2026-11-10');
    await typeDate(page, dialog.getByLabel('计划完成'), YESTERDAY);
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await expect(dialog).toBeHidden();
    const overdue = list.getByRole('listitem').filter({ hasText: late.name.zh });
    await expect(overdue.locator('.jw-overdue')).toHaveText('逾期');
    await expect(overdue).toContainText(`应于 ${YESTERDAY} 完成`);
    await expect(page.getByText(/逾期 \d+ 个节点/)).toBeVisible();

    // a site log entry, for today by the server's clock
    const work = `导轨校正与轿厢安装（${width}）`;
    await page.getByRole('button', { name: '新增施工日志' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('日期')).toHaveValue(TODAY);
    await dialog.getByLabel('天气').fill('晴');
    await dialog.getByLabel('施工内容').fill(work);
    await dialog.getByLabel('作业人数').fill('6');
    await dialog.getByLabel('安全检查').fill('围挡完好，安全帽佩戴齐全');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await expect(dialog).toBeHidden();
    const log = page.getByRole('list', { name: '施工日志' });
    await expect(log.getByRole('listitem').first()).toContainText(work);
    await expect(log.getByRole('listitem').first()).toContainText(TODAY);

    await expect(page.getByRole('heading', { name: '竣工验收与移交清单' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await staffSizeProblems(page)).toEqual([]);
    if (width === 360) {
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalOverflow(page);
      await page.setViewportSize({ width: 360, height: 740 });
    }
    await overdue.scrollIntoViewIfNeeded();
    await shoot(page, `works${width === 360 ? '-360' : ''}`, { dir: '.tmp/works-shots' });
    await log.scrollIntoViewIfNeeded();
    await shoot(page, `works-log${width === 360 ? '-360' : ''}`, { dir: '.tmp/works-shots' });
    await page.getByRole('button', { name: '新增施工日志' }).click();
    await shoot(page, `works-log-form${width === 360 ? '-360' : ''}`, { dir: '.tmp/works-shots' });
    await page.keyboard.press('Escape');
    // "the subsidy claim (already built) opens from here" (issue 12 item 2)
    await page.getByRole('link', { name: '申请补贴' }).click();
    await expect(page.getByRole('tab', { name: '补贴申请', selected: true })).toBeVisible();
  });
}

test('staff post a works notice and a site photo (1280 px); a resident reads it and complains (360 px)', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const headers = { 'x-csrf-token': csrfToken };
  const project = (await projectsOf(page.request, '胜利居委')).find((p) => p.stage === 'construction')!;
  await page.goto(`/projects/${project.id}?tab=works`);

  // the works notice, from the works tab: the works' days, what they affect, the noise hours
  const title = `加梯施工公告 ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: '新建施工公告' }).click();
  let dialog = page.getByRole('dialog', { name: '新建施工公告' });
  await dialog.getByLabel('标题').fill(title);
  await expect(dialog.getByLabel('影响开始日期')).toHaveValue(TODAY);
  await typeDate(page, dialog.getByLabel('影响结束日期'), '2026-12-09');
  await expect(dialog).toContainText('20 天（含首尾两天）');
  await dialog.getByLabel('通道封闭').check();
  await dialog.getByLabel('施工噪音').check();
  await dialog.getByLabel('开始时间').fill('08:00');
  await dialog.getByLabel('结束时间').fill('18:00');
  await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  const notices = page.getByRole('list', { name: '施工公告与投诉' });
  const mine = notices.getByRole('listitem').filter({ hasText: title });
  await expect(mine).toContainText(`${TODAY} – 2026-12-09`);
  const { items } = await apiGet<{ items: { id: string; title: string }[] }>(
    page.request,
    `/api/v1/projects/${project.id}/notices`,
  );
  await apiPost(page.request, `/api/v1/notices/${items.find((n) => n.title === title)!.id}/post`, headers, {
    postedWhere: '单元门厅公告栏',
  });

  // a photo of the site on the newest log entry: a thumbnail that loads
  const log = page.getByRole('list', { name: '施工日志' });
  const entry = log.getByRole('listitem').first();
  await entry.getByRole('button', { name: /为 .* 的施工日志添加现场照片/ }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('照片说明').fill('井道吊装');
  await dialog
    .getByLabel('照片（JPEG、PNG 或 WebP，10 MB 以内）')
    .setInputFiles({ name: '井道.png', mimeType: 'image/png', buffer: sitePhoto('steel_shaft', 2) });
  await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  const photo = entry.getByRole('img', { name: /现场照片：井道吊装/ });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await entry.scrollIntoViewIfNeeded();
  await shoot(page, 'works-log-photos', { dir: '.tmp/works-shots' });
  await notices.scrollIntoViewIfNeeded();
  await shoot(page, 'works-notices', { dir: '.tmp/works-shots' });

  // a resident on a phone: the notice in plain words, then a complaint
  const codes = await householdCodesOf(page.request, headers, project, '施工期间意见征询');
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const resident = await phone.newPage();
  await resident.goto(`/r/${codes[0]!}`);
  await resident.getByRole('button', { name: '查看公示、提出意见' }).click();
  const card = resident.locator('section').filter({ has: resident.getByRole('heading', { name: title }) });
  await expect(card).toContainText('施工公告');
  await expect(card).toContainText('楼道或通道封闭，请绕行');
  await expect(card).toContainText('施工有噪音');
  await expect(card).toContainText('08:00 到 18:00');
  await expect(card).toContainText('施工期间随时可以投诉');
  await expectNoAxeViolations(resident);
  await expectElderlyFriendly(resident);
  await card.scrollIntoViewIfNeeded();
  await shoot(resident, 'works-notice-resident-360', { dir: '.tmp/works-shots' });
  await card.getByLabel('您的投诉').fill('早上七点半就开始敲打，老人休息不好。');
  await card.getByRole('button', { name: '提交投诉' }).click();
  await expect(resident.getByRole('heading', { level: 1, name: '投诉已提交' })).toBeVisible();
  await resident.getByRole('button', { name: '返回公示' }).click();
  const mineList = resident.getByRole('region', { name: '您提出的意见和投诉' });
  await expect(mineList).toContainText('施工投诉');
  await expect(mineList).toContainText('已收到，等待答复');
  await expectNoAxeViolations(resident);
  await phone.close();

  // staff see it as a complaint on the notices page
  await page.goto(`/projects/${project.id}/notices`);
  const staffCard = page.locator('.jw-notice').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(staffCard.getByRole('heading', { name: /施工投诉（1）/ })).toBeVisible();
  await expect(staffCard).toContainText('早上七点半就开始敲打');
  // printed for the stairwell: the works' days, effects and hours, and how to complain
  const noticeId = items.find((n) => n.title === title)!.id;
  await page.goto(`/projects/${project.id}/notices/${noticeId}/print`);
  const printed = page.getByTestId('printed-notice');
  await expect(printed).toContainText('每天施工时间：08:00 至 18:00');
  await expect(printed).toContainText('通道封闭、施工噪音');
  await expect(printed).not.toContainText('民法典');
  await shoot(page, 'works-notice-print', { dir: '.tmp/works-shots' });
});

test('the street admin edits the works milestones template (360 px)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page.request, 'admin');
  await page.goto('/settings/templates');
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '施工节点模板' }) });
  await expect(card).toBeVisible();
  await expect(card.getByLabel('节点 1 名称（中文）')).toHaveValue('管线搬迁');
  await card.getByLabel('节点 1 天数').fill('12');
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  const saved = await apiGet<{ milestones: { days: number }[]; isDefault: boolean }>(
    page.request,
    '/api/v1/works-template',
  );
  expect(saved).toMatchObject({ isDefault: false });
  expect(saved.milestones[0]!.days).toBe(12);
  await card.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await shoot(page, 'works-template-360', { dir: '.tmp/works-shots' });
});
