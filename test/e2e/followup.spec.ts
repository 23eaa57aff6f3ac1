import { expect, test } from './fixtures.ts';
import {
  apiGet,
  apiPost,
  expectElderlyFriendly,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  shoot,
  staffSizeProblems,
} from './helpers.ts';

/**
 * Issue 12 item 7: 胜利居委's worker starts a satisfaction follow-up (回访) from a lift's page at
 * 1280 px; a household answers it at 360 px on its page, opened with the vote's letter it kept;
 * the lift's page shows the answer in the results. Axe clean; staff sizes; elderly-friendly.
 */
test('a worker starts a follow-up, a household answers with its code, the lift shows the results', async ({
  page,
}) => {
  const { csrfToken } = await loginAs(page.request, 'shengli');
  // a lift of the committee with no follow-up open, and a code its households hold (the vote's)
  const lifts = await apiGet<{ items: { id: string; projectId: string; projectName: string }[] }>(
    page.request,
    '/api/v1/lifts',
  );
  let lift: (typeof lifts.items)[number] | undefined;
  for (const l of lifts.items) {
    const p = await apiGet<{ followUp: { items: { status: string }[] } }>(
      page.request,
      `/api/v1/lifts/${l.id}`,
    );
    if (p.followUp.items.every((f) => f.status === 'closed')) lift = l;
  }
  expect(lift, 'a lift of 胜利居委 with no follow-up open').toBeDefined();
  const consultations = await apiGet<{ items: { id: string; kind: string }[] }>(
    page.request,
    `/api/v1/projects/${lift!.projectId}/consultations`,
  );
  const vote = consultations.items.find((c) => c.kind === 'vote')!;
  const codes = await apiPost<{ items: { code: string }[] }>(
    page.request,
    `/api/v1/consultations/${vote.id}/codes/reveal`,
    { 'x-csrf-token': csrfToken },
  );

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/lifts/${lift!.id}`);
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '满意度回访' }) });
  await card.getByRole('button', { name: '发起回访' }).click();
  const dialog = page.getByRole('dialog', { name: /发起回访/ });
  await dialog.getByLabel('标题').fill('2026年冬季回访');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  const latest = card.locator('.ant-collapse-item').first();
  await expect(latest).toContainText('2026年冬季回访');
  await expect(latest).toContainText('进行中');
  await expect(latest).toContainText(/答复 0\/\d+ 户/);
  await expect(card.getByRole('button', { name: '发起回访' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await shoot(page, 'lift-follow-up-started-1280', { fullPage: true });

  // the household, on a phone, with the vote's letter
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/r/${codes.items[0]!.code}`);
  const link = page.getByRole('region', { name: '电梯回访问卷' });
  await link.getByRole('button', { name: '填写回访问卷' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2026年冬季回访' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectElderlyFriendly(page);
  await page.getByRole('button', { name: '开始填写' }).click();
  for (const option of ['正常', '没有遇到过故障', '是', '基本满意']) {
    await page.getByText(option, { exact: true }).click();
    await page.getByRole('button', { name: '下一题' }).click();
  }
  await page.getByRole('textbox').fill('电梯很好，谢谢');
  await shoot(page, 'resident-follow-up-question-360', { fullPage: true });
  await page.getByRole('button', { name: /核对/ }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '谢谢您的评价' })).toBeVisible();
  await expect(page.locator('.r-review')).toContainText('基本满意');
  await expectNoAxeViolations(page);
  await expectElderlyFriendly(page);
  await expectNoHorizontalOverflow(page);
  await shoot(page, 'resident-follow-up-done-360', { fullPage: true });

  // back on the lift's page: the answer is counted
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/lifts/${lift!.id}`);
  await expect(latest).toContainText(/答复 1\/\d+ 户/);
  await expect(latest).toContainText('满意度 100.0%（1/1）');
  await expect(latest).toContainText('基本满意 1');
  await expect(latest).toContainText('电梯很好，谢谢');
  await expectNoAxeViolations(page);
  await shoot(page, 'lift-follow-up-results-1280', { fullPage: true });
});
