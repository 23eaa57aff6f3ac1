import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, loginAs } from './helpers.ts';

test('the English switch changes the UI and the API messages, and is remembered', async ({ page }) => {
  await loginAs(page.request, 'admin');
  await page.goto('/registry');
  await expect(page.getByRole('heading', { name: '居委会' })).toBeVisible();

  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: "Residents' committees" })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toContainText('Housing registry');
  await expectNoAxeViolations(page);

  // remembered across a reload; the API's error in English
  await page.goto('/registry/estates/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('Estate not found or not visible to you')).toBeVisible();
  await page.goto('/projects');
  await expect(page.getByRole('group', { name: 'Projects by stage' })).toContainText('In service 17');
  await expectNoAxeViolations(page);

  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: '加装电梯项目' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
