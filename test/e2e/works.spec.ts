import { expect, test } from './fixtures.ts';
import {
  apiGet,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
  shoot,
  staffSizeProblems,
  typeDate,
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
  });
}

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
