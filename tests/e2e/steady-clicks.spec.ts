import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/**
 * A click as a person makes it: the pointer goes to the control, the button goes down, a moment
 * passes, and it comes up where it went down. Locator.click() would aim again; this does not.
 * Whatever the press sets off (a field losing focus shows its message) must not move the control
 * from under the pointer, or the click is lost.
 */
async function press(page: Page, control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const before = await control.boundingBox();
  expect(before, 'the control is on screen').not.toBeNull();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  // A person holds the button for about a tenth of a second; the page has two frames to react.
  await page.waitForTimeout(120);
  const during = await control.boundingBox();
  await page.mouse.up();
  expect(during, 'the control did not move while the button was down').toEqual(before);
}

test.describe('at 1366 × 768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test.describe('the first-run dialog', () => {
    test.use({ seed: {} });

    test('a wrong school code does not swallow the click on 保存并开始', async ({ page }) => {
      const welcome = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
      await page.getByLabel('学校名称').fill('北京市西城区育才学校');
      // Typed, still in the field: pressing the button is what takes the focus away.
      await page.getByLabel('学校标识码').fill('1');
      await press(page, welcome.getByRole('button', { name: '保存并开始' }));
      // The click submitted the form: every field still missing says so, not only the code.
      await expect(welcome.getByText('应为 4–32 位数字、字母或“-”')).toBeVisible();
      await expect(welcome.getByText('必填项，请填写')).toHaveCount(2);
      await expect(page.getByLabel('学校标识码')).toBeFocused();
      await screenshot(page, 'first-run-errors-zh', false);

      await page.getByLabel('学校标识码').fill('1101020003');
      await page.getByLabel('所属区县').fill('西城区');
      await page.getByLabel('检查人（默认）').fill('陈静');
      await page.getByLabel('联系电话').fill('电话');
      await press(page, welcome.getByRole('button', { name: '保存并开始' }));
      await expect(welcome.getByText('只能包含数字、空格和 + - ( )')).toBeVisible();
      await page.getByLabel('联系电话').fill('010-6600 0000');
      await press(page, welcome.getByRole('button', { name: '保存并开始' }));
      await expect(welcome).toBeHidden();
    });

    test('a required field left empty does not swallow the click on 载入示例数据', async ({
      page,
    }) => {
      // 学校名称 is empty and required; the focus leaves it for the button (the dialog opens on
      // its first question, 学校 chosen; Tab goes on to 学校名称).
      await expect(page.getByRole('radio', { name: /学校/ })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('学校名称')).toBeFocused();
      await press(page, page.getByRole('button', { name: '载入示例数据' }));
      await expect(page.locator('.inspections-table tbody tr')).toHaveCount(2);
    });
  });

  test('the new-inspection dialog takes every click, wrong values or not', async ({ page }) => {
    await page.getByRole('button', { name: '新建检查' }).click();
    const dialog = page.getByRole('dialog', { name: '新建检查' });
    const create = dialog.getByRole('button', { name: '创建并开始填写' });
    await dialog.getByLabel('学年（年份）').fill('1999');
    await press(page, create);
    await expect(dialog.getByText('年份应在 2000–2100 之间')).toBeVisible();

    await dialog.getByLabel('学年（年份）').fill('2030');
    await dialog.getByLabel('检查人').fill('');
    await press(page, create);
    await expect(dialog.getByText('必填项，请填写')).toBeVisible();
    await dialog.getByLabel('检查人').fill('李明');
    await dialog.getByLabel('学年（年份）').fill('1999');
    await press(page, dialog.getByRole('button', { name: '取消' }));
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: '新建检查' }).click();
    await dialog.getByLabel('检查人').fill('王芳');
    await press(page, create);
    await expect(page.getByRole('heading', { level: 2, name: /1\. 组织领导/ })).toBeVisible();
  });
});
