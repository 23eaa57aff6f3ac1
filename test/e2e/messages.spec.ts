import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiGet, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs } from './helpers.ts';

/**
 * Messages a person can read (issue 11 item 8), on a phone and on a desk: a broken link and a
 * link to no record show the not-found page; a refused value is one sentence in the page's
 * language naming the field by its label; what is chosen asks 请选择; an emptied field says one
 * thing.
 */

const twoChars = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

/** The messages under the form field labelled `label` (antd's explain area of its Form.Item), within `scope`. */
const messagesOf = (page: Page, scope: Locator | Page, label: string) =>
  scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 800 : 740 });
    });

    test('a broken link and a link to no record show the not-found page', async ({ page }) => {
      // the household page: the broken code is named, in a sentence, on the code entry (the page's not-found)
      const resident = await page.goto('/r/%E0%A4%A');
      expect(resident?.status()).toBe(404);
      expect(resident?.headers()['content-type']).toMatch(/text\/html/);
      await expect(page.getByRole('heading', { level: 1, name: '请输入户码' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('户码中没有“%”');
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);

      await loginAs(page.request, 'admin');
      const notFound = page.getByRole('heading', { level: 1, name: '找不到' });
      for (const path of ['/projects/not-a-uuid', '/registry/estates/12345', '/projects/%E0%A4%A']) {
        await page.goto(path);
        await expect(notFound, path).toBeVisible();
        await expect(page.getByText('没有这个页面。')).toBeVisible();
        await expect(page.getByText(/params|uuid|格式无效/)).toHaveCount(0);
      }
      await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
    });

    test('a too long username at login is a sentence in the page’s language', async ({ page }) => {
      await page.goto('/login');
      // the login page is a plain form (no antd): its message is the field's description
      await page.getByLabel('用户名').fill('x'.repeat(70));
      await page.getByLabel('密码', { exact: true }).fill('any password');
      await page.getByRole('button', { name: twoChars('登录') }).click();
      await expect(page.getByLabel('用户名')).toHaveAccessibleDescription('用户名不能超过 64 个字');
      await expectNoAxeViolations(page);

      await page.getByTestId('language-switch').click();
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByLabel('Username')).toHaveAccessibleDescription(
        'Username can be at most 64 characters',
      );
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
    });

    test('an empty form asks once per field, 请选择 for what is chosen, 请填写 for what is typed', async ({
      page,
    }) => {
      await loginAs(page.request, 'admin');
      await page.goto('/settings/accounts');
      await page.getByRole('button', { name: '新建账号' }).click();
      const create = page.getByRole('dialog', { name: '新建账号' });
      await create.getByRole('button', { name: twoChars('保存') }).click();
      await expect(messagesOf(page, create, '用户名')).toHaveText(['请填写用户名']);
      await expect(messagesOf(page, create, '显示名称')).toHaveText(['请填写显示名称']);
      await expect(messagesOf(page, create, '所属居委会')).toHaveText(['请选择所属居委会']);
      await expect(messagesOf(page, create, '初始密码')).toHaveText(['请填写初始密码']);
      await expect(create.locator('.ant-form-item-explain-error')).toHaveCount(4);
      await expectNoAxeViolations(page);

      // a rule of the field's own names the field too
      await create.getByLabel('用户名').fill('Wang Fang');
      await expect(messagesOf(page, create, '用户名')).toHaveText([
        '用户名应为 3–32 位小写字母、数字或 . _ -',
      ]);
      await create.getByLabel('初始密码').fill('short');
      await expect(messagesOf(page, create, '初始密码')).toHaveText(['初始密码至少要 12 个字']);
      await expectNoHorizontalOverflow(page);
      await create.getByRole('button', { name: twoChars('取消') }).click();
    });

    test('a number emptied says one thing: that it is needed', async ({ page }) => {
      await loginAs(page.request, 'admin');
      const { items } = await apiGet<{ items: { id: string }[] }>(page.request, '/api/v1/estates?pageSize=1');
      await page.goto(`/registry/estates/${items[0]!.id}`);
      await page.getByRole('button', { name: '新建楼幢' }).click();
      const dialog = page.getByRole('dialog', { name: '新建楼幢' });
      const floors = dialog.getByLabel('层数');
      // antd's number box keeps its value within min and max itself: emptied is what a person can do
      await floors.fill('5');
      await expect(messagesOf(page, dialog, '层数')).toHaveCount(0);
      await floors.fill('');
      await expect(messagesOf(page, dialog, '层数')).toHaveText(['请填写层数']);
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      await dialog.getByRole('button', { name: twoChars('取消') }).click();
    });
  });
}
