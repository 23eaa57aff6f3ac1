/**
 * Accounts (issue 9 item 3) in the browser: the login page marks the demo accounts; the street
 * admin creates an account, disables it (it cannot log in), enables it and resets its password
 * (the generated one shown once); its owner logs in with it, is sent to 我的账号 until they choose
 * their own, and sees their sessions. At desktop width and at 320 px, with axe. The specs run
 * beside others on one server, so only accounts made here are disabled or reset.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chooseOption, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs } from './helpers.ts';

const USERNAME = `e2e.zhang.${Date.now().toString(36)}`;
const FIRST_PASSWORD = 'morning tea on the balcony';
const OWN_PASSWORD = 'lanterns along the old canal';

/** The row of the account in the list. */
const rowOf = (page: Page, username: string) => page.getByRole('row').filter({ hasText: username });

/** Opens the row's … menu and picks an action. */
async function rowAction(page: Page, username: string, action: string) {
  await page.getByRole('button', { name: `${username} 的更多操作` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function logInOnPage(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

test('the login page marks the demo accounts still enabled', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText('演示账号仍在使用')).toBeVisible();
  const demo = page.getByTestId('demo-accounts');
  for (const u of ['admin', 'shengli', 'jjl', 'district'])
    await expect(demo.getByText(u, { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 720 });
  await expectNoHorizontalOverflow(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/jw-accounts-login-320.png', fullPage: true });
});

test('the street admin creates, disables, enables and resets an account; its owner must change the password and sees the sessions', async ({
  page,
  browser,
}) => {
  // three browsers and a dozen steps, each a few seconds on a busy 2-core machine
  test.setTimeout(300_000);
  await loginAs(page.request, 'admin');
  await page.goto('/settings/accounts');
  await expect(page.getByRole('heading', { name: '账号管理', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '账号管理' }),
  ).toBeVisible();
  // the demo accounts are marked in the list
  await expect(rowOf(page, '江湾镇街道管理员').getByText('演示账号')).toBeVisible();
  await expectNoAxeViolations(page);

  // create
  await page.getByRole('button', { name: '新建账号' }).click();
  const create = page.getByRole('dialog', { name: '新建账号' });
  await create.getByLabel('用户名').fill(USERNAME);
  await create.getByLabel('显示名称').fill('张三');
  await chooseOption(page, create.getByLabel('所属居委会'), '胜利居委');
  await create.getByLabel('单位').fill('胜利居委');
  // a common password is refused under the field, in words
  await create.getByLabel('初始密码').fill('Password123!');
  await create.getByRole('button', { name: /保\s*存/ }).click();
  await expect(create.getByText('这是常见密码或已在数据泄露中出现过的密码，请换一个')).toBeVisible();
  await create.getByLabel('初始密码').fill(FIRST_PASSWORD);
  await expect(create.getByLabel('首次登录须修改密码')).toBeChecked();
  await create.getByLabel('首次登录须修改密码').uncheck();
  await create.getByRole('button', { name: /保\s*存/ }).click();
  await expect(create).toBeHidden();
  await expect(rowOf(page, USERNAME)).toContainText('张三');
  await expect(rowOf(page, USERNAME)).toContainText('在用');

  // disable: the account cannot log in, and says so to the one who knows its password
  await rowAction(page, USERNAME, '停用');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /停\s*用/ })
    .click();
  await expect(rowOf(page, USERNAME)).toContainText('已停用');
  const other = await browser.newContext();
  const owner = await other.newPage();
  await logInOnPage(owner, USERNAME, FIRST_PASSWORD);
  await expect(owner.getByText('该账号已停用，请联系街道管理员')).toBeVisible();

  // enable, then reset: a generated temporary password, shown once
  await rowAction(page, USERNAME, '启用');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /启\s*用/ })
    .click();
  await expect(rowOf(page, USERNAME)).toContainText('在用');
  await rowAction(page, USERNAME, '重设密码');
  const reset = page.getByRole('dialog', { name: `重设 ${USERNAME} 的密码` });
  await reset.getByRole('button', { name: '设置临时密码' }).click();
  const shown = page.getByTestId('generated-password');
  await expect(shown).toHaveText(/^[2-9a-z]{4}(-[2-9a-z]{4}){3}/);
  const temporary = (await shown.innerText()).trim().slice(0, 19);
  await page.screenshot({ path: '/tmp/jw-accounts-reset-desktop.png' });
  await page.getByRole('button', { name: '关 闭', exact: true }).click();
  await expect(rowOf(page, USERNAME)).toContainText('须改密码');
  await page.screenshot({ path: '/tmp/jw-accounts-list-desktop.png', fullPage: true });

  // the owner logs in with it and is held on 我的账号 until the password is their own
  await logInOnPage(owner, USERNAME, temporary);
  await expect(owner).toHaveURL(/\/account$/);
  await expect(owner.getByText('请先修改密码', { exact: true })).toBeVisible();
  await owner.goto('/worklist');
  await expect(owner).toHaveURL(/\/account$/);
  await owner.getByLabel('当前密码').fill(temporary);
  await owner.getByLabel('新密码', { exact: true }).fill('zhang1234567');
  await owner.getByLabel('再次输入新密码').fill('zhang1234567');
  await owner.getByRole('button', { name: '修改密码' }).click();
  await expect(owner.getByText(/太容易被猜到|不能包含/)).toBeVisible();
  await owner.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD);
  await owner.getByLabel('再次输入新密码').fill(OWN_PASSWORD);
  await owner.getByRole('button', { name: '修改密码' }).click();
  await expect(owner.getByText('密码已修改')).toBeVisible();
  await expect(owner.getByText('请先修改密码', { exact: true })).toBeHidden();
  // the sessions: this one marked
  await expect(owner.getByTestId('own-session').filter({ hasText: '本机' })).toHaveCount(1);
  await expectNoAxeViolations(owner);
  await owner.screenshot({ path: '/tmp/jw-accounts-mine-desktop.png', fullPage: true });
  await owner.goto('/worklist');
  await expect(owner.getByRole('heading', { name: '待办事项', level: 1 })).toBeVisible();

  // a second device: listed, and ended from the first
  const phoneContext = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1',
  });
  const phone = await phoneContext.newPage();
  await logInOnPage(phone, USERNAME, OWN_PASSWORD);
  await expect(phone).toHaveURL(/\/worklist$/);
  await owner.goto('/account');
  const phoneRow = owner.getByTestId('own-session').filter({ hasText: 'iPhone' });
  await expect(phoneRow).toBeVisible();
  await phoneRow.getByRole('button', { name: /结束会话/ }).click();
  await owner
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /结\s*束/ })
    .click();
  await expect(phoneRow).toBeHidden();
  await phone.reload();
  await expect(phone).toHaveURL(/\/login$/);
  await phoneContext.close();
  await other.close();
});

test('the account pages fit a 320 px phone and pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await loginAs(page.request, 'admin');
  await page.goto('/settings/accounts');
  await expect(page.getByRole('heading', { name: '账号管理', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'shengli' })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/jw-accounts-list-320.png', fullPage: true });
  await page.getByRole('button', { name: '新建账号' }).click();
  await expect(page.getByRole('dialog', { name: '新建账号' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/jw-accounts-create-320.png' });
  await page.keyboard.press('Escape');

  await page.goto('/account');
  await expect(page.getByRole('heading', { name: '我的账号', level: 1 })).toBeVisible();
  await expect(page.getByText('本机')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/jw-accounts-mine-320.png', fullPage: true });
});
