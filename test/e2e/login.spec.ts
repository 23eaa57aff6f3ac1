import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs } from './helpers.ts';

/**
 * The staff login (issue 11 item 6): a page of its own without antd (login.html), so a phone
 * opens it with React and the form only; the staff app comes after login, on the page that was
 * asked for. Blank fields and what the API refuses are said under the field, in the page's
 * language, and the first bad field takes the focus.
 */

test('admin logs in and lands on the work list; a wrong password is shown under the field', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '江湾加装电梯工作台' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();

  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole('heading', { name: '待办事项', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /逾期审批/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主菜单' }).getByText('审计日志')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
});

test('the login page loads Preact and the form only, under 30 KiB of compressed JavaScript; the staff app is fetched once typing starts', async ({
  page,
}) => {
  const scripts = new Map<string, number>();
  const requested: string[] = [];
  page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  page.on('requestfinished', async (req) => {
    if (req.resourceType() === 'script') scripts.set(req.url(), (await req.sizes()).responseBodySize);
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  expect(total, [...scripts.keys()].join('\n')).toBeLessThan(30 * 1024);
  // neither the staff app's entry (antd's provider, the router) nor React is among them
  expect(requested.filter((p) => /^\/assets\/(index|react)-/.test(p))).toEqual([]);

  await page.getByLabel('用户名').fill('admin');
  await expect.poll(() => requested.some((p) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
});

test('login leads to the page that was asked for; a logged-in visit to /login goes on', async ({ page }) => {
  await page.goto('/audit?page=1');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit\?page=1$/);
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();

  await page.goto('/login');
  await expect(page).toHaveURL(/\/worklist$/);
});

/** Text under 14 px or a button or field under 24 px (WCAG 2.2 target size) on the page. */
const smallThings = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || el.closest('.jw-visually-hidden')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (ownText && parseFloat(getComputedStyle(el).fontSize) < 14)
        out.push(`${getComputedStyle(el).fontSize} text: ${el.textContent.trim().slice(0, 30)}`);
      if (el.matches('button, input, a[href]') && (r.height < 24 || r.width < 24))
        out.push(`${Math.round(r.width)}×${Math.round(r.height)} target: ${el.outerHTML.slice(0, 60)}`);
    }
    return out;
  });

for (const width of [320, 1280]) {
  test(`at ${width} px: blank fields are named, the first takes the focus, and the messages follow the language`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width > 400 ? 800 : 640 });
    await page.goto('/login');
    const username = page.getByLabel('用户名');
    const password = page.getByLabel('密码', { exact: true });
    const submit = page.getByRole('button', { name: /登\s*录/ });
    await expect(username).toBeFocused();
    await expect(page.getByTestId('demo-accounts')).toBeVisible();

    await submit.click();
    await expect(username).toHaveAttribute('aria-invalid', 'true');
    await expect(username).toHaveAccessibleDescription('请填写用户名');
    await expect(password).toHaveAccessibleDescription('请填写密码');
    await expect(username).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    expect(await smallThings(page)).toEqual([]);

    // typing clears the field's message; spaces alone are no username but are a password
    await username.fill('   ');
    await expect(username).toHaveAccessibleDescription('请填写用户名');
    await username.fill('admin');
    await expect(username).not.toHaveAttribute('aria-invalid');
    await submit.click();
    await expect(password).toBeFocused();

    // what is shown is said again in the other language
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jiangwan Lift Desk');
    await expect(password).toHaveCount(0);
    await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
      'Password is required',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // the password can be shown, by a button that says whether it is
    const show = page.getByRole('button', { name: 'Show password' });
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'password');
    await show.click();
    await expect(show).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');

    // the server's refusal, under the field it names, in the page's language
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
      'Wrong username or password',
    );
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('language-switch').click();
    await expect(page.getByLabel('密码', { exact: true })).toHaveAccessibleDescription('用户名或密码错误');
  });
}

test('an expired session goes to the login page and back to the same page', async ({ page }) => {
  const { csrfToken } = await loginAs(page.request, 'admin');
  await page.goto('/registry');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.request.delete('/api/v1/session', { headers: { 'x-csrf-token': csrfToken } });
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/registry$/);
});
