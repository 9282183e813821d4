import { expect, screenshot, test } from './fixtures';
import { item, sectionLinks, waitSaved } from './walk-helpers';

// The browser speaks English (its own date inputs would read mm/dd/yyyy); the app speaks Chinese.
test.use({ locale: 'en-US', viewport: { width: 1366, height: 768 } });

test('dates read the UI’s way, not the browser’s, and are typed the way people write them', async ({
  page,
}) => {
  await page.getByRole('button', { name: '新建检查' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '创建并开始填写' }).click();

  // An item's date, by keyboard: typed with slashes, read back the Chinese way, ↑ a day later.
  const review = page.getByRole('textbox', { name: '管理制度最近一次修订日期' });
  await review.focus();
  await page.keyboard.type('2026/3/5');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect(review).toHaveValue('2026年3月6日');

  // Not a date: said so under the field, and kept as typed.
  await review.fill('下周一');
  await expect(item(page, /管理制度最近一次修订日期/)).toContainText(
    '不是有效日期，请写成 2026年11月29日 或 2026-11-29',
  );
  await review.fill('2026年3月6日');
  await expect(item(page, /管理制度最近一次修订日期/)).not.toContainText('不是有效日期');

  // A corrective action's due date, typed the English way into the Chinese UI.
  const first = item(page, /成立由校长任组长/);
  await first.getByRole('radio', { name: '不符合' }).check();
  await first.getByRole('button', { name: '+ 添加整改措施' }).click();
  await first.getByLabel('整改内容').fill('补发领导小组任命文件');
  await first.getByLabel('整改期限').fill('29 Dec 2026');
  await first.getByRole('button', { name: '添加', exact: true }).click();
  await expect(first).toContainText('期限 2026年12月29日');

  // A register's date cell.
  await sectionLinks(page).nth(3).click();
  await page.getByRole('button', { name: '+ 添加一行' }).click();
  const updated = page.getByRole('textbox', { name: '第 1 行 特征库更新日期' });
  const devices = page.getByRole('table', { name: '安全设备登记表' });
  await updated.fill('上周');
  await expect(devices).toContainText(
    '特征库更新日期：不是有效日期，请写成 2026年11月29日 或 2026-11-29',
  );
  await updated.fill('2026.11.2');
  await expect(devices).not.toContainText('不是有效日期');
  await updated.press('Tab');
  await expect(updated).toHaveValue('2026年11月2日');
  // No browser date field shows anywhere: only its calendar button.
  await expect(page.locator('input[type=date]:visible')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: '打开日历：第 1 行 特征库更新日期' }),
  ).toBeVisible();
  await screenshot(page, 'dates-register-zh-browser-en', false);

  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: '第 1 行 特征库更新日期' })).toHaveValue(
    '2026年11月2日',
  );
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Row 1, Signature library updated' })).toHaveValue(
    '2 Nov 2026',
  );
  await sectionLinks(page).first().click();
  await expect(
    page.getByRole('textbox', { name: 'Date the policies were last revised' }),
  ).toHaveValue('6 Mar 2026');
  await expect(page.getByText('Due 29 Dec 2026')).toBeVisible();
  await screenshot(page, 'dates-items-en', false);
});
