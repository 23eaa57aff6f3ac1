import { expect, test } from './fixtures.ts';
import { chooseOption, expectNoAxeViolations, loginAs } from './helpers.ts';

test('committee staff add a unit, give it an owner, remove both; a duplicate room is refused in the form', async ({
  page,
}) => {
  await loginAs(page.request, 'shengli');
  // a stairwell no project uses, so no vote running beside this test can freeze the new unit into its electorate
  // (the last such one: the project test below takes the first)
  const { items } = (await (await page.request.get('/api/v1/stairwells?pageSize=500')).json()) as {
    items: { id: string }[];
  };
  let stairwell: { id: string } | undefined;
  for (const s of [...items].reverse()) {
    const projects = (await (await page.request.get(`/api/v1/projects?stairwellId=${s.id}`)).json()) as {
      items: unknown[];
    };
    if (projects.items.length === 0) {
      stairwell = s;
      break;
    }
  }
  if (!stairwell) throw new Error('no stairwell without a project');
  const room = `E${Date.now() % 100000}`;
  await page.goto(`/registry/stairwells/${stairwell.id}`);
  const diagram = page.getByRole('table', { name: /立面图/ });
  await expect(diagram).toBeVisible();

  const addUnit = async () => {
    await page.getByRole('button', { name: '新建房屋' }).click();
    const dialog = page.getByRole('dialog', { name: '新建房屋' });
    await dialog.getByLabel('楼层').fill('1');
    await dialog.getByLabel('室号').fill(room);
    await dialog.getByLabel('登记面积（m²）').fill('33.30');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    return dialog;
  };
  await expect(await addUnit()).toBeHidden();
  const cell = diagram.getByRole('button', { name: new RegExp(`^${room}`) });
  await expect(cell).toContainText('33.30 m²');
  await expect(cell).toContainText('未登记');

  // the same room again: the API's refusal shows in the dialog, nothing closes
  const again = await addUnit();
  await expect(again.getByRole('alert')).toContainText('已存在');
  await expectNoAxeViolations(page);
  // what was typed is not thrown away by one tap: Cancel asks first
  await again.getByRole('button', { name: /取\s*消/ }).click();
  const ask = page.getByRole('dialog', { name: '放弃已填写的内容吗？' });
  await ask.getByRole('button', { name: /^放\s*弃$/ }).click();
  await expect(again).toBeHidden();

  await cell.click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`${room}室`) });
  await drawer.getByLabel('姓名').fill('测试丁');
  await drawer.getByLabel('电话').fill('13900000123');
  await drawer.getByRole('button', { name: '添加业主' }).click();
  await expect(drawer.getByText('测试丁')).toBeVisible();
  await expect(drawer.getByText('电话 139****0123')).toBeVisible();
  await expect(cell).toContainText('测试丁');
  await expectNoAxeViolations(page);

  await drawer.getByRole('button', { name: '移除业主 测试丁' }).click();
  const removeConfirm = page.locator('.ant-popconfirm').filter({ hasText: '测试丁' });
  await expect(removeConfirm).toBeVisible();
  await removeConfirm.getByRole('button', { name: /移\s*除/ }).click();
  await expect(drawer.getByText('尚未登记业主')).toBeVisible();
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '关闭' }))
    .first()
    .click();

  await page.getByRole('button', { name: `删除 ${room}` }).click();
  // the confirmation opens as a popover: wait for it, so the click cannot land on a row's own delete button
  const confirm = page.locator('.ant-popconfirm').filter({ hasText: room });
  await expect(confirm).toBeVisible();
  const deleted = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().includes('/api/v1/units/'),
  );
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  expect((await deleted).status()).toBe(200);
  await expect(cell).toHaveCount(0);
});

test('committee staff start the lift project of a stairwell, assign the adviser, move it to consultation and note it', async ({
  page,
}) => {
  await loginAs(page.request, 'shengli');
  const { items } = (await (await page.request.get('/api/v1/stairwells?pageSize=500')).json()) as {
    items: { id: string }[];
  };
  let free: string | undefined;
  for (const s of items) {
    const projects = (await (await page.request.get(`/api/v1/projects?stairwellId=${s.id}`)).json()) as {
      items: unknown[];
    };
    if (projects.items.length === 0) {
      free = s.id;
      break;
    }
  }
  expect(free, 'a stairwell without a project').toBeDefined();

  await page.goto(`/registry/stairwells/${free}`);
  await page.getByRole('button', { name: '新建加装电梯项目' }).click();
  const dialog = page.getByRole('dialog', { name: '新建加装电梯项目' });
  await expect(dialog.getByLabel('项目名称')).toHaveValue(/.+号.+单元加装电梯/);
  await chooseOption(page, dialog.getByLabel('事务所顾问'), '家加乐');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByText('家加乐 顾问')).toBeVisible();
  // the next stage needs the mobilisation meeting, which staff confirm
  await page.getByRole('button', { name: '变更阶段' }).click();
  const stage = page.getByRole('dialog', { name: '变更阶段' });
  await expect(stage.getByText('以下条件尚未满足')).toBeVisible();
  await stage.getByLabel('已召开动员会，楼组长和党员骨干已落实').check();
  await expect(stage.getByText('以下条件尚未满足')).toBeHidden();
  await expectNoAxeViolations(page);
  await stage.getByRole('button', { name: '变更阶段' }).click();
  await expect(stage).toBeHidden();
  await expect(page.locator('.ant-descriptions').getByText('征询', { exact: true })).toBeVisible();
  await expect(page.getByText('动员 → 征询')).toBeVisible();

  // dates and note through the edit form
  await page.getByRole('button', { name: '编辑项目' }).click();
  const edit = page.getByRole('dialog', { name: '编辑项目' });
  await edit.getByLabel('备注').fill('已召开动员会');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.ant-descriptions')).toContainText('已召开动员会');
  await expectNoAxeViolations(page);
});
