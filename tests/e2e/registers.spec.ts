import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { sectionLinks } from './walk-helpers';

async function openSection(page: Page, number: number) {
  await page.getByRole('button', { name: /^(新建检查|New inspection)$/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /创建并开始填写|Create and start/ })
    .click();
  await sectionLinks(page)
    .nth(number - 1)
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${number}\\. `) }),
  ).toBeVisible();
}

test.describe('pasting from a spreadsheet', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('says in its message which cells were not pasted and why', async ({ page }) => {
    await openSection(page, 4);
    await page.getByRole('button', { name: '+ 添加一行' }).click();
    const type = page.getByRole('combobox', { name: '第 1 行 类型' });
    await type.selectOption({ label: '防火墙' });
    await page.evaluate(
      (text) => navigator.clipboard.writeText(text),
      [
        '路由器\t华为 USG6525E\tV600R007\t2026.11.01\t上周',
        '防病毒网关\t奇安信\tV1\t3.1\t2026-11-20\t多出来的一列',
      ].join('\n'),
    );
    await type.focus();
    await page.keyboard.press('Control+V');
    const message = page.getByRole('status').filter({ hasText: '已粘贴' });
    await expect(message).toContainText(
      '已粘贴 8 个单元格，新增 1 行；3 个单元格未粘贴：第 1 行“类型”：“路由器”不是可选项；' +
        '第 1 行“特征库更新日期”：“上周”不是日期；第 2 行“多出来的一列”超出了登记表的最后一列。',
    );
    // What was there stays; what fitted went in.
    await expect(type).toHaveValue('firewall');
    await expect(page.getByRole('textbox', { name: '第 1 行 厂商型号' })).toHaveValue(
      '华为 USG6525E',
    );
    await expect(page.getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue('奇安信');
    await screenshot(page, 'paste-refused-zh', false);
  });
});
