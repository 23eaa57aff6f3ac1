import { expect, test } from './fixtures.ts';
import {
  apiGet,
  expectElderlyFriendly,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  loginAs,
  projectsOf,
  shoot,
  staffSizeProblems,
  householdCodesOf,
} from './helpers.ts';

/**
 * Issue 12 item 4, "an owner reports a fault at 360 px from the household page and from the car's
 * QR code and then sees its status; staff … close the fault": an owner on a phone reports from the
 * household page, someone in the car reports a person trapped from the QR page (the emergency
 * advice first) and checks the status by the report number; 胜利居委's worker acknowledges,
 * records on site, fixed and closes it, and the QR page then shows it closed with what was done.
 * axe on every page; elderly-friendly sizes on the resident pages; 320 px without page scroll.
 */

test.use({ actionTimeout: 20_000 });

/** antd spaces out two-character Chinese button labels ("办 结"). */
const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

test('owners report lift faults from the household page and the QR code; staff close one', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const { csrfToken } = await loginAs(page.request, 'shengli');
  const headers = { 'x-csrf-token': csrfToken };
  const project = (await projectsOf(page.request, '胜利居委')).find((p) => p.stage === 'in_service')!;
  const { lift } = await apiGet<{ lift: { publicCode: string } | null }>(
    page.request,
    `/api/v1/projects/${project.id}/lift`,
  );
  expect(lift, 'the demo records the in-service lifts').not.toBeNull();
  const codes = await householdCodesOf(page.request, headers, project, `${project.name}电梯使用回访`);

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const owner = await phone.newPage();

  // the household page: the entry is there because the project's lift is in service
  await owner.goto(`/r/${codes[0]!}`);
  // issue 12 item 5: when the lift was last maintained and inspected, and who to call
  const upkeep = owner.getByTestId('lift-upkeep');
  await expect(upkeep.getByRole('heading', { name: '我们的电梯' })).toBeVisible();
  const { upkeep: expected } = await apiGet<{
    upkeep: { maintainer: { company: string; phone: string } | null; lastVisitOn: string | null };
  }>(owner.request, `/api/v1/lift-codes/${lift!.publicCode}`);
  expect(expected.maintainer, 'the demo lifts have a maintenance contract').not.toBeNull();
  await expect(upkeep).toContainText(expected.maintainer!.company);
  await expect(upkeep.getByRole('link', { name: expected.maintainer!.phone })).toHaveAttribute(
    'href',
    `tel:${expected.maintainer!.phone.replace(/[^\d+]/g, '')}`,
  );
  const [y, m, d] = expected.lastVisitOn!.split('-').map(Number);
  await expect(upkeep).toContainText(`上次保养${y}年${m}月${d}日`);
  await expect(upkeep.getByRole('link', { name: '96333' })).toHaveAttribute('href', 'tel:96333');
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-household-upkeep', { fullPage: true });
  await owner.getByRole('button', { name: '电梯报修' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: '电梯报修' })).toBeVisible();
  await expect(owner.getByText(project.name).first()).toBeVisible();
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-household-kind');
  await owner.getByRole('button', { name: /电梯故障/ }).click();
  await owner.getByLabel('简单说说情况（可不填）').fill('五楼外呼按钮按了没有反应');
  await owner.getByLabel('您的电话（可不填）').fill('1391234');
  await owner.getByRole('button', { name: '提交报修' }).click();
  // a wrong phone is said, naming the field, and nothing is sent
  await expect(owner.getByRole('alert')).toContainText('联系电话');
  await owner.getByLabel('您的电话（可不填）').fill('13912345678');
  await owner.getByRole('button', { name: '提交报修' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: '报修已提交' })).toBeVisible();
  const householdRef = (await owner.locator('.r-fault-ref').first().textContent())!.trim();
  expect(householdRef).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(owner.getByTestId('fault-status').first()).toContainText('已报修');
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-household-sent', { fullPage: true });
  // back on the household page later: the report is listed with its status
  await owner.reload();
  await owner.getByRole('button', { name: '电梯报修' }).click();
  const mine = owner.getByTestId('fault-status').filter({ hasText: householdRef });
  await expect(mine).toContainText('本户报修');
  await expect(mine).toContainText('已报修');

  // the car's QR code: someone is trapped
  await owner.goto(`/r/lift/${lift!.publicCode}`);
  await expect(owner.getByRole('heading', { level: 1, name: '电梯扫码报修' })).toBeVisible();
  await owner.getByRole('button', { name: /有人被困/ }).click();
  const advice = owner.getByTestId('emergency');
  await expect(advice).toContainText('保持冷静');
  await expect(advice).toContainText('警铃');
  await expect(advice.getByRole('link', { name: '拨打 96333' })).toHaveAttribute('href', 'tel:96333');
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-qr-entrapment', { fullPage: true });
  await owner.getByLabel('简单说说情况（可不填）').fill('停在 3 楼和 4 楼之间');
  await owner.getByRole('button', { name: '提交报修' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: '报修已提交' })).toBeVisible();
  const ref = (await owner.locator('.r-fault-ref').first().textContent())!.trim();
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await owner.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalOverflow(owner);
  await owner.setViewportSize({ width: 360, height: 740 });

  // staff: the report is in the list; acknowledged, on site, fixed, closed
  await page.goto('/faults');
  await expect(page.getByRole('heading', { level: 1, name: '电梯报修' })).toBeVisible();
  await expect(page.getByRole('link', { name: ref })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await shoot(page, 'fault-staff-list');
  await page.getByRole('link', { name: ref }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`困人 ${ref}`);
  await expectNoAxeViolations(page);
  for (const [button, step] of [
    ['记录受理', 'acknowledged'],
    ['记录到场', 'on_site'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: button });
    await dialog.getByRole('button', { name: button }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`fault-step-${step}`)).toBeVisible();
  }
  await page.getByRole('button', { name: '记录修复' }).click();
  const fixing = page.getByRole('dialog', { name: '记录修复' });
  await fixing.getByLabel('处理情况').fill('盘车放人，被困人员安全；检查门锁回路后恢复运行');
  await fixing.getByRole('button', { name: '记录修复' }).click();
  await expect(fixing).toBeHidden();
  await page.getByRole('button', { name: twoChars('办结') }).click();
  const closing = page.getByRole('dialog', { name: '办结' });
  await closing.getByRole('button', { name: twoChars('办结') }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByTestId('fault-step-closed')).toBeVisible();
  await expect(page.getByText('按时到场')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await staffSizeProblems(page)).toEqual([]);
  await shoot(page, 'fault-staff-closed', { fullPage: true });

  // the reporter checks the status by the report number: closed, with what was done
  await owner.goto(`/r/lift/${lift!.publicCode}`);
  await owner.getByLabel('报修单号').fill(ref.toLowerCase().replace('-', ' '));
  await owner.getByRole('button', { name: '查看', exact: true }).click();
  const status = owner.getByTestId('fault-status');
  await expect(status).toContainText('已办结');
  await expect(status).toContainText('盘车放人');
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-qr-status', { fullPage: true });
  // and in English
  await owner.getByRole('button', { name: /English/ }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Report a lift fault' })).toBeVisible();
  await expect(owner.getByRole('button', { name: /Someone is trapped/ })).toBeVisible();
  await expectNoAxeViolations(owner);
  await expectElderlyFriendly(owner);
  await shoot(owner, 'fault-qr-en', { fullPage: true });
  await phone.close();
});
