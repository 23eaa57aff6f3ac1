import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  apiPost,
  chooseOption,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
  shoot,
} from './helpers.ts';

/**
 * The staff side of a vote through the pages: 胜利居委's worker creates and opens a vote,
 * downloads the letters (the Word file holds every code), watches the live tally and the
 * diagram change when a resident votes, enters a paper ballot with its scan, closes the vote
 * and prints the certificate. axe and 320 px on the consultation and printable pages.
 */

/** antd spaces out two-character Chinese button labels ("保 存"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

test.use({ actionTimeout: 20_000 });

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** The diagram cell of a room, by the room number it shows. */
const cell = (page: Page, room: string) =>
  page
    .locator('.jw-elev__cell')
    .filter({ has: page.locator('.jw-elev__room', { hasText: new RegExp(`^${room}$`) }) });

test('staff open a vote, download the letters, see the tally and diagram update, enter a paper ballot and print the certificate', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const project = (await projectsOf(page.request, '胜利居委'))[0]!;
  expect(project, 'a 胜利居委 project').toBeTruthy();
  const title = `浏览器测试表决 ${Date.now().toString(36)}`;

  // the list, the form
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('link', { name: '征询与表决' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('征询与表决');
  await page.getByRole('button', { name: '新建表决/意向征询' }).click();
  const dialog = page.getByRole('dialog', { name: '新建表决/意向征询' });
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('表决事项 / 征询说明').fill('您是否同意在本单元加装电梯，并按公示方案分摊费用？');
  await dialog.getByLabel('业主应阅读的文件（摘要）').fill('设计方案与费用分摊方案见公示栏。');
  await dialog.getByRole('button', { name: twoChars('保存') }).click();
  await expect(dialog).toBeHidden();

  // open from the list, after the dialog explaining the frozen electorate
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: `开始 ${title}` }).click();
  const confirmOpen = page.getByRole('dialog').filter({ hasText: '冻结' });
  await confirmOpen.getByRole('button', { name: twoChars('开始') }).click();
  await expect(row).toContainText('进行中');
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const consultationUrl = page.url();
  const consultationId = consultationUrl.split('/').pop()!;

  // codes and the Word letters
  await page.getByRole('tab', { name: '户码与告知书' }).click();
  const codeCells = page.getByTestId('household-code');
  await expect(codeCells.first()).toBeVisible();
  const codes = await codeCells.allTextContents();
  expect(codes.length).toBeGreaterThan(1);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载告知书 Word/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  for (const code of codes) expect(xml, `code ${code} in the letters`).toContain(code);

  // each code opens its household's page in a new window, as the letter's QR code would
  const firstCode = codeCells.first();
  expect(await firstCode.getAttribute('href')).toBe(`${new URL(page.url()).origin}/r/${codes[0]}`);
  const [residentPage] = await Promise.all([page.waitForEvent('popup'), firstCode.click()]);
  await expect(residentPage.getByRole('heading', { level: 1 })).toHaveText(title);
  await residentPage.close();
  // and shows its QR code, with the address it opens, for an owner at the desk to scan
  const firstRow = page.getByRole('row').filter({ hasText: codes[0] });
  await firstRow.getByRole('button', { name: /显示 .+ 的二维码/ }).click();
  const qrDialog = page.getByRole('dialog', { name: /的投票二维码/ });
  await expect(qrDialog.getByTestId('code-qr')).toBeVisible();
  await expect
    .poll(() => qrDialog.getByTestId('code-qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(qrDialog).toContainText(`/r/${codes[0]}`);
  await expectNoAxeViolations(page);
  await shoot(page, 'staff-code-qr');
  await qrDialog
    .getByRole('button', { name: /关\s*闭/ })
    .first()
    .click();
  await expect(qrDialog).toBeHidden();

  // a resident votes online with the first code: the live tally and the diagram follow
  const households = await apiPost<{ items: { groupId: string; label: string; code: string }[] }>(
    page.request,
    `/api/v1/consultations/${consultationId}/codes/reveal`,
    { 'x-csrf-token': csrfToken },
  );
  const [first, second] = households.items;
  const roomOf = (label: string) => /^(\S+?)室/.exec(label)![1]!;
  await page.getByRole('tab', { name: '计票' }).click();
  await expect(page.getByTestId('bar-p-heads')).toContainText(
    `参与人数 0/${households.items.length} 户，需 ≥ 2/3`,
  );
  await expect(cell(page, roomOf(first!.label)).locator('.jw-elev__note')).toHaveText('未投票');
  const vote = await request.post(`/api/v1/r/${first!.code}/ballot`, { data: { choice: 'agree' } });
  expect(vote.ok(), await vote.text()).toBeTruthy();
  await expect(page.getByTestId('bar-p-heads')).toContainText(`参与人数 1/${households.items.length} 户`, {
    timeout: 15_000,
  });
  await expect(cell(page, roomOf(first!.label)).locator('.jw-elev__note')).toHaveText('同意');
  await expect(page.getByTestId('needed')).toContainText(/还需 \d+ 户同意/);
  await expectNoAxeViolations(page);

  // a paper ballot with its scan, through the page
  await page.getByRole('tab', { name: '录入纸质选票' }).click();
  await chooseOption(page, page.getByRole('combobox', { name: '房屋' }), second!.label);
  await page.getByRole('radio', { name: '不同意' }).check();
  await page
    .getByLabel('扫描件（PDF、JPEG 或 PNG）')
    .setInputFiles({ name: 'ballot.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: '录入选票' }).click();
  await expect(page.getByText('选票已录入并计入')).toBeVisible();
  await page.getByRole('tab', { name: '计票' }).click();
  await expect(page.getByTestId('bar-p-heads')).toContainText(`参与人数 2/${households.items.length} 户`);
  await expect(cell(page, roomOf(second!.label)).locator('.jw-elev__note')).toHaveText('不同意');

  // the ledger verifies
  await page.getByRole('tab', { name: '账本' }).click();
  await page.getByRole('button', { name: '校验账本' }).click();
  await expect(page.getByText(/校验通过：共 \d+ 条记录/)).toBeVisible();

  // 320 px: the page does not scroll sideways
  await page.getByRole('tab', { name: '计票' }).click();
  await page.setViewportSize({ width: 320, height: 720 });
  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // printable letters: one per household, each with its code and QR code
  await page.goto(`/consultations/${consultationId}/letters/print`);
  await expect(page.getByTestId('letter')).toHaveCount(households.items.length);
  await expect(page.getByTestId('letter').first().getByRole('img')).toBeVisible();
  for (const code of codes) await expect(page.getByText(`户码：${code}`)).toBeVisible();
  // this server has no JW_PUBLIC_URL: the page says where the codes point before anyone prints them
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId('print-warning')).toContainText('JW_PUBLIC_URL');
  await expect(page.getByTestId('print-warning')).toContainText(origin);
  await expect(page.getByTestId('letter').first()).toContainText(`${origin}/r/${codes[0]}`);
  await expectNoAxeViolations(page);

  // close, then the printable certificate
  await page.goto(consultationUrl);
  await page.getByRole('button', { name: `结束 ${title}` }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '结束后' })
    .getByRole('button', { name: twoChars('结束') })
    .click();
  await expect(page.getByText('已结束').first()).toBeVisible();
  await page.goto(`/consultations/${consultationId}/certificate/print`);
  await expect(page.getByTestId('cert-outcome')).toContainText('未通过');
  await expect(page.getByTestId('head-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('cell', { name: '不同意' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 720 });
  await expectNoHorizontalOverflow(page);
});

test('the what-if calculator on a stairwell answers from the public calculator and colours the diagram', async ({
  page,
}) => {
  await loginAs(page.request, 'shengli');
  const project = (await projectsOf(page.request, '胜利居委'))[0]!;
  await page.goto(`/registry/stairwells/${project.stairwellId}`);
  await page.getByRole('link', { name: '表决测算' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('表决测算');
  await expect(page.getByTestId('what-if-outcome')).toHaveText('未通过');
  await chooseOption(page, page.getByRole('combobox', { name: '全部设为' }), '同意');
  await expect(page.getByTestId('what-if-outcome')).toHaveText('通过');
  await expect(page.getByText('已达到通过条件')).toBeVisible();
  await expect(page.locator('.jw-elev__note').first()).toHaveText('同意');
  await expectNoAxeViolations(page);
});
