import { expect, test } from './fixtures.ts';
import { shanghaiDay } from './clock.ts';
import { apiPost, expectNoAxeViolations, openVoteCodes, shoot } from './helpers.ts';

/**
 * Issue 11 item 7: typed text is never lost. A committee worker closing 记录一次调解 by Esc or a
 * click outside is asked first; an owner's unsent objection comes back after back and forward,
 * and the page says how much may be written while typing — at 360 and 1280 px.
 */

for (const width of [360, 1280]) {
  const suffix = width === 360 ? '-360' : '';

  test(`closing a mediation session dialog after typing asks first (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const { project, csrfToken } = await openVoteCodes(page.request);
    const opened = await apiPost<{ id: string }>(
      page.request,
      '/api/v1/mediation',
      { 'x-csrf-token': csrfToken },
      { projectId: project.id, kind: 'noise', title: `施工时间协商 ${width}` },
    );
    await page.goto(`/mediation/${opened.id}`);
    await page.getByRole('button', { name: '记录一次调解' }).click();
    const dialog = page.getByRole('dialog', { name: '记录一次调解' });
    const notes = dialog.getByLabel('调解经过');
    const typed = '双方同意施工时间改为 8:00–17:00，中午休息一小时。';
    await notes.fill(typed);

    // Esc: asked, and "keep editing" keeps every character
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: '放弃已填写的内容吗？' });
    await expect(ask).toBeVisible();
    await expectNoAxeViolations(page);
    await shoot(page, `discard-ask${suffix}`);
    await ask.getByRole('button', { name: '继续填写' }).click();
    await expect(ask).toBeHidden();
    await expect(notes).toHaveValue(typed);

    // a click outside the dialog: asked again; discarding closes, and it opens empty next time
    await page.mouse.click(5, 400);
    await expect(ask).toBeVisible();
    await ask
      .getByRole('button', { name: '放 弃' })
      .or(ask.getByRole('button', { name: '放弃' }))
      .click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '记录一次调解' }).click();
    await expect(notes).toHaveValue('');
    // untouched, it closes without a question
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect(dialog).toBeHidden();
    await expect(ask).toBeHidden();
  });

  test(`an owner’s objection survives back and forward, and its limit is said while typing (${width} px)`, async ({
    page,
    browser,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const { project, codes, csrfToken } = await openVoteCodes(page.request);
    const headers = { 'x-csrf-token': csrfToken };
    const notice = await apiPost<{ id: string }>(page.request, '/api/v1/notices', headers, {
      projectId: project.id,
      kind: 'design_scheme',
      title: `设计方案公示（${width}）`,
      body: '电梯位于北侧楼梯间外，平层入户。',
      startOn: shanghaiDay(0),
    });
    await apiPost(page.request, `/api/v1/notices/${notice.id}/post`, headers, { postedWhere: '门厅公告栏' });
    const code = codes[width === 360 ? 0 : 1]!;
    // the owner's own phone: no staff session
    const phone = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
    const owner = await phone.newPage();
    await owner.goto(`/r/${code.code}`);
    await owner.getByRole('button', { name: '查看公示、提出意见' }).click();
    const box = owner.getByRole('textbox', { name: '您的意见' }).first();
    const typed = '担心二楼的采光，希望说明井道与窗户的距离。';
    await box.fill(typed);
    await expect(owner.getByText(`已写 ${typed.length} 字，最多 2000 字`)).toBeVisible();

    await owner.goBack();
    await expect(owner.getByRole('button', { name: '查看公示、提出意见' })).toBeVisible();
    await owner.goForward();
    await expect(owner.getByRole('textbox', { name: '您的意见' }).first()).toHaveValue(typed);
    await expect(owner.getByText('您上次没写完的意见已经帮您留着。').first()).toBeVisible();

    // at the limit the page says so, instead of cutting silently
    await owner.getByRole('textbox', { name: '您的意见' }).first().fill('意'.repeat(2000));
    await expect(owner.getByText('已写 2000 字，最多 2000 字').first()).toBeVisible();
    await expect(owner.getByRole('status').filter({ hasText: '已经写满 2000 字' }).first()).toBeVisible();
    await expectNoAxeViolations(owner);
    await shoot(owner, `resident-objection-limit${suffix}`, { fullPage: true });
    await phone.close();
  });
}
